"""Logs are JSON lines, each with the id of the request it came from."""

import json
import logging
import sys

import pytest
from django.urls import reverse

from config.logs import JsonFormatter, RequestIdFilter, current_request_id

pytestmark = pytest.mark.django_db


def formatted(record):
    RequestIdFilter().filter(record)
    return json.loads(JsonFormatter().format(record))


def test_a_log_line_is_one_json_object_with_the_request_id():
    token = current_request_id.set("abc123")
    try:
        record = logging.makeLogRecord(
            {"name": "mechanisms", "levelname": "WARNING", "msg": "Refused %s", "args": ("x",)}
        )
        record.status = 429
        line = formatted(record)
    finally:
        current_request_id.reset(token)
    assert line["level"] == "WARNING"
    assert line["logger"] == "mechanisms"
    assert line["message"] == "Refused x"
    assert line["request_id"] == "abc123"
    assert line["status"] == 429
    assert line["time"].endswith("+00:00")


def test_an_error_carries_its_traceback_in_the_one_line():
    try:
        raise ValueError("broken")
    except ValueError:
        record = logging.makeLogRecord(
            {"msg": "Failed", "levelname": "ERROR", "exc_info": sys.exc_info()}
        )
    assert "\n" not in JsonFormatter().format(record)
    assert "ValueError: broken" in formatted(record)["exception"]


def test_every_response_names_its_request(client):
    response = client.get(reverse("directory:home"))
    assert len(response["X-Request-ID"]) == 32
    assert client.get(reverse("directory:home"))["X-Request-ID"] != response["X-Request-ID"]


def test_the_proxys_request_id_is_kept_when_it_is_a_plain_token(client):
    kept = client.get(reverse("health:check"), HTTP_X_REQUEST_ID="edge-7f3a.1")
    assert kept["X-Request-ID"] == "edge-7f3a.1"
    replaced = client.get(reverse("health:check"), HTTP_X_REQUEST_ID='x"\n{"level": "ERROR"}')
    assert len(replaced["X-Request-ID"]) == 32
