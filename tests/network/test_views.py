"""The public pages of networks, national networks, working groups and their parts."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

NETWORK = "regional-un-network-on-migration"
WORKING_GROUP = "twg-international-migration-arab-region"
NAMED_COUNTRIES = [
    "Jordan",
    "Iraq",
    "Saudi Arabia",
    "Bahrain",
    "Kuwait",
    "Qatar",
    "United Arab Emirates",
    "Tunisia",
]


def test_network_list_shows_each_network_with_its_national_networks(client):
    response = client.get(reverse("network:network-list"))
    assert "Regional UN Network on Migration" in response.text
    assert "15 reported, 8 named" in response.text
    for country in NAMED_COUNTRIES:
        assert f">{country}</a>" in response.text


def test_network_detail_shows_every_fact_of_document_004(client):
    response = client.get(reverse("network:network-detail", args=[NETWORK]))
    page = response.text
    for fact in [
        "Coordinator",
        "Co-secretariat",
        "International Organization for Migration (IOM)",
        "8 named of the 15 reported",
        "Functions",
        "Coordinates the quadrennial regional review",
        "Ensures close coordination with the global UN Network on Migration",
        "Sub-coordination structure",
        "Executive Committee",
        "Stakeholder Engagement Task Force",
        "Communications Working Group",
        "Policy and advocacy outputs",
        "Joint Press Briefing Notes on Regional Reviews",
        "Regional GCM Icons in Arabic and Animation Video",
        "Communications Strategy",
    ]:
        assert fact in page, fact
    functions = dict(response.context["point_groups"])
    assert len(next(iter(functions.values()))) == 13


def test_national_network_page_links_back_to_its_network(client):
    response = client.get(
        reverse("network:national-network-detail", args=["national-un-network-on-migration-jordan"])
    )
    assert reverse("network:network-detail", args=[NETWORK]) in response.text
    assert "Jordan" in response.text


def test_working_group_detail_shows_every_fact_of_document_001(client):
    response = client.get(reverse("network:working-group-detail", args=[WORKING_GROUP]))
    page = response.text
    for fact in [
        "Co-chair",
        "General Secretariat of the League of Arab States",
        ">ESCWA</a>",
        "Official name:</span> United Nations Economic and Social Commission for Western Asia",
        "Participating agencies",
        ">13<",
        "Information sharing",
        "Dissemination of innovative/good practices and lessons",
        "Regional Consultative meeting on International Migration and Development",
        "Second High-level Dialogue on International Migration and Development",
        "ToRs agreed on by participating agencies",
        "Mapping exercise on initiatives",
        "Plan for 2014",
        "Valuing the establishment of a",
        "Regional Coordination Mechanism (RCM)",
    ]:
        assert fact in page, fact


def test_working_group_list(client):
    response = client.get(reverse("network:working-group-list"))
    assert [record.slug for record in response.context["page_obj"]] == [WORKING_GROUP]


@pytest.mark.parametrize(
    ("url_name", "slug"),
    [
        ("network:sub-structure-detail", "regional-un-network-on-migration-executive-committee"),
        ("network:output-detail", "regional-un-network-on-migration-communications-strategy"),
    ],
)
def test_parts_of_a_network_have_pages(client, url_name, slug):
    response = client.get(reverse(url_name, args=[slug]))
    assert response.status_code == 200
    assert "Regional UN Network on Migration" in response.text


@pytest.mark.parametrize("per_page", [10, 100])
@pytest.mark.parametrize(
    ("url_name", "params", "queries"),
    [
        # count, rows, 3 taxonomies, national networks and their countries, 5 facets
        ("network:network-list", {}, 12),
        # one more: the selected organisation looked up by its slug, so that every
        # query filters by its id (the planner then knows how many records it has)
        ("network:network-list", {"q": "network", "organisation": "iom"}, 13),
        # count, rows, 3 taxonomies, 5 facets
        ("network:national-network-list", {}, 10),
        ("network:national-network-list", {"country": ["JO", "IQ"]}, 11),
        ("network:working-group-list", {}, 10),
    ],
)
def test_list_query_counts(client, django_assert_num_queries, url_name, params, queries, per_page):
    with django_assert_num_queries(queries):
        response = client.get(reverse(url_name), {**params, "per_page": per_page})
    assert response.context["page_obj"].object_list


@pytest.mark.parametrize(
    ("url_name", "slug"),
    [
        ("network:network-detail", NETWORK),
        ("network:working-group-detail", WORKING_GROUP),
    ],
)
def test_detail_query_counts(client, django_assert_num_queries, url_name, slug):
    # record, 4 taxonomies, frameworks, 6 kinds of part, children and their countries,
    # records of the same source
    with django_assert_num_queries(15):
        client.get(reverse(url_name, args=[slug]))
