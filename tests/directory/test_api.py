"""The read-only JSON API: the pages' filters, pagination, a stable shape, JSON errors."""

import pytest
from django.test import Client
from django.urls import reverse

from directory.api import collections
from mechanisms.exports import record_data
from mechanisms.models import Record

pytestmark = pytest.mark.django_db

MECHANISM = "iom-ro-mena-coordination-mechanism"
# English under the plain name, the Arabic translation under `<name>_ar`.
RECORD_KEYS = {
    "kind",
    "slug",
    "url",
    "title",
    "title_ar",
    "summary",
    "summary_ar",
    "publication",
    "source",
    "parent",
    "position",
    "listed_under",
    "listed_under_ar",
    "countries",
    "sdgs",
    "themes",
    "types",
    "frameworks",
    "organisations",
    "people",
    "geographic_focus",
    "geographic_focus_ar",
    "activity_type",
    "structure_type",
    "status",
    "status_as_written",
    "status_as_written_ar",
    "start_date",
    "end_date",
    "year",
    "date_text",
    "date_text_ar",
    "date_note",
    "date_note_ar",
    "place",
    "place_ar",
    "participants",
    "participants_ar",
    "budget",
    "reported_national_networks",
    "participating_agencies",
    "translated_by",
    "translation_reviewed",
    "last_reviewed",
    "updated_at",
}
PAGE_KEYS = {"version", "count", "page", "per_page", "num_pages", "next", "previous", "results"}


def api(client, *args, params=None, status=200):
    name = "api:record-list" if len(args) == 1 else "api:record-detail"
    response = client.get(reverse(name, args=args), params or {})
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_the_index_lists_every_endpoint(client):
    data = client.get(reverse("api:index")).json()
    assert data["version"] == 1
    assert set(data["endpoints"]) == {*collections(), "organisations", "people"}


@pytest.mark.parametrize("collection", collections())
def test_every_collection_lists_its_kind_in_the_stable_shape(client, collection):
    data = api(client, collection)
    assert set(data) == PAGE_KEYS | {"facets"}
    assert data["count"] > 0
    kinds = collections()[collection].kinds
    for record in data["results"]:
        assert set(record) == RECORD_KEYS
        assert not kinds or record["kind"] in kinds
    detail = api(client, collection, data["results"][0]["slug"])
    assert detail["record"]["slug"] == data["results"][0]["slug"]


def test_the_filters_of_the_page(client):
    params = {"country": "EG", "status": "completed", "year": "2013"}
    data = api(client, "activities", params=params)
    page = client.get(reverse("mechanisms:activity-list"), params)
    assert [r["slug"] for r in data["results"]] == [r.slug for r in page.context["page_obj"]]
    assert data["count"] == 1
    country = next(facet for facet in data["facets"] if facet["name"] == "country")
    assert {"value": "EG", "label": "Egypt", "count": 1, "selected": True} in country["options"]


def test_the_detail_has_every_part(client):
    record = api(client, "mechanisms", MECHANISM)["record"]
    assert set(record) == RECORD_KEYS | {
        "sections",
        "points",
        "quotes",
        "figures",
        "children",
        "children_count",
    }
    assert record["budget"] == {"amount": "211000000.00", "currency": "USD", "year": 2011}
    assert record["children_count"] == len(record["children"]) == 10
    assert record["children"][0]["kind"] == "activity"
    assert {"heading", "heading_ar", "body", "body_ar"} == set(record["sections"][0])
    las = next(item for item in record["organisations"] if item["slug"] == "las")
    assert (las["name"], las["acronym"], las["role"]) == ("League of Arab States", "LAS", "partner")
    assert las["name_ar"] == "جامعة الدول العربية"


def test_a_record_of_another_kind_or_a_draft_is_not_found(client):
    assert api(client, "activities", MECHANISM, status=404)["error"] == "Not found."
    assert api(client, "records", MECHANISM)["record"]["kind"] == "mechanism"
    Record.objects.filter(slug=MECHANISM).update(publication=Record.Publication.DRAFT)
    api(client, "mechanisms", MECHANISM, status=404)
    assert MECHANISM not in {r["slug"] for r in api(client, "mechanisms")["results"]}


def test_an_unknown_collection_is_not_found(client):
    assert api(client, "committees", status=404) == {
        "version": 1,
        "error": "Not found.",
        "errors": {},
    }


class TestPagination:
    def test_pages_link_to_each_other_with_the_filters(self, client):
        first = api(client, "records", params={"per_page": 5, "kind": "activity"})
        assert first["num_pages"] > 1
        assert first["previous"] is None
        assert "kind=activity" in first["next"]
        assert "page=2" in first["next"]
        second = client.get(first["next"]).json()
        assert second["page"] == 2
        assert "page=1" in second["previous"]
        slugs = {r["slug"] for r in first["results"]} | {r["slug"] for r in second["results"]}
        assert len(slugs) == 10

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"page": "abc"}, "page"),
            ({"page": "0"}, "page"),
            ({"page": "-1"}, "page"),
            ({"page": "99999"}, "page"),
            ({"page": "9" * 900}, "page"),
            ({"page": "\x00"}, "page"),
            ({"page": "2.5"}, "page"),
            ({"per_page": "0"}, "per_page"),
            ({"per_page": "101"}, "per_page"),
            ({"per_page": "many"}, "per_page"),
        ],
    )
    def test_a_bad_page_is_a_400_naming_it(self, client, params, field):
        data = api(client, "mechanisms", params=params, status=400)
        assert data["error"] == "Invalid page."
        assert field in data["errors"]
        assert data["errors"][field][0]["message"]

    def test_an_empty_result_is_page_one(self, client):
        data = api(client, "mechanisms", params={"q": "zzzzqqqq"})
        assert (data["count"], data["page"], data["num_pages"], data["results"]) == (0, 1, 1, [])


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"country": "ZZ"}, "country"),
        ({"country": "E\x00G"}, "country"),
        ({"sdg": "99x"}, "sdg"),
        ({"status": "finished"}, "status"),
        ({"date_from": "yesterday"}, "date_from"),
        ({"q": "a" * 201}, "q"),
        ({"organisation": [f"organisation-{number}" for number in range(31)]}, "organisation"),
    ],
)
def test_an_invalid_filter_is_a_400_with_the_form_errors(client, params, field):
    data = api(client, "activities", params=params, status=400)
    assert data["error"] == "A filter value is not valid."
    assert list(data["errors"]) == [field]


