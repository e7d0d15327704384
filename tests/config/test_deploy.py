"""The production environment the README documents passes Django's deployment checks,
and gunicorn's configuration holds its limits."""

import http.client
import multiprocessing
import os
import runpy
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.config import slow_stream

PROJECT = Path(__file__).resolve().parents[2]

# README, "Deploy": the environment of an app server behind a TLS proxy.
PRODUCTION = {
    "SECRET_KEY": "a-production-key-of-fifty-characters-or-more-0123456789abcdef",
    "ALLOWED_HOSTS": "directory.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://directory.example.org",
    "DATABASE_URL": "postgres://directory:secret@db.internal:5432/directory",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "BEHIND_TLS_PROXY": "true",
    "TRUSTED_PROXY_COUNT": "1",
}


def check_deploy(env):
    clean = {"PATH": os.environ["PATH"]} | env
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_documented_production_environment_passes_check_deploy():
    result = check_deploy(PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("change", "warning"),
    [
        ({"BEHIND_TLS_PROXY": "false"}, "security.W004"),
        ({"SECURE_SSL_REDIRECT": "false"}, "security.W008"),
        ({"SECURE_HSTS_PRELOAD": "false"}, "security.W021"),
        ({"SECRET_KEY": "short"}, "security.W009"),
    ],
)
def test_a_weaker_environment_fails_it(change, warning):
    result = check_deploy(PRODUCTION | change)
    assert result.returncode == 1
    assert warning in result.stderr


def gunicorn_settings():
    return runpy.run_path(str(PROJECT / "gunicorn.conf.py"))


def test_gunicorn_limits_requests_and_logs_to_stdout(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    config = gunicorn_settings()
    assert config["workers"] == min(2 * multiprocessing.cpu_count() + 1, 12)
    assert config["timeout"] == 30
    assert config["worker_class"] == "gthread"  # see the next test
    assert config["graceful_timeout"] == 30
    assert config["limit_request_line"] == 4094
    assert config["limit_request_fields"] == 100
    assert config["limit_request_field_size"] == 8190
    # Workers are recycled, at staggered moments, but not so often that a burst of cached
    # pages spends its time starting new ones.
    assert config["max_requests"] >= 20000
    assert 0 < config["max_requests_jitter"] < config["max_requests"]
    assert config["accesslog"] == "-"
    handler = config["logconfig_dict"]["handlers"]["stdout"]
    assert handler["stream"] == "ext://sys.stdout"


def test_gunicorn_workers_follow_the_environment(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("GUNICORN_THREADS", "4")
    config = gunicorn_settings()
    assert (config["workers"], config["threads"]) == (3, 4)


@pytest.fixture
def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_a_download_longer_than_the_timeout_is_served_whole(free_port):
    """A worker streaming for longer than `timeout` is not killed mid-stream: the visitor
    would get a truncated file with a 200."""
    environment = os.environ | {
        "GUNICORN_BIND": f"127.0.0.1:{free_port}",
        "GUNICORN_TIMEOUT": "1",
        "WEB_CONCURRENCY": "1",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tests.config.slow_stream:application"],
        cwd=PROJECT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        body = fetch_when_up(free_port)
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[1].decode()
    assert 2 * int(environment["GUNICORN_TIMEOUT"]) < slow_stream.CHUNKS * slow_stream.PAUSE
    assert body == "".join(f"line {number}\n" for number in range(slow_stream.CHUNKS))
    assert "WORKER TIMEOUT" not in log


def fetch_when_up(port, attempts=100):
    for _ in range(attempts):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        try:
            connection.request("GET", "/")
            return connection.getresponse().read().decode()
        except http.client.IncompleteRead as cut:  # the worker was killed mid-stream
            return cut.partial.decode()
        except ConnectionRefusedError:
            time.sleep(0.1)
        finally:
            connection.close()
    raise AssertionError(f"gunicorn did not answer on port {port}")
