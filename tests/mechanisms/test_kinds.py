"""The registry of kinds: one declaration gives a kind its pages, API, admin and rules."""

import importlib
import json
from io import StringIO

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.test.utils import isolate_apps
from django.urls import clear_url_caches, reverse
from django.utils.translation import gettext_lazy as _

from mechanisms import bilingual
from mechanisms.admin import register_kinds
from mechanisms.kinds import KIND_SPECIFIC_FIELDS, Kind, check_kind_declarations, registry
from mechanisms.models import KindProxy, Record
from tests.factories import make_record, make_source, unique

pytestmark = pytest.mark.django_db

# A value each kind-specific field can hold, and what the field needs besides.
SAMPLE_VALUES = {
    "parent": None,  # set per test to a record of the right kind
    "position": 3,
    "listed_under": "Results to date",
    "geographic_focus": "The Arab States",
    "activity_type": "meeting",
    "structure_type": "committee",
    "status": "completed",
    "start_date": "2013-06-04",
    "end_date": "2013-06-05",
    "year": 2013,
    "date_text": "June 2013",
    "date_note": "The year is inferred.",
    "status_as_written": "Currently",
    "place": "Cairo",
    "participants": "Member States",
    "budget_amount": "1000.00",
    "budget_currency": "USD",
    "budget_year": 2011,
    "reported_national_networks": 15,
    "participating_agencies": 13,
}
COMPANIONS = {
    "end_date": {"start_date": "2013-06-04"},
    "budget_amount": {"budget_currency": "USD", "budget_year": 2011},
    "budget_currency": {"budget_amount": "1000.00", "budget_year": 2011},
    "budget_year": {"budget_amount": "1000.00", "budget_currency": "USD"},
}


def refused_fields():
    """(kind, field) for every kind-specific field a kind may not carry."""
    return [
        (kind.value, name)
        for kind in registry
        for name in sorted(KIND_SPECIFIC_FIELDS)
        if name not in kind.allowed_fields and name != "parent"
    ]


def new_record(kind, **fields):
    slug = unique("kind-test")
    return registry[kind].model(slug=slug, title=slug, source=make_source(), **fields)


def field_values(name):
    values = {name: SAMPLE_VALUES[name], **COMPANIONS.get(name, {})}
    record = Record()
    for field_name, value in values.items():
        setattr(record, field_name, value)
    record.clean_fields(exclude=[f.name for f in Record._meta.fields if f.name not in values])
    return {field_name: getattr(record, field_name) for field_name in values}


@pytest.mark.parametrize(("kind", "name"), refused_fields())
def test_a_field_the_kind_does_not_carry_is_refused(kind, name):
    record = new_record(kind, **field_values(name))
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    # A translated field's error names the column that carries the value: the English one.
    column = bilingual.columns(Record, name)[0]
    message = " ".join(refused.value.message_dict[column])
    assert message.startswith("Only ") or message.startswith("No kind")
    with pytest.raises(IntegrityError), transaction.atomic():
        record.save()


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        (kind.value, name)
        for kind in registry
        for name in sorted(kind.allowed_fields)
        if name != "parent"
    ],
)
def test_a_field_the_kind_carries_is_accepted(kind, name):
    record = new_record(kind, **field_values(name))
    record.full_clean()
    record.save()


def parent_pairs(allowed):
    return [
        (kind.value, parent.value)
        for kind in registry
        if "parent" in kind.allowed_fields
        for parent in registry
        if (parent.value in kind.parents) == allowed
    ]


@pytest.mark.parametrize(("kind", "parent_kind"), parent_pairs(allowed=False))
def test_a_parent_of_a_kind_not_declared_is_refused(kind, parent_kind):
    record = new_record(kind, parent=make_record(registry[parent_kind].model))
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert "can be part of" in refused.value.message_dict["parent"][0]
    assert str(registry[parent_kind].singular).lower() in refused.value.message_dict["parent"][0]


@pytest.mark.parametrize(("kind", "parent_kind"), parent_pairs(allowed=True))
def test_a_parent_of_a_declared_kind_is_accepted(kind, parent_kind):
    record = new_record(kind, parent=make_record(registry[parent_kind].model))
    record.full_clean()
    record.save()


@pytest.mark.parametrize(
    "kind", [kind.value for kind in registry if "parent" not in kind.allowed_fields]
)
def test_a_kind_that_stands_alone_refuses_any_parent(kind):
    record = new_record(kind, parent=make_record(registry["network"].model))
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert refused.value.message_dict["parent"][0].startswith("Only ")
    with pytest.raises(IntegrityError), transaction.atomic():
        record.save()


def import_one(tmp_path, fields):
    source = make_source()
    item = {"model": "mechanisms.record", "fields": {"source": [source.slug], **fields}}
    path = tmp_path / "one.json"
    path.write_text(json.dumps([item]))
    with pytest.raises(CommandError) as refused:
        call_command("import_fixtures", str(path), stdout=StringIO())
    return path, str(refused.value)


