"""A reader's paths through the directory, in a real browser."""

import re

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_browse_by_country(live_directory, page):
    page.goto(live_directory.url)
    row = page.get_by_role("row", name=re.compile(r"^Egypt 7$"))
    row.get_by_role("link", name="Egypt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Egypt")
    page.get_by_role("link", name=re.compile("^IOM’s Regional Office")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Multilateral Coordination")
    expect(page.get_by_text("USD 211,000,000")).to_be_visible()


def test_browse_by_sdg(live_directory, page):
    page.goto(live_directory.url)
    page.get_by_role("link", name=re.compile(r"^16 Peace, Justice")).click()
    expect(page).to_have_url(re.compile(r"/sdgs/16/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Peace, Justice and Strong Institutions"
    )
    expect(
        page.get_by_role("heading", name=re.compile("^IOM’s Regional Office")).get_by_role("link")
    ).to_be_visible()


@pytest.mark.parametrize(("opened_at", "then"), [(390, 1280), (1280, 390)])
def test_the_filters_fold_at_phone_width_and_unfold_at_desktop_width(
    live_directory, page, opened_at, then
):
    """Folded on a phone, open on a desktop (where their summary cannot be clicked), and
    a window that crosses the width follows it."""
    filters = page.locator("details.filter-panel")
    page.set_viewport_size({"width": opened_at, "height": 900})
    page.goto(f"{live_directory.url}/activities/")
    expect(filters).to_have_js_property("open", opened_at > 390)
    page.set_viewport_size({"width": then, "height": 900})
    expect(filters).to_have_js_property("open", then > 390)
    expect(page.get_by_role("button", name="Apply filters")).to_be_visible(visible=then > 390)


def test_combine_two_filters(live_directory, page):
    page.goto(f"{live_directory.url}/activities/")
    expect(page.locator("#results-heading")).to_have_text("22 results")
    page.get_by_label(re.compile(r"^Egypt")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"country=EG"))
    expect(page.locator("#results-heading")).to_have_text("6 results")
    completed = page.locator("label", has_text="Completed").locator(".facet__count")
    count = re.search(r"\d+", completed.text_content())[0]
    page.get_by_label(re.compile(r"^Completed")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"country=EG.*status=completed"))
    expect(page.locator("#results-heading")).to_have_text(f"{count} results")
    page.get_by_role("link", name=re.compile(r"Country: Egypt")).click()
    expect(page).not_to_have_url(re.compile(r"country="))
    expect(page).to_have_url(re.compile(r"status=completed"))


def test_page_forward_and_back_with_the_filters_kept(live_directory, page):
    page.goto(f"{live_directory.url}/activities/?status=completed&sort=-date&per_page=10")
    first_page_titles = page.locator(".record-row__title").all_inner_texts()
    page.get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page).to_have_url(re.compile(r"status=completed"))
    expect(page).to_have_url(re.compile(r"sort=-date"))
    expect(page.get_by_label("Completed")).to_be_checked()
    assert page.locator(".record-row__title").all_inner_texts() != first_page_titles
    page.get_by_role("link", name="Previous").click()
    expect(page).to_have_url(re.compile(r"status=completed"))
    assert page.locator(".record-row__title").all_inner_texts() == first_page_titles


def test_search_and_open_a_detail_page(live_directory, page):
    page.goto(live_directory.url)
    page.get_by_role("search").first.get_by_role("searchbox").fill("agroecology")
    page.get_by_role("search").first.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search results for “agroecology”")
    expect(page.get_by_text("Why it matched:").first).to_be_visible()
    page.get_by_role("link", name=re.compile("Diaspora’s Engagement")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Diaspora’s Engagement into Development of Agroecology in Morocco"
    )
    expect(page.get_by_role("link", name="IOM Development Fund")).to_be_visible()


def test_reveal_the_protected_email(live_directory, page):
    cache.clear()  # the count of reveals per client starts afresh
    page.goto(live_directory.url + reverse("mechanisms:person-detail", args=["tamim-elyan"]))
    expect(page.get_by_text("telyan@iom.int")).to_have_count(0)
    page.get_by_role("link", name="Show the email address").click()
    link = page.get_by_role("link", name="telyan@iom.int")
    expect(link).to_have_attribute("href", "mailto:telyan@iom.int")
    expect(page).to_have_url(re.compile(r"/people/tamim-elyan/$"))  # revealed in place


def test_the_protected_email_without_javascript(live_directory, page_without_javascript):
    cache.clear()
    page = page_without_javascript
    page.goto(live_directory.url + reverse("mechanisms:person-detail", args=["tamim-elyan"]))
    expect(page.get_by_text("telyan@iom.int")).to_have_count(0)
    page.get_by_role("link", name="Show the email address").click()
    expect(page.get_by_text("telyan@iom.int")).to_have_count(0)
    page.get_by_role("button", name="Show the email address").click()
    expect(page.get_by_role("link", name="telyan@iom.int")).to_be_visible()


@override_settings(EMAIL_REVEAL_LIMIT=0)
def test_a_refused_reveal_says_why(live_directory, watched):
    cache.clear()
    page = watched.page
    page.goto(live_directory.url + reverse("mechanisms:person-detail", args=["tamim-elyan"]))
    page.get_by_role("link", name="Show the email address").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Too many email addresses were asked for from your connection."
    )
    expect(page.get_by_text("telyan@iom.int")).to_have_count(0)
    # The browser reports the 429 itself; that one is expected, and nothing else.
    assert [problem for problem in watched.problems if "status of 429" not in problem] == []
    watched.problems.clear()


def test_the_focal_point_without_an_email_says_so(live_directory, page):
    page.goto(f"{live_directory.url}/mechanisms/iom-ro-mena-coordination-mechanism/")
    expect(page.get_by_text("Not published at the source")).to_be_visible()
    expect(page.get_by_role("link", name="+20 1016255500")).to_have_attribute(
        "href", "tel:+201016255500"
    )
