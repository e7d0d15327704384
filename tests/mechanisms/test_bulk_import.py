"""The bulk path of fixture loading (`mechanisms.bulk_import`): what it writes is what
the per-object loader writes, in queries that do not grow with the objects, and any
problem is handed to the per-object loader, which names it."""

import json

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from mechanisms import bulk_import
from mechanisms.fixture_files import (
    ANALYZE_AFTER_OBJECTS,
    FixtureRefused,
    copy_versions,
    load_files,
    versions_of,
    write_taxonomy_history,
)
from mechanisms.fixture_rows import serialized_rows
from mechanisms.models import (
    RECORD_PARTS,
    Country,
    Organisation,
    Person,
    Record,
    Section,
    Source,
    Theme,
)

pytestmark = pytest.mark.django_db


def new_objects(count):
    """`count` activities of a new mechanism, given before it, with a section each;
    the mechanism's partner, an organisation given before its parent organisation; a
    focal point and a quote of a new person."""
    source = Source.objects.documents().values_list("slug", flat=True).first()
    theme = Theme.objects.values_list("slug", flat=True).first()
    objects = [
        {
            "model": "mechanisms.organisation",
            "fields": {"slug": "bulk-unit", "name_en": "Bulk Unit", "parent": ["bulk-agency"]},
        },
        {
            "model": "mechanisms.organisation",
            "fields": {"slug": "bulk-agency", "name_en": "Bulk Agency", "country": ["EG"]},
        },
        {
            "model": "mechanisms.person",
            "fields": {
                "slug": "bulk-person",
                "name": "Bulk Person",
                "source": [source],
                "organisation": ["bulk-unit"],
            },
        },
    ]
    for number in range(count):
        objects.append(
            {
                "model": "mechanisms.activity",
                "fields": {
                    "kind": "activity",
                    "slug": f"bulk-activity-{number}",
                    "title_en": f"Bulk activity {number}",
                    "source": [source],
                    "parent": ["bulk-mechanism"],
                    "position": number,
                    "year": 2020,
                    "countries": [["EG"], ["JO"], ["EG"]],
                    "sdgs": [[number % 17 + 1]],
                    "themes": [[theme]],
                },
            }
        )
    objects.append(
        {
            "model": "mechanisms.mechanism",
            "fields": {
                "kind": "mechanism",
                "slug": "bulk-mechanism",
                "title_en": "Bulk mechanism",
                "source": [source],
                "publication": "published",
            },
        }
    )
    parts = [
        ("section", {"heading_en": "About", "body_en": "What it does."}),
        ("involvement", {"organisation": ["bulk-unit"], "role": "partner"}),
        ("contact", {"person": ["bulk-person"], "role": "focal-point"}),
        ("quote", {"person": ["bulk-person"], "text_en": "We coordinate."}),
        ("figure", {"value": "12.50", "unit_en": "pledges", "label_en": "pledges made"}),
        ("point", {"kind": "function", "text_en": "Coordinates."}),
    ]
    for model, fields in parts:
        objects.append(
            {
                "model": f"mechanisms.{model}",
                "fields": {"record": ["bulk-mechanism"], "position": 1, **fields},
            }
        )
    objects += [
        {
            "model": "mechanisms.section",
            "fields": {"record": [f"bulk-activity-{number}"], "position": 1, "body_en": "Done."},
        }
        for number in range(count)
    ]
    return objects


def write(tmp_path, objects, name="bulk.json"):
    path = tmp_path / name
    path.write_text(json.dumps(objects))
    return path


@pytest.fixture
def bulk_attempts(monkeypatch):
    """The outcome of each bulk attempt: "inserted", or the reason it handed over."""
    outcomes = []
    insert = bulk_import.insert_new_objects

    def recorded(pending, using):
        try:
            result = insert(pending, using)
        except bulk_import.NotBulkLoadable as reason:
            outcomes.append(str(reason))
            raise
        outcomes.append("inserted")
        return result

    monkeypatch.setattr(bulk_import, "insert_new_objects", recorded)
    return outcomes


def hand_over(pending, using):
    raise bulk_import.NotBulkLoadable("the test asks for the per-object loader")


