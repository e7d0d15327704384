"""Exports read as flat rows give, object for object, what Django's serializer gives."""

import datetime

import pytest
from django.core import serializers
from django.core.management import call_command

from mechanisms.fixture_rows import (
    empty_values,
    exported_field_names,
    filter_by_ids,
    natural_key,
    natural_key_columns,
    natural_key_is_its_columns,
    serialized_rows,
)
from mechanisms.models import (
    RECORD_PARTS,
    SDG,
    Country,
    Figure,
    Framework,
    Organisation,
    Person,
    Record,
    Section,
    Source,
    Theme,
    Type,
)

pytestmark = pytest.mark.django_db

EXPORTED_MODELS = [Source, SDG, Country, Theme, Type, Framework, Organisation, Person, Record]
EXPORTED_MODELS += RECORD_PARTS


def by_djangos_serializer(queryset):
    """What Django's python serializer gives with natural keys, less the fields that hold
    their empty value (which the fixture files leave out)."""
    model = queryset.model
    serialized = serializers.serialize(
        "python",
        queryset,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
        fields=exported_field_names(model),
    )
    empty = empty_values(model)
    for item in serialized:
        item["fields"] = {
            name: value
            for name, value in item["fields"].items()
            if name not in empty or value != empty[name]
        }
    return serialized


def by_rows(queryset):
    return [item for item, _extra in serialized_rows(queryset)]


@pytest.mark.parametrize("model", EXPORTED_MODELS, ids=lambda model: model.__name__)
def test_the_documents_read_as_rows_are_what_djangos_serializer_gives(model):
    queryset = model.objects.order_by("pk")
    assert queryset.exists()
    assert by_rows(queryset) == by_djangos_serializer(queryset)


def test_synthetic_records_read_as_rows_are_what_djangos_serializer_gives():
    """Generated records fill fields the documents leave empty (dates, budgets, parents
    several levels up, several organisations and people per record). Every model is
    compared on one generated set, and each that differs is shown by name."""
    call_command("generate_synthetic", records=60, seed=11, verbosity=0)
    querysets = {model.__name__: model.objects.order_by("pk") for model in EXPORTED_MODELS}
    assert {name: by_rows(queryset) for name, queryset in querysets.items()} == {
        name: by_djangos_serializer(queryset) for name, queryset in querysets.items()
    }


def test_dates_and_decimals_come_out_as_django_writes_them():
    """A record's dates, one set and one left empty, and a figure's decimal value."""
    record = Record.objects.filter(kind="activity", start_date__isnull=False).first()
    assert record is not None
    record.end_date = datetime.date(2031, 12, 31)
    record.save()
    figure = Figure.objects.first()
    assert figure is not None
    for queryset in (Record.objects.filter(pk=record.pk), Figure.objects.filter(pk=figure.pk)):
        assert by_rows(queryset) == by_djangos_serializer(queryset)
    (item,) = by_rows(Record.objects.filter(pk=record.pk))
    assert item["fields"]["end_date"] == datetime.date(2031, 12, 31)
    (item,) = by_rows(Figure.objects.filter(pk=figure.pk))
    assert item["fields"]["value"] == figure.value


def test_a_chunk_of_records_is_one_query_and_one_per_taxonomy(django_assert_num_queries):
    """The records' row with its source's and parent's keys joined in, then the countries,
    SDGs, themes, types and frameworks: six queries whatever the number of records."""
    count = Record.objects.count()
    with django_assert_num_queries(6):
        assert len(by_rows(Record.objects.all())) == count


def test_a_part_names_its_record_by_the_records_key():
    section = Section.objects.select_related("record").first()
    (item,) = by_rows(Section.objects.filter(pk=section.pk))
    assert item["fields"]["record"] == (section.record.slug,)
    assert "pk" not in item


def test_the_columns_of_each_natural_key_are_found():
    assert natural_key_columns(Record) == ("slug",)
    assert natural_key_columns(Country) == ("iso_code",)
    assert natural_key_columns(SDG) == ("number",)


def test_a_natural_key_made_of_another_rows_columns_is_refused_by_name():
    """A part's key is its record's key and its position: it cannot be joined in as one
    row's columns, so a foreign key to a part could not be exported this way."""
    with pytest.raises(TypeError, match=r"mechanisms\.Section's natural key is not made of"):
        natural_key_columns(Section)


class LowerCaseKeyRecord:
    """A model whose natural key is made from its column, not the column as it is."""

    _meta = Record._meta

    def natural_key(self):
        return (self.slug.lower(),)


def test_a_key_that_is_its_columns_is_taken_from_the_row_as_it_is():
    assert natural_key_is_its_columns(Record)
    assert natural_key_is_its_columns(Country)
    assert natural_key(Record, ("labour-migration",)) == ("labour-migration",)


def test_a_key_made_from_its_columns_is_made_by_the_models_own_method():
    assert natural_key_columns(LowerCaseKeyRecord) == ("slug",)
    assert not natural_key_is_its_columns(LowerCaseKeyRecord)
    assert natural_key(LowerCaseKeyRecord, ("Labour-Migration",)) == ("labour-migration",)


def test_rows_filtered_by_ids_are_those_rows_and_no_ids_no_rows():
    first, _second, third = Record.objects.order_by("pk").values_list("pk", flat=True)[:3]
    filtered = filter_by_ids(Record.objects.all(), "id", [third, first])
    assert sorted(filtered.values_list("pk", flat=True)) == [first, third]
    assert filter_by_ids(Record.objects.all(), "id", []).count() == 0
    links = filter_by_ids(Record.countries.through.objects.all(), "record_id", [first])
    assert set(links.values_list("country_id", flat=True)) == set(
        Record.objects.get(pk=first).countries.values_list("pk", flat=True)
    )
