"""The Arabic directory in a real Chromium: right to left, the switcher keeping the
filters, Arabic search however a word is written, and the admin form in both languages.
(The layout, accessibility and HTML checks of every page type in Arabic are in
test_screenshots.py, run in both languages.)"""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from mechanisms.models import Record
from tests.urls_in import arabic, english

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PROJECT = "iom-ro-mena-regional-project-libya-tunisia-egypt"
EDITOR_PASSWORD = "a long and unguessable test password"


@pytest.fixture(scope="session")
def editor_account(django_db_setup, django_db_blocker):
    """A staff account committed before any test's transaction, so that the live server
    (another connection) sees it."""
    with django_db_blocker.unblock():
        user, _created = User.objects.get_or_create(
            username="browser-editor", defaults={"is_staff": True, "is_superuser": True}
        )
        user.set_password(EDITOR_PASSWORD)
        user.save()
    return user


def test_an_arabic_page_reads_right_to_left(live_directory, page):
    page.goto(live_directory.url + arabic("directory:home"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    direction = page.evaluate("getComputedStyle(document.body).direction")
    assert direction == "rtl"
    # The main navigation starts on the right.
    box = page.locator(".main-nav").bounding_box()
    first_link = page.locator(".main-nav a").first.bounding_box()
    assert first_link["x"] + first_link["width"] > box["x"] + box["width"] / 2


def test_the_switcher_keeps_the_filters_sort_and_page(live_directory, page):
    query = "?country=EG&sort=title&per_page=10&page=2"
    page.goto(live_directory.url + english("mechanisms:activity-list") + query)
    page.locator(".language-switcher a[hreflang='ar']").click()
    page.wait_for_load_state()
    assert page.url == live_directory.url + arabic("mechanisms:activity-list") + query
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("input[name='country'][value='EG']").is_checked()
    page.locator(".language-switcher a[hreflang='en']").click()
    page.wait_for_load_state()
    assert page.url == live_directory.url + english("mechanisms:activity-list") + query


@pytest.mark.parametrize("query", ["إقليمي", "اقليمي", "الإقْلِيمِيّ"])
def test_an_arabic_word_written_three_ways_finds_its_record(live_directory, page, query):
    page.goto(live_directory.url + arabic("directory:home"))
    search = page.locator("form[role='search'] input[name='q']").first
    search.fill(query)
    search.press("Enter")
    page.wait_for_load_state()
    assert page.locator(f"a[href='{arabic('mechanisms:activity-detail', PROJECT)}']").count()


def test_the_admin_form_shows_english_and_arabic_side_by_side(live_directory, page, editor_account):
    page.goto(live_directory.url + reverse("admin:login"))
    page.fill("input[name='username']", editor_account.username)
    page.fill("input[name='password']", EDITOR_PASSWORD)
    page.locator("input[type='submit']").click()
    page.wait_for_load_state()
    page.goto(
        live_directory.url
        + reverse("admin:mechanisms_activity_change", args=[activity_pk(PROJECT)])
    )
    english_title = page.locator("input[name='title_en']")
    arabic_title = page.locator("input[name='title_ar']")
    assert english_title.input_value() == "Regional project covering Libya, Tunisia, and Egypt"
    assert arabic_title.input_value() == "مشروع إقليمي يشمل ليبيا وتونس ومصر"
    assert arabic_title.get_attribute("dir") == "rtl"
    assert arabic_title.get_attribute("lang") == "ar"
    # Side by side: the two columns of a field on one row.
    english_box, arabic_box = english_title.bounding_box(), arabic_title.bounding_box()
    assert abs(english_box["y"] - arabic_box["y"]) < 5
    assert page.locator("textarea[name='summary_ar'][dir='rtl']").count() == 1


def activity_pk(slug):
    return Record.objects.get(slug=slug).pk