def snapshot():
    """What the load wrote, by natural key: the new records, parts, organisations and
    people as exported, each record's search text, and the versions of each."""
    records = Record.objects.filter(slug__startswith="bulk-").order_by("slug")
    rows = {
        "records": [item for item, _ in serialized_rows(records)],
        "organisations": [
            item
            for item, _ in serialized_rows(
                Organisation.objects.filter(slug__startswith="bulk-").order_by("slug")
            )
        ],
        "people": [item for item, _ in serialized_rows(Person.objects.filter(slug="bulk-person"))],
        "search": list(records.values_list("slug", "search_document", "search_document_ar")),
        "record versions": version_rows(Record, slug__startswith="bulk-"),
        "taxonomy versions": sorted(
            (version.slug, tuple(sorted(c.country.iso_code for c in version.countries.all())))
            for version in Record.history.filter(slug__startswith="bulk-")
        ),
    }
    for model in RECORD_PARTS:
        parts = model.objects.filter(record__slug__startswith="bulk-").order_by(
            "record__slug", "position"
        )
        rows[model.__name__] = [item for item, _ in serialized_rows(parts)]
        rows[f"{model.__name__} versions"] = version_rows(model, record__slug__startswith="bulk-")
    return rows


def version_rows(model, **condition):
    """Every column of the versions matching `condition`, references by natural key,
    without the ids and dates that differ from one load to another."""
    history = model.history.model
    columns = []
    for column in history._meta.concrete_fields:
        if column.name in {"history_id", "history_date", "id"}:
            continue
        if column.many_to_one and column.name != "history_user":
            target = column.related_model
            key = "iso_code" if target is Country else "slug"
            columns.append(f"{column.name}__{key}")
        else:
            columns.append(column.attname)
    return sorted(map(repr, history.objects.filter(**condition).values_list(*columns)))


def load_and_undo(path):
    """Load `path`, return (report, snapshot, queries), then undo the load."""
    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            report = load_files([path])
        written = snapshot()
        transaction.set_rollback(True)
    return report, written, len(queries)


def test_the_bulk_path_writes_what_the_per_object_loader_writes(
    tmp_path, bulk_attempts, monkeypatch
):
    path = write(tmp_path, new_objects(4))
    report, in_bulk, _queries = load_and_undo(path)
    assert bulk_attempts == ["inserted"]
    assert len(report.created) == 18
    assert in_bulk["records"][0]["fields"]["parent"] == ("bulk-mechanism",)
    assert in_bulk["organisations"][1]["fields"]["parent"] == ("bulk-agency",)
    assert [tuple(key) for key in in_bulk["records"][0]["fields"]["countries"]] == [
        ("EG",),
        ("JO",),
    ]
    assert "Bulk Person" in {s: d for s, d, _ar in in_bulk["search"]}["bulk-mechanism"]

    monkeypatch.setattr(bulk_import, "insert_new_objects", hand_over)
    report, one_by_one_written, _queries = load_and_undo(path)
    assert len(report.created) == 18
    assert in_bulk == one_by_one_written


def test_new_objects_cost_the_same_queries_however_many(tmp_path, bulk_attempts):
    _report, _written, few = load_and_undo(write(tmp_path, new_objects(3), "few.json"))
    _report, _written, many = load_and_undo(write(tmp_path, new_objects(40), "many.json"))
    assert bulk_attempts == ["inserted", "inserted"]
    assert few == many


def test_objects_already_there_are_compared_and_the_new_ones_inserted(tmp_path, bulk_attempts):
    existing = Theme.objects.order_by("slug").first()
    theme = {"model": "mechanisms.theme", "fields": {"slug": existing.slug}}
    theme["fields"].update(
        {"name_en": existing.name_en, "name_ar": existing.name_ar, **theme["fields"]}
    )
    report, written, _queries = load_and_undo(write(tmp_path, [theme, *new_objects(2)]))
    assert bulk_attempts == ["inserted"]
    assert (len(report.created), report.unchanged) == (14, 1)
    assert [item["fields"]["slug"] for item in written["records"]] == [
        "bulk-activity-0",
        "bulk-activity-1",
        "bulk-mechanism",
    ]


