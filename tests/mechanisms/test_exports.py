"""Downloads of the lists: CSV, JSON and fixture JSON, streamed, of exactly what is listed."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from mechanisms import fixture_rows
from mechanisms.exports import CSV_COLUMNS
from mechanisms.fixture_files import dump, export_directory, serialize_all
from mechanisms.list_fixtures import record_fixture_objects, stream_dump
from mechanisms.models import (
    Contact,
    Country,
    Involvement,
    Organisation,
    Person,
    Record,
    Source,
    Theme,
)
from tests.factories import make_organisation, make_person, make_record
from tests.mechanisms.test_fixture_files import FIXTURES, empty_directory, files_of

pytestmark = pytest.mark.django_db

MECHANISM = "iom-ro-mena-coordination-mechanism"


def download(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    assert response.streaming
    return response, b"".join(response.streaming_content).decode("utf-8")


def csv_rows(text):
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def export_url(name, export_format):
    return reverse(name, args=[export_format])


class TestCSV:
    url = export_url("mechanisms:activity-export", "csv")

    def test_a_bom_then_a_header_and_one_row_per_record(self, client):
        response, text = download(client, self.url, {"country": "EG"})
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="activities.csv"'
        rows = csv_rows(text)
        assert list(rows[0]) == CSV_COLUMNS
        assert (
            len(rows)
            == Record.objects.published().filter(kind="activity", countries__iso_code="EG").count()
        )

    def test_several_values_are_joined_in_one_cell(self, client):
        _response, text = download(client, export_url("mechanisms:mechanism-export", "csv"))
        row = next(row for row in csv_rows(text) if row["slug"] == MECHANISM)
        assert row["countries"] == "Egypt"
        assert row["sdgs"] == "16; 17"
        assert "League of Arab States (LAS) (Partner)" in row["organisations"].split("; ")
        assert "Mathieu Luciano (Focal point)" in row["people"].split("; ")
        assert row["budget_amount"] == "211000000.00"
        assert row["url"] == f"http://testserver/en/mechanisms/{MECHANISM}/"

    @pytest.mark.parametrize(
        ("title", "cell"),
        [
            ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tTabbed", "'\tTabbed"),
            ("\rReturn", "'\rReturn"),
            ("Plain = fine", "Plain = fine"),
        ],
    )
    def test_formulas_are_neutralised(self, client, title, cell):
        record = make_record(title=title, kind="mechanism")
        _response, text = download(client, export_url("mechanisms:mechanism-export", "csv"))
        row = next(row for row in csv_rows(text) if row["slug"] == record.slug)
        assert row["title"] == cell

    def test_arabic_text_survives_in_utf_8_with_a_bom(self, client):
        record = make_record(title="آلية التنسيق الإقليمية", kind="mechanism")
        response = client.get(export_url("mechanisms:mechanism-export", "csv"))
        raw = b"".join(response.streaming_content)
        assert raw.startswith(b"\xef\xbb\xbf")
        assert record.title.encode() in raw


class TestJSON:
    def test_the_records_as_the_api_gives_them(self, client):
        url = export_url("mechanisms:mechanism-export", "json")
        response, text = download(client, url)
        assert response["Content-Type"] == "application/json"
        data = json.loads(text)
        assert data["version"] == 1
        mechanism = next(item for item in data["records"] if item["slug"] == MECHANISM)
        api = client.get(reverse("api:record-list", args=["mechanisms"])).json()
        assert mechanism == next(item for item in api["results"] if item["slug"] == MECHANISM)
        assert mechanism["countries"] == [{"iso_code": "EG", "name": "Egypt", "name_ar": "مصر"}]
        assert mechanism["budget"] == {"amount": "211000000.00", "currency": "USD", "year": 2011}

    def test_an_empty_list_is_valid_json(self, client):
        _response, text = download(
            client, export_url("mechanisms:mechanism-export", "json"), {"q": "zzzzqqqq"}
        )
        assert json.loads(text) == {"version": 1, "records": []}


class TestOnlyWhatThePageLists:
    def test_drafts_stay_out(self, client):
        Record.objects.filter(slug=MECHANISM).update(publication=Record.Publication.DRAFT)
        for export_format in ("csv", "json", "fixture.json"):
            _response, text = download(
                client, export_url("mechanisms:mechanism-export", export_format)
            )
            assert f"/{MECHANISM}/" not in text
            assert f'"{MECHANISM}"' not in text

    def test_a_bad_filter_is_a_400_with_the_message(self, client):
        response = client.get(export_url("mechanisms:activity-export", "csv"), {"year": "20x3"})
        assert response.status_code == 400
        assert "Year: " in response.text

    @pytest.mark.parametrize("export_format", ["xlsx", "csv.exe", "fixture"])
    def test_an_unknown_format_is_not_found(self, client, export_format):
        response = client.get(f"/en/mechanisms/export.{export_format}")
        assert response.status_code == 404

    def test_only_get_and_head(self, client):
        response = client.post(export_url("mechanisms:mechanism-export", "csv"))
        assert response.status_code == 405


def many_mechanisms(count, theme):
    """`count` published mechanisms with every relation an export reads, tagged `theme`."""
    country = Country.objects.get(iso_code="JO")
    organisation = make_organisation()
    person = make_person()
    source = Source.objects.order_by("slug").first()
    for _number in range(count):
        record = make_record(kind="mechanism", source=source)
        record.countries.add(country)
        record.themes.add(theme)
        Involvement.objects.create(record=record, organisation=organisation, role="partner")
        Contact.objects.create(record=record, person=person, role="focal-point")


class TestQueryCounts:
    """No query per row: the same count for 2 and 12 records, and per chunk beyond that."""

    @pytest.mark.parametrize(
        # one of them checks that the theme asked for exists
        ("export_format", "queries"),
        [("csv", 9), ("json", 9), ("fixture.json", 25)],
    )
    @pytest.mark.parametrize("count", [2, 12])
    def test_a_fixed_number_of_queries(
        self, client, django_assert_num_queries, export_format, queries, count
    ):
        theme = Theme.objects.create(slug="export-test", name="Export test")
        many_mechanisms(count, theme)
        url = export_url("mechanisms:mechanism-export", export_format)
        with django_assert_num_queries(queries):
            _response, text = download(client, url, {"theme": "export-test"})
        assert text.count("http://testserver/en/mechanisms/record-") == (
            count if export_format != "fixture.json" else 0
        )

    def test_rows_are_read_chunk_by_chunk(self, client, django_assert_num_queries, monkeypatch):
        """Three chunks: the theme's check and the records' query once, the seven
        prefetches per chunk."""
        monkeypatch.setattr(fixture_rows, "STREAM_CHUNK_SIZE", 5)
        theme = Theme.objects.create(slug="export-test", name="Export test")
        many_mechanisms(12, theme)
        url = export_url("mechanisms:mechanism-export", "csv")
        with django_assert_num_queries(2 + 3 * 7):
            _response, text = download(client, url, {"theme": "export-test"})
        assert len(csv_rows(text)) == 12


def fixture_download(client, name="directory:search-export", params=None):
    _response, text = download(client, export_url(name, "fixture.json"), params)
    return text


def import_fixture(tmp_path, text, *args):
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_fixtures", str(path), *args, stdout=out)
    return out.getvalue()


def staff_fixture_export(client):
    """The whole directory as an editor exports it from the admin: emails included."""
    exporter, _ = User.objects.get_or_create(
        username="exporter", defaults={"is_staff": True, "is_superuser": True}
    )
    client.force_login(exporter)
    response = client.post(
        reverse("admin:mechanisms_record_changelist"),
        {
            "action": "export_selected_fixture",
            "_selected_action": list(Record.objects.values_list("pk", flat=True)),
        },
    )
    client.logout()
    return b"".join(response.streaming_content).decode()


class TestFixture:
    def test_streamed_like_the_fixture_files_are_written(self):
        objects = serialize_all(Person)[:3]
        assert "".join(stream_dump(iter(objects))) == dump(objects)
        assert "".join(stream_dump(iter([]))) == dump([])

    def test_importing_it_where_it_came_from_changes_nothing(self, client, tmp_path):
        output = import_fixture(tmp_path, staff_fixture_export(client))
        assert "0 objects were created, 0 were updated" in output

    def test_a_public_download_holds_no_email_address(self, client):
        assert Person.objects.filter(email="telyan@iom.int").exists()
        for export_format in ("fixture.json", "json", "csv"):
            _response, text = download(
                client, export_url("directory:search-export", export_format), None
            )
            assert "telyan@iom.int" not in text, export_format
        assert "telyan@iom.int" in staff_fixture_export(client)

    def test_export_then_import_into_an_empty_database_reproduces_the_data(
        self, client, tmp_path, tmp_path_factory
    ):
        exported = staff_fixture_export(client)
        empty_directory()
        assert not Record.objects.exists()
        import_fixture(tmp_path, exported)
        assert staff_fixture_export(client) == exported
        written = tmp_path_factory.mktemp("after")
        export_directory(written)
        documents = {k: v for k, v in files_of(FIXTURES).items() if k.startswith("documents/")}
        assert {k: v for k, v in files_of(written).items() if k in documents} == documents

    def test_a_filtered_list_imports_with_the_records_it_belongs_to(self, client, tmp_path):
        exported = fixture_download(client, "mechanisms:activity-export", {"country": "EG"})
        slugs = {
            item["fields"]["slug"]
            for item in json.loads(exported)
            if item["model"] == "mechanisms.activity"
        }
        assert slugs == set(
            Record.objects.published()
            .filter(kind="activity", countries__iso_code="EG")
            .values_list("slug", flat=True)
        )
        parents = {
            item["fields"]["slug"]
            for item in json.loads(exported)
            if item["model"] in {"mechanisms.mechanism", "network.workinggroup"}
        }
        assert "regional-coordination-mechanism" in parents
        empty_directory()
        import_fixture(tmp_path, exported)
        child = Record.objects.get(slug="rcm-19th-meeting")
        assert child.parent.slug == "regional-coordination-mechanism"
        assert fixture_download(client, "mechanisms:activity-export", {"country": "EG"}) == (
            exported
        )

    def test_an_unpublished_parent_is_left_out_and_the_record_still_imports(self, client, tmp_path):
        parent = Record.objects.get(slug="regional-coordination-mechanism")
        Record.objects.filter(pk=parent.pk).update(publication=Record.Publication.DRAFT)
        exported = fixture_download(client, "mechanisms:activity-export", {"country": "EG"})
        assert '"regional-coordination-mechanism"' not in exported
        empty_directory()
        import_fixture(tmp_path, exported)
        assert Record.objects.get(slug="rcm-19th-meeting").parent is None

    def test_units_come_with_the_organisations_they_are_part_of(self, client, tmp_path):
        parent = make_organisation(name="Parent organisation")
        unit = make_organisation(name="A unit", parent=parent)
        record = make_record(kind="mechanism")
        Involvement.objects.create(record=record, organisation=unit, role="lead")
        exported = "".join(stream_dump(record_fixture_objects(Record.objects.filter(pk=record.pk))))
        organisations = [
            item["fields"]["slug"]
            for item in json.loads(exported)
            if item["model"] == "mechanisms.organisation"
        ]
        assert organisations == [parent.slug, unit.slug]
        Record.objects.filter(pk=record.pk).delete()
        Organisation.objects.filter(pk=unit.pk).delete()
        Organisation.objects.filter(pk=parent.pk).delete()
        import_fixture(tmp_path, exported)
        assert Organisation.objects.get(slug=unit.slug).parent.slug == parent.slug


def test_a_person_with_a_bad_email_is_refused_and_nothing_changes(tmp_path):
    person = {
        "model": "mechanisms.person",
        "fields": {
            "slug": "bad-email",
            "name": "Bad Email",
            "email": "not-an-address",
            "source": [Source.objects.values_list("slug", flat=True).first()],
        },
    }
    path = tmp_path / "people.json"
    path.write_text(json.dumps([person]))
    people = Person.objects.count()
    with pytest.raises(CommandError) as refused:
        call_command("import_fixtures", str(path))
    assert (
        f"{path}, object 1 (mechanisms.person “bad-email”), field “email”: "
        "Enter a valid email address."
    ) in str(refused.value)
    assert Person.objects.count() == people


@pytest.mark.parametrize(
    "url", ["/en/activities/export.csv", "/en/activities/export.json", "/en/activities/feed.atom"]
)
def test_an_unknown_filter_value_is_refused_as_on_the_page(client, url):
    response = client.get(url, {"country": "ZZ"})
    assert response.status_code == 400
    assert "Unknown value: ZZ." in response.content.decode()


def test_an_empty_filter_value_selects_nothing(client):
    assert client.get("/en/areas-of-work/", {"theme": ""}).context["page_obj"].paginator.count == 1
    assert client.get("/en/areas-of-work/export.csv", {"theme": ""}).status_code == 200
