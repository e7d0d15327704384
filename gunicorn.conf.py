"""gunicorn's settings: `gunicorn config.wsgi` reads this file from the working directory.

Behind a reverse proxy that terminates TLS and buffers slow clients (README, "Deploy").
Every setting that depends on the machine comes from the environment.
"""

import datetime as dt
import multiprocessing
import os

from gunicorn.glogging import Logger

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Threaded workers, one thread each by default: the pages are short CPU and database
# work. Not sync workers: a sync worker cannot tell the master it is alive while it
# serves, so a request that outlasts `timeout` is killed mid-stream, and the visitor gets
# a truncated file with a 200 (the CSV of 100,000 records streams for minutes,
# benchmarks/RESULTS.md). A threaded worker's main thread answers the master while
# another streams; `timeout` then restarts a worker whose main loop is stuck. Twice the
# cores plus one is gunicorn's advice, capped so a large machine does not open more
# database connections than PostgreSQL allows (each worker keeps one, see CONN_MAX_AGE).
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 12)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# A worker whose main loop is silent for this long is killed (and logged) and replaced.
# On a restart, workers finish what they serve.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, at staggered moments, so slow leaks cannot pile up. A new
# worker costs about a second of CPU to start and begins with cold caches; at a few
# requests a second this recycles a worker a few times a day, and a burst of cached pages
# (900 a second here) about once a minute, not every few seconds: at 2,000 requests the
# cached list's p99 was 463 ms against 25 ms without recycling (benchmarks/RESULTS.md).
max_requests = 20000
max_requests_jitter = 2000
# No control socket: its default path is one per user, so a second instance on the
# host would take it over; signals (HUP to reload, TERM to stop) do the same work.
control_socket_disable = True

# Request size limits: the request line (the URL with its query string), the number of
# headers and each header's size. Bodies are limited by Django
# (DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB) and by the proxy.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190


class JsonAccessLogger(Logger):
    """One JSON line per request on the access log, with the request's id."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        response_headers = {name.lower(): value for name, value in resp.headers}
        self.access_log.info(
            "%s %s %s",
            environ["REQUEST_METHOD"],
            environ.get("RAW_URI", environ.get("PATH_INFO", "")),
            status,
            extra={
                "method": environ["REQUEST_METHOD"],
                "path": environ.get("RAW_URI", environ.get("PATH_INFO", "")),
                "status": int(status),
                "bytes": getattr(resp, "sent", None),
                "duration_ms": round(request_time / dt.timedelta(milliseconds=1), 1),
                "remote_addr": environ.get("REMOTE_ADDR", ""),
                "forwarded_for": environ.get("HTTP_X_FORWARDED_FOR", ""),
                "user_agent": environ.get("HTTP_USER_AGENT", ""),
                "request_id": response_headers.get("x-request-id", ""),
            },
        )


logger_class = JsonAccessLogger
accesslog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.logs.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        }
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["stdout"], "level": "INFO"},
}