def test_a_row_the_database_refuses_is_named_by_the_per_object_loader(tmp_path, bulk_attempts):
    objects = new_objects(2)
    objects.append(
        {
            "model": "mechanisms.involvement",
            "fields": {
                "record": ["bulk-mechanism"],
                "position": 2,
                "organisation": ["bulk-unit"],
                "role": "partner",
            },
        }
    )
    records = Record.objects.count()
    with pytest.raises(FixtureRefused) as refused:
        load_files([write(tmp_path, objects)])
    assert bulk_attempts and bulk_attempts[0].startswith("the database refused")
    [error] = refused.value.errors
    assert (error.index, error.label) == (len(objects), "mechanisms.involvement")
    assert "already exists" in error.message
    assert Record.objects.count() == records


def test_a_parent_of_a_kind_not_allowed_is_refused_from_memory(tmp_path, bulk_attempts):
    objects = new_objects(1)
    objects[-8]["model"], objects[-8]["fields"]["kind"] = "network.network", "network"
    with pytest.raises(FixtureRefused) as refused:
        load_files([write(tmp_path, objects)])
    assert "parent" in bulk_attempts[0]
    assert any(
        error.field == "parent" and "not of a network" in error.message
        for error in refused.value.errors
    )
    assert not Record.objects.filter(slug__startswith="bulk-").exists()


def test_an_unknown_reference_is_named_by_the_per_object_loader(tmp_path, bulk_attempts):
    objects = new_objects(1)
    objects[3]["fields"]["countries"] = [["EG"], ["XX"]]
    with pytest.raises(FixtureRefused) as refused:
        load_files([write(tmp_path, objects)])
    assert bulk_attempts[0] == "Country ('XX',) is unknown"
    assert "“XX”" in str(refused.value)
    assert not Organisation.objects.filter(slug__startswith="bulk-").exists()


def test_an_object_given_twice_goes_to_the_per_object_loader(tmp_path, bulk_attempts):
    objects = new_objects(1)
    objects.append(dict(objects[1], fields=dict(objects[1]["fields"], name_en="Renamed")))
    with pytest.raises(FixtureRefused) as refused:
        load_files([write(tmp_path, objects)])
    assert bulk_attempts == ["an object given twice"]
    assert "exists with other content (name_en)" in str(refused.value)


def build_versions(records, history, updated, reason):
    versions = versions_of(records, history, updated, reason)
    bulk_import.insert_rows(history, versions, "default")
    write_taxonomy_history([version.pk for version in versions], "default")


def copy_the_versions(records, history, updated, reason):
    assert copy_versions(records, history, updated, reason, "default")


@pytest.mark.parametrize("write_versions", [build_versions, copy_the_versions])
@pytest.mark.parametrize("updated", [False, True])
def test_versions_are_those_django_simple_history_writes(updated, write_versions):
    """The loader writes versions itself, built in Python (`versions_of`, `insert_rows`)
    or copied by the database (`copy_versions`); they hold what `bulk_history_create`
    would have written, field for field; each holds its record's countries, SDGs,
    themes, types and frameworks."""
    records = list(Record.objects.order_by("slug")[:5])
    history = Record.history.model
    compared = [f.attname for f in history._meta.concrete_fields]
    compared = [name for name in compared if name not in {"history_id", "history_date"}]

    def written(write):
        with transaction.atomic():
            before = set(history.objects.values_list("pk", flat=True))
            write()
            rows = list(
                history.objects.exclude(pk__in=before).order_by("id").values_list(*compared)
            )
            transaction.set_rollback(True)
        return rows

    reason = "Imported from test.json"
    theirs = written(
        lambda: Record.history.bulk_history_create(
            records, update=updated, default_change_reason=reason
        )
    )
    with transaction.atomic():
        before = set(history.objects.values_list("pk", flat=True))
        write_versions(records, history, updated, reason)
        versions = history.objects.exclude(pk__in=before).order_by("id")
        ours = list(versions.values_list(*compared))
        taxonomies = {
            version.id: [
                sorted(getattr(version, name).values_list(f"{field}_id", flat=True))
                for name, field in TAXONOMIES
            ]
            for version in versions
        }
        transaction.set_rollback(True)
    assert len(ours) == 5
    assert ours == theirs
    assert taxonomies == {
        record.pk: [
            sorted(getattr(record, name).values_list("pk", flat=True))
            for name, _field in TAXONOMIES
        ]
        for record in records
    }
    assert any(any(linked) for linked in taxonomies.values())


