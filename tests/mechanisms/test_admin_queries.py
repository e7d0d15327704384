"""Every admin list and form runs a fixed number of queries, however many rows it shows."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mechanisms.models import (
    SDG,
    Activity,
    Contact,
    Country,
    Framework,
    Involvement,
    Mechanism,
    Organisation,
    Person,
    Quote,
    Record,
    Section,
    Source,
    Theme,
    Type,
)
from network.models import NationalNetwork, Network
from tests.factories import (
    make_country,
    make_organisation,
    make_person,
    make_record,
    make_source,
    unique,
)

pytestmark = pytest.mark.django_db

DIRECTORY_ADMINS = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label in {"mechanisms", "network"}
)


@pytest.fixture
def staff(client):
    client.force_login(User.objects.create_superuser("root", password="pw"))
    return client


def queries(client, url):
    client.get(url)  # the first request fills per-process caches (content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def add_rows(mechanism, network, count):
    for index in range(count):
        position = 100 + index
        person = make_person()
        Involvement.objects.create(
            record=mechanism, organisation=make_organisation(), role="member", position=position
        )
        Contact.objects.create(record=mechanism, person=person, role="speaker", position=position)
        Quote.objects.create(record=mechanism, person=person, text="Words", position=position)
        Section.objects.create(record=mechanism, heading="More", body="Text", position=position)
        make_record(Activity, parent=mechanism, position=position, source=mechanism.source)
        make_record(NationalNetwork, parent=network, position=position, source=network.source)


def add_rows_of(model, count):
    """`count` new rows of `model`, each with what its admin list shows of a row (a
    record's source, an organisation's parent, a person's organisation, a framework's
    source for its year), so that a query per row would show."""
    source = make_source()
    for index in range(count):
        name = unique(model._meta.model_name)
        if issubclass(model, Record):
            kind_model = Mechanism if model is Record else model
            make_record(kind_model, source=source)
        elif model is Country:
            make_country(iso_code=f"X{'ABCDEFGH'[index]}", name=name)
        elif model is Organisation:
            make_organisation(parent=make_organisation())
        elif model is Person:
            make_person(organisation=make_organisation(), source=source)
        elif model is Source:
            make_source()
        elif model is Framework:
            Framework.objects.create(slug=name, name=name, year=2020, year_source=source)
        elif model in (Theme, Type):
            model.objects.create(slug=name, name=name)
        else:
            raise AssertionError(f"no rows of {model.__name__} to add: teach add_rows_of")


@pytest.mark.parametrize(("app", "model_name"), DIRECTORY_ADMINS)
def test_a_changelist_does_not_grow_with_its_rows(staff, app, model_name):
    """The list's queries with its rows now and with three more of what it lists; the
    SDGs, seventeen by definition, are compared with two of them instead."""
    model = apps.get_model(app, model_name)
    url = reverse(f"admin:{app}_{model_name}_changelist")
    if model is SDG:
        before = queries(staff, url)
        SDG.objects.exclude(number__in=[1, 16]).delete()
        assert queries(staff, url) == before
        return
    before = queries(staff, url)
    add_rows_of(model, 3)
    assert queries(staff, url) == before


def test_record_forms_do_not_grow_with_their_inline_rows(staff):
    mechanism = Mechanism.objects.get(slug="iom-ro-mena-coordination-mechanism")
    network = Network.objects.get()
    urls = [
        reverse("admin:mechanisms_mechanism_change", args=[mechanism.pk]),
        reverse("admin:network_network_change", args=[network.pk]),
    ]
    before = [queries(staff, url) for url in urls]
    add_rows(mechanism, network, 8)
    assert [queries(staff, url) for url in urls] == before


@pytest.mark.parametrize(
    ("url_name", "slug", "expected"),
    [
        ("admin:mechanisms_mechanism_changelist", None, 12),
        ("admin:mechanisms_mechanism_change", "iom-ro-mena-coordination-mechanism", 22),
        ("admin:network_network_change", "regional-un-network-on-migration", 20),
        ("admin:network_workinggroup_change", "twg-international-migration-arab-region", 19),
    ],
)
def test_pinned_query_counts(staff, django_assert_num_queries, url_name, slug, expected):
    """Each count includes the renewal of the staff session that every request makes
    (SESSION_SAVE_EVERY_REQUEST): one UPDATE, in a savepoint here (three queries)."""
    args = [Record.objects.get(slug=slug).pk] if slug else []
    url = reverse(url_name, args=args)
    staff.get(url)
    with django_assert_num_queries(expected):
        assert staff.get(url).status_code == 200
