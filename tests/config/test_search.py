"""Search: one box over titles, descriptions, results, organisation and people names."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
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


def search_index_definition():
    constraints = connection.introspection.get_constraints(
        connection.cursor(), Record._meta.db_table
    )
    if "record_search_vector" not in constraints:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'record_search_vector'")
        return cursor.fetchone()[0]


def test_the_full_text_index_exists_on_postgresql_only():
    definition = search_index_definition()
    if connection.vendor == "postgresql":
        assert "USING gin" in definition
        assert "to_tsvector('english'::regconfig" in definition
    else:
        assert definition is None


def test_search_uses_the_index_on_postgresql_and_ranks_titles_first_elsewhere():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        assert "record_search_vector" in Record.objects.search("agroecology").explain()
    else:
        ranked = list(Record.objects.search("Network on Migration"))
        ranks = [record.search_rank for record in ranked]
        assert ranks == sorted(ranks, reverse=True)
        best = [record for record in ranked if record.search_rank == ranks[0]]
        assert len(best) == 9  # the regional network and the 8 national networks
        assert all("Network on Migration" in record.title for record in best)
        assert ranks[-1] < ranks[0]


def test_renaming_a_person_or_an_organisation_updates_search(client):
    from mechanisms.models import Organisation, Person

    person = Person.objects.get(slug="mathieu-luciano")
    person.name = "Mathieu Lucianovitch"
    person.save()
    organisation = Organisation.objects.get(slug="alo")
    organisation.name = "Arab Labour Organisation Renamed"
    organisation.save()
    assert "iom-ro-mena-coordination-mechanism" in slugs_found(client, "Lucianovitch")
    assert "iom-ro-mena-result-1" in slugs_found(client, "Renamed")


def test_a_state_only_save_does_not_rebuild_the_search_text():
    """Rebuilding reads the record's sections; a save of the state alone must not."""
    record = Record.objects.get(slug="iom-ro-mena-coordination-mechanism")
    record.publication = Record.Publication.ARCHIVED
    with CaptureQueriesContext(connection) as state_only:
        record.save(update_fields=["publication", "updated_at"])
    record.title = "Renamed"
    with CaptureQueriesContext(connection) as full:
        record.save()
    reads_sections = ['FROM "mechanisms_section"' in query["sql"] for query in state_only]
    assert not any(reads_sections)
    assert any('FROM "mechanisms_section"' in query["sql"] for query in full)