TAXONOMIES = [
    ("countries", "country"),
    ("sdgs", "sdg"),
    ("themes", "theme"),
    ("types", "type"),
    ("frameworks", "framework"),
]


def a_mechanism(slug, **fields):
    source = Source.objects.documents().values_list("slug", flat=True).first()
    return {
        "model": "mechanisms.mechanism",
        "fields": {"kind": "mechanism", "slug": slug, "title_en": slug, "source": [source]}
        | fields,
    }


def source_further_on():
    return [
        a_mechanism("bulk-a", source=["bulk-new-source"]),
        {"model": "mechanisms.source", "fields": {"slug": "bulk-new-source", "title_en": "S"}},
    ]


def part_before_its_record():
    return [
        {"model": "mechanisms.section", "fields": {"record": ["bulk-a"], "position": 1}},
        a_mechanism("bulk-a"),
    ]


def membership_cited_further_on():
    country = {"iso_code": "QQ", "name_en": "Q", "is_arab_state": True}
    return [
        {"model": "mechanisms.country", "fields": country | {"membership_source": ["bulk-s"]}},
        {"model": "mechanisms.source", "fields": {"slug": "bulk-s", "title_en": "S"}},
    ]


def parent_made_an_activity_first():
    parent = Record.objects.filter(kind="mechanism").order_by("slug").first()
    given = a_mechanism(parent.slug, kind="activity")
    given["model"] = "mechanisms.activity"
    child = a_mechanism("bulk-child", kind="activity", parent=[parent.slug])
    child["model"] = "mechanisms.activity"
    return [given, child]


def a_stored_record_naming_a_new_person_further_on():
    record = Record.objects.order_by("slug").first()
    source = Source.objects.documents().values_list("slug", flat=True).first()
    contact = {"record": [record.slug], "position": 99, "person": ["bulk-person"]}
    return [
        {"model": "mechanisms.contact", "fields": contact | {"role": "focal-point"}},
        {
            "model": "mechanisms.person",
            "fields": {"slug": "bulk-person", "name": "P", "source": [source]},
        },
    ]


def an_existing_id_in_the_fields():
    return [a_mechanism("bulk-a", id=Record.objects.order_by("pk").first().pk)]


def a_free_id_in_the_fields():
    return [a_mechanism("bulk-a", id=Record.objects.order_by("-pk").first().pk + 100)]


CASES = {
    "a required reference to an object further on": source_further_on,
    "a part before its record": part_before_its_record,
    "a reference further on that validation needs": membership_cited_further_on,
    "a parent whose kind the file changes first": parent_made_an_activity_first,
    "a stored record's new part naming a person further on": (
        a_stored_record_naming_a_new_person_further_on
    ),
    "the id of an existing record": an_existing_id_in_the_fields,
    "a free id": a_free_id_in_the_fields,
    "no list of countries": lambda: [a_mechanism("bulk-a", countries=None)],
    "a goal that is not a number": lambda: [a_mechanism("bulk-a", sdgs=[["abc"]])],
    "the other side of a relation": lambda: [a_mechanism("bulk-a", children=[["x"]])],
}


def outcome(path, conflict):
    """What a load of `path` does: its counts and the ids given, or its errors."""
    with transaction.atomic():
        try:
            report = load_files([path], conflict=conflict)
            result = (len(report.created), len(report.updated))
            result += (sorted(Record.objects.filter(slug="bulk-a").values_list("pk", flat=True)),)
        except FixtureRefused as refused:
            result = [(error.index, error.field, error.message) for error in refused.errors]
        transaction.set_rollback(True)
    return result


@pytest.mark.parametrize("case", CASES)
def test_what_the_bulk_path_does_not_decide_the_per_object_loader_does(
    case, tmp_path, bulk_attempts, monkeypatch
):
    """The bulk path hands these over; the outcome, accepted or refused with its
    messages, is the per-object loader's own."""
    path = write(tmp_path, CASES[case]())
    conflict = "update" if case == "a parent whose kind the file changes first" else "refuse"
    through_both = outcome(path, conflict)
    assert "inserted" not in bulk_attempts  # handed over, or refused before any attempt
    monkeypatch.setattr(bulk_import, "insert_new_objects", hand_over)
    assert through_both == outcome(path, conflict)


