"""Every page type at phone and desktop widths, saved in test-artifacts/ to look at."""

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "mechanism-list": "/mechanisms/",
    "mechanism-detail": "/mechanisms/iom-ro-mena-coordination-mechanism/",
    "activity-list": "/activities/?country=EG&status=completed",
    "activity-detail": "/activities/imrf-2022/",
    "event-detail": "/activities/regional-partners-briefing-imrf-outcomes-2022/",
    "area-of-work-detail": "/areas-of-work/migration-and-sustainable-development/",
    "network-list": "/networks/",
    "network-detail": "/networks/regional-un-network-on-migration/",
    "national-network-detail": "/national-networks/national-un-network-on-migration-jordan/",
    "sub-structure-detail": "/sub-structures/regional-un-network-on-migration-executive-committee/",
    "output-detail": "/outputs/regional-un-network-on-migration-communications-strategy/",
    "working-group-list": "/working-groups/",
    "working-group-detail": "/working-groups/twg-international-migration-arab-region/",
    "organisation-list": "/organisations/",
    "organisation-detail": "/organisations/iom/",
    "person-list": "/people/",
    "person-detail": "/people/mathieu-luciano/",
    "country-list": "/countries/",
    "country-detail": "/countries/eg/",
    "sdg-list": "/sdgs/",
    "sdg-detail": "/sdgs/16/",
    "search": "/search/?q=migration+development",
    "bad-filter": "/activities/?country=ZZ",
}


@pytest.mark.parametrize("width", [390, 1280])
def test_every_page_type(live_directory, browser, artifacts, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    for name, path in PAGES.items():
        response = page.goto(live_directory.url + path)
        assert response.status == 200, path
        page.screenshot(path=artifacts / f"{name}-{width}.png", full_page=True)
    context.close()
    assert not problems, problems
