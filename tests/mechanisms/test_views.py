"""The public pages of mechanisms, activities, areas of work, organisations and people."""

import base64
import datetime as dt
import math
import re
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from mechanisms.filters import ActivityFilterSet
from mechanisms.models import Country, Organisation, Record
from tests.factories import make_record

pytestmark = pytest.mark.django_db

MECHANISM = "iom-ro-mena-coordination-mechanism"


def result_titles(response):
    return [record.title for record in response.context["page_obj"].object_list]


def result_count(response):
    return response.context["page_obj"].paginator.count


class TestMechanismPages:
    def test_list_shows_the_mechanisms(self, client):
        response = client.get(reverse("mechanisms:mechanism-list"))
        assert response.status_code == 200
        assert "IOM’s Regional Office (RO) for the Middle East" in response.text
        assert "Regional Coordination Mechanism (RCM)" in response.text

    def test_detail_shows_every_fact_of_document_000(self, client):
        response = client.get(reverse("mechanisms:mechanism-detail", args=[MECHANISM]))
        page = response.text
        for fact in [
            "the Arab States",
            "USD 211,000,000",
            "(2011)",
            "Thematic focus areas the mechanism",
            "Steps/stages in practical application of the mechanism",
            "Currently, a regional project covering Libya, Tunisia, and Egypt",
            "Decentralization",
            "Democratic Governance",
            "Peace, Justice and Strong Institutions",
            "Partnerships for the Goals",
            "League of Arab States (LAS)",
            "Arab Labour Organization (ALO)",
            "Mathieu Luciano",
            "Regional Liaison and Policy Officer",
            "47C Abu El Feda Street, Zamalek, Cairo, Egypt",
            'href="tel:+201016255500"',
            "Not published at the source",
            "Thursday 25 June 2015, 12:18",
            "Sunday 16 July 2017, 12:41",
            "5933",
            "Print this page",
        ]:
            assert fact in page, fact

    def test_results_are_an_ordered_list_with_their_dates_or_states(self, client):
        response = client.get(reverse("mechanisms:mechanism-detail", args=[MECHANISM]))
        results = response.context["children"][0]
        assert results.heading == "Results to date"  # the document's own heading
        assert [child.position for child in results.records] == list(range(1, 8))
        assert "In the document's words: “roundtables to be conducted in 2013”" in response.text
        assert "“December 2012” in the document" in response.text
        assert "In the document's words: “A handbook is being developed" in response.text

    def test_taxonomies_link_into_the_filtered_lists(self, client):
        response = client.get(reverse("mechanisms:mechanism-detail", args=[MECHANISM]))
        search = reverse("directory:search")
        for query in ["country=EG", "sdg=16", "sdg=17", "theme=decentralization"]:
            assert f'href="{search}?{query}"' in response.text

    def test_a_record_of_another_kind_is_not_found_under_mechanisms(self, client):
        response = client.get(reverse("mechanisms:mechanism-detail", args=["imrf-2022"]))
        assert response.status_code == 404

    def test_unpublished_records_are_not_shown(self, client):
        Record.objects.filter(slug=MECHANISM).update(publication=Record.Publication.DRAFT)
        detail = client.get(reverse("mechanisms:mechanism-detail", args=[MECHANISM]))
        listing = client.get(reverse("mechanisms:mechanism-list"))
        assert detail.status_code == 404
        assert "IOM’s Regional Office (RO) for the Middle East" not in listing.text


