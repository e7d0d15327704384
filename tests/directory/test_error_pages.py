"""Errors in the site's design and in the visitor's language, never Django's bare pages."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import bad_request, permission_denied, server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/en/no-such-page/", "Page not found"), ("/ar/no-such-page/", "الصفحة غير موجودة")],
)
def test_a_missing_page_is_a_404_in_the_sites_design(client, path, heading):
    response = client.get(path)
    assert response.status_code == 404
    assert f"<h1>{heading}</h1>" in response.text
    assert 'class="main-nav"' in response.text
    assert 'role="search"' in response.text


def test_an_unknown_language_is_a_404_in_the_sites_design(client):
    response = client.get("/fr/activities/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text


@pytest.mark.parametrize(
    ("view", "status", "heading"),
    [(bad_request, 400, "Bad request"), (permission_denied, 403, "Not allowed")],
)
def test_a_refusal_is_explained_in_the_sites_design(view, status, heading):
    request = RequestFactory().get("/en/")
    response = view(request, exception=Exception())
    assert response.status_code == status
    assert f"<h1>{heading}</h1>" in response.content.decode()


def test_a_server_error_page_needs_neither_the_request_nor_the_database(
    django_assert_num_queries,
):
    with translation.override("ar"), django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/ar/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>حدث خطأ ما</h1>" in html


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_very_long_query_value_is_refused_without_being_repeated(client, language):
    long_value = "migration" * 200
    with translation.override(language):
        url = reverse("mechanisms:activity-list")
    response = client.get(url, {"q": long_value, "country": "EG"})
    assert response.status_code == 400
    assert "1000" in response.text
    assert long_value[:500] not in response.text


def test_a_very_long_query_value_is_a_json_400_from_the_api(client):
    response = client.get(reverse("api:record-list", args=["activities"]), {"q": "x" * 1001})
    assert response.status_code == 400
    assert "1000" in response.json()["error"]
