"""Playwright driving Debian's Chromium against the live server.

Every page a test opens is watched: a console error, an uncaught exception or a
Content-Security-Policy violation fails the test.
"""

import os
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls of the live
# server fixtures are synchronous and safe here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# Debian's build of Chromium's headless shell (package chromium-headless-shell): the same
# Blink and V8 as /usr/bin/chromium without the desktop browser around them, and what
# Playwright itself runs for headless tests. The browser tests took 86 s with it against
# 139 s with the desktop browser, back to back on this project's two cores.
CHROMIUM = Path("/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture(scope="session")
def browser():
    """Chromium for the session. Playwright runs its calls in greenlets, which give the
    test thread another context, and so other database connections: the connections of
    the context before and inside Playwright are closed on the way in and out, or one
    would outlive the session and keep its test database from being dropped."""
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: `apt-get install chromium-headless-shell`."
    connections.close_all()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        connections.close_all()


class WatchedPage:
    """A page that records what went wrong while a test used it."""

    def __init__(self, page):
        self.page = page
        self.problems = []
        page.add_init_script(REPORT_CSP_VIOLATIONS)
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))

    def on_console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")


def open_page(browser, request, **context_options):
    context = browser.new_context(**context_options)
    watched = WatchedPage(context.new_page())
    request.addfinalizer(context.close)
    return watched


@pytest.fixture
def watched(browser, request):
    """A fresh desktop page; the test fails if the page logged an error."""
    watched = open_page(browser, request, viewport={"width": 1280, "height": 900})
    yield watched
    assert not watched.problems, watched.problems


@pytest.fixture
def page(watched):
    return watched.page


@pytest.fixture
def page_without_javascript(browser, request):
    watched = open_page(browser, request, java_script_enabled=False)
    yield watched.page
    assert not watched.problems, watched.problems


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
