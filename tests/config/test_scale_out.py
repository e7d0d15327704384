"""App servers keep no state of their own: two gunicorn instances on one database and
one Redis serve one site.

The module sets up a scratch database as the README's deploy does (setup_directory, an
account; the static files are collected once per run, `collected_static`), starts two
instances on free loopback ports with the production settings, and talks to them as a TLS
proxy would (X-Forwarded-Proto and X-Forwarded-For, one trusted proxy). The database is a
scratch PostgreSQL database beside the test database when the suite runs on PostgreSQL,
else a SQLite file. Everything is bounded in time and removed afterwards.
"""

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import closing
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg
import pytest
import redis
from django.conf import settings
from django.urls import reverse

# One worker runs the whole module: its two app servers start once.
pytestmark = [pytest.mark.scale_out, pytest.mark.xdist_group("scale_out")]

PROJECT = Path(__file__).resolve().parents[2]
REDIS_URL = settings.TEST_REDIS_URL
PUBLISHER, PASSWORD = "omar", "tidal-orchard-velvet-91"
EDITOR_DESK, GUESSER = "198.51.100.20", "203.0.113.9"
RECORD = "iom-ro-mena-coordination-mechanism"
START_TIMEOUT = 60
REVEAL_LIMIT = 2
# Each refused password costs a full hash (PBKDF2, production's hasher): a low limit keeps
# the lockout test to two of them.
FAILURE_LIMIT = 2


def free_port():
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_manage(env, *arguments):
    subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )


