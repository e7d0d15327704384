"""Admin actions: export the selected records as CSV, JSON or fixture JSON.

They run once `RecordAdmin.actions` lists export_selected_csv, export_selected_json and
export_selected_fixture (from mechanisms.admin_exports).
"""

import csv
import io
import json

import pytest
from django.contrib.admin import helpers
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from mechanisms.models import Record

pytestmark = pytest.mark.django_db

SELECTED = ["iom-ro-mena-coordination-mechanism", "regional-coordination-mechanism"]


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("admin", password="pw"))
    return client


def export(client, action, slugs=SELECTED, changelist="admin:mechanisms_mechanism_changelist"):
    ids = Record.objects.filter(slug__in=slugs).values_list("pk", flat=True)
    response = client.post(
        reverse(changelist),
        {"action": action, helpers.ACTION_CHECKBOX_NAME: [str(pk) for pk in ids]},
    )
    assert response.status_code == 200
    assert response.streaming, response.content[:300]
    return response, b"".join(response.streaming_content).decode()


def test_csv_of_the_selected_records(admin_client):
    response, text = export(admin_client, "export_selected_csv")
    assert response["Content-Disposition"] == 'attachment; filename="records.csv"'
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert sorted(row["slug"] for row in rows) == sorted(SELECTED)


def test_json_of_the_selected_records_drafts_included(admin_client):
    Record.objects.filter(slug=SELECTED[0]).update(publication=Record.Publication.DRAFT)
    _response, text = export(admin_client, "export_selected_json")
    records = json.loads(text)["records"]
    assert {record["slug"]: record["publication"] for record in records} == {
        SELECTED[0]: "draft",
        SELECTED[1]: "published",
    }


def test_fixture_of_the_selected_records_imports(admin_client, tmp_path):
    _response, text = export(
        admin_client,
        "export_selected_fixture",
        ["rcm-19th-meeting"],
        "admin:mechanisms_activity_changelist",
    )
    slugs = [item["fields"].get("slug") for item in json.loads(text)]
    assert "rcm-19th-meeting" in slugs
    assert "regional-coordination-mechanism" in slugs
    path = tmp_path / "selected.json"
    path.write_text(text)
    out = io.StringIO()
    call_command("import_fixtures", str(path), stdout=out)
    assert "0 objects were created, 0 were updated" in out.getvalue()


@pytest.mark.parametrize("slugs", [SELECTED[:1], SELECTED])
def test_a_fixed_number_of_queries(admin_client, django_assert_num_queries, slugs):
    """The admin's own (session, user, permissions, selection, the session's renewal)
    and the export's eight."""
    with django_assert_num_queries(24):
        export(admin_client, "export_selected_csv", slugs)
