"""The region map and the statistics charts in a real browser, in both directions."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.conftest import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# For each drawn bar, how far its start edge lies from the chart's, in pixels: zero when
# bars grow from the start of the line (the left, or the right in Arabic).
BAR_OFFSETS = """(rtl) => Array.from(document.querySelectorAll(".chart__svg")).flatMap((svg) => {
  const chart = svg.getBoundingClientRect();
  return Array.from(svg.querySelectorAll(".chart__bar"))
    .map((bar) => bar.getBoundingClientRect())
    .filter((bar) => bar.width > 0)
    .map((bar) => rtl ? chart.right - bar.right : bar.left - chart.left);
})"""
# Labels that run past the chart's edges.
LABELS_CUT = """() => Array.from(document.querySelectorAll(".chart__svg")).flatMap((svg) => {
  const chart = svg.getBoundingClientRect();
  return Array.from(svg.querySelectorAll(".chart__label"))
    .filter((label) => {
      const box = label.getBoundingClientRect();
      return box.left < chart.left - 1 || box.right > chart.right + 1;
    })
    .map((label) => label.textContent);
})"""


@pytest.fixture
def arabic(settings):
    """Arabic offered, so that a browser asking for it gets right-to-left pages (the
    /ar/ URLs will come with the site's translation)."""
    settings.LANGUAGES = [("en", "English"), ("ar", "Arabic")]


def test_the_map_links_to_each_country_and_its_table_carries_them_for_keyboards(
    live_directory, page
):
    page.goto(live_directory.url + reverse("directory:home"))
    # The drawing is hidden from assistive technology: the table's link is the only one.
    egypt = page.get_by_role("link", name="Egypt", exact=True)
    expect(egypt).to_have_count(1)
    egypt.focus()
    expect(egypt).to_be_focused()
    drawn = page.locator(".region-map__svg a")
    assert drawn.count() == 22 + 7  # each state, and the markers of the small ones
    assert set(drawn.evaluate_all("links => links.map(link => link.tabIndex)")) == {-1}
    page.locator(".region-map__svg a", has=page.locator("title", has_text="Egypt: 7")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Egypt")


def test_a_bar_leads_to_the_records_it_counts(live_directory, page):
    page.goto(live_directory.url + reverse("directory:statistics"))
    chart = page.locator("#chart-member-states")
    chart.locator(".chart__link", has_text="Tunisia").locator(".chart__bar").click()
    expect(page).to_have_url(re.compile(r"/search/\?country=TN$"))
    expect(page.locator("#results-heading")).to_have_text("4 results")


def test_a_chart_table_opens_with_the_same_numbers(live_directory, page):
    page.goto(live_directory.url + reverse("directory:statistics"))
    chart = page.locator("#chart-kinds")
    chart.get_by_text("The numbers as a table").click()
    row = chart.get_by_role("row", name=re.compile("^Activities and events"))
    expect(row).to_contain_text("22")
    row.get_by_role("link").click()
    expect(page.locator("#results-heading")).to_have_text("22 results")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_bars_grow_from_the_start_of_the_line_and_labels_fit(
    live_directory, browser, request, arabic, width, language
):
    watched = open_page(
        browser,
        request,
        viewport={"width": width, "height": 900},
        extra_http_headers={"Accept-Language": language},
    )
    page = watched.page
    with translation.override(language):
        url = reverse("directory:statistics")
    page.goto(live_directory.url + url)
    rtl = language == "ar"
    assert page.evaluate("document.documentElement.dir") == ("rtl" if rtl else "ltr")
    offsets = page.evaluate(BAR_OFFSETS, rtl)
    assert offsets and all(abs(offset) < 1 for offset in offsets), offsets
    assert page.evaluate(LABELS_CUT) == []
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert not watched.problems, watched.problems
