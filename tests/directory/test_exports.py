"""Every list page's downloads hold exactly the records the page lists, across all pages."""

import csv
import io
import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LISTS = [
    ("mechanisms:mechanism-list", "mechanisms:mechanism-export", {}),
    ("mechanisms:activity-list", "mechanisms:activity-export", {"country": "EG"}),
    ("mechanisms:activity-list", "mechanisms:activity-export", {"status": "completed"}),
    ("mechanisms:activity-list", "mechanisms:activity-export", {"sort": "-date"}),
    ("mechanisms:area-of-work-list", "mechanisms:area-of-work-export", {}),
    ("network:network-list", "network:network-export", {}),
    ("network:national-network-list", "network:national-network-export", {"country": "JO"}),
    ("network:working-group-list", "network:working-group-export", {}),
    ("directory:search", "directory:search-export", {}),
    (
        "directory:search",
        "directory:search-export",
        {"q": "migration", "kind": ["activity", "mechanism"]},
    ),
    ("directory:search", "directory:search-export", {"sdg": "17", "sort": "-modified"}),
]


def listed_slugs(client, list_name, params):
    """The slugs the page lists, page after page, in order."""
    slugs, number = [], 1
    while True:
        response = client.get(reverse(list_name), {**params, "per_page": 10, "page": number})
        page = response.context["page_obj"]
        slugs += [record.slug for record in page.object_list]
        if not page.has_next():
            return slugs
        number += 1


def streamed(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


@pytest.mark.parametrize(("list_name", "export_name", "params"), LISTS)
def test_each_download_holds_exactly_what_the_page_lists(client, list_name, export_name, params):
    listed = listed_slugs(client, list_name, params)
    assert listed
    text = streamed(client, reverse(export_name, args=["csv"]), params)
    assert [row["slug"] for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))] == listed
    data = json.loads(streamed(client, reverse(export_name, args=["json"]), params))
    assert [record["slug"] for record in data["records"]] == listed
    fixture = json.loads(streamed(client, reverse(export_name, args=["fixture.json"]), params))
    records = [
        item["fields"]["slug"] for item in fixture if {"kind", "slug"} <= set(item["fields"])
    ]
    assert records[-len(listed) :] == listed
    assert set(records[: -len(listed)]).isdisjoint(listed)


@pytest.mark.parametrize(("list_name", "export_name", "params"), LISTS)
def test_each_list_links_its_downloads_and_feed_with_its_filters(
    client, list_name, export_name, params
):
    response = client.get(reverse(list_name), {**params, "page": 1, "per_page": 10})
    page = response.text
    for export_format in ("csv", "json", "fixture.json"):
        assert f'href="{reverse(export_name, args=[export_format])}?' in page or not params
        assert f'href="{reverse(export_name, args=[export_format])}' in page
    feed = reverse(export_name.replace("-export", "-feed"))
    assert '<link rel="alternate" type="application/atom+xml"' in page
    assert f'href="{feed}' in page
    assert "page=1" not in page.split(f'href="{feed}', 1)[1].split('"', 1)[0]
    assert (
        "per_page"
        not in page.split(f'href="{reverse(export_name, args=["csv"])}', 1)[1].split('"', 1)[0]
    )


def test_a_list_with_a_bad_filter_offers_no_download(client):
    response = client.get(reverse("mechanisms:activity-list"), {"year": "20x3"})
    assert reverse("mechanisms:activity-export", args=["csv"]) not in response.text
