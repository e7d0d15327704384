"""The region map: its committed shapes, the SVG it renders and the script that builds it."""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from directory.region_map import (
    DATA_FILE,
    MEMBER_STATES,
    buckets,
    choropleth_map,
    locator_map,
    map_data,
)
from mechanisms.models import Country, Mechanism, Record
from tests.factories import make_record

SCRIPT = settings.BASE_DIR / "scripts" / "build_region_map.py"
CONTEXT_IMAGE = settings.BASE_DIR / "static" / "img" / "region-map-context.svg"
# Where the script's docstring tells developers to unpack the source data.
REAL_SOURCE = Path(os.environ.get("REGION_MAP_SOURCE", "/tmp/region-map/package/world/50m.json"))
SMALL_STATES = {"BH", "KM", "QA", "PS", "LB", "KW", "DJ"}
DISCLAIMER = (
    "The boundaries and names shown and the designations used on this map do not imply "
    "official endorsement or acceptance by the United Nations."
)
SVG = "{http://www.w3.org/2000/svg}"
COUNTS = {"EG": 7, "TN": 4, "MA": 2, "IQ": 2, "BH": 1, "JO": 1}


@pytest.fixture(scope="module")
def names():
    """The member states' names as the site's fixtures give them."""
    countries = json.loads((settings.FIXTURES_DIR / "reference" / "countries.json").read_text())
    return {
        row["fields"]["iso_code"]: row["fields"]["name_en"]
        for row in countries
        if row["fields"].get("is_arab_state")
    }


@pytest.fixture(scope="module")
def urls():
    return {code: f"/countries/{code.lower()}/" for code in MEMBER_STATES}


def svg_of(html):
    """The page's <svg> element, parsed: it must be well-formed XML."""
    return ET.fromstring(re.search(r"<svg.*</svg>", html, re.DOTALL).group())


def classes(element):
    return set(element.get("class", "").split())


def state_shapes(svg):
    return [path for path in svg.iter(f"{SVG}path") if "region-map__state" in classes(path)]


class TestCommittedShapes:
    def test_exactly_the_twenty_two_members_each_with_a_shape(self, names):
        members = map_data()["members"]
        assert set(members) == MEMBER_STATES == set(names)
        for shape in members.values():
            assert re.fullmatch(r"M[-\d. ]+l[-\d. ]+z(M[-\d. ]+l[-\d. ]+z)*", shape["d"])

    def test_markers_for_the_seven_small_states_only(self):
        members = map_data()["members"]
        assert {code for code, shape in members.items() if "marker" in shape} == SMALL_STATES

    def test_a_label_anchor_inside_the_frame_for_every_member(self):
        data = map_data()
        for shape in data["members"].values():
            label = shape["label"]
            assert 0 < label["x"] < data["width"] and 0 < label["y"] < data["height"]
            assert label["align"] in {"left", "right", "centre"}

    def test_somaliland_is_drawn_as_part_of_somalia(self):
        members = map_data()["members"]
        assert "Somaliland" not in json.dumps(map_data())
        # One outline, reaching west to Djibouti's border (Somaliland's coast).
        assert members["SO"]["d"].count("M") == 1
        assert min(xs_of(members["SO"]["d"])) < members["DJ"]["marker"]["x"] + 15

    def test_western_sahara_is_a_shape_of_its_own_outside_the_members(self):
        data = map_data()
        assert data["western_sahara"].startswith("M")
        assert data["western_sahara_boundary"].startswith("M")
        assert data["western_sahara"] not in {shape["d"] for shape in data["members"].values()}

    def test_comoros_sits_in_the_inset_box_and_nothing_else_does(self):
        data = map_data()
        box = data["inset"]
        assert 0 < box["x"] < box["x"] + box["width"] < data["width"]
        assert 0 < box["y"] < box["y"] + box["height"] < data["height"]
        comoros = data["members"]["KM"]
        assert (
            box["x"] < min(xs_of(comoros["d"])) < max(xs_of(comoros["d"])) < box["x"] + box["width"]
        )
        assert box["y"] < comoros["marker"]["y"] < box["y"] + box["height"]
        for code, shape in data["members"].items():
            if code != "KM":
                assert max(xs_of(shape["d"])) < box["x"] or min(ys_of(shape["d"])) < box["y"]

    def test_the_frame_ends_near_somalia_not_at_comoros(self):
        data = map_data()
        somalia_south = max(ys_of(data["members"]["SO"]["d"]))
        assert data["height"] - somalia_south < 40

    def test_the_files_stay_small(self):
        assert DATA_FILE.stat().st_size < 30_000  # in the HTML of every page with a map
        assert CONTEXT_IMAGE.stat().st_size < 60_000  # loaded once, then cached

    def test_the_context_image_has_the_colours_of_the_stylesheet(self):
        stylesheet = (settings.BASE_DIR / "static" / "css" / "map.css").read_text()
        path = ET.fromstring(CONTEXT_IMAGE.read_text()).find(f"{SVG}path")
        assert f"--map-context: {path.get('fill')};" in stylesheet
        assert f"--map-border: {path.get('stroke')};" in stylesheet