class TestActivityFilters:
    url = reverse("mechanisms:activity-list")

    def test_country_narrows(self, client):
        response = client.get(self.url, {"country": "MA"})
        assert sorted(result_titles(response)) == [
            "Diaspora’s Engagement into Development of Agroecology in Morocco",
            "Project to enhance knowledge and capacity in migration and development issues "
            "and programming (Egypt, Tunisia, Morocco, and Iraq)",
        ]

    def test_values_of_one_facet_combine_with_or(self, client):
        morocco = result_count(client.get(self.url, {"country": "MA"}))
        libya = result_count(client.get(self.url, {"country": "LY"}))
        both = client.get(self.url, {"country": ["MA", "LY"]})
        shared = {"iom-migration-development-project-egypt-tunisia-morocco-iraq"}
        assert {record.slug for record in both.context["page_obj"]} >= shared
        assert result_count(both) < morocco + libya + 1
        assert result_count(both) >= max(morocco, libya)

    def test_different_facets_combine_with_and(self, client):
        response = client.get(self.url, {"country": "EG", "status": "completed", "year": "2013"})
        assert result_titles(response) == [
            "Regional Consultative meeting on International Migration and Development in the "
            "Arab Region"
        ]

    def test_status_and_type_of_activity(self, client):
        planned = client.get(self.url, {"status": "planned"})
        assert set(result_titles(planned)) >= {"Plan for 2014"}
        assert all(record.status == "planned" for record in planned.context["page_obj"])
        events = client.get(self.url, {"activity_type": "event"})
        assert sorted(result_titles(events)) == [
            "First International Migration Review Forum (IMRF)",
            "IOM and Egypt Hold Regional Partners Briefing on IMRF Outcomes",
            "Second High-level Dialogue on International Migration and Development",
        ]

    def test_date_range(self, client):
        response = client.get(self.url, {"date_from": "2022-01-01", "date_to": "2022-12-31"})
        assert sorted(result_titles(response)) == [
            "First International Migration Review Forum (IMRF)",
            "IOM and Egypt Hold Regional Partners Briefing on IMRF Outcomes",
        ]

    def test_organisation_facet_counts_each_record_once(self, client):
        response = client.get(self.url, {"organisation": "las"})
        slugs = [record.slug for record in response.context["page_obj"]]
        assert len(slugs) == len(set(slugs))
        assert "regional-consultative-meeting-migration-development-arab-region-2013" in slugs

    def test_every_facet_count_is_what_clicking_it_gives(self, client):
        base = {"status": "completed"}
        facets = client.get(self.url, base).context["facets"]
        checked = 0
        for facet in facets:
            if facet.name == "status":
                continue
            for option in facet.options:
                clicked = client.get(self.url, {**base, facet.name: option.value})
                assert result_count(clicked) == option.count, (facet.name, option.value)
                checked += 1
        assert checked > 10

    def test_sort_by_date(self, client):
        response = client.get(self.url, {"sort": "-date", "activity_type": "event"})
        assert result_titles(response)[0] == (
            "IOM and Egypt Hold Regional Partners Briefing on IMRF Outcomes"
        )

    def test_active_filters_are_chips_that_remove_themselves(self, client):
        response = client.get(self.url, {"country": ["EG", "TN"], "status": "ongoing"})
        chips = {chip.value: chip.remove for chip in response.context["chips"]}
        assert set(chips) == {"Egypt", "Tunisia", "Ongoing"}
        assert chips["Egypt"].getlist("country") == ["TN"]
        assert chips["Egypt"].getlist("status") == ["ongoing"]
        assert "Clear all" in response.text

    def test_paging_keeps_the_filters(self, client):
        response = client.get(self.url, {"per_page": 10, "status": "completed", "sort": "title"})
        assert response.context["page_obj"].paginator.num_pages == 2
        links = re.findall(r'href="(\?[^"]*page=2[^"]*)"', response.text)
        assert links
        assert all("status=completed" in link and "sort=title" in link for link in links)


