"""Search: one box over titles, descriptions, results, organisation and people names."""

import pytest
from django.db import connection
from django.urls import reverse

from mechanisms.models import Record

pytestmark = pytest.mark.django_db

URL = reverse("search")


def slugs_found(client, words):
    response = client.get(URL, {"q": words})
    assert response.status_code == 200
    return [record.slug for record in response.context["page_obj"]]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # 000: title, description, a result, a partner, the focal point
        ("Multilateral Coordination Mechanism", "iom-ro-mena-coordination-mechanism"),
        ("shelter management", "iom-ro-mena-result-7"),
        ("border management", "iom-ro-mena-coordination-mechanism"),
        ("Luciano", "iom-ro-mena-coordination-mechanism"),
        ("Arab Labour Organization", "iom-ro-mena-coordination-mechanism"),
        # 001: the goal, an activity, the quoted declaration
        ("gender perspectives", "twg-international-migration-arab-region"),
        ("Trends in International Migration Stock", "twg-establishment-first-data-message"),
        ("joint Chairmanship", "twg-international-migration-arab-region"),
        # 002: a speaker, a figure, the press contact
        ("Zohry", "regional-partners-briefing-imrf-outcomes-2022"),
        ("pledges", "imrf-2022"),
        ("Tamim Elyan", "regional-partners-briefing-imrf-outcomes-2022"),
        # 003: a line of work, the project
        ("remittances", "migration-and-sustainable-development"),
        ("agroecology", "diaspora-engagement-agroecology-morocco"),
        # 004: a function, a sub-structure, an output
        ("xenophobia", "regional-un-network-on-migration"),
        (
            "Stakeholder Engagement",
            "regional-un-network-on-migration-stakeholder-engagement-task-force",
        ),
        (
            "Animation Video",
            "regional-un-network-on-migration-regional-gcm-icons-arabic-animation-video",
        ),
    ],
)
def test_finds_records_by_words_from_each_document(client, words, expected):
    assert expected in slugs_found(client, words)


def test_every_word_must_match(client):
    assert slugs_found(client, "agroecology xenophobia") == []


def test_title_matches_rank_first(client):
    assert slugs_found(client, "Communications Strategy")[0] == (
        "regional-un-network-on-migration-communications-strategy"
    )


def test_hits_say_their_kind_and_why_they_matched(client):
    response = client.get(URL, {"q": "remittances"})
    assert "Area of work" in response.text
    assert "Why it matched:" in response.text
    assert "<mark>remittances</mark>" in response.text


def test_search_within_a_kind(client):
    response = client.get(URL, {"q": "committee", "kind": ["sub-structure", "output"]})
    assert {record.kind for record in response.context["page_obj"]} == {"sub-structure"}


@pytest.mark.parametrize(
    "words", ["<script>", "' OR 1=1 --", "& | ! :*", '"unclosed', "-", "\u0627"]
)
def test_odd_input_is_just_words(client, words):
    response = client.get(URL, {"q": words})
    assert response.status_code == 200
    assert "<script>" not in response.text.split("</header>")[1]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN indexes are PostgreSQL's")
class TestPostgreSQLIndex:
    def test_the_full_text_index_exists(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'record_search_vector'"
            )
            (definition,) = cursor.fetchone()
        assert "USING gin" in definition
        assert "to_tsvector('english'::regconfig" in definition

    def test_search_uses_the_index(self):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        plan = Record.objects.search("agroecology").explain()
        assert "record_search_vector" in plan