def xs_of(path):
    """The absolute x coordinates a compact relative path visits."""
    return coordinates_of(path, 0)


def ys_of(path):
    return coordinates_of(path, 1)


def coordinates_of(path, axis):
    values = []
    for subpath in re.findall(r"M([-\d. ]+)l([-\d. ]+)z", path):
        start, moves = (re.findall(r"-?\d*\.?\d+", part) for part in subpath)
        value = float(start[axis])
        values.append(value)
        for delta in moves[axis::2]:
            value += float(delta)
            values.append(value)
    return values


class TestChoropleth:
    @pytest.fixture
    def html(self, names, urls):
        return render_to_string(
            "directory/includes/region_map.html", {"map": choropleth_map(COUNTS, names, urls)}
        )

    def test_the_svg_is_xml_for_the_eye_only(self, html):
        svg = svg_of(html)
        image = svg.find(f"{SVG}image")
        assert image.get("href").endswith("/img/region-map-context.svg")
        assert svg.get("viewBox") == f"0 0 {map_data()['width']} {map_data()['height']}"
        assert svg.get("aria-hidden") == "true"
        assert svg.get("focusable") == "false"
        links = list(svg.iter(f"{SVG}a"))
        assert links and all(link.get("tabindex") == "-1" for link in links)

    def test_no_inline_style_anywhere(self, html):
        assert "<style" not in html
        assert not re.search(r"\sstyle=", html)
        svg = svg_of(html)
        assert not [element for element in svg.iter() if "style" in element.attrib]

    def test_every_member_links_to_the_url_given(self, html, names, urls):
        svg = svg_of(html)
        links = {}
        for link in svg.iter(f"{SVG}a"):
            links.setdefault(link.get("href"), []).append(link.find(f"{SVG}title").text)
        assert set(links) == set(urls.values())
        for code, url in urls.items():
            # A small state links from its shape and from its marker.
            assert len(links[url]) == (2 if code in SMALL_STATES else 1)
            assert all(title.startswith(f"{names[code]}: ") for title in links[url])

    def test_shades_at_the_edges_zero_one_and_the_largest(self, html, names, urls):
        region_map = choropleth_map(COUNTS, names, urls)
        shade = {country.iso_code: country.css_class for country in region_map.countries}
        assert shade["DZ"] == "region-map__shade--0"  # not in the counts: zero
        assert shade["BH"] == "region-map__shade--1"
        assert shade["EG"] == "region-map__shade--4"
        svg = svg_of(html)
        shapes = {" ".join(sorted(classes(path))) for path in state_shapes(svg)}
        assert "region-map__shade--4 region-map__state" in shapes

    def test_names_over_the_darkest_shade_are_white(self, html):
        svg = svg_of(html)
        on_dark = {
            "".join(text.itertext()).split()[0]
            for text in svg.iter(f"{SVG}text")
            if "region-map__label--on-dark" in classes(text)
        }
        assert on_dark == {"Egypt"}  # Tunisia's shade is light; Bahrain's name is off its marker

    def test_the_legend_prints_the_ranges_and_the_disclaimer(self, html):
        legend = re.search(r'<ul class="region-map__legend">.*?</ul>', html, re.DOTALL).group()
        items = [re.sub(r"<[^>]+>", "", item).strip() for item in legend.split("<li>")[1:]]
        assert items == ["none", "1", "2", "3 to 4", "5 to 7", "small state", "not a member state"]
        assert DISCLAIMER in html
        assert "The occupied Syrian Golan is drawn as the map data draws it" in html
        assert "Natural Earth" in html

    def test_labels_name_each_state_with_its_count(self, html, names):
        svg = svg_of(html)
        labels = {"".join(text.itertext()) for text in svg.iter(f"{SVG}text")}
        assert f"{names['EG']} 7" in labels
        assert f"{names['KM']} 0" in labels
        assert len(labels) == 22

    def test_coordinates_stay_numbers_in_a_language_with_a_decimal_comma(self, names, urls):
        with translation.override("fr"):
            html = render_to_string(
                "directory/includes/region_map.html", {"map": choropleth_map(COUNTS, names, urls)}
            )
        circles = list(svg_of(html).iter(f"{SVG}circle"))
        assert len(circles) == 7
        for circle in circles:
            float(circle.get("cx")), float(circle.get("cy")), float(circle.get("r"))

    def test_the_table_lists_every_state_with_its_count_and_link(self, names, urls):
        region_map = choropleth_map(COUNTS, names, urls)
        html = render_to_string("directory/includes/region_table.html", {"map": region_map})
        rows = re.findall(r'<a href="([^"]+)">([^<]+)</a></th><td class="numeric">(\d+)</td>', html)
        assert len(rows) == 22
        assert [name for _, name, _ in rows] == sorted(names.values())
        assert (urls["EG"], names["EG"], "7") in rows
        assert (urls["KM"], names["KM"], "0") in rows
        assert "<caption" in html


