"""The statistics page: SVG bar charts whose every bar leads to the list it counts."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from directory.charts import Bar, bar_chart, nice_scale
from directory.statistics import compute_statistics, statistics
from mechanisms.models import SDG, Activity, Country, Record, Type
from tests.factories import make_country, make_record

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
# SDG counts, country counts, kind counts, type counts, activities by year.
STATISTICS_QUERIES = 5


def figures_of(html):
    """{slug: the chart's <figure> HTML} in the page's order."""
    return dict(
        re.findall(r'<figure class="chart" id="chart-([-a-z]+)">(.*?)</figure>', html, re.S)
    )


def svg_of(figure):
    """The chart's drawing, parsed: it must be well-formed XML."""
    return ET.fromstring(re.search(r"<svg.*</svg>", figure, re.S).group())


def bars_of(svg):
    """(label, number, link or None) of each row of a chart's drawing."""
    bars = []
    for row in svg.iter(f"{SVG}g"):
        if "chart__row" not in row.get("class", "").split():
            continue
        texts = {text.get("class"): "".join(text.itertext()) for text in row.iter(f"{SVG}text")}
        value = next(text for name, text in texts.items() if name.startswith("chart__value"))
        bars.append((texts["chart__label"], int(value.replace(",", "")), None))
    links = {}
    for link in svg.iter(f"{SVG}a"):
        label = next(t for t in link.iter(f"{SVG}text") if t.get("class") == "chart__label")
        links["".join(label.itertext())] = link.get("href")
    return [(label, count, links.get(label)) for label, count, _ in bars]


def table_rows_of(figure):
    """(label, number, link or None) of each row of the chart's table."""
    rows = re.findall(
        r'<tr><th scope="row">(?:<a href="([^"]+)">)?([^<]+)(?:</a>)?</th>'
        r'<td class="numeric">([\d,]+)</td></tr>',
        figure,
    )
    return [(label, int(count.replace(",", "")), url or None) for url, label, count in rows]


@pytest.fixture
def page(client):
    response = client.get(reverse("directory:statistics"))
    assert response.status_code == 200
    return response.text


class TestScale:
    @pytest.mark.parametrize(
        ("largest", "step", "top"),
        [
            (0, 1, 1),
            (1, 1, 1),
            (3, 1, 3),
            (7, 2, 8),
            (22, 10, 30),
            (41, 20, 60),
            (100, 50, 100),
            (100_000, 50_000, 100_000),
            (123_456, 50_000, 150_000),
        ],
    )
    def test_round_steps_and_a_top_at_or_above_the_largest(self, largest, step, top):
        assert nice_scale(largest) == (step, top)

    @pytest.mark.parametrize("largest", [1, 2, 5, 9, 10, 11, 99, 1001, 54_321])
    def test_a_few_ticks_only_so_that_their_numbers_never_collide(self, largest):
        step, top = nice_scale(largest)
        assert top >= largest
        assert 2 <= top // step + 1 <= 6


class TestGeometry:
    BARS = [Bar("Egypt", 7, "/egypt"), Bar("Tunisia", 4, "/tunisia"), Bar("Algeria", 0)]

    def chart(self):
        return bar_chart("c", "Title", "Description", self.BARS, label_heading="", count_heading="")

    def test_left_to_right_bars_grow_from_the_left(self):
        chart = self.chart()
        egypt, tunisia, algeria = chart.rows
        assert chart.direction == "ltr"
        assert (egypt.bar_x, egypt.bar_width, egypt.value_x) == ("0%", "87.5%", "87.5%")
        assert (tunisia.bar_x, tunisia.bar_width, tunisia.value_x) == ("0%", "50%", "50%")
        assert (algeria.bar_width, algeria.value_x) == ("0%", "0%")
        assert {row.label_x for row in chart.rows} == {"0%"}

    def test_right_to_left_every_x_is_mirrored(self):
        with translation.override("ar"):
            chart = self.chart()
        egypt, tunisia, algeria = chart.rows
        assert chart.direction == "rtl"
        assert (egypt.bar_x, egypt.bar_width, egypt.value_x) == ("12.5%", "87.5%", "12.5%")
        assert (tunisia.bar_x, tunisia.bar_width, tunisia.value_x) == ("50%", "50%", "50%")
        assert (algeria.bar_x, algeria.value_x) == ("100%", "100%")
        assert {row.label_x for row in chart.rows} == {"100%"}

    def test_a_long_bar_holds_its_number_a_short_one_has_it_beyond_its_end(self):
        egypt, tunisia, _ = self.chart().rows
        assert (egypt.value_inside, egypt.value_anchor, egypt.value_dx) == (True, "end", -6)
        assert (tunisia.value_inside, tunisia.value_anchor, tunisia.value_dx) == (False, "start", 6)
        with translation.override("ar"):
            egypt, tunisia, _ = self.chart().rows
        # Anchors are logical, so they stay; the nudge in pixels turns round.
        assert (egypt.value_anchor, egypt.value_dx) == ("end", 6)
        assert (tunisia.value_anchor, tunisia.value_dx) == ("start", -6)

    def test_ticks_from_zero_to_the_top_with_their_ends_inside_the_chart(self):
        ticks = [(tick.value, tick.x, tick.anchor) for tick in self.chart().ticks]
        assert ticks == [
            (0, "0%", "start"),
            (2, "25%", "middle"),
            (4, "50%", "middle"),
            (6, "75%", "middle"),
            (8, "100%", "end"),
        ]
        with translation.override("ar"):
            ticks = [(tick.value, tick.x, tick.anchor) for tick in self.chart().ticks]
        assert ticks[0] == (0, "100%", "start")
        assert ticks[-1] == (8, "0%", "end")

    def test_rows_stack_label_over_bar_and_the_height_holds_them_and_the_axis(self):
        chart = self.chart()
        first, second, _ = chart.rows
        assert first.label_y < first.bar_y < first.bar_y + chart.bar_height <= second.label_y - 10
        assert chart.height == 3 * chart.row_height + 22

    def test_coordinates_stay_numbers_in_a_language_with_a_decimal_comma(self):
        bars = [Bar("A", 3, "/a"), Bar("B", 1, "/b")]
        with translation.override("fr"):
            chart = bar_chart("c", "T", "D", bars, label_heading="", count_heading="")
            html = render_to_string("directory/includes/bar_chart.html", {"chart": chart})
        svg = svg_of(html)
        for rect in svg.iter(f"{SVG}rect"):
            float(rect.get("y")), float(rect.get("width").rstrip("%"))
        for text in svg.iter(f"{SVG}text"):
            float(text.get("x").rstrip("%")), float(text.get("y"))


class TestPage:
    def test_every_chart_is_a_named_figure_with_a_drawing_and_a_table(self, page):
        figures = figures_of(page)
        assert list(figures) == [
            "sdgs",
            "member-states",
            "kinds",
            "years",
            "types",
            "other-countries",
        ]
        for slug, figure in figures.items():
            title = re.search(
                rf'<h2 class="chart__title" id="chart-{slug}-title">(.+?)</h2>', figure
            )
            description = re.search(
                rf'<p class="chart__description" id="chart-{slug}-description">', figure
            )
            assert title and description, slug
            assert figure.index("<figcaption") < figure.index("<svg")
            svg = svg_of(figure)
            # The drawing repeats the table for the eye: screen readers read the table.
            assert svg.get("aria-hidden") == "true"
            assert svg.get("focusable") == "false"
            assert all(link.get("tabindex") == "-1" for link in svg.iter(f"{SVG}a"))
            caption = re.search(r'<caption class="visually-hidden">(.+?)</caption>', figure)
            assert caption.group(1) == title.group(1)
            assert bars_of(svg) == table_rows_of(figure), slug

    def test_no_style_attribute_or_element_anywhere(self, page):
        assert "<style" not in page
        assert not re.search(r"\sstyle=", page)

    def test_the_page_says_how_many_records_it_counts(self, page):
        total = Record.objects.published().count()
        assert f"The directory in figures: {total} published records" in page

    def test_sdgs_in_order_in_their_official_colours(self, page):
        svg = svg_of(figures_of(page)["sdgs"])
        rows = [g for g in svg.iter(f"{SVG}g") if "chart__row" in g.get("class", "")]
        assert [row.get("class").split()[1] for row in rows] == [f"sdg-{n}" for n in range(1, 18)]
        labels = [label for label, _, _ in bars_of(svg)]
        assert labels == [str(sdg) for sdg in SDG.objects.all()]

    def test_the_22_member_states_largest_first_then_other_countries(self, page):
        figures = figures_of(page)
        members = bars_of(svg_of(figures["member-states"]))
        assert len(members) == 22
        assert members[0][:2] == ("Egypt", 7)
        assert [count for _, count, _ in members] == sorted(
            (count for _, count, _ in members), reverse=True
        )
        assert bars_of(svg_of(figures["other-countries"])) == [
            ("United States", 1, f"{reverse('directory:search')}?country=US")
        ]

    def test_the_kinds_add_up_to_every_published_record(self, page):
        bars = bars_of(svg_of(figures_of(page)["kinds"]))
        assert sum(count for _, count, _ in bars) == Record.objects.published().count()
        assert bars[0][:2] == ("Activities and events", 22)

    def test_every_year_from_the_first_to_the_last_and_the_undated_said(self, page):
        figure = figures_of(page)["years"]
        bars = bars_of(svg_of(figure))
        assert [label for label, _, _ in bars] == [str(year) for year in range(2012, 2023)]
        assert {label: count for label, count, _ in bars}["2013"] == 8
        assert ("2015", 0, None) in bars  # a gap is drawn, and links nowhere
        assert "10 have no date and are not shown." in figure

    def test_a_bar_of_zero_links_nowhere(self, page):
        bars = bars_of(svg_of(figures_of(page)["sdgs"]))
        assert ("1. No Poverty", 0, None) in bars

    def test_linked_from_the_home_page_and_the_footer(self, client):
        home = client.get(reverse("directory:home")).text
        assert home.count(f'href="{reverse("directory:statistics")}"') == 2


def test_each_bar_counts_what_its_list_shows(client, page):
    """The promise of the page: follow any bar and find that many records."""
    checked = 0
    for slug, figure in figures_of(page).items():
        for label, count, url in bars_of(svg_of(figure)):
            if url is None:
                assert count == 0, (slug, label)
                continue
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.context["page_obj"].paginator.count == count, (slug, label, url)
            checked += 1
    # SDGs 16 and 17, 11 member states, 8 kinds, 4 years, 1 type, the United States.
    assert checked == 2 + 11 + 8 + 4 + 1 + 1


def test_the_bars_of_years_lead_to_the_activities_of_that_year(page):
    bars = bars_of(svg_of(figures_of(page)["years"]))
    assert ("2022", 2, f"{reverse('mechanisms:activity-list')}?year=2022") in bars


def test_right_to_left_the_drawing_runs_from_the_right(client):
    with translation.override("ar"):
        charts = compute_statistics().charts
        html = render_to_string("directory/includes/bar_chart.html", {"chart": charts[1]})
    svg = svg_of(html)
    assert svg.get("direction") == "rtl"
    egypt = next(rect for rect in svg.iter(f"{SVG}rect") if rect.get("class") == "chart__bar")
    assert float(egypt.get("x").rstrip("%")) + float(egypt.get("width").rstrip("%")) == 100


class TestQueries:
    def test_a_fixed_number_of_queries(self, client, django_assert_num_queries):
        with django_assert_num_queries(STATISTICS_QUERIES):
            response = client.get(reverse("directory:statistics"))
        assert "Records by member state" in response.text

    def test_the_same_number_with_more_records_of_more_countries_goals_types_and_years(
        self, client, django_assert_num_queries
    ):
        make_country(iso_code="FR", name="France")
        countries = list(Country.objects.filter(iso_code__in=["DZ", "SO", "FR"]))
        sdgs = list(SDG.objects.filter(number__in=[1, 5, 8]))
        types = [Type.objects.create(slug="network-type", name="Network type")]
        for year in (1998, 2005, 2024):
            record = make_record(Activity, year=year)
            record.countries.set(countries)
            record.sdgs.set(sdgs)
            record.types.set(types)
        make_record(kind="network").countries.set(countries[:1])
        with django_assert_num_queries(STATISTICS_QUERIES):
            response = client.get(reverse("directory:statistics"))
        figures = figures_of(response.text)
        years = [label for label, _, _ in bars_of(svg_of(figures["years"]))]
        assert years == [str(year) for year in range(1998, 2025)]
        assert ("France", 3, f"{reverse('directory:search')}?country=FR") in bars_of(
            svg_of(figures["other-countries"])
        )
        assert ("Network type", 3) in [bar[:2] for bar in bars_of(svg_of(figures["types"]))]

    def test_an_empty_directory_draws_empty_charts(self, client):
        Record.objects.all().delete()
        response = client.get(reverse("directory:statistics"))
        figures = figures_of(response.text)
        assert "other-countries" not in figures
        assert "Nothing to count yet." in figures["years"]
        assert all(count == 0 for _, count, _ in bars_of(svg_of(figures["sdgs"])))


class TestCache:
    @pytest.fixture(autouse=True)
    def caching(self, settings):
        settings.DIRECTORY_CACHE = True
        cache.clear()
        yield
        cache.clear()

    def test_kept_until_the_data_changes(
        self, django_assert_num_queries, django_capture_on_commit_callbacks
    ):
        first = statistics()
        with django_assert_num_queries(1):  # the data version
            assert statistics() == first
        with django_capture_on_commit_callbacks(execute=True):
            make_record(Activity, year=2013)
        after = statistics()
        assert after.total == first.total + 1
