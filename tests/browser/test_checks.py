"""The standards checks themselves: they catch what they are for, and a missing tool
fails the test with the command that installs it."""

import pytest
from django.urls import reverse

from tests.browser import checks

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

BROKEN_HTML = """<!doctype html>
<html lang="en"><head><title>Broken</title></head>
<body><p><time datetime="2025-01-31T10:00:00.123456+00:00">31 January 2025</time></p></body>
</html>"""


def test_axe_reports_a_violation_with_the_page_and_the_element(live_directory, page):
    page.goto(live_directory.url + reverse("directory:home"))
    page.evaluate("document.querySelector('.main-nav').removeAttribute('aria-label')")
    page.evaluate("document.body.append(document.querySelector('.main-nav').cloneNode(true))")
    with pytest.raises(
        AssertionError, match=r"home: landmark-unique .*\n    header > (nav|\.main-nav)"
    ):
        checks.assert_accessible(page, "home")


def test_vnu_reports_an_error_with_the_page_and_the_line():
    valid = BROKEN_HTML.replace(".123456", "")
    with pytest.raises(AssertionError) as failure:
        checks.assert_valid_html({"valid": valid, "broken": BROKEN_HTML})
    assert str(failure.value).startswith(
        "broken:3: Bad value “2025-01-31T10:00:00.123456+00:00” for attribute “datetime”"
    )
    assert "valid:" not in str(failure.value)


def test_missing_node_modules_fail_with_the_command_to_run(monkeypatch):
    monkeypatch.setattr(checks, "VNU", checks.ROOT / "node_modules" / "missing" / "vnu.jar")
    with pytest.raises(pytest.fail.Exception, match=r"npm ci --ignore-scripts"):
        checks.assert_valid_html({"valid": BROKEN_HTML})


def test_missing_java_fails_with_the_command_to_run(monkeypatch):
    monkeypatch.setattr(checks.shutil, "which", lambda command: None)
    with pytest.raises(pytest.fail.Exception, match=r"apt-get install default-jre-headless"):
        checks.assert_valid_html({"valid": BROKEN_HTML})
