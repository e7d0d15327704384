"""The root URLs."""

from django.templatetags.static import static


def test_a_browser_asking_for_favicon_ico_gets_the_site_icon(client):
    """Browsers ask for this fixed path where a page names no icon (the admin, the API)."""
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == static("favicon.svg")
