"""Pages that gather every kind of record: home, countries, SDGs, the all-records list."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from mechanisms.models import SDG, Country

pytestmark = pytest.mark.django_db


class TestHome:
    def test_says_what_the_directory_is(self, client):
        response = client.get(reverse("directory:home"))
        assert "The reference directory of migration coordination in the Arab States" in (
            response.text
        )
        assert "For governments, UN agencies" in response.text

    def test_every_arab_state_on_the_map_and_in_its_table_with_its_count(self, client):
        response = client.get(reverse("directory:home"))
        states = response.context["region_map"].countries
        assert len(states) == 22
        egypt = next(country for country in states if country.iso_code == "EG")
        assert egypt.count == 7
        comoros = reverse("directory:country-detail", kwargs={"iso_code": "km"})
        assert f'<a href="{comoros}">Comoros</a></th><td class="numeric">0</td>' in response.text
        egypt_url = reverse("directory:country-detail", kwargs={"iso_code": "eg"})
        assert f'<a href="{egypt_url}">Egypt</a></th><td class="numeric">7</td>' in response.text
        assert "United States</a> (1)" in response.text

    def test_seventeen_sdg_tiles_in_their_colours(self, client):
        response = client.get(reverse("directory:home"))
        tiles = re.findall(r'class="sdg-tile sdg-(\d+)"', response.text)
        assert tiles == [str(number) for number in range(1, 18)]

    def test_themes_types_kinds_and_recent_records(self, client):
        response = client.get(reverse("directory:home"))
        assert f'href="{reverse("directory:search")}?theme=decentralization"' in response.text
        assert f'href="{reverse("directory:search")}?type=mechanism"' in response.text
        assert f'href="{reverse("directory:search")}?kind=national-network"' in response.text
        assert len(response.context["recent_records"]) == 6

    def test_query_count(self, client, django_assert_num_queries):
        # countries, kinds, SDGs, themes, types, recent records and their 3 taxonomies
        with django_assert_num_queries(9):
            client.get(reverse("directory:home"))


def test_sdg_stylesheet_holds_the_official_colours_of_the_data():
    stylesheet = (settings.BASE_DIR / "static" / "css" / "sdg.css").read_text()
    for number, colour in SDG.objects.values_list("number", "colour"):
        assert f".sdg-{number} {{ --sdg-colour: {colour};" in stylesheet


class TestCountryPages:
    def test_egypt_gathers_its_records_and_focal_point(self, client):
        response = client.get(reverse("directory:country-detail", kwargs={"iso_code": "eg"}))
        page = response.text
        assert "IOM’s Regional Office (RO) for the Middle East" in page
        assert "19th Meeting of the Regional Coordination Mechanism (RCM)" in page
        assert "Mathieu Luciano" in page
        assert "Coordination mechanisms" in page
        assert "Organisations based in Egypt" in page

    def test_jordan_gathers_its_national_network(self, client):
        response = client.get(reverse("directory:country-detail", kwargs={"iso_code": "jo"}))
        assert "National UN Network on Migration — Jordan" in response.text
        assert "Regional UN Network on Migration" in response.text

    def test_a_country_without_records_says_so(self, client):
        response = client.get(reverse("directory:country-detail", kwargs={"iso_code": "km"}))
        assert "No records yet." in response.text

    def test_country_list_maps_the_members_and_lists_the_others(self, client):
        response = client.get(reverse("directory:country-list"))
        members = response.context["region_map"].countries
        others = response.context["other_countries"]
        assert len(members) + len(others) == Country.objects.count()
        assert [country.iso_code for country in others] == ["US"]
        assert 'class="region-map__svg"' in response.text
        assert 'class="region-table"' in response.text

    def test_country_list_query_count(self, client, django_assert_num_queries):
        with django_assert_num_queries(1):  # the countries with their counts
            client.get(reverse("directory:country-list"))

    def test_query_count(self, client, django_assert_num_queries):
        # country, records and their 4 taxonomies, focal points, organisations
        with django_assert_num_queries(8):
            client.get(reverse("directory:country-detail", kwargs={"iso_code": "eg"}))


class TestSdgPages:
    def test_goal_16_gathers_its_records(self, client):
        response = client.get(reverse("directory:sdg-detail", kwargs={"number": 16}))
        assert "Peace, Justice and Strong Institutions" in response.text
        assert "IOM’s Regional Office (RO) for the Middle East" in response.text
        assert "Mathieu Luciano" in response.text

    def test_unknown_goal(self, client):
        assert client.get("/en/sdgs/18/").status_code == 404

    def test_query_count(self, client, django_assert_num_queries):
        # SDG, records and their 4 taxonomies, focal points
        with django_assert_num_queries(7):
            response = client.get(reverse("directory:sdg-detail", kwargs={"number": 16}))
        assert "<h1>Peace, Justice and Strong Institutions</h1>" in response.text


class TestAllRecords:
    url = reverse("directory:search")

    def test_kind_facet_counts_each_kind(self, client):
        response = client.get(self.url)
        kinds = {o.value: o.count for o in response.context["facets"][0].options}
        assert kinds["national-network"] == 8
        assert kinds["sub-structure"] == 3
        assert kinds["output"] == 3

    def test_kind_and_country_combine(self, client):
        response = client.get(self.url, {"kind": "national-network", "country": ["JO", "TN"]})
        assert sorted(record.title for record in response.context["page_obj"]) == [
            "National UN Network on Migration — Jordan",
            "National UN Network on Migration — Tunisia",
        ]

    def test_facet_counts_are_what_clicking_gives(self, client):
        facets = client.get(self.url, {"country": "EG"}).context["facets"]
        for facet in facets:
            if facet.name == "country":
                continue
            for option in facet.options:
                clicked = client.get(self.url, {"country": "EG", facet.name: option.value})
                assert clicked.context["page_obj"].paginator.count == option.count

    @pytest.mark.parametrize("per_page", [10, 100])
    def test_query_count(self, client, django_assert_num_queries, per_page):
        # rows, 3 taxonomies, 7 facet queries: the kind facet, in use, counts on its own,
        # status and year together in one, and their counts give the number of results
        with django_assert_num_queries(11):
            client.get(self.url, {"per_page": per_page, "kind": "activity", "sort": "-modified"})


def test_an_unknown_sort_falls_back_to_the_default_order(client):
    response = client.get(reverse("directory:search"), {"sort": "bogus", "per_page": "7"})
    assert response.status_code == 200
    assert len(response.context["page_obj"]) > 0
    assert "No results are shown" not in response.text
    assert response.context["clear_all"].urlencode() == ""
    assert 'value="bogus"' not in response.text


def test_a_country_code_in_capitals_redirects_to_the_page(client):
    response = client.get("/en/countries/EG/")
    assert response.status_code == 301
    assert response["Location"] == "/en/countries/eg/"


def test_every_page_links_to_the_admin_and_the_api(client):
    page = client.get(reverse("directory:home")).text
    assert 'href="/admin/"' in page
    assert 'href="/api/"' in page
