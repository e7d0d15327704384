"""generate_synthetic: invented records of every kind, for benchmarks, from a seed."""

import random
from collections import Counter
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, transaction

from mechanisms.fixture_files import document_objects, dump, serialize_all
from mechanisms.kinds import registry
from mechanisms.models import RECORD_PARTS, SDG, Organisation, Person, Record, Source
from mechanisms.synthetic import load_reference
from mechanisms.synthetic.composer import Composer

pytestmark = pytest.mark.django_db

RECORDS = 60
ALLOWED_PARENTS = {
    "mechanism": {None},
    "working-group": {"mechanism"},
    "network": {None},
    "national-network": {"network"},
    "sub-structure": {"network"},
    "output": {"network"},
    "area-of-work": {None},
    "activity": {"mechanism", "working-group", "area-of-work", None},
}


def generate(seed=7):
    call_command("generate_synthetic", records=RECORDS, seed=seed, verbosity=0)
    return Record.objects.filter(source__slug=f"synthetic-{seed}")


@contextmanager
def rolled_back():
    """Undo what the block wrote, as a fresh database would be (faster than deleting)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def synthetic_fixture_files(seed=7):
    """The two files export_fixtures writes synthetic data into, as it writes them."""
    source = Source.objects.get(slug=f"synthetic-{seed}")
    return {
        "reference/organisations.json": dump(serialize_all(Organisation)),
        f"documents/{source.slug}.json": dump(document_objects(source)),
    }


@pytest.fixture(scope="class")
def records(django_db_setup, django_db_blocker):
    """One synthetic set for the tests that only read it, undone after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield generate()
        transaction.set_rollback(True)


class TestAGeneratedSet:
    def test_every_kind_is_generated_mostly_activities(self, records):
        counts = Counter(records.values_list("kind", flat=True))

        assert set(counts) == {kind.value for kind in registry}
        assert sum(counts.values()) == RECORDS
        assert counts["activity"] > RECORDS / 2

    def test_records_belong_only_to_parents_of_the_kinds_allowed(self, records):
        for kind, parent_kind in records.values_list("kind", "parent__kind"):
            assert parent_kind in ALLOWED_PARENTS[kind], (kind, parent_kind)
        for national_network in records.filter(kind="national-network"):
            assert national_network.countries.count() == 1
        under_areas = records.filter(parent__kind="area-of-work")
        assert set(under_areas.values_list("activity_type", flat=True)) <= {"project"}

    def test_each_kind_carries_only_its_own_fields(self, records):
        def kinds_with(**lookup):
            return set(records.filter(**lookup).values_list("kind", flat=True))

        assert kinds_with(budget_amount__isnull=False) == {"mechanism"}
        assert kinds_with(reported_national_networks__isnull=False) == {"network"}
        assert kinds_with(participating_agencies__isnull=False) == {"working-group"}
        assert kinds_with(structure_type__gt="") == {"sub-structure"}
        assert kinds_with(year__isnull=False) == {"activity"}
        assert kinds_with(status__gt="") == {"activity"}
        assert kinds_with(geographic_focus_en__gt="") <= {
            "mechanism",
            "network",
            "working-group",
            "area-of-work",
        }
        years = records.filter(kind="activity").values_list("year", flat=True)
        assert 2005 <= min(years) <= max(years) <= 2026

    def test_every_generated_record_passes_full_clean(self, records):
        for record in records:
            record.full_clean()

    def test_parts_people_and_organisations_pass_field_validation(self, records):
        """Their keys and constraints were checked by the database as they were written;
        choices, lengths and formats (emails, phones, URLs) are checked here."""
        objects = [
            *Person.objects.filter(slug__startswith="synthetic-"),
            *Organisation.objects.filter(slug__startswith="synthetic-"),
        ]
        for part_model in RECORD_PARTS:
            objects += part_model.objects.filter(record__in=records)

        for obj in objects:
            relations = [f.name for f in obj._meta.concrete_fields if f.is_relation]
            obj.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
        assert {type(obj) for obj in objects} == {Person, Organisation, *RECORD_PARTS}

    def test_mostly_published_with_a_few_drafts_and_search_text_built(self, records):
        assert records.filter(publication="published").count() > RECORDS * 0.8
        assert not records.filter(search_document="").exists()


def test_the_same_seed_gives_byte_identical_fixtures():
    with rolled_back():
        generate(seed=7)
        first = synthetic_fixture_files()
    generate(seed=7)

    assert synthetic_fixture_files() == first
    assert "synthetic-" in first["reference/organisations.json"]


def test_different_seeds_give_different_records():
    with rolled_back():
        first = list(generate(seed=7).order_by("slug").values_list("title_en", flat=True))
    second = list(generate(seed=8).order_by("slug").values_list("title_en", flat=True))

    assert first != second


def test_export_into_the_project_fixtures_is_refused_but_elsewhere_allowed(tmp_path, settings):
    settings.FIXTURES_DIR = tmp_path / "fixtures"
    generate()

    with pytest.raises(CommandError, match="synthetic data"):
        call_command("export_fixtures", verbosity=0)
    assert not settings.FIXTURES_DIR.exists()

    call_command("export_fixtures", str(tmp_path / "elsewhere"), verbosity=0)
    assert (tmp_path / "elsewhere" / "documents" / "synthetic-7.json").exists()


def test_no_synthetic_organisation_takes_the_name_of_a_real_one():
    composer = Composer(random.Random(1), load_reference(DEFAULT_DB_ALIAS), source=None)
    real = set(Organisation.objects.values_list("name_en", flat=True))

    every_name = {organisation.name for organisation in composer.compose_organisations(10_000)}

    assert "Ministry of Foreign Affairs, Egypt" in real
    assert len(every_name) > 1000
    assert not every_name & real


def test_without_reference_data_the_command_says_to_run_setup_directory():
    SDG.objects.all().delete()

    with pytest.raises(CommandError, match="setup_directory"):
        generate()
    assert not Record.objects.filter(slug__startswith="synthetic-").exists()


def test_a_second_synthetic_set_in_the_same_database_is_refused():
    generate(seed=7)

    with pytest.raises(CommandError, match="already holds synthetic data"):
        generate(seed=8)
