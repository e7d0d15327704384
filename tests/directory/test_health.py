"""/health/ tells a load balancer whether this app server can serve, and nothing more."""

import pytest
from django.conf import settings
from django.db import DatabaseError, connection
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 1},
    }
}


def test_healthy_with_its_database(client):
    response = client.get(reverse("health:check"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-store" in response["Cache-Control"]


def test_a_database_that_fails_gives_503_without_details(client, monkeypatch):
    def refuse():
        raise DatabaseError('password authentication failed for user "directory"')

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get(reverse("health:check"))
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable"}}
    assert "password" not in response.text


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.TEST_REDIS_URL,
            "KEY_PREFIX": "health-test",
        }
    }
)
def test_redis_is_checked_when_it_is_the_cache(client):
    response = client.get(reverse("health:check"))
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok"}


@override_settings(CACHES=UNREACHABLE_REDIS)
def test_an_unreachable_redis_gives_503(client):
    response = client.get(reverse("health:check"))
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}
    assert "127.0.0.1" not in response.text


def test_only_get_and_head(client):
    assert client.post(reverse("health:check")).status_code == 405