def test_the_import_refuses_a_field_the_kind_does_not_carry(tmp_path):
    fields = {"kind": "network", "slug": "a-network", "title": "A network", "budget_year": 2011}
    fields |= {"budget_amount": "10.00", "budget_currency": "USD"}
    path, message = import_one(tmp_path, fields)
    assert f"{path}, object 1 (mechanisms.record “a-network”), field “budget_year”" in message
    assert "Only coordination mechanisms carry the field “budget year”." in message
    assert not Record.objects.filter(slug="a-network").exists()


def test_the_import_refuses_a_parent_of_a_kind_not_declared(tmp_path):
    fields = {
        "kind": "national-network",
        "slug": "a-national-network",
        "title": "A national network",
        "parent": ["iom-ro-mena-coordination-mechanism"],
        "position": 1,
    }
    path, message = import_one(tmp_path, fields)
    assert f"{path}, object 1 (mechanisms.record “a-national-network”), field “parent”" in message
    assert "A national network can be part of network only, not of a coordination" in message
    assert not Record.objects.filter(slug="a-national-network").exists()


@pytest.fixture
def staff_client(client):
    client.force_login(User.objects.create_superuser("kinds-admin", password="pw"))
    return client


def reload_urls():
    import config.urls
    import mechanisms.urls

    importlib.reload(mechanisms.urls)
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.fixture
def gazette_kind():
    """A kind declared in one place and nowhere else, for the time of a test."""
    with isolate_apps("mechanisms"):

        class Gazette(KindProxy, Record):
            KIND = Kind(
                "gazette",
                _("Gazette"),
                _("Gazettes"),
                url_prefix="gazettes",
                intro=_("Official gazettes that publish migration rules."),
            )

            class Meta:
                proxy = True
                app_label = "mechanisms"

        register_kinds(admin.site, "mechanisms")
        reload_urls()
        try:
            yield Gazette
        finally:
            admin.site.unregister(Gazette)
            registry.unregister("gazette")
            reload_urls()


def test_one_declaration_gives_a_kind_its_pages_api_and_admin(gazette_kind, staff_client):
    gazette = make_record(gazette_kind, title="Official Gazette of the Test Republic")
    assert gazette.kind == "gazette"

    listing = staff_client.get("/en/gazettes/")
    assert listing.status_code == 200
    assert "<h1>Gazettes</h1>" in listing.text
    assert "Official gazettes that publish migration rules." in listing.text
    assert gazette.get_absolute_url() == "/en/gazettes/" + gazette.slug + "/"
    assert f'href="{gazette.get_absolute_url()}"' in listing.text

    detail = staff_client.get(gazette.get_absolute_url())
    assert detail.status_code == 200
    assert "Official Gazette of the Test Republic" in detail.text
    assert ">Gazette<" in detail.text

    assert staff_client.get("/en/gazettes/export.csv").status_code == 200
    assert staff_client.get("/en/gazettes/feed.atom").status_code == 200
    api = staff_client.get("/api/gazettes/").json()
    assert [record["slug"] for record in api["results"]] == [gazette.slug]
    assert "gazettes" in staff_client.get("/api/").json()["endpoints"]
    search = staff_client.get(reverse("directory:search"), {"kind": "gazette"})
    assert [record.slug for record in search.context["page_obj"]] == [gazette.slug]

    changelist = staff_client.get(reverse("admin:mechanisms_gazette_changelist"))
    assert changelist.status_code == 200
    assert gazette.title in changelist.text
    form = staff_client.get(reverse("admin:mechanisms_gazette_change", args=[gazette.pk]))
    assert form.status_code == 200
    assert 'name="title_en"' in form.text
    assert 'name="budget_amount"' not in form.text


def test_every_kind_has_a_list_page_linked_from_every_page(client):
    home = client.get(reverse("directory:home")).text
    for kind in registry:
        url = reverse(f"{kind.url_name_prefix}-list")
        assert client.get(url).status_code == 200, url
        assert f'href="{url}"' in home, url


def test_the_checks_name_a_declaration_that_does_not_hold_together():
    with isolate_apps("mechanisms"):

        class Broken(KindProxy, Record):
            KIND = Kind(
                "broken",
                "Broken",
                "Broken",
                url_prefix="mechanisms",
                fields=["colour"],
                parents=["nothing"],
                parts=("sections", "network"),
                filterset="mechanisms.filters.NoSuchFilterSet",
            )

            class Meta:
                proxy = True
                app_label = "mechanisms"

        try:
            messages = [error.msg for error in check_kind_declarations()]
        finally:
            registry.unregister("broken")
    assert "Kind 'broken' declares unknown fields: ['colour']" in messages
    assert "Unknown parent kind 'nothing'." in messages
    assert "Part 'network' is neither a part nor a kind that belongs to this one." in messages
    assert "URL prefix 'mechanisms' is also 'mechanism''s." in messages
    missing = "FilterSet 'mechanisms.filters.NoSuchFilterSet' cannot be imported"
    assert any(message.startswith(missing) for message in messages)
    assert check_kind_declarations() == []
