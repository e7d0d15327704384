"""Atom feeds of the filtered lists: the latest changes first."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from mechanisms.models import Record
from tests.factories import make_record

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    feed = ET.fromstring(response.content)
    return feed, [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")]


def test_the_latest_change_comes_first(client):
    record = Record.objects.published().get(slug="rcm-19th-meeting")
    Record.objects.filter(pk=record.pk).update(updated_at=timezone.now() + timezone.timedelta(1))
    response = client.get(reverse("mechanisms:activity-feed"), {"country": "EG"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed, links = entries(response)
    assert links[0] == f"http://testserver{record.get_absolute_url()}"
    assert feed.find(f"{ATOM}title").text == "Activities and events"


def test_the_feed_holds_what_the_filtered_list_holds(client):
    params = {"country": "EG", "status": "completed"}
    listed = client.get(reverse("mechanisms:activity-list"), {**params, "per_page": 100})
    _feed, links = entries(client.get(reverse("mechanisms:activity-feed"), params))
    expected = {
        f"http://testserver{record.get_absolute_url()}"
        for record in listed.context["page_obj"].object_list
    }
    assert set(links) == expected


def test_the_feed_links_back_to_the_filtered_list(client):
    response = client.get(reverse("directory:search-feed"), {"sdg": "17", "page": "2"})
    feed, _links = entries(response)
    alternate = feed.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == "http://testserver/en/search/?sdg=17"


def test_drafts_are_not_in_the_feed(client):
    Record.objects.filter(slug="rcm-19th-meeting").update(publication=Record.Publication.DRAFT)
    _feed, links = entries(client.get(reverse("mechanisms:activity-feed")))
    assert not any("rcm-19th-meeting" in link for link in links)


@pytest.mark.parametrize("params", [{"year": "20x3"}, {"country": "E\x00G"}])
def test_a_bad_filter_is_a_400(client, params):
    assert client.get(reverse("mechanisms:activity-feed"), params).status_code == 400


def test_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(reverse("network:network-feed"))


def test_the_feed_has_an_author_and_a_clean_self_link(client):
    response = client.get(
        "/en/activities/feed.atom", {"country": "EG", "page": "2", "sort": "title"}
    )
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring(response.content)
    assert feed.find(f"{atom}author/{atom}name").text.startswith("Migration coordination")
    self_link = next(
        link.get("href") for link in feed.findall(f"{atom}link") if link.get("rel") == "self"
    )
    assert self_link.endswith("/en/activities/feed.atom?country=EG")


def test_markup_in_a_summary_reaches_the_reader_as_text(client):
    make_record(
        kind="activity",
        title_en="Feed escaping",
        summary_en='<script>alert(1)</script><b onclick="x()">bold</b> & more',
    )
    feed = ET.fromstring(client.get("/en/activities/feed.atom").content)
    (entry,) = [
        entry
        for entry in feed.iter(f"{ATOM}entry")
        if entry.findtext(f"{ATOM}title") == "Feed escaping"
    ]
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # Read as HTML, the summary is the characters the editor typed, no element in it.
    assert summary.text == (
        "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;"
        " &amp; more"
    )
