"""With the database unreachable: a 503 that says so, never a 200 cut short or a 500."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down():
    refusal = OperationalError("connection refused")
    with mock.patch.object(connection, "ensure_connection", side_effect=refusal):
        yield


def test_the_api_answers_json_503(client, database_down):
    response = client.get(reverse("api:record-list", args=["activities"]))
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "60"
    assert response.json()["error"].startswith("The directory's database cannot be reached")


@pytest.mark.parametrize("export_format", ["csv", "json", "fixture.json"])
def test_a_download_fails_before_its_first_byte(client, database_down, export_format):
    response = client.get(reverse("mechanisms:activity-export", args=[export_format]))
    assert response.status_code == 503
    assert not response.streaming
    assert "Temporarily unavailable" in response.text


def test_a_page_says_the_site_is_temporarily_unavailable(client, database_down):
    response = client.get(reverse("mechanisms:activity-list"))
    assert response.status_code == 503
    assert "<h1>Temporarily unavailable</h1>" in response.text
    assert response["Cache-Control"] == "no-store"