class TestBuckets:
    @pytest.mark.parametrize("largest", [0, 1, 2, 3, 4, 7, 10, 100, 12345])
    def test_ranges_cover_one_to_the_largest_without_gaps(self, largest):
        zero, *ranges = buckets(largest)
        assert (zero.low, zero.high, zero.shade) == (0, 0, 0)
        if not largest:
            assert ranges == []
            return
        assert ranges[0].low == 1
        assert ranges[-1].high == largest
        assert ranges[-1].shade == 4
        assert len(ranges) <= 4
        for before, after in pairwise(ranges):
            assert after.low == before.high + 1
            assert after.shade == before.shade + 1
        assert all(bucket.low <= bucket.high for bucket in ranges)

    def test_the_ranges_of_the_shipped_figures(self):
        assert [(bucket.low, bucket.high) for bucket in buckets(7)] == [
            (0, 0),
            (1, 1),
            (2, 2),
            (3, 4),
            (5, 7),
        ]
        assert [(bucket.low, bucket.high) for bucket in buckets(100)][1:] == [
            (1, 3),
            (4, 10),
            (11, 31),
            (32, 100),
        ]

    def test_nothing_published_draws_every_state_as_zero(self, names, urls):
        region_map = choropleth_map({}, names, urls)
        assert {country.css_class for country in region_map.countries} == {"region-map__shade--0"}
        assert len(region_map.legend) == 1


class TestLocator:
    def render(self, codes, names):
        return render_to_string(
            "directory/includes/region_locator_map.html", {"map": locator_map(codes, names)}
        )

    def test_marks_exactly_the_given_countries(self, names):
        html = self.render({"EG", "BH", "KM", "TR"}, names)
        svg = svg_of(html)
        highlighted = [
            path for path in state_shapes(svg) if "region-map__highlight" in classes(path)
        ]
        egypt = map_data()["members"]["EG"]["d"]
        assert len(highlighted) == 3
        assert egypt in {path.get("d") for path in highlighted}
        markers = list(svg.iter(f"{SVG}circle"))
        assert len(markers) == 2  # Bahrain and Comoros; Turkey is not drawn
        assert all("region-map__highlight" in classes(marker) for marker in markers)
        assert len(state_shapes(svg)) == 22

    def test_no_links_no_legend_no_labels_and_a_caption_naming_the_countries(self, names):
        html = self.render({"EG", "JO"}, names)
        svg = svg_of(html)
        assert not list(svg.iter(f"{SVG}a"))
        assert not list(svg.iter(f"{SVG}text"))
        assert "region-map__legend" not in html
        caption = re.search(r'<p class="region-map__places">(.*?)</p>', html).group(1)
        assert caption == "Member states where it works: Egypt, Jordan"
        assert DISCLAIMER in html

    def test_draws_nothing_without_a_member_state(self, names):
        assert self.render({"TR"}, names).strip() == ""


