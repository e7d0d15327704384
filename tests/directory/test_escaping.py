"""Markup typed into any text field is shown as text everywhere: on every page in both
languages, in the admin, in feeds, and in downloads (which are never HTML)."""

import pytest
from django.contrib.auth.models import User
from django.db import models
from django.urls import reverse
from django.utils import translation

from mechanisms import bilingual
from mechanisms.kinds import KIND_SPECIFIC_FIELDS, registry
from mechanisms.models import (
    Contact,
    Country,
    Figure,
    Involvement,
    Organisation,
    Person,
    Point,
    Quote,
    Record,
    Section,
    Source,
)
from tests.factories import make_organisation, make_person, make_record, make_source

pytestmark = pytest.mark.django_db

PAYLOAD = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
NOT_ON_ACTIVITIES = {
    column
    for name in KIND_SPECIFIC_FIELDS
    if name not in registry["activity"].allowed_fields
    for column in bilingual.columns(Record, name)
}
LIVE = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>")


def text_fields(model, exclude=()):
    """Every free-text column of `model`, each with the payload (cut to its length)."""
    values = {}
    for model_field in model._meta.concrete_fields:
        if (
            isinstance(model_field, models.CharField | models.TextField)
            and not model_field.choices
            and model_field.editable
            and model_field.name not in exclude
        ):
            limit = model_field.max_length or len(PAYLOAD)
            values[model_field.attname] = PAYLOAD[:limit]
    return values


@pytest.fixture
def hostile_record():
    source = make_source(**text_fields(Source, exclude={"slug", "seed_file", "url"}))
    organisation = make_organisation(
        **text_fields(Organisation, exclude={"slug", "url", "official_name_en", "official_name_ar"})
    )
    person = make_person(
        source=source, **text_fields(Person, exclude={"slug", "email", "phone", "url"})
    )
    record = make_record(
        kind="activity",
        source=source,
        activity_type="event",
        **text_fields(Record, exclude={"slug", "kind", "activity_type", *NOT_ON_ACTIVITIES}),
    )
    record.countries.add(Country.objects.get(iso_code="EG"))
    Section.objects.create(record=record, **text_fields(Section))
    Point.objects.create(record=record, kind="function", **text_fields(Point, exclude={"kind"}))
    Quote.objects.create(record=record, person=person, **text_fields(Quote))
    Figure.objects.create(record=record, value=1, **text_fields(Figure, exclude={"qualifier"}))
    Involvement.objects.create(record=record, organisation=organisation, role="partner")
    Contact.objects.create(record=record, person=person, role="focal-point")
    Record.objects.filter(pk=record.pk).refresh_search_documents()
    return record, organisation, person, source


def assert_inert(response, where):
    assert response.status_code == 200, where
    html = response.content.decode()
    for live in LIVE:
        assert live not in html, f"{where}: {live} is live"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, f"{where}: the text is not shown"


def test_every_public_page_shows_markup_as_text(client, hostile_record):
    record, organisation, person, source = hostile_record
    for language in ("en", "ar"):
        with translation.override(language):
            urls = [
                record.get_absolute_url(),
                reverse("mechanisms:activity-list"),
                reverse("directory:search") + "?q=alert",
                reverse("directory:country-detail", args=["eg"]),
                organisation.get_absolute_url(),
                person.get_absolute_url(),
                reverse("directory:source-detail", args=[source.slug]),
            ]
        for url in urls:
            assert_inert(client.get(url), url)


def test_the_admin_shows_markup_as_text(client, hostile_record):
    record, *_others = hostile_record
    client.force_login(User.objects.create_superuser("admin", "admin@example.org", "x" * 20))
    for url in (
        reverse("admin:mechanisms_activity_change", args=[record.pk]),
        reverse("admin:mechanisms_activity_changelist"),
    ):
        assert_inert(client.get(url), url)


def test_feeds_and_downloads_never_serve_markup_as_html(client, hostile_record):
    feed = client.get(reverse("mechanisms:activity-feed"))
    for live in LIVE:
        assert live not in feed.content.decode()
    for export_format in ("csv", "json", "fixture.json"):
        response = client.get(reverse("mechanisms:activity-export", args=[export_format]))
        assert not response["Content-Type"].startswith("text/html")
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
    api = client.get(reverse("api:record-list", args=["activities"]))
    assert api["Content-Type"] == "application/json"
    assert api["X-Content-Type-Options"] == "nosniff"
