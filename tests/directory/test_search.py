"""Search: one box over titles, descriptions, results, organisation and people names."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import TextField
from django.db.models.functions import Cast
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.filters import AllRecordsFilterSet
from mechanisms.models import Record
from mechanisms.search import rebuild_search_documents, search_vector

pytestmark = pytest.mark.django_db

URL = reverse("directory:search")


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
    if "record_search_vector_stored" not in constraints:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'record_search_vector_stored'"
        )
        return cursor.fetchone()[0]


def test_the_full_text_index_exists_on_postgresql_only():
    definition = search_index_definition()
    if connection.vendor == "postgresql":
        assert "USING gin (search_vector)" in definition
    else:
        assert definition is None


def column_storage(table, column):
    """PostgreSQL's storage of a column: `m` keeps it in the row, `x` lets it leave."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = %s::regclass AND attname = %s",
            [table, column],
        )
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's column storage")
def test_the_vector_stays_in_the_row_and_the_long_texts_leave_first():
    """A common word tests every row's vector; one moved to the TOAST table would be
    read and decompressed for each test (migration 0003)."""
    assert column_storage("mechanisms_record", "search_vector") == "m"
    assert column_storage("mechanisms_record", "search_document") == "x"


def stored_and_computed_vectors():
    return list(
        Record.objects.annotate(
            computed=Cast(search_vector(), TextField()),
            stored=Cast("search_vector", TextField()),
        ).values_list("stored", "computed")
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the stored search vector")
def test_the_vector_written_with_the_texts_is_the_vector_of_those_texts():
    """The texts and the vector are written in one UPDATE, the vector from the texts
    being written: it is the vector `search_vector()` computes from the row, as loaded
    from the fixtures and after a rebuild."""
    loaded = stored_and_computed_vectors()
    assert len(loaded) == Record.objects.count() > 0
    assert all(stored == computed for stored, computed in loaded)
    Record.objects.update(search_vector=None)
    rebuild_search_documents(Record.objects.all())
    assert stored_and_computed_vectors() == loaded


def test_the_stored_vector_follows_an_edit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = Record.objects.get(slug="imrf-2022")
        record.title = "Zorbified forum"
        record.save()
    found = [record.slug for record in Record.objects.search("zorbified")]
    assert found == ["imrf-2022"]


def facet_plans(words):
    """The query plan of the results and of every facet count of a search."""
    filterset = AllRecordsFilterSet(QueryDict(f"q={words}"))
    assert filterset.form.is_valid()
    plans = [filterset.qs.explain()]
    for name in filterset.facet_names:
        records = filterset.filtered_without(name)
        facet = filterset.filters[name]
        with CaptureQueriesContext(connection) as captured:
            facet.facet(records, [])
        with connection.cursor() as cursor:
            for query in captured:
                cursor.execute("EXPLAIN " + query["sql"])
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


def test_search_uses_the_index_on_postgresql_and_ranks_titles_first_elsewhere():
    if connection.vendor == "postgresql":
        # Every query of the search page matches the stored vector, never recomputing it.
        plans = facet_plans("agroecology")
        assert len(plans) == 1 + len(AllRecordsFilterSet.facet_names)
        for plan in plans:
            assert "to_tsvector" not in plan, plan
        # With 41 rows the planner rightly prefers a table scan; told to avoid one, it
        # finds the words through the GIN index on the stored vector.
        words = SearchQuery("agroecology", config="english")
        matching = Record.objects.filter(search_vector=words).only("pk")
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            sql, params = matching.query.sql_with_params()
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "record_search_vector_stored" in plan, plan
    else:
        ranked = list(Record.objects.search("Network on Migration"))
        ranks = [record.search_rank for record in ranked]
        assert ranks == sorted(ranks, reverse=True)
        best = [record for record in ranked if record.search_rank == ranks[0]]
        assert len(best) == 9  # the regional network and the 8 national networks
        assert all("Network on Migration" in record.title for record in best)
        assert ranks[-1] < ranks[0]


def test_renaming_a_person_or_an_organisation_updates_search(
    client, django_capture_on_commit_callbacks
):
    from mechanisms.models import Organisation, Person

    with django_capture_on_commit_callbacks(execute=True):
        person = Person.objects.get(slug="mathieu-luciano")
        person.name = "Mathieu Lucianovitch"
        person.save()
        organisation = Organisation.objects.get(slug="alo")
        organisation.name = "Arab Labour Organisation Renamed"
        organisation.save()
    assert "iom-ro-mena-coordination-mechanism" in slugs_found(client, "Lucianovitch")
    assert "iom-ro-mena-result-1" in slugs_found(client, "Renamed")


def test_a_state_only_save_does_not_rebuild_the_search_text(django_capture_on_commit_callbacks):
    """Rebuilding reads the record's sections; a save of the state alone must not."""
    record = Record.objects.get(slug="iom-ro-mena-coordination-mechanism")
    record.publication = Record.Publication.ARCHIVED
    with (
        CaptureQueriesContext(connection) as state_only,
        django_capture_on_commit_callbacks(execute=True),
    ):
        record.save(update_fields=["publication", "updated_at"])
    record.title = "Renamed"
    with (
        CaptureQueriesContext(connection) as full,
        django_capture_on_commit_callbacks(execute=True),
    ):
        record.save()
    reads_sections = ['FROM "mechanisms_section"' in query["sql"] for query in state_only]
    assert not any(reads_sections)
    assert any('FROM "mechanisms_section"' in query["sql"] for query in full)


def test_the_search_text_is_rebuilt_once_per_record_when_the_transaction_commits(
    client, django_capture_on_commit_callbacks
):
    """Edits of a record and of its parts in one transaction rebuild its text once, at
    the commit: search finds the new words only then."""
    record = Record.objects.get(slug="iom-ro-mena-coordination-mechanism")
    with (
        CaptureQueriesContext(connection) as edits,
        django_capture_on_commit_callbacks(execute=True),
    ):
        record.summary = "Zanzibarian coordination"
        record.save()
        for section in record.sections.all():
            section.body += " Quokkaesque"
            section.save()
        assert "iom-ro-mena-coordination-mechanism" not in slugs_found(client, "Quokkaesque")
    rebuilds = [query for query in edits if 'FROM "mechanisms_section"' in query["sql"]]
    assert len(rebuilds) == 2  # the loop's own read, then one rebuild
    assert "iom-ro-mena-coordination-mechanism" in slugs_found(client, "Zanzibarian")
    assert "iom-ro-mena-coordination-mechanism" in slugs_found(client, "Quokkaesque")


@pytest.mark.parametrize(
    ("words", "record"),
    [
        ("Ministry of Foreign Affairs", "regional-partners-briefing-imrf-outcomes-2022"),
        (
            "Center for Migration and Refugee Studies",
            "regional-partners-briefing-imrf-outcomes-2022",
        ),
        ("American University", "regional-partners-briefing-imrf-outcomes-2022"),
        ("Zamalek", "iom-ro-mena-coordination-mechanism"),
        ("Decentralization", "iom-ro-mena-coordination-mechanism"),
        ("Regional Review Conference", "regional-un-network-on-migration"),
        ("Peace, Justice and Strong Institutions", "iom-ro-mena-coordination-mechanism"),
        ("Regional Liaison and Policy Officer", "iom-ro-mena-coordination-mechanism"),
        ("pledges", "imrf-2022"),
        ("UN Population Division", "twg-establishment-first-data-message"),
    ],
)
def test_search_finds_organisations_people_addresses_and_terms(client, words, record):
    """Organisations (with what they are part of), people (with their positions and
    addresses), themes, SDG titles and figures are in the search text of the records
    that name them."""
    assert record in slugs_found(client, words)


def test_a_short_acronym_matches_whole_words_only(client):
    found = slugs_found(client, "ALO")
    assert "iom-ro-mena-result-1" in found  # "in cooperation with the ALO"
    assert "iom-las-escwa-regional-dialogue-ahead-of-hld-2013" not in found  # "dialogue"


def test_the_search_page_names_the_organisations_and_people_that_match(client):
    response = client.get(URL, {"q": "Zohry"})
    assert [person.slug for person in response.context["matching_people"]] == ["ayman-zohry"]
    assert 'href="/en/people/ayman-zohry/"' in response.text
    acronym = client.get(URL, {"q": "ESCWA"})
    assert [org.slug for org in acronym.context["matching_organisations"]] == ["escwa"]
    official = client.get(URL, {"q": "Western Asia"})
    assert [org.slug for org in official.context["matching_organisations"]] == ["escwa"]
