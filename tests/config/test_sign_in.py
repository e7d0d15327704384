"""Signing in to the admin: wrong passwords lock a username from one client for a while,
without locking it anywhere else; staff sessions end after a working day idle."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.9"
EDITOR_DESK = "198.51.100.20"
PASSWORD = "a long and good passphrase"


@pytest.fixture
def amina():
    return User.objects.create_user("amina", password=PASSWORD, is_staff=True)


def sign_in(client, password, address, username="amina"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def fail_until_locked(client, address, username="amina"):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        assert sign_in(client, "wrong", address, username).status_code in (200, 429)


def test_wrong_passwords_lock_the_username_from_that_client(client, amina):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "wrong", ATTACKER)
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.text
    locked = sign_in(client, "wrong", ATTACKER)
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.text
    assert "Signing in is paused for 15 minutes" in locked.text
    assert "Migration coordination directory: editors" in locked.text  # the admin's design
    assert locked["Retry-After"] == "900"
    right_password = sign_in(client, PASSWORD, ATTACKER)
    assert right_password.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_locked_out_guesser_does_not_lock_out_the_editor(client, amina):
    fail_until_locked(client, ATTACKER)
    assert sign_in(client, PASSWORD, ATTACKER).status_code == 429
    response = sign_in(client, PASSWORD, EDITOR_DESK)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_the_lock_lifts_after_the_cool_off(client, amina):
    fail_until_locked(client, ATTACKER)
    assert sign_in(client, PASSWORD, ATTACKER).status_code == 429
    # The cool-off counts from the last failure: move every failure back past it.
    AccessAttempt.objects.update(
        attempt_time=dt.datetime.now(dt.UTC) - settings.AXES_COOLOFF_TIME - dt.timedelta(seconds=1)
    )
    assert sign_in(client, PASSWORD, ATTACKER).status_code == 302


def test_an_administrator_can_lift_the_lock(client, amina):
    fail_until_locked(client, ATTACKER)
    call_command("axes_reset_ip_username", ATTACKER, "amina")
    assert sign_in(client, PASSWORD, ATTACKER).status_code == 302


def test_forwarded_addresses_are_ignored_without_a_trusted_proxy(client, amina):
    """A guesser cannot dodge the lock by claiming another address in a header."""
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("admin:login"),
            {"username": "amina", "password": "wrong"},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    assert sign_in(client, PASSWORD, ATTACKER).status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_the_forwarded_client_is_locked(client, amina):
    proxy = "10.0.0.2"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("admin:login"),
            {"username": "amina", "password": "wrong"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=ATTACKER,
        )
    locked = client.post(
        reverse("admin:login"),
        {"username": "amina", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=ATTACKER,
    )
    assert locked.status_code == 429
    through_the_same_proxy = client.post(
        reverse("admin:login"),
        {"username": "amina", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=EDITOR_DESK,
    )
    assert through_the_same_proxy.status_code == 302


def test_a_staff_session_ends_after_a_working_day_without_a_request(client, amina):
    assert settings.SESSION_COOKIE_AGE == 9 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert sign_in(client, PASSWORD, EDITOR_DESK).status_code == 302
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert response.cookies["sessionid"]["max-age"] == 9 * 60 * 60  # renewed by the request
    session = client.session
    session.set_expiry(-1)  # a working day has passed since the last request
    session.save()
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
