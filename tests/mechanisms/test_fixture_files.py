"""Loading and exporting fixture files: the round trip, idempotence, refusing bad files."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from mechanisms.fixture_files import (
    Conflict,
    FixtureRefused,
    export_directory,
    fixture_paths,
    load_files,
)
from mechanisms.models import (
    SDG,
    Country,
    Framework,
    Organisation,
    Person,
    Record,
    Source,
    Theme,
    Type,
)
from tests.mechanisms.test_bulk_import import planner_row_count

pytestmark = pytest.mark.django_db

FIXTURES = Path(settings.FIXTURES_DIR)


def files_of(directory):
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(Path(directory).rglob("*.json"))
    }


def snapshot(tmp_path_factory):
    """Every directory row, as the exporter sees it: equal snapshots, equal databases."""
    return files_of(export_directory(tmp_path_factory.mktemp("snapshot"))[0].parent.parent)


def empty_directory():
    """Delete every directory row, in an order protected foreign keys allow."""
    Record.objects.all().delete()
    for model in (Person, Framework, Type, Theme):
        model.objects.all().delete()
    while Organisation.objects.exists():
        Organisation.objects.filter(units__isnull=True).delete()
    for model in (Country, SDG, Source):
        model.objects.all().delete()


def test_the_project_has_reference_and_document_fixtures():
    names = [path.relative_to(FIXTURES).as_posix() for path in fixture_paths(FIXTURES)]
    assert names[:7] == [
        "reference/sources.json",
        "reference/sdgs.json",
        "reference/countries.json",
        "reference/themes.json",
        "reference/types.json",
        "reference/frameworks.json",
        "reference/organisations.json",
    ]
    assert len([name for name in names if name.startswith("documents/")]) == 5


def test_loading_then_exporting_gives_byte_identical_files(tmp_path):
    empty_directory()
    load_files(fixture_paths(FIXTURES))
    call_command("export_fixtures", str(tmp_path), verbosity=0)
    assert files_of(tmp_path) == files_of(FIXTURES)


def test_export_holds_only_directory_data(tmp_path):
    User.objects.create_user("editor", password="x")
    export_directory(tmp_path)
    models = {
        item["model"] for path in tmp_path.rglob("*.json") for item in json.loads(path.read_text())
    }
    assert models
    assert all(label.split(".")[0] in {"mechanisms", "network"} for label in models)


def test_export_uses_natural_keys_only(tmp_path):
    export_directory(tmp_path)
    for path in tmp_path.rglob("*.json"):
        for item in json.loads(path.read_text()):
            assert "pk" not in item, (path, item)


def test_setup_directory_twice_changes_nothing(tmp_path_factory, capsys):
    empty_directory()
    call_command("setup_directory", verbosity=0)
    before = snapshot(tmp_path_factory)
    updated_at = dict(Record.objects.values_list("slug", "updated_at"))
    call_command("setup_directory", verbosity=0)
    assert "0 objects created" in capsys.readouterr().out
    assert snapshot(tmp_path_factory) == before
    assert dict(Record.objects.values_list("slug", "updated_at")) == updated_at


def test_setup_directory_gives_the_planner_the_size_of_every_table_it_filled():
    """The smallest tables (17 goals, 23 countries) never change enough for autovacuum
    to analyse them: the set-up does."""
    empty_directory()
    call_command("setup_directory", verbosity=0)
    tables = {
        "mechanisms_sdg": SDG.objects.count(),
        "mechanisms_country": Country.objects.count(),
        "mechanisms_theme": Theme.objects.count(),
        "mechanisms_record": Record.objects.count(),
        "mechanisms_record_sdgs": Record.sdgs.through.objects.count(),
    }
    assert all(tables.values())
    assert {table: planner_row_count(table) for table in tables} == tables


def test_setup_directory_keeps_an_editors_change(capsys):
    record = Record.objects.order_by("slug").first()
    record.title = "Renamed by an editor"
    record.save()
    call_command("setup_directory", verbosity=0)
    record.refresh_from_db()
    assert record.title == "Renamed by an editor"
    assert "1 objects differ from the fixtures and were kept" in capsys.readouterr().out


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return path


def mechanism(slug="broken-mechanism", **fields):
    return {
        "model": "mechanisms.mechanism",
        "fields": {
            "kind": "mechanism",
            "slug": slug,
            "title": "Broken",
            "source": [Source.objects.order_by("slug").values_list("slug", flat=True).first()],
        }
        | fields,
    }


BROKEN = {
    "empty file": ("", "the file is empty", ""),
    "invalid JSON": ('[{"model": "mechanisms.mechanism",', "invalid JSON", ""),
    "not a list": ('{"model": "mechanisms.sdg"}', "expected a JSON list", ""),
    "unknown model": (
        [{"model": "mechanisms.committee", "fields": {"slug": "x"}}],
        "unknown model “mechanisms.committee”",
        "",
    ),
    "unknown field": (lambda: [mechanism(colour="red")], "has no such field", "colour"),
    "bad reference": (
        lambda: [mechanism(countries=[["EG"], ["XX"]])],
        "refers to country “XX”, which is neither",
        "countries",
    ),
    "missing required reference": (
        lambda: [mechanism(source=["no-such-document"])],
        "refers to source “no-such-document”",
        "source",
    ),
    "bad choice": (
        lambda: [mechanism(status="finished")],
        "is not a valid choice",
        "status",
    ),
    "text too long": (
        lambda: [mechanism(title="x" * 301)],
        "at most 300 characters",
        "title_en",
    ),
    "negative budget": (
        lambda: [mechanism(budget_amount="-5", budget_currency="USD", budget_year=2011)],
        "greater than or equal to 0",
        "budget_amount",
    ),
    "duplicate slug in a file": (
        lambda: [mechanism(), mechanism(title="Twice")],
        "exists with other content",
        "",
    ),
    "a valid object beside a broken one": (
        lambda: [mechanism("fine-mechanism"), mechanism(summary="ok", year="soon")],
        "value must be an integer",
        "year",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_fixture_is_refused_whole(case, tmp_path, tmp_path_factory):
    content, message, field = BROKEN[case]
    content = content() if callable(content) else content
    path = write(tmp_path, "broken.json", content)
    before = snapshot(tmp_path_factory)
    with pytest.raises(FixtureRefused) as refused:
        load_files([path])
    text = str(refused.value)
    assert str(path) in text
    assert message in text
    if field:
        assert f"field “{field}”" in text
    if isinstance(content, list):
        assert "object " in text
    assert snapshot(tmp_path_factory) == before
    assert not Record.objects.filter(slug__in=["broken-mechanism", "fine-mechanism"]).exists()


def test_setup_directory_reports_a_broken_fixture_and_loads_nothing(tmp_path, tmp_path_factory):
    (tmp_path / "documents").mkdir()
    write(tmp_path / "documents", "a.json", [mechanism("loadable-mechanism")])
    write(tmp_path / "documents", "b.json", [mechanism(budget_amount="-1")])
    before = snapshot(tmp_path_factory)
    with pytest.raises(CommandError) as refused:
        call_command("setup_directory", fixtures=str(tmp_path), verbosity=0)
    assert "b.json, object 1 (mechanisms.mechanism “broken-mechanism”)" in str(refused.value)
    assert snapshot(tmp_path_factory) == before


def test_an_object_with_other_content_is_refused_unless_updating(tmp_path):
    record = Record.objects.order_by("slug").first()
    changed = [
        {
            "model": f"mechanisms.{record.kind}"
            if record.kind in {"mechanism", "activity"}
            else "mechanisms.record",
            "fields": {
                "kind": record.kind,
                "slug": record.slug,
                "title": "New title",
                "source": [record.source.slug],
            },
        }
    ]
    path = write(tmp_path, "changed.json", changed)
    with pytest.raises(FixtureRefused) as refused:
        load_files([path])
    assert "exists with other content (title" in str(refused.value)
    report = load_files([path], conflict=Conflict.UPDATE, dry_run=True)
    assert next(name for name, _old, _new in report.updated[0][1]) == "title_en"
    record.refresh_from_db()
    assert record.title != "New title"