class TestBuildScript:
    """The script writes the same bytes every time (run here in fresh processes with
    different hash seeds): on the real source when it is unpacked where the script's
    docstring says, else on a small synthetic topology."""

    def run_script(self, source, output, seed):
        """The bytes of the shapes and of the context image the script writes."""
        environment = {**os.environ, "PYTHONHASHSEED": str(seed)}
        context = output.with_suffix(".svg")
        subprocess.run(
            [
                *(sys.executable, str(SCRIPT), str(source)),
                *("--output", str(output), "--context-output", str(context)),
            ],
            check=True,
            capture_output=True,
            env=environment,
        )
        return output.read_bytes(), context.read_bytes()

    def test_same_source_same_bytes(self, tmp_path):
        if REAL_SOURCE.exists():
            source = REAL_SOURCE
        else:
            source = tmp_path / "synthetic.json"
            source.write_text(json.dumps(synthetic_topology()))
        first = self.run_script(source, tmp_path / "first.json", seed=1)
        second = self.run_script(source, tmp_path / "second.json", seed=2)
        assert first == second
        if source == REAL_SOURCE:
            committed = (DATA_FILE.read_bytes(), CONTEXT_IMAGE.read_bytes())
            assert first == committed, "the committed shapes are out of date"

    def test_on_a_synthetic_topology(self, tmp_path):
        source = tmp_path / "synthetic.json"
        source.write_text(json.dumps(synthetic_topology()))
        shapes, context = self.run_script(source, tmp_path / "map.json", seed=0)
        data = json.loads(shapes)
        assert set(data["members"]) == MEMBER_STATES
        # Somaliland's square joined Somalia's: one outline.
        somalia = data["members"]["SO"]["d"]
        assert somalia.count("M") == 1
        # Morocco's square sits on Western Sahara's: their shared edge is the dashed line.
        assert data["western_sahara"].count("M") == 1
        assert data["western_sahara_boundary"].startswith("M")
        context_path = ET.fromstring(context).find(f"{SVG}path").get("d")
        assert context_path.count("M") == 1  # the one neighbour
        assert {code for code, shape in data["members"].items() if "marker" in shape} == (
            SMALL_STATES
        )