def test_the_list_and_the_json_download_agree(client):
    response = client.get(reverse("mechanisms:mechanism-export", args=["json"]))
    download = b"".join(response.streaming_content).decode()
    for record in api(client, "mechanisms", params={"per_page": 100})["results"]:
        assert f'"slug": "{record["slug"]}"' in download


def test_record_data_is_what_the_api_gives(client, rf):
    request = rf.get("/")
    record = Record.objects.for_detail().get(slug=MECHANISM)
    expected = record_data(record, request.build_absolute_uri)
    given = next(r for r in api(client, "mechanisms")["results"] if r["slug"] == MECHANISM)
    assert given == expected


class TestQueryCounts:
    """A fixed number of queries, whatever the page size."""

    @pytest.mark.parametrize("per_page", [1, 25])
    def test_a_list(self, client, django_assert_num_queries, per_page):
        # the country's lookup + 5 vocabulary facets + 1 for the 3 choice facets (which
        # give the count) + page + 7 prefetches
        with django_assert_num_queries(15):
            api(client, "activities", params={"per_page": per_page, "country": "EG"})

    @pytest.mark.parametrize("per_page", [1, 25])
    def test_the_list_of_every_record(self, client, django_assert_num_queries, per_page):
        # 5 vocabulary facets + 1 for the 3 choice facets (kind, status and year, whose
        # counts add up to the count) + page + 7 prefetches
        with django_assert_num_queries(14):
            api(client, "records", params={"per_page": per_page})

    @pytest.mark.parametrize("slug", [MECHANISM, "regional-un-network-on-migration"])
    def test_a_detail(self, client, django_assert_num_queries, slug):
        with django_assert_num_queries(14):
            api(client, "records", slug)

    @pytest.mark.parametrize("per_page", [1, 25])
    def test_people_and_organisations(self, client, django_assert_num_queries, per_page):
        with django_assert_num_queries(3):
            client.get(reverse("api:person-list"), {"per_page": per_page})
        with django_assert_num_queries(2):
            client.get(reverse("api:organisation-list"), {"per_page": per_page})


def test_people_without_their_email(client):
    data = client.get(reverse("api:person-list")).json()
    person = next(p for p in data["results"] if p["slug"] == "mathieu-luciano")
    assert "email" not in person
    assert person["roles"][0]["role"] == "focal-point"
    detail = client.get(reverse("api:person-detail", args=["mathieu-luciano"])).json()
    assert detail["person"] == person
    assert client.get(reverse("api:person-list"), {"role": "boss"}).status_code == 400
    assert client.get(reverse("api:person-detail", args=["nobody"])).status_code == 404


def test_organisations(client):
    data = client.get(reverse("api:organisation-list"), {"per_page": 100}).json()
    las = next(o for o in data["results"] if o["slug"] == "las")
    assert las["acronym"] == "LAS"
    detail = client.get(reverse("api:organisation-detail", args=["las"])).json()
    assert detail["organisation"] == las
    assert client.get(reverse("api:organisation-detail", args=["nobody"])).status_code == 404


def test_read_only(client):
    assert client.post(reverse("api:record-list", args=["mechanisms"])).status_code == 405


def test_people_named_only_in_drafts_are_not_in_the_api(client):
    Record.objects.filter(slug="regional-partners-briefing-imrf-outcomes-2022").update(
        publication=Record.Publication.DRAFT
    )
    for slug in ("tamim-elyan", "carmela-godeau"):
        response = client.get(f"/api/people/{slug}/")
        assert response.status_code == 404
        assert response.json()["error"]
    listed = [person["slug"] for person in client.get("/api/people/").json()["results"]]
    assert listed == ["mathieu-luciano"]
    organisations = client.get(reverse("mechanisms:organisation-list"))
    iom_ro = next(o for o in organisations.context["page_obj"] if o.slug == "iom-ro-mena")
    assert iom_ro.people_count == 1


@pytest.mark.parametrize(
    "path", ["/api/activities/%D8%B9/", "/api/activities/a%00b/", "/api/x/y/z/"]
)
def test_every_unknown_path_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["error"] == "Not found."


@pytest.mark.parametrize("method", ["post", "put", "delete", "options"])
def test_the_api_refuses_writes_in_json(method):
    response = getattr(Client(enforce_csrf_checks=True), method)("/api/records/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert "read-only" in response.json()["error"]
