"""Every type of page carries the security headers; in production mode HSTS too."""

import pytest
from django.test import override_settings
from django.urls import reverse

from mechanisms.kinds import registry
from mechanisms.models import Record

pytestmark = pytest.mark.django_db

YEAR = 365 * 24 * 60 * 60


def kind_pages():
    """A list, its downloads and feed, and a published record of every kind."""
    pages = []
    for kind in registry:
        record = Record.objects.published().filter(kind=kind.value).order_by("slug").first()
        assert record, f"the fixtures hold a published {kind.value}"
        pages += [
            reverse(f"{kind.url_name_prefix}-list"),
            reverse(f"{kind.url_name_prefix}-export", args=["csv"]),
            reverse(f"{kind.url_name_prefix}-feed"),
            record.get_absolute_url(),
        ]
    return pages


def page_types():
    return [
        reverse("directory:home"),
        reverse("directory:country-list"),
        reverse("directory:country-detail", args=["eg"]),
        reverse("directory:sdg-list"),
        reverse("directory:sdg-detail", args=[16]),
        reverse("directory:search") + "?q=migration",
        reverse("directory:search-export", args=["json"]) + "?q=migration",
        reverse("mechanisms:organisation-list"),
        reverse("mechanisms:organisation-detail", args=["iom-ro-mena"]),
        reverse("mechanisms:person-list"),
        reverse("mechanisms:person-detail", args=["tamim-elyan"]),
        reverse("mechanisms:person-email", args=["tamim-elyan"]),
        reverse("api:index"),
        reverse("api:record-list", args=["activities"]),
        reverse("api:person-detail", args=["tamim-elyan"]),
        reverse("admin:login"),
        reverse("health:check"),
        *kind_pages(),
    ]


def assert_security_headers(response, url):
    assert response.status_code == 200, url
    policy = response["Content-Security-Policy"]
    for directive in ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"]:
        assert directive in policy, (url, policy)
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == "same-origin", url
    assert response["X-Frame-Options"] == "DENY", url
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", url


def test_every_page_type_carries_the_security_headers(client):
    for url in page_types():
        assert_security_headers(client.get(url), url)


def test_a_missing_page_and_a_refused_filter_carry_them_too(client):
    missing = client.get(reverse("mechanisms:person-detail", args=["nobody"]))
    assert missing.status_code == 404
    assert "frame-ancestors 'none'" in missing["Content-Security-Policy"]
    refused = client.get(reverse("api:record-list", args=["activities"]), {"country": "XX"})
    assert refused.status_code == 400
    assert refused["X-Content-Type-Options"] == "nosniff"


@override_settings(
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=YEAR,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
)
def test_behind_tls_every_page_type_carries_hsts_and_plain_http_is_redirected(client):
    for url in page_types():
        response = client.get(url, HTTP_X_FORWARDED_PROTO="https")
        assert_security_headers(response, url)
        assert response["Strict-Transport-Security"] == (
            f"max-age={YEAR}; includeSubDomains; preload"
        ), url
    plain = client.get(reverse("directory:home"))
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")


@override_settings(
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"), SECURE_SSL_REDIRECT=True
)
def test_load_balancers_may_probe_health_over_plain_http(client):
    assert client.get(reverse("health:check")).status_code == 200
