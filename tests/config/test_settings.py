"""Settings come from the environment; production refuses to start without a secret."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

PROJECT = Path(__file__).resolve().parents[2]


def settings_under(env, *, cwd=PROJECT):
    """Import the settings in a fresh interpreter with exactly `env`; return them or stderr."""
    code = (
        "import json, config.settings as s; "
        "print(json.dumps({'DEBUG': s.DEBUG, 'DATABASES': s.DATABASES, "
        "'ALLOWED_HOSTS': s.ALLOWED_HOSTS, 'SECRET_KEY': s.SECRET_KEY, "
        "'CACHES': getattr(s, 'CACHES', None)}, default=str))"
    )
    clean = {"PATH": os.environ["PATH"], "PYTHONPATH": str(PROJECT)} | env
    result = subprocess.run(
        [sys.executable, "-c", code], env=clean, cwd=cwd, capture_output=True, text=True
    )
    if result.returncode:
        return result.stderr
    return json.loads(result.stdout)


def test_production_without_a_secret_key_fails_loudly():
    error = settings_under({"DEBUG": "false"})
    assert isinstance(error, str)
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off" in error


def test_production_has_no_default_hosts():
    settings = settings_under({"SECRET_KEY": "k" * 50})
    assert settings["DEBUG"] is False
    assert settings["ALLOWED_HOSTS"] == []


def test_a_malformed_boolean_is_refused():
    assert "is not a boolean" in settings_under({"DEBUG": "maybe", "SECRET_KEY": "k"})


def test_the_embedded_default_is_a_sqlite_file_in_the_project():
    settings = settings_under({"SECRET_KEY": "k"})
    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(PROJECT / "db.sqlite3")


def test_database_url_selects_postgresql_with_persistent_connections():
    settings = settings_under(
        {"SECRET_KEY": "k", "DATABASE_URL": "postgres://editor:pw@db.example:5432/directory"}
    )
    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["HOST"], database["USER"]) == (
        "directory",
        "db.example",
        "editor",
    )
    assert database["CONN_MAX_AGE"] == 600
    assert database["CONN_HEALTH_CHECKS"] is True


def test_postgresql_connections_do_without_jit_and_keep_their_own_options_last():
    url = "postgres://editor:pw@db.example:5432/directory"
    plain = settings_under({"SECRET_KEY": "k", "DATABASE_URL": url})
    assert plain["DATABASES"]["default"]["OPTIONS"]["options"] == "-c jit=off"
    own = settings_under({"SECRET_KEY": "k", "DATABASE_URL": f"{url}?options=-c%20jit%3Don"})
    # the URL's own come last: PostgreSQL keeps the last value given for a setting
    assert own["DATABASES"]["default"]["OPTIONS"]["options"] == "-c jit=off -c jit=on"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_the_database_session_has_jit_off(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_redis_url_selects_the_redis_cache():
    settings = settings_under({"SECRET_KEY": "k", "REDIS_URL": "redis://127.0.0.1:6379/3"})
    assert settings["CACHES"]["default"]["BACKEND"].endswith("RedisCache")
    assert settings["CACHES"]["default"]["LOCATION"] == "redis://127.0.0.1:6379/3"


def test_development_generates_a_secret_once_and_keeps_it(tmp_path):
    project_copy = tmp_path / "project"
    (project_copy / "config").mkdir(parents=True)
    for name in ("__init__.py", "settings.py", "env.py"):
        (project_copy / "config" / name).write_text((PROJECT / "config" / name).read_text())
    env = {"DEBUG": "true", "PYTHONPATH": str(project_copy)}
    first = settings_under(env, cwd=project_copy)
    second = settings_under(env, cwd=project_copy)
    assert len(first["SECRET_KEY"]) >= 50
    assert first["SECRET_KEY"] == second["SECRET_KEY"]
    key_file = project_copy / ".secret_key"
    assert key_file.read_text().strip() == first["SECRET_KEY"]
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"


def test_a_bare_path_redirects_by_the_browsers_language(client, db):
    arabic = client.get("/activities/?country=EG", HTTP_ACCEPT_LANGUAGE="ar")
    assert (arabic.status_code, arabic["Location"]) == (302, "/ar/activities/?country=EG")
    page = client.get("/ar/")
    assert '<html lang="ar" dir="rtl">' in page.text
    assert 'hreflang="en" href="/en/"' in page.text
    english = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert english["Location"] == "/en/"
    assert '<html lang="en" dir="ltr">' in client.get("/en/").text


def test_an_unknown_language_prefix_is_not_found(client, db):
    assert client.get("/fr/").status_code == 404
    assert client.get("/fr/activities/").status_code == 404
