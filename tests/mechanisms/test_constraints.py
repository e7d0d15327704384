"""Every rule of the data, tested both ways: by `full_clean()` and by the database."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from mechanisms.models import (
    SDG,
    Activity,
    Contact,
    Country,
    Involvement,
    Mechanism,
    Organisation,
    Quote,
    Record,
    Source,
)
from network.models import SubStructure
from tests.factories import (
    make_organisation,
    make_person,
    make_record,
    make_source,
    unique,
)

pytestmark = pytest.mark.django_db


def new_record(model=Mechanism, **fields):
    slug = unique("new")
    return model(**{"slug": slug, "title": slug, "source": make_source()} | fields)


def bad_sdg_low():
    return SDG(number=0, title="Nothing", colour="#000000")


def bad_sdg_high():
    return SDG(number=18, title="Beyond", colour="#000000")


def bad_sdg_colour():
    return SDG(number=5, title="Gender Equality", colour="#ff3a21")


def bad_country_code():
    return Country(iso_code="eg", name="Lower Egypt")


def bad_source_dates():
    return Source(
        slug=unique("s"),
        title="Backwards",
        seed_file=unique("f"),
        published_on=dt.date(2017, 7, 16),
        modified_on=dt.date(2015, 6, 25),
    )


def negative_budget():
    return new_record(budget_amount=Decimal("-1"), budget_currency="USD", budget_year=2011)


def incomplete_budget():
    return new_record(budget_amount=Decimal("211000000"))


def dates_backwards():
    return new_record(Activity, start_date=dt.date(2013, 6, 5), end_date=dt.date(2013, 6, 4))


def end_without_start():
    return new_record(Activity, end_date=dt.date(2013, 6, 4))


def implausible_year():
    return new_record(Activity, year=1066)


def activity_type_on_mechanism():
    return new_record(activity_type=Record.ActivityType.MEETING)


def structure_type_on_activity():
    return new_record(Activity, structure_type=Record.StructureType.COMMITTEE)


def quote_without_speaker():
    return Quote(record=make_record(), position=1, text="Words")


RULES = [
    # (what, build an invalid object, field the message is attached to, message)
    ("SDG number below 1", bad_sdg_low, "number", "greater than or equal to 1"),
    ("SDG number above 17", bad_sdg_high, "number", "less than or equal to 17"),
    ("SDG colour not #RRGGBB", bad_sdg_colour, "colour", "#RRGGBB in capitals"),
    ("country code not two capitals", bad_country_code, "iso_code", "two capital letters"),
    ("source modified before published", bad_source_dates, "__all__", "before the publication"),
    ("negative budget", negative_budget, "budget_amount", "greater than or equal to 0"),
    ("budget without currency and year", incomplete_budget, "budget_amount", "together"),
    ("end date before start date", dates_backwards, "end_date", "before the start date"),
    ("end date without start date", end_without_start, "start_date", "needs a start date"),
    ("year out of range", implausible_year, "year", "greater than or equal to 1900"),
    ("activity type on a mechanism", activity_type_on_mechanism, "activity_type", "Only activ"),
    ("structure type on an activity", structure_type_on_activity, "structure_type", "Only sub"),
    ("quote with nobody quoted", quote_without_speaker, "__all__", "speaker or an attribution"),
]


@pytest.mark.parametrize(("what", "build", "field", "message"), RULES, ids=[r[0] for r in RULES])
def test_full_clean_refuses_with_a_clear_message(what, build, field, message):
    obj = build()
    with pytest.raises(ValidationError) as refused:
        obj.full_clean()
    messages = refused.value.message_dict.get(field, [])
    assert any(message in text for text in messages), refused.value.message_dict


@pytest.mark.parametrize(("what", "build", "field", "message"), RULES, ids=[r[0] for r in RULES])
def test_database_refuses_what_validation_refuses(what, build, field, message):
    obj = build()
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def test_a_budget_of_zero_with_currency_and_year_is_accepted():
    record = new_record(budget_amount=Decimal("0"), budget_currency="USD", budget_year=2011)
    record.full_clean()
    record.save()
    assert Mechanism.objects.get(pk=record.pk).budget_amount == 0


def test_a_one_day_activity_is_accepted():
    record = new_record(Activity, start_date=dt.date(2022, 6, 20), end_date=dt.date(2022, 6, 20))
    record.full_clean()
    record.save()


def test_a_record_cannot_be_its_own_parent():
    record = make_record()
    record.parent = record
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert "cannot be part of itself" in str(refused.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        record.save()


def test_an_organisation_cannot_be_its_own_parent():
    organisation = make_organisation()
    organisation.parent = organisation
    with pytest.raises(ValidationError) as refused:
        organisation.full_clean()
    assert "cannot be part of itself" in str(refused.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        organisation.save()


def test_slugs_are_unique_across_every_kind_of_record():
    existing = make_record(Mechanism)
    duplicate = new_record(SubStructure, slug=existing.slug)
    with pytest.raises(ValidationError) as refused:
        duplicate.full_clean()
    assert "slug" in refused.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_a_proxy_refuses_another_kind():
    record = new_record(Mechanism, kind="network")
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert "kind cannot be" in refused.value.message_dict["kind"][0]


def test_an_organisation_has_one_role_of_a_kind_per_record():
    record, organisation = make_record(), make_organisation()
    Involvement.objects.create(record=record, organisation=organisation, role="partner", position=1)
    again = Involvement(record=record, organisation=organisation, role="partner", position=2)
    with pytest.raises(ValidationError):
        again.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        again.save()


def test_two_parts_of_a_record_cannot_share_a_position():
    record = make_record()
    Contact.objects.create(record=record, person=make_person(), role="speaker", position=1)
    clash = Contact(record=record, person=make_person(), role="speaker", position=1)
    with pytest.raises(ValidationError):
        clash.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        clash.save()


def test_phone_and_email_formats_are_checked():
    person = make_person()
    person.phone = "call me"
    person.email = "not-an-address"
    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    assert set(refused.value.message_dict) == {"phone", "email"}


def test_an_unknown_email_is_allowed_with_its_reason():
    person = make_person(email="", email_note="Hidden on the source page")
    person.full_clean()


def test_an_organisation_natural_key_is_its_slug():
    organisation = make_organisation()
    assert Organisation.objects.get_by_natural_key(organisation.slug) == organisation