def synthetic_topology():
    """A quantized TopoJSON grid of squares, one per feature, sharing their edges.

    Rows run south to north, columns west to east; Morocco sits on Western Sahara and
    Somaliland beside Somalia, as the script expects of the real data.
    """
    layout = [
        ["732", "478", "818", "729", "706", "Somaliland"],
        ["504", "012", "434", "682", "887", "512"],
        ["788", "368", "400", "422", "275", "414"],
        ["048", "634", "784", "760", "262", "174"],
        ["148", None, None, None, None, None],
    ]
    rows, columns = len(layout), len(layout[0])
    cell = 1000  # quantized units per cell side
    steps = 4  # points per edge beyond the first

    arcs = []

    def edge(start, end):
        (x0, y0), (x1, y1) = start, end
        points = [
            (x0 + (x1 - x0) * i // steps, y0 + (y1 - y0) * i // steps) for i in range(steps + 1)
        ]
        deltas = [points[0]] + [(x - px, y - py) for (px, py), (x, y) in pairwise(points)]
        arcs.append([list(delta) for delta in deltas])
        return len(arcs) - 1

    horizontal = {
        (row, column): edge((column * cell, row * cell), ((column + 1) * cell, row * cell))
        for row in range(rows + 1)
        for column in range(columns)
    }
    vertical = {
        (row, column): edge((column * cell, row * cell), (column * cell, (row + 1) * cell))
        for row in range(rows)
        for column in range(columns + 1)
    }
    geometries = []
    for row, features in enumerate(layout):
        for column, feature in enumerate(features):
            if feature is None:
                continue
            ring = [
                vertical[row, column],
                horizontal[row + 1, column],
                ~vertical[row, column + 1],
                ~horizontal[row, column],
            ]
            geometry = {"type": "Polygon", "arcs": [ring]}
            if feature == "Somaliland":
                geometry["properties"] = {"name": "Somaliland"}
            else:
                geometry["id"] = feature
            geometries.append(geometry)
    return {
        "type": "Topology",
        # Cells of 12 by 10 degrees from 15°W, 10°S: about the region's own extent.
        "transform": {"scale": [0.012, 0.01], "translate": [-15, -10]},
        "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": arcs,
    }


@pytest.mark.django_db
class TestOnThePages:
    """The map on the home and countries pages, the small map on country and record pages."""

    @pytest.mark.parametrize("url_name", ["directory:home", "directory:country-list"])
    def test_each_map_link_reaches_its_country_page_which_counts_the_same(self, client, url_name):
        html = client.get(reverse(url_name)).text
        svg = svg_of(html)
        drawn = {link.get("href") for link in svg.iter(f"{SVG}a")}
        table = re.search(r'<table class="region-table">.*?</table>', html, re.S).group()
        rows = re.findall(
            r'<a href="([^"]+)">([^<]+)</a></th><td class="numeric">(\d+)</td>', table
        )
        assert len(rows) == 22
        assert drawn == {url for url, _, _ in rows}
        search = reverse("directory:search")
        for url, name, count in rows:
            page = client.get(url)
            assert page.status_code == 200, url
            assert f"<h1>{name}</h1>" in page.text
            code = page.context["country"].iso_code
            listed = client.get(search, {"country": code}).context["page_obj"].paginator.count
            assert listed == int(count), name

    @pytest.mark.parametrize(
        "url",
        [
            reverse("directory:home"),
            reverse("directory:country-list"),
            reverse("directory:country-detail", kwargs={"iso_code": "eg"}),
            reverse("mechanisms:mechanism-detail", args=["iom-ro-mena-coordination-mechanism"]),
        ],
    )
    def test_no_inline_style_on_pages_with_a_map(self, client, url):
        html = client.get(url).text
        assert "region-map__svg" in html
        assert "<style" not in html
        assert not re.search(r"\sstyle=", html)

    def test_a_member_states_page_shows_it_on_the_small_map(self, client):
        html = client.get(reverse("directory:country-detail", kwargs={"iso_code": "eg"})).text
        svg = svg_of(html)
        highlighted = [p for p in state_shapes(svg) if "region-map__highlight" in classes(p)]
        assert [path.get("d") for path in highlighted] == [map_data()["members"]["EG"]["d"]]
        assert "Egypt among the member states of the League of Arab States" in html

    def test_a_member_state_deleted_from_the_database_is_left_off_the_map(self, client):
        Country.objects.filter(iso_code="KM").delete()
        response = client.get(reverse("directory:home"))
        assert response.status_code == 200
        assert len(response.context["region_map"].countries) == 21
        assert ">Comoros</a>" not in response.text

    def test_a_country_outside_the_league_has_no_map(self, client):
        html = client.get(reverse("directory:country-detail", kwargs={"iso_code": "us"})).text
        assert "region-map" not in html

    def test_a_record_shows_where_it_works(self, client):
        record = Record.objects.get(
            slug="iom-migration-development-project-egypt-tunisia-morocco-iraq"
        )
        members = sorted(c.name for c in record.countries.all() if c.iso_code in MEMBER_STATES)
        assert len(members) == 4
        html = client.get(record.get_absolute_url()).text
        assert "<h2>Where it works</h2>" in html
        caption = re.search(r'<p class="region-map__places">(.*?)</p>', html).group(1)
        assert caption == "Member states where it works: " + ", ".join(members)
        svg = svg_of(html)
        highlighted = [p for p in state_shapes(svg) if "region-map__highlight" in classes(p)]
        assert len(highlighted) == len(members)

    def test_a_record_naming_no_member_state_has_no_map(self, client):
        record = make_record(Mechanism)
        record.countries.set(Country.objects.filter(iso_code="US"))
        html = client.get(record.get_absolute_url()).text
        assert "Where it works" not in html
        assert "region-map" not in html
