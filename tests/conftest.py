"""Shared fixtures: the test database holds the project's real fixtures.

They are loaded once per session into the test database; every test runs in a
transaction rolled back afterwards, so each starts from the same directory. Tests that
need another starting point (an empty database) delete what they must inside the test.
Browser tests read the same committed data through one live server for the session
(`live_directory`); they change nothing, so nothing needs flushing or reloading.
"""

import fcntl
import os
import secrets
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import TestCase, TransactionTestCase
from django.utils import translation
from pytest_django.live_server_helper import LiveServer

from mechanisms.fixture_files import fixture_paths, load_files

# The order in which tests are handed out: the slowest first, so that no worker draws one
# at the end while the others sit idle (pytest-xdist follows the collection's order).
HANDED_OUT_FIRST = ("slow", "scale_out", "browser")


def flushes_the_database(item):
    """A transactional test empties the tables when it ends: as pytest-django orders
    them, it must run after every test that reads the session's fixtures."""
    test_class = getattr(item, "cls", None)
    if test_class and issubclass(test_class, TransactionTestCase):
        return not issubclass(test_class, TestCase)
    marker = item.get_closest_marker("django_db")
    options = marker.kwargs if marker else {}
    transaction = options.get("transaction", bool(marker and marker.args and marker.args[0]))
    return bool(
        transaction
        or options.get("reset_sequences")
        or {"transactional_db", "live_server"} & set(item.fixturenames)
    )


def pytest_collection_modifyitems(items):
    """Slow tests first, within pytest-django's order (transactional tests last)."""

    def order(item):
        marked = [i for i, name in enumerate(HANDED_OUT_FIRST) if item.get_closest_marker(name)]
        return flushes_the_database(item), marked[0] if marked else len(HANDED_OUT_FIRST)

    items.sort(key=order)


def load_project_fixtures():
    return load_files(fixture_paths(settings.FIXTURES_DIR))


@pytest.fixture(autouse=True)
def in_the_default_language():
    """Each test starts in English: a request to an /ar/ page leaves Arabic active in the
    thread that served it, which is the test's own thread under Django's test client."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_project_fixtures()


@pytest.fixture(scope="session")
def directory_server(django_db_setup):
    """One live server for the session. Not pytest-django's `live_server`, which makes
    every test that uses it transactional: a flush and a reload of the fixtures each."""
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def live_directory(directory_server, db):
    """The live server, serving the session's database to a test that may use it."""
    directory_server._live_server_modified_settings.enable()
    yield directory_server
    directory_server._live_server_modified_settings.disable()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory, worker_id):
    """The static files as a deploy collects them (production settings: hashed names,
    gzip and Brotli), collected once per run for every test that starts app servers.

    pytest-xdist's workers share the run's temporary directory: the first worker to ask
    collects under a lock while the others wait, and then all read the same files.
    collectstatic compresses every file with Brotli, seconds of CPU each time."""
    run_directory = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        run_directory = run_directory.parent
    static_root = run_directory / "collected-static"
    with open(run_directory / "collected-static.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (static_root / "staticfiles.json").exists():
            shutil.rmtree(static_root, ignore_errors=True)
            environment = os.environ | {
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "DEBUG": "false",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "STATIC_ROOT": str(static_root),
            }
            collected = subprocess.run(
                [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                cwd=settings.BASE_DIR,
                env=environment,
                capture_output=True,
                text=True,
                timeout=300,
            )
            if collected.returncode:
                pytest.fail(f"collectstatic failed:\n{collected.stdout}{collected.stderr}")
    return static_root