@pytest.mark.parametrize(
    "case, message",
    [
        (
            "a required reference to an object further on",
            "field “source”: refers to source “bulk-new-source”, which is neither in the "
            "database nor earlier in the files",
        ),
        ("no list of countries", "field “countries”: expected a list of references"),
        (
            "the other side of a relation",
            "field “children”: the other side of a relation: give it on each mechanisms.record",
        ),
        (
            "a reference further on that validation needs",
            "field “membership_source”: Cite the reference that lists the membership.",
        ),
    ],
)
def test_each_refusal_names_the_object_and_the_field(tmp_path, case, message):
    with pytest.raises(FixtureRefused) as refused:
        load_files([write(tmp_path, CASES[case]())])
    assert message in str(refused.value)
    assert ", object 1 (" in str(refused.value)


def test_search_texts_built_from_memory_are_those_rebuilt_from_the_database():
    """The test session loads the documents through the bulk path, which builds the
    search texts of the records it inserts from the objects in memory; read back and
    rebuilt from the database, every text is the same."""
    columns = ("slug", "search_document", "search_document_ar", "search_terms_ar")
    loaded = list(Record.objects.order_by("slug").values_list(*columns))
    assert len([slug for slug, document, _ar, _terms in loaded if document]) >= 40
    assert any(document_ar for _slug, _document, document_ar, _terms in loaded)
    Record.objects.all().refresh_search_documents()
    assert list(Record.objects.order_by("slug").values_list(*columns)) == loaded


def planner_row_count(table):
    """How many rows the query planner's statistics say `table` holds (None: none)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            (rows,) = cursor.fetchone()
            return None if rows < 0 else int(rows)
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return None
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [table])
        stats = cursor.fetchall()
        return int(stats[0][0].split()[0]) if stats else None


def test_a_large_load_refreshes_the_planner_statistics_of_the_tables_it_wrote(
    tmp_path, django_capture_on_commit_callbacks
):
    path = write(tmp_path, new_objects(500))
    with django_capture_on_commit_callbacks(execute=True):
        report = load_files([path])
    assert len(report.created) >= ANALYZE_AFTER_OBJECTS
    tables = {
        "mechanisms_record": Record.objects.count(),
        "mechanisms_section": Section.objects.count(),
        "mechanisms_record_countries": Record.countries.through.objects.count(),
        "mechanisms_historicalrecord": Record.history.count(),
    }
    assert {table: planner_row_count(table) for table in tables} == tables


def test_a_small_load_leaves_the_statistics_to_the_database(
    tmp_path, django_capture_on_commit_callbacks
):
    before = planner_row_count("mechanisms_record")
    with django_capture_on_commit_callbacks(execute=True):
        load_files([write(tmp_path, new_objects(3))])
    assert planner_row_count("mechanisms_record") == before


@pytest.mark.django_db(transaction=True)
def test_after_a_large_load_postgresql_reads_a_list_in_title_order_from_the_index_alone(
    tmp_path,
):
    """Outside a transaction, as `import_fixtures` commits, the tables written are
    vacuumed too: every page of the records' table is marked all-visible, so a list in
    title order is an index-only scan instead of a sort of the whole table."""
    if connection.vendor != "postgresql":
        pytest.skip("the visibility map and VACUUM are PostgreSQL's")
    report = load_files([write(tmp_path, new_objects(500))])
    assert len(report.created) >= ANALYZE_AFTER_OBJECTS
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relpages, relallvisible FROM pg_class WHERE relname = 'mechanisms_record'"
        )
        pages, all_visible = cursor.fetchone()
        cursor.execute(
            "EXPLAIN SELECT id FROM mechanisms_record WHERE publication = 'published' "
            "ORDER BY title_en, id OFFSET 500 LIMIT 25"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert pages > 0
    assert all_visible == pages
    assert "Index Only Scan using record_listing_by_title" in plan, plan
