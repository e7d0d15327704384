"""Every page type: it fits phone and desktop widths, it is whole, it logs no error, and
it passes the standards checks (axe-core and the Nu HTML Checker, `checks.py`). Each page
is opened once per language and checked at both widths on that visit: English pages open
at phone width and are then widened, Arabic pages open at desktop width and are then
narrowed, so every page type is also opened afresh at each width.

With SCREENSHOTS=1 in the environment each page is also saved in test-artifacts/ to be
looked at (full-page screenshots cost more time than the checks themselves).
"""

import os

import pytest
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.http import urlencode
from django.utils.text import format_lazy
from django.utils.translation import gettext

from tests.browser.checks import (
    axe_violations,
    describe_errors,
    describe_violations,
    load_axe,
    vnu_errors,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def url(viewname, *args, query=None):
    """A page's path, reversed when a test asks for it, with an optional query string."""
    path = reverse_lazy(viewname, args=args)
    return format_lazy("{}?{}", path, urlencode(query, doseq=True)) if query else path


PAGES = {
    "home": url("directory:home"),
    "mechanism-list": url("mechanisms:mechanism-list"),
    "mechanism-detail": url("mechanisms:mechanism-detail", "iom-ro-mena-coordination-mechanism"),
    "activity-list": url(
        "mechanisms:activity-list", query={"country": "EG", "status": "completed"}
    ),
    "activity-detail": url("mechanisms:activity-detail", "imrf-2022"),
    "event-detail": url(
        "mechanisms:activity-detail", "regional-partners-briefing-imrf-outcomes-2022"
    ),
    "area-of-work-list": url("mechanisms:area-of-work-list"),
    "area-of-work-detail": url(
        "mechanisms:area-of-work-detail", "migration-and-sustainable-development"
    ),
    "network-list": url("network:network-list"),
    "network-detail": url("network:network-detail", "regional-un-network-on-migration"),
    "national-network-list": url("network:national-network-list"),
    "national-network-detail": url(
        "network:national-network-detail", "national-un-network-on-migration-jordan"
    ),
    "sub-structure-list": url("network:sub-structure-list"),
    "sub-structure-detail": url(
        "network:sub-structure-detail", "regional-un-network-on-migration-executive-committee"
    ),
    "output-list": url("network:output-list"),
    "output-detail": url(
        "network:output-detail", "regional-un-network-on-migration-communications-strategy"
    ),
    "working-group-list": url("network:working-group-list"),
    "working-group-detail": url(
        "network:working-group-detail", "twg-international-migration-arab-region"
    ),
    "organisation-list": url("mechanisms:organisation-list"),
    "organisation-detail": url("mechanisms:organisation-detail", "iom"),
    "person-list": url("mechanisms:person-list"),
    "person-detail": url("mechanisms:person-detail", "mathieu-luciano"),
    "person-with-email": url("mechanisms:person-detail", "tamim-elyan"),
    "person-email": url("mechanisms:person-email", "tamim-elyan"),
    "country-list": url("directory:country-list"),
    "country-detail": url("directory:country-detail", "eg"),
    "sdg-list": url("directory:sdg-list"),
    "sdg-detail": url("directory:sdg-detail", 16),
    "source-list": url("directory:source-list"),
    "source-detail": url(
        "directory:source-detail", "iom-ro-mena-multilateral-coordination-mechanism"
    ),
    "reference-detail": url("directory:source-detail", "las-member-states"),
    "statistics": url("directory:statistics"),
    "search": url("directory:search", query={"q": "migration development"}),
    "search-names": url("directory:search", query={"q": "ESCWA"}),
    "search-no-results": url("directory:search", query={"q": "xylophone"}),
    "bad-filter": url("mechanisms:activity-list", query={"country": "ZZ"}),
}

# Pages outside the public design (the admin's own layout): standards checks only.
ADMIN_PAGES = {
    "admin-login": url("admin:login"),
}


LAYOUT = """() => ({
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  headings: document.querySelectorAll("h1").length,
  main: document.querySelectorAll("main").length,
  title: document.title,
})"""


LANGUAGES = ["en", "ar"]


def pages_in(language, pages):
    """The pages' paths in `language` (/en/… or /ar/…)."""
    with translation.override(language):
        return {name: str(path) for name, path in pages.items()}


def reveal_the_email(page, language):
    """Press the button of the email page (a POST) and return the response."""
    with translation.override(language):
        button = gettext("Show the email address")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button).click()
    return navigation.value


def visit_every_page_type(page, base_url, language):
    """Open each page type in turn, yielding its name and the server's response; the
    email page is shown again after its button revealed the address."""
    for name, path in pages_in(language, {**PAGES, **ADMIN_PAGES}).items():
        yield name, page.goto(f"{base_url}{path}")
        if name == "person-email":
            yield "person-email-revealed", reveal_the_email(page, language)


def layout_problems(page, name, width, site_name):
    """What is wrong with the page's layout at `width`: wider than the screen, not one
    `h1` and one `main`, or a title without the site's name."""
    layout = page.evaluate(LAYOUT)
    problems = []
    if layout["overflow"] > 0:
        problems.append(f"{name}: wider than {width}px by {layout['overflow']}px")
    if (layout["headings"], layout["main"]) != (1, 1):
        problems.append(f"{name}: {layout['headings']} h1 and {layout['main']} main, not 1 and 1")
    if not layout["title"].endswith(site_name):
        problems.append(f"{name}: the title “{layout['title']}” does not end with the site's name")
    return problems


# The width each language's pages open at; each is then checked at the other as well.
OPENED_AT = {"en": 390, "ar": 1280}
WIDTHS = (390, 1280)

# After the viewport changes, the next frame has run the page's handlers of media query
# changes (`static/js/site.js` folds or unfolds the filters).
NEXT_FRAME = "() => new Promise((resolve) => requestAnimationFrame(() => resolve()))"


def set_width(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.evaluate(NEXT_FRAME)


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_fits_both_widths_and_passes_the_standards_checks(
    live_directory, watched, artifacts, language
):
    """Each page type is opened once per language and every check runs on it at both
    widths: the layout (public pages) and axe-core; and the Nu HTML Checker on the HTML
    the server sent (which does not depend on the width). Every problem of every page is
    reported at once."""
    page = watched.page
    opened_at = OPENED_AT[language]
    widths = sorted(WIDTHS, key=lambda width: width != opened_at)
    page.set_viewport_size({"width": opened_at, "height": 900})
    load_axe(page.context)
    with translation.override(language):
        site_name = gettext("Migration coordination in the Arab States")
    problems, documents = [], {}
    for name, response in visit_every_page_type(page, live_directory.url, language):
        if response.status != 200:
            problems.append(f"{name} ({language}): status {response.status} at {response.url}")
            continue
        for width in widths:
            if width != opened_at:
                set_width(page, width)
            label = f"{name} ({language}, {width}px)"
            if name not in ADMIN_PAGES:
                problems += layout_problems(page, label, width, site_name)
            problems += describe_violations(label, axe_violations(page))
            if os.environ.get("SCREENSHOTS"):
                page.screenshot(path=artifacts / f"{name}-{language}-{width}.png", full_page=True)
        set_width(page, opened_at)
        documents[f"{name} ({language})"] = response.text()
    problems += describe_errors(vnu_errors(documents))
    assert not problems, "\n".join(problems)
