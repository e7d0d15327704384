"""`manage.py import_fixtures`: all or nothing, refusing changes unless --update."""

import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mechanisms import bulk_import
from mechanisms.models import SDG, Record

pytestmark = pytest.mark.django_db

SDGS = settings.FIXTURES_DIR / "reference" / "sdgs.json"


def sdgs_with(tmp_path, number, title):
    objects = json.loads(SDGS.read_text())
    for item in objects:
        if item["fields"]["number"] == number:
            item["fields"]["title_en"] = title
    path = tmp_path / "sdgs.json"
    path.write_text(json.dumps(objects))
    return path


def hand_over(pending, using):
    raise bulk_import.NotBulkLoadable("the test asks for the per-object loader")


def run(*args):
    out = StringIO()
    call_command("import_fixtures", *map(str, args), stdout=out)
    return out.getvalue()


def test_importing_what_is_already_there_changes_nothing():
    assert "0 objects were created, 0 were updated, 17 already up to date." in run(SDGS)


def test_a_changed_object_is_refused_without_update(tmp_path):
    path = sdgs_with(tmp_path, 2, "Zero Hunger Now")
    with pytest.raises(CommandError) as refused:
        run(path)
    message = str(refused.value)
    assert "Nothing was imported: 1 problem found." in message
    assert f"{path}, object 2 (mechanisms.sdg “2”): exists with other content (title_en)" in message
    assert SDG.objects.get(number=2).title == "Zero Hunger"


def test_dry_run_reports_the_change_and_writes_nothing(tmp_path):
    output = run(sdgs_with(tmp_path, 2, "Zero Hunger Now"), "--update", "--dry-run")
    assert "title_en: 'Zero Hunger' → 'Zero Hunger Now'" in output
    assert "1 would be updated" in output
    assert "Dry run: nothing was written." in output
    assert SDG.objects.get(number=2).title == "Zero Hunger"


def test_update_prints_and_applies_the_change(tmp_path):
    output = run(sdgs_with(tmp_path, 2, "Zero Hunger Now"), "--update")
    assert "title_en: 'Zero Hunger' → 'Zero Hunger Now'" in output
    assert "1 were updated" in output
    assert SDG.objects.get(number=2).title == "Zero Hunger Now"


def test_new_objects_are_created(tmp_path):
    source = Record.objects.values_list("source__slug", flat=True).first()
    path = tmp_path / "new.json"
    path.write_text(
        json.dumps(
            [
                {
                    "model": "network.network",
                    "fields": {
                        "kind": "network",
                        "slug": "a-new-network",
                        "title": "A new network",
                        "source": [source],
                        "countries": [["JO"]],
                    },
                }
            ]
        )
    )
    assert "1 objects were created" in run(path)
    assert Record.objects.get(slug="a-new-network").countries.get().iso_code == "JO"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("not json", "invalid JSON: Expecting value at line 1, column 1"),
        ('[{"model": "network.committee", "fields": {}}]', "unknown model “network.committee”"),
    ],
    ids=["empty file", "invalid JSON", "wrong model name"],
)
def test_bad_files_are_refused_with_a_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    records = Record.objects.count()
    with pytest.raises(CommandError) as refused:
        run(path)
    assert message in str(refused.value)
    assert str(path) in str(refused.value)
    assert Record.objects.count() == records


@pytest.mark.parametrize(
    "loader, lookup",
    [("in bulk", '"slug" IN'), ("one by one", '"slug" =')],
)
def test_a_reference_named_by_many_objects_is_looked_up_once(tmp_path, monkeypatch, loader, lookup):
    if loader == "one by one":
        monkeypatch.setattr(bulk_import, "insert_new_objects", hand_over)
    source = Record.objects.values_list("source__slug", flat=True).first()
    activities = [
        {
            "model": "mechanisms.activity",
            "fields": {
                "kind": "activity",
                "slug": f"activity-{number}",
                "title_en": f"Activity {number}",
                "source": [source],
                "countries": [["EG"], ["JO"]],
            },
        }
        for number in range(20)
    ]
    path = tmp_path / "activities.json"
    path.write_text(json.dumps(activities))
    with CaptureQueriesContext(connection) as queries:
        assert "20 objects were created" in run(path)
    # Not the search text's prefetches, which read the countries of the new records.
    sql = [query["sql"] for query in queries if "_prefetch_related_val" not in query["sql"]]
    assert sum(f'WHERE "mechanisms_source".{lookup}' in query for query in sql) == 1
    # The per-object loader looks each country up once; the bulk path, all at once.
    countries = lookup.replace('"slug"', '"iso_code"')
    assert sum(f'WHERE "mechanisms_country".{countries}' in query for query in sql) == (
        1 if loader == "in bulk" else 2
    )
    assert set(
        Record.objects.get(slug="activity-19").countries.values_list("iso_code", flat=True)
    ) == {"EG", "JO"}


def test_each_imported_record_gets_one_version_with_its_taxonomies_and_parent(tmp_path):
    """The versions are written once everything is in: a child named before its parent
    (a forward reference) still has its parent and its countries in its first version,
    and no second version is made when the reference is filled in."""
    source = Record.objects.values_list("source__slug", flat=True).first()
    child = {
        "model": "mechanisms.activity",
        "fields": {
            "kind": "activity",
            "slug": "a-forward-child",
            "title_en": "A child named before its parent",
            "source": [source],
            "parent": ["a-forward-parent"],
            "countries": [["EG"], ["JO"]],
        },
    }
    parent = {
        "model": "mechanisms.mechanism",
        "fields": {
            "kind": "mechanism",
            "slug": "a-forward-parent",
            "title_en": "A parent named after its child",
            "source": [source],
        },
    }
    path = tmp_path / "forward.json"
    path.write_text(json.dumps([child, parent]))
    assert "2 objects were created" in run(path)

    (version,) = Record.objects.get(slug="a-forward-child").history.all()
    assert version.history_type == "+"
    assert version.history_change_reason == "Imported from forward.json"
    assert version.parent_id == Record.objects.get(slug="a-forward-parent").pk
    assert {link.country.iso_code for link in version.countries.all()} == {"EG", "JO"}
    assert Record.objects.get(slug="a-forward-parent").history.count() == 1


def test_an_update_is_a_new_version_of_the_changed_object_only(tmp_path):
    before = SDG.history.filter(number=2).count()
    run(sdgs_with(tmp_path, 2, "Zero Hunger Now"), "--update")
    assert SDG.history.filter(number=2).count() == before + 1
    assert SDG.history.filter(number=2).latest("history_date").history_type == "~"
    assert SDG.history.filter(number=3).count() == SDG.history.filter(number=4).count()


def test_a_record_given_three_times_in_a_file_has_three_versions_each_with_its_countries(
    tmp_path,
):
    source = Record.objects.values_list("source__slug", flat=True).first()
    versions = [
        {
            "model": "mechanisms.mechanism",
            "fields": {
                "kind": "mechanism",
                "slug": "given-three-times",
                "title_en": f"Given three times, take {take}",
                "source": [source],
                "countries": [["EG"], ["JO"]],
            },
        }
        for take in (1, 2, 3)
    ]
    path = tmp_path / "thrice.json"
    path.write_text(json.dumps(versions))
    run(path, "--update")

    history = Record.objects.get(slug="given-three-times").history.order_by("history_id")
    assert [version.history_type for version in history] == ["+", "~", "~"]
    assert [version.title_en for version in history] == [
        f"Given three times, take {take}" for take in (1, 2, 3)
    ]
    for version in history:
        assert {link.country.iso_code for link in version.countries.all()} == {"EG", "JO"}
