"""Every admin list and form runs a fixed number of queries, however many rows it shows."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mechanisms.models import Activity, Contact, Involvement, Mechanism, Quote, Record, Section
from network.models import NationalNetwork, Network
from tests.factories import make_organisation, make_person, make_record

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


@pytest.mark.parametrize(("app", "model"), DIRECTORY_ADMINS)
def test_a_changelist_does_not_grow_with_its_rows(staff, app, model):
    url = reverse(f"admin:{app}_{model}_changelist")
    before = queries(staff, url)
    source = Record.objects.first().source
    # A query per row would add at least one per new row: three activities and three
    # mechanisms show it.
    for index in range(3):
        make_record(Activity, source=source, title=f"Extra activity {index}")
        make_record(Mechanism, source=source, title=f"Extra mechanism {index}")
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
