"""Errors in the site's design and in the visitor's language, never Django's bare pages."""

import pytest
from django.test import RequestFactory
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