class TestResultCount:
    """The number of results a list shows is what the filters give, whether a facet's
    counts gave it or a query counted the records."""

    url = reverse("mechanisms:activity-list")

    @pytest.mark.parametrize(
        "params",
        [
            {},
            {"country": "EG"},
            {"status": "completed"},
            {"status": "completed", "year": "2013", "activity_type": "event"},
            {"organisation": ["iom", "las"], "q": "migration"},
        ],
    )
    def test_the_count_is_that_of_the_records_listed(self, client, params):
        response = client.get(self.url, {**params, "per_page": 100})
        assert "A filter value is not valid" not in response.text
        listed = response.context["page_obj"].object_list
        assert result_count(response) == len(listed)
        assert f"{len(listed)} result" in response.text

    @pytest.mark.parametrize("sort", ["title", "-date"])
    def test_pages_follow_each_other_in_the_sort_order(self, client, sort):
        everything = client.get(self.url, {"per_page": 100, "sort": sort})
        expected = [record.slug for record in everything.context["page_obj"]]
        paged = []
        for number in range(1, math.ceil(len(expected) / 10) + 1):
            page = client.get(self.url, {"per_page": 10, "sort": sort, "page": number})
            paged += [record.slug for record in page.context["page_obj"]]
        assert len(expected) > 20
        assert paged == expected

    @pytest.mark.parametrize("sort", ["", "title", "-date", "date"])
    def test_records_that_tie_in_the_order_are_each_on_one_page(self, client, sort):
        """Records with the same title and date keep one order, that of their keys: a
        page boundary among them neither repeats nor skips one."""
        twins = [
            make_record(kind="activity", title="Twin meeting", year=2015).slug for _ in range(12)
        ]
        paged = []
        for number in range(1, 20):
            page = client.get(self.url, {"per_page": 10, "sort": sort, "page": number})
            paged += [record.slug for record in page.context["page_obj"]]
            if not page.context["page_obj"].has_next():
                break
        assert [slug for slug in paged if slug in twins] == twins

    def test_a_page_picks_its_rows_by_key_in_the_same_query(self, client):
        with CaptureQueriesContext(connection) as queries:
            client.get(self.url, {"per_page": 10, "page": 2})
        rows = [query["sql"] for query in queries if "LIMIT 10 OFFSET 10" in query["sql"]]
        assert len(rows) == 1
        assert '"mechanisms_record"."id" IN (SELECT' in rows[0]

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL plan")
    @pytest.mark.parametrize("language", ["en", "ar"])
    def test_a_deep_page_of_every_record_walks_the_title_index(self, client, language):
        """The last page of the full list reads its keys from the index in title order
        (in the visitor's language) instead of sorting every published record."""
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/{language}/search/", {"per_page": 10, "page": 3})
        [rows] = [query["sql"] for query in queries if "LIMIT 10 OFFSET 20" in query["sql"]]
        with connection.cursor() as cursor:
            # 41 records are rightly read whole and sorted; told to avoid both, the
            # planner shows which index serves the order (at 10,000 it picks it itself).
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + rows)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        index = "record_listing_by_title" + ("_ar" if language == "ar" else "")
        assert f"Index Scan using {index} on" in plan, plan

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL plan")
    def test_each_facet_reads_the_published_keys_from_the_narrow_index(self, client):
        """The counts of a vocabulary (countries, SDGs, themes, types, organisations)
        join the keys of the published activities to a link table, and one index holds
        those keys: they can be read from it alone, not from the records' wide rows."""
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("mechanisms:activity-list"), {"country": "EG", "sdg": "16"})
        facets = [
            query["sql"]
            for query in queries
            if "COUNT(" in query["sql"]
            and not query["sql"].startswith('SELECT "mechanisms_record"')
        ]
        assert len(facets) == 5
        with connection.cursor() as cursor:
            # With 41 records a read of the table's one page or two is rightly cheaper,
            # so only scans of an index alone are left to the planner: it finds the
            # index that holds the keys, or falls back to the table. (At 10,000 records
            # it picks this index itself: the commit that added it gives the plans.)
            for scan in ("seqscan", "bitmapscan", "indexscan"):
                cursor.execute(f"SET LOCAL enable_{scan} = off")
            for sql in facets:
                cursor.execute("EXPLAIN " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                assert "Seq Scan on mechanisms_record " not in plan, plan
                assert "Only Scan using record_published_keys_by_kind on" in plan, plan

    def test_filters_name_the_terms_by_id(self):
        filterset = ActivityFilterSet(QueryDict("country=EG&organisation=iom"))
        sql = str(filterset.results().query)
        country, organisation = (
            Country.objects.get(iso_code="EG"),
            Organisation.objects.get(slug="iom"),
        )
        assert f'"country_id" IN ({country.pk})' in sql
        assert f'"organisation_id" IN ({organisation.pk})' in sql
        assert "iso_code" not in sql and '"slug" IN' not in sql


class TestBadInput:
    url = reverse("mechanisms:activity-list")

    @pytest.mark.parametrize(
        "params",
        [
            {"country": "ZZ"},
            {"country": "E\x00G"},
            {"country": "x" * 900},
            {"sdg": "99x"},
            {"status": "finished"},
            {"year": "20x3"},
            {"date_from": "yesterday"},
            {"q": "a" * 201},
            {"q": "mig\x00ration"},
            {"organisation": [f"organisation-{number}" for number in range(31)]},
        ],
    )
    def test_an_invalid_value_shows_an_error_and_no_results(self, client, params):
        response = client.get(self.url, params)
        assert response.status_code == 200
        assert "A filter value is not valid" in response.text
        assert result_count(response) == 0

    def test_an_unknown_value_is_named_beside_known_ones(self, client):
        response = client.get(self.url, {"country": ["EG", "ZZ"], "organisation": "iom"})
        assert "Unknown value: ZZ." in response.text
        assert "Unknown value: EG." not in response.text
        assert "Unknown value: iom." not in response.text
        assert result_count(response) == 0

    @pytest.mark.parametrize(
        "page", ["abc", "0", "-1", "99999", "1e9", "9" * 900, "\x00", "2.5", ""]
    )
    def test_any_page_number_gives_a_page(self, client, page):
        response = client.get(self.url, {"page": page})
        assert response.status_code == 200
        assert response.context["page_obj"].object_list

    def test_unknown_parameters_and_page_sizes_are_ignored(self, client):
        response = client.get(self.url, {"colour": "blue", "per_page": "7", "utm_source": "x"})
        assert response.status_code == 200
        assert "A filter value is not valid" not in response.text
        assert response.context["page_obj"].paginator.per_page == 25

    def test_an_unknown_country_page_is_not_found(self, client):
        assert client.get("/en/countries/zz/").status_code == 404
        assert client.get("/en/countries/%00%00/").status_code == 404


class TestQueryCounts:
    """Every page runs a fixed number of queries, whatever its size and filters."""

    @pytest.mark.parametrize("per_page", [10, 100])
    @pytest.mark.parametrize(
        ("url_name", "params", "queries"),
        [
            # count, rows, 3 taxonomies (countries, SDGs, themes), 5 facets
            ("mechanisms:mechanism-list", {}, 10),
            ("mechanisms:area-of-work-list", {}, 10),
            # rows, 3 taxonomies, 5 vocabulary facets and one query for the 3 choice
            # facets (status, year, type of activity) together; their counts add up to
            # the number of results, so no query counts them
            ("mechanisms:activity-list", {}, 10),
            # a filter on status and year: the activity-type facet gives the count, and
            # one query looks up the selected country by its code
            (
                "mechanisms:activity-list",
                {"country": "EG", "status": "completed", "year": "2013", "q": "meeting"},
                13,
            ),
            # the organisations' lookup; the choice facets, counted together, give the count
            ("mechanisms:activity-list", {"organisation": ["iom", "las"], "sort": "-date"}, 11),
            # a kind with no choice facet: count, and the lookup of the selected country
            ("mechanisms:mechanism-list", {"country": "EG"}, 11),
            # organisations with counts; count
            ("mechanisms:organisation-list", {}, 2),
            # people with contacts, roles, count, contacts
            ("mechanisms:person-list", {}, 4),
            ("mechanisms:person-list", {"role": "speaker"}, 4),
        ],
    )
    def test_lists(self, client, django_assert_num_queries, url_name, params, queries, per_page):
        with django_assert_num_queries(queries):
            response = client.get(reverse(url_name), {**params, "per_page": per_page})
        assert response.context["page_obj"].object_list

    @pytest.mark.parametrize(
        ("url_name", "slug", "queries"),
        [
            # record, 4 taxonomies, frameworks, 6 kinds of part, children and their
            # countries, records of the same source
            ("mechanisms:mechanism-detail", MECHANISM, 15),
            ("mechanisms:area-of-work-detail", "migration-and-sustainable-development", 15),
            # no children: their countries are not asked for
            ("mechanisms:activity-detail", "imrf-2022", 14),
        ],
    )
    def test_details(self, client, django_assert_num_queries, url_name, slug, queries):
        title = Record.objects.get(slug=slug).title
        with django_assert_num_queries(queries):
            response = client.get(reverse(url_name, args=[slug]))
        assert response.status_code == 200
        assert f"<h1>{escape(title)}</h1>" in response.text


class TestOrganisationsAndPeople:
    def test_organisation_list_and_detail(self, client):
        listing = client.get(reverse("mechanisms:organisation-list"))
        assert "Arab Labour Organization (ALO)" in listing.text
        detail = client.get(reverse("mechanisms:organisation-detail", args=["escwa"]))
        assert "Co-chair" in detail.text
        assert "Thematic Working Group on International Migration in the Arab region" in (
            detail.text
        )

    def test_focal_points_list(self, client):
        response = client.get(reverse("mechanisms:person-list"), {"role": "focal-point"})
        assert [person.name for person in response.context["page_obj"]] == ["Mathieu Luciano"]

    def test_person_page_shows_quotes(self, client):
        response = client.get(reverse("mechanisms:person-detail", args=["carmela-godeau"]))
        assert "IOM Regional Director for the Middle East and North Africa" in response.text
        assert "our region has witnessed significant steps" in response.text


class TestEmailProtection:
    address = "telyan@iom.int"

    @pytest.fixture(autouse=True)
    def fresh_counters(self):
        cache.clear()
        yield
        cache.clear()

    @pytest.mark.parametrize(
        "url",
        [
            reverse("mechanisms:person-detail", args=["tamim-elyan"]),
            reverse(
                "mechanisms:activity-detail", args=["regional-partners-briefing-imrf-outcomes-2022"]
            ),
            reverse("mechanisms:person-list"),
            reverse("mechanisms:organisation-list"),
            reverse("mechanisms:person-email", args=["tamim-elyan"]),
        ],
    )
    def test_no_page_holds_the_address_in_any_encoding(self, client, url):
        response = client.get(url)
        assert response.status_code == 200
        page = response.text
        for encoded in [
            self.address,
            "iom.int",
            "telyan",
            self.address.encode().hex(),
            base64.b64encode(self.address.encode()).decode().rstrip("="),
            self.address[::-1],
            quote(self.address),
            "".join(f"&#{ord(character)};" for character in self.address),
        ]:
            assert encoded not in page, encoded
        assert "data-email" not in page

    def test_the_page_links_to_the_reveal(self, client):
        response = client.get(reverse("mechanisms:person-detail", args=["tamim-elyan"]))
        assert reverse("mechanisms:person-email", args=["tamim-elyan"]) in response.text
        assert "Show the email address" in response.text

    def test_the_address_is_given_in_answer_to_a_post_only(self, client):
        url = reverse("mechanisms:person-email", args=["tamim-elyan"])
        asked = client.get(url)
        assert self.address not in asked.text
        assert "Show the email address" in asked.text
        shown = client.post(url)
        assert f'href="mailto:{self.address}"' in shown.text
        for response in (asked, shown):
            assert response["X-Robots-Tag"] == "noindex, nofollow"
            assert "no-store" in response["Cache-Control"]

    def test_the_script_gets_the_address_as_json(self, client):
        url = reverse("mechanisms:person-email", args=["tamim-elyan"])
        response = client.post(url, HTTP_ACCEPT="application/json")
        assert response.json() == {"email": self.address}
        assert "no-store" in response["Cache-Control"]

    def test_a_forged_post_is_refused(self):
        csrf_checked = Client(enforce_csrf_checks=True)
        url = reverse("mechanisms:person-email", args=["tamim-elyan"])
        refused = csrf_checked.post(url)
        assert refused.status_code == 403
        assert self.address not in refused.text
        form_page = csrf_checked.get(url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page.text)[1]
        shown = csrf_checked.post(url, {"csrfmiddlewaretoken": token})
        assert f'href="mailto:{self.address}"' in shown.text

    @override_settings(EMAIL_REVEAL_LIMIT=3, EMAIL_REVEAL_WINDOW=600)
    def test_reveals_are_limited_per_client(self, client):
        url = reverse("mechanisms:person-email", args=["tamim-elyan"])
        for _ in range(3):
            assert client.post(url, REMOTE_ADDR="203.0.113.9").status_code == 200
        refused = client.post(url, REMOTE_ADDR="203.0.113.9")
        assert refused.status_code == 429
        assert self.address not in refused.text
        assert "Too many email addresses were asked for from your connection." in refused.text
        assert 0 < int(refused["Retry-After"]) <= 600
        assert "no-store" in refused["Cache-Control"]
        as_json = client.post(url, REMOTE_ADDR="203.0.113.9", HTTP_ACCEPT="application/json")
        assert as_json.status_code == 429
        assert "Try again in" in as_json.json()["error"]
        another_client = client.post(url, REMOTE_ADDR="198.51.100.20")
        assert f'href="mailto:{self.address}"' in another_client.text
        assert client.get(url, REMOTE_ADDR="203.0.113.9").status_code == 200  # GET is free

    def test_people_seen_only_in_drafts_are_not_public(self, client):
        Record.objects.filter(slug="regional-partners-briefing-imrf-outcomes-2022").update(
            publication=Record.Publication.DRAFT
        )
        for url in [
            reverse("mechanisms:person-detail", args=["tamim-elyan"]),
            reverse("mechanisms:person-email", args=["tamim-elyan"]),
            reverse("mechanisms:person-detail", args=["carmela-godeau"]),
        ]:
            assert client.get(url).status_code == 404, url
        organisation = client.get(reverse("mechanisms:organisation-detail", args=["iom-ro-mena"]))
        assert "Carmela Godeau" not in organisation.text
        assert "Mathieu Luciano" in organisation.text

    def test_a_draft_parent_is_not_named_on_public_pages(self, client):
        Record.objects.filter(slug="iom-ro-mena-coordination-mechanism").update(
            title_en="Secret draft title", publication=Record.Publication.DRAFT
        )
        for url in [
            reverse("mechanisms:activity-list"),
            reverse("mechanisms:activity-detail", args=["iom-ro-mena-result-1"]),
        ]:
            page = client.get(url)
            assert page.status_code == 200
            assert "Secret draft title" not in page.text, url

    def test_a_person_without_an_email_has_no_fallback_page(self, client):
        response = client.get(reverse("mechanisms:person-email", args=["mathieu-luciano"]))
        assert response.status_code == 404


def test_a_state_that_can_change_says_when_it_was_reported(client):
    """The page was published in 2015 but describes 2012-2013: nothing reads as current."""
    page = client.get(reverse("mechanisms:mechanism-detail", args=[MECHANISM])).text
    assert "Ongoing when the document was written, 2012–2013" in page
    assert "As described in a document written in 2012–2013." in page
    assert "2015" not in page.split('class="source')[0]
    completed = client.get(reverse("mechanisms:activity-detail", args=["iom-ro-mena-result-1"]))
    assert "as reported" not in completed.text


def test_times_are_machine_readable(client):
    """HTML allows at most three digits of a fraction of a second in `datetime`: the
    page gives the day of the last update, which is what a reader needs."""
    updated = dt.datetime(2025, 1, 31, 10, 0, 0, 123456, tzinfo=dt.UTC)
    Record.objects.filter(slug=MECHANISM).update(updated_at=updated)
    page = client.get(reverse("mechanisms:mechanism-detail", args=[MECHANISM])).text
    assert '<time datetime="2025-01-31">31 January 2025</time>' in page
