"""Structured logs: one JSON object a line on stdout, each with its request's id.

`RequestIdMiddleware` gives every request an id (the proxy's `X-Request-ID` when it is a
plain token, else a new one), sends it back in the response's `X-Request-ID` and stamps
it on every log line written while the request is served, so the access log line and
the application's lines of one request can be found together.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

current_request_id = contextvars.ContextVar("current_request_id", default="")
PLAIN_TOKEN = re.compile(r"[A-Za-z0-9._-]{1,64}")

# The attributes every LogRecord has; anything else on a record came from `extra=`.
STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if PLAIN_TOKEN.fullmatch(incoming) else uuid.uuid4().hex
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response.headers["X-Request-ID"] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Put the id of the request being served (or "") on each record as `request_id`."""

    def filter(self, record):
        if not getattr(record, "request_id", ""):
            record.request_id = current_request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """A record as one line of JSON: time, level, logger, message, the request's id, the
    fields given with `extra=` and, for an error, its traceback."""

    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in vars(record).items():
            if name not in STANDARD_ATTRIBUTES and name not in line and value not in ("", None):
                line[name] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str, ensure_ascii=False)