def scratch_database(tmp_path):
    """A URL of an empty database of the suite's engine, and a function that drops it."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        return f"sqlite:///{tmp_path / 'site.sqlite3'}", lambda: None
    # One per pytest-xdist worker: two workers may each run tests of this module.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"{urlsplit(os.environ['DATABASE_URL']).path.lstrip('/')}_scale_out_{worker}"
    server = {
        "host": database["HOST"] or "127.0.0.1",
        "port": database["PORT"] or 5432,
        "user": database["USER"],
        "password": database["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }

    def drop():
        with psycopg.connect(**server) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    drop()
    with psycopg.connect(**server) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}")), drop


class Instance:
    """One app server, spoken to as through a TLS proxy; cookies are kept by the caller."""

    def __init__(self, env, log_path):
        self.port = free_port()
        self.log_path = log_path
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{self.port}"],
            cwd=PROJECT,
            env=env | {"WEB_CONCURRENCY": "1"},
            stdout=log_path.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def request(self, method, path, *, client=EDITOR_DESK, cookies=None, form=None, **headers):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": client,
            **headers,
        }
        if cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://127.0.0.1:{self.port}"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.text = response.read().decode()
        finally:
            connection.close()
        if cookies is not None:
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    cookies[name] = morsel.value
        return response

    def wait_until_healthy(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn stopped:\n{self.log_path.read_text()}")
            try:
                if self.request("GET", reverse("health:check")).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError(f"gunicorn did not answer in time:\n{self.log_path.read_text()}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def instances(tmp_path_factory, collected_static):
    tmp_path = tmp_path_factory.mktemp("scale_out")
    database_url, drop_database = scratch_database(tmp_path)
    cache_prefix = f"scale-out-{secrets.token_hex(4)}"
    env = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": cache_prefix,
        "BEHIND_TLS_PROXY": "true",
        "TRUSTED_PROXY_COUNT": "1",
        "EMAIL_REVEAL_LIMIT": str(REVEAL_LIMIT),
        "LOGIN_FAILURE_LIMIT": str(FAILURE_LIMIT),
        "STATIC_ROOT": str(collected_static),
    }
    started = []
    try:
        run_manage(env, "setup_directory")
        run_manage(env, "create_account", PUBLISHER, "--role", "publisher", "--password", PASSWORD)
        started = [Instance(env, tmp_path / f"gunicorn-{name}.log") for name in "ab"]
        for instance in started:
            instance.wait_until_healthy()
        yield started
    finally:
        for instance in started:
            instance.stop()
        drop_database()
        with redis.Redis.from_url(REDIS_URL) as shared_cache:
            for key in shared_cache.scan_iter(f"{cache_prefix}:*"):
                shared_cache.delete(key)


def csrf_token(page):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]


def sign_in(instance, cookies, password=PASSWORD, client=EDITOR_DESK):
    login = reverse("admin:login")
    page = instance.request("GET", login, cookies=cookies, client=client)
    form = {
        "csrfmiddlewaretoken": csrf_token(page),
        "username": PUBLISHER,
        "password": password,
        "next": reverse("admin:index"),
    }
    return instance.request("POST", login, cookies=cookies, form=form, client=client)


def test_a_staff_sign_in_on_one_holds_on_the_other(instances):
    one, other = instances
    cookies = {}
    signed_in = sign_in(one, cookies)
    assert signed_in.status == 302, signed_in.text
    assert signed_in.headers["Location"] == reverse("admin:index")
    admin_index = other.request("GET", reverse("admin:index"), cookies=cookies)
    assert admin_index.status == 200
    assert "Migration coordination directory: editors" in admin_index.text
    assert f"<strong>{PUBLISHER}</strong>" in admin_index.text


def test_an_edit_on_one_shows_on_the_other_at_once(instances):
    one, other = instances
    public_page = reverse("mechanisms:mechanism-detail", args=[RECORD])
    for _ in range(2):  # the second answer comes from the shared page cache
        before = other.request("GET", public_page)
        assert before.status == 200
        assert "Not yet reviewed by an editor." in before.text
    cookies = {}
    assert sign_in(one, cookies).status == 302
    changelist = reverse("admin:mechanisms_mechanism_changelist")
    page = one.request("GET", f"{changelist}?q=Regional+Office", cookies=cookies)
    record_id = re.search(r'name="_selected_action" value="(\d+)"', page.text)[1]
    form = {
        "csrfmiddlewaretoken": csrf_token(page),
        "action": "mark_reviewed",
        "_selected_action": record_id,
    }
    assert one.request("POST", changelist, cookies=cookies, form=form).status == 302
    after = other.request("GET", public_page)
    assert after.status == 200
    assert "Last reviewed by an editor:" in after.text
    assert after.headers["ETag"] != before.headers["ETag"]


def test_a_lockout_on_one_holds_on_the_other(instances):
    one, other = instances
    guesser_cookies = {}
    for _ in range(FAILURE_LIMIT):
        sign_in(one, guesser_cookies, password="wrong", client=GUESSER)
    locked = sign_in(other, {}, client=GUESSER)
    assert locked.status == 429
    assert "Sign-in paused" in locked.text
    from_the_editors_desk = sign_in(other, {}, client=EDITOR_DESK)
    assert from_the_editors_desk.status == 302


def test_the_limit_on_email_reveals_is_shared(instances):
    one, other = instances
    reveal = reverse("mechanisms:person-email", args=["tamim-elyan"])
    client = "192.0.2.77"
    for instance in [one, other][:REVEAL_LIMIT]:
        cookies = {}
        page = instance.request("GET", reveal, cookies=cookies, client=client)
        form = {"csrfmiddlewaretoken": csrf_token(page)}
        shown = instance.request("POST", reveal, cookies=cookies, form=form, client=client)
        assert "mailto:telyan@iom.int" in shown.text
    cookies = {}
    page = one.request("GET", reveal, cookies=cookies, client=client)
    form = {"csrfmiddlewaretoken": csrf_token(page)}
    refused = one.request("POST", reveal, cookies=cookies, form=form, client=client)
    assert refused.status == 429
    assert "telyan@iom.int" not in refused.text


def test_production_headers_and_json_logs(instances):
    one, _other = instances
    home = one.request("GET", reverse("directory:home"), **{"X-Request-ID": "probe-42"})
    assert home.status == 200
    assert home.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert home.headers["X-Request-ID"] == "probe-42"
    plain = one.request("GET", reverse("directory:home"), **{"X-Forwarded-Proto": "http"})
    assert plain.status == 301
    assert plain.headers["Location"].startswith("https://")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "probe-42" not in one.log_path.read_text():
        time.sleep(0.2)
    lines = [json.loads(line) for line in one.log_path.read_text().splitlines()]
    access = [line for line in lines if line.get("request_id") == "probe-42"]
    assert access, "the access log names the request's id"
    assert access[0]["logger"] == "gunicorn.access"
    assert access[0]["status"] == 200
    assert access[0]["path"] == reverse("directory:home")
