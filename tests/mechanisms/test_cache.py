"""Public pages come from the cache until the data changes, and answer 304 when unchanged."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import http_date

from mechanisms.models import DataVersion, Record, Theme

pytestmark = pytest.mark.django_db

MECHANISM = "iom-ro-mena-coordination-mechanism"


@pytest.fixture(autouse=True)
def caching(settings):
    settings.DIRECTORY_CACHE = True
    cache.clear()
    yield
    cache.clear()


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/activities/?country=EG&sdg=16",
        f"/en/mechanisms/{MECHANISM}/",
        "/en/countries/eg/",
        "/en/search/?q=migration",
        "/api/activities/?country=EG",
        "/en/activities/feed.atom",
    ],
)
def test_a_second_visit_costs_one_query_and_a_revisit_gets_304(client, url):
    first, first_queries = get(client, url)
    second, second_queries = get(client, url)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert first_queries > 1
    assert second_queries == 1  # the data version
    etag = second["ETag"]
    not_modified, queries = get(client, url, if_none_match=etag)
    assert (not_modified.status_code, queries, not_modified.content) == (304, 1, b"")
    assert "Cookie" in second["Vary"]


def test_a_change_shows_at_once(client, django_capture_on_commit_callbacks):
    url = f"/en/mechanisms/{MECHANISM}/"
    etag = client.get(url)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        record = Record.objects.get(slug=MECHANISM)
        record.title = "A title changed by an editor"
        record.save()
    response = client.get(url, headers={"if_none_match": etag})
    assert response.status_code == 200
    assert "A title changed by an editor" in response.text
    assert response["ETag"] != etag


@pytest.mark.parametrize(
    "change",
    [
        lambda: Record.objects.get(slug=MECHANISM).delete(),
        lambda: Record.objects.get(slug=MECHANISM).themes.clear(),
        lambda: Theme.objects.filter(slug="decentralization").first().save(),
        lambda: Record.objects.get(slug=MECHANISM).sections.first().delete(),
    ],
    ids=["deletion", "taxonomy", "vocabulary", "part"],
)
def test_every_kind_of_change_raises_the_version(change, django_capture_on_commit_callbacks):
    before, _changed_at = DataVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        change()
    assert DataVersion.current()[0] > before


def test_the_version_is_read_with_its_time_in_utc(client):
    DataVersion.objects.all().delete()
    assert DataVersion.current() == (0, None)
    DataVersion.bump()
    stored = DataVersion.objects.get()
    number, changed_at = DataVersion.current()
    assert (number, changed_at) == (stored.number, stored.changed_at)
    assert changed_at.utcoffset() == dt.timedelta(0)
    response = client.get("/en/")
    assert response["ETag"] == f'"{number}-en"'
    assert response["Last-Modified"] == http_date(changed_at.timestamp())


def test_a_transaction_raises_the_version_once(django_capture_on_commit_callbacks):
    before, _changed_at = DataVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        for record in Record.objects.filter(kind="activity")[:5]:
            record.title += "."
            record.save()
    # once, after the search text of the records is rebuilt
    assert DataVersion.current()[0] == before + 1


def test_an_import_raises_the_version(tmp_path, settings, django_capture_on_commit_callbacks):
    path = tmp_path / "theme.json"
    path.write_text('[{"model": "mechanisms.theme", "fields": {"slug": "t", "name": "T"}}]')
    before, _changed_at = DataVersion.current()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_fixtures", str(path), verbosity=0)
    assert DataVersion.current()[0] > before


def test_publishing_in_the_admin_shows_at_once(client, django_capture_on_commit_callbacks):
    url = reverse("mechanisms:mechanism-list")
    draft = Record.objects.get(slug=MECHANISM)
    draft.publication = Record.Publication.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        draft.save()
    assert MECHANISM not in client.get(url).text
    staff = User.objects.create_superuser("publisher", password="pw")
    client.force_login(staff)
    changelist = reverse("admin:mechanisms_mechanism_changelist")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    client.logout()
    assert MECHANISM in client.get(url).text


def test_staff_bypass_the_cache_and_see_drafts(client, django_capture_on_commit_callbacks):
    url = f"/en/mechanisms/{MECHANISM}/"
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        Record.objects.filter(slug=MECHANISM).update(publication=Record.Publication.DRAFT)
    client.force_login(User.objects.create_superuser("editor", password="pw"))
    response, queries = get(client, url)
    assert response.status_code == 200
    assert "not public" in response.text
    assert queries > 1
    assert not response.has_header("ETag")


def test_caching_off_renders_every_time(client, settings):
    settings.DIRECTORY_CACHE = False
    get(client, "/en/")
    response, queries = get(client, "/en/")
    assert queries > 1
    assert not response.has_header("ETag")
