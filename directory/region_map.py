"""The map of the 22 member states of the League of Arab States, ready for a template.

The shapes are SVG paths built once, at development time, by
scripts/build_region_map.py into geo/region_map.json; this module only reads them. The
neighbouring land, the same on every map, is an image of its own the template draws
underneath (static/img/region-map-context.svg), cached by browsers. This module
knows no model: the caller gives the counts, the country names (in the page's language)
and the URLs, so a map costs no query of its own.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mechanisms.bilingual import text_sort_key

DATA_FILE = Path(__file__).resolve().parent / "geo" / "region_map.json"

# The 22 member states of the League of Arab States, by ISO 3166-1 alpha-2 code.
MEMBER_STATES = frozenset(
    {
        *("AE", "BH", "DJ", "DZ", "EG", "IQ", "JO", "KM", "KW", "LB", "LY"),
        *("MA", "MR", "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TN", "YE"),
    }
)
SHADES = 4  # shades for counts of one and more; zero has a class of its own
MARKER_RADIUS = 4.5


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    align: str  # which end of the text sits on the point: "left", "right" or "centre"


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    radius: float = MARKER_RADIUS


@dataclass(frozen=True)
class Box:
    """The framed box in a corner where a far-off member (Comoros) is drawn."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Bucket:
    """A range of counts drawn in one shade: `low` to `high`, both included."""

    low: int
    high: int
    shade: int

    @property
    def css_class(self):
        return f"region-map__shade--{self.shade}"

    @property
    def is_single(self):
        return self.low == self.high


@dataclass(frozen=True)
class MapCountry:
    iso_code: str
    name: str
    path: str
    label: Label
    marker: Marker | None
    count: int | None = None
    url: str = ""
    css_class: str = ""
    highlighted: bool = False
    label_on_dark: bool = False  # its name is written over its own darkest shade


@dataclass(frozen=True)
class RegionMap:
    width: int
    height: int
    western_sahara_path: str
    western_sahara_boundary: str
    inset: Box
    countries: tuple[MapCountry, ...]
    legend: tuple[Bucket, ...] = ()
    labelled: bool = False

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"

    @property
    def marked_countries(self):
        return [country for country in self.countries if country.marker]

    @property
    def countries_by_name(self):
        """The states as the visitor's language orders their names (the table)."""
        return sorted(self.countries, key=lambda country: text_sort_key(country.name))

    @property
    def highlighted_countries(self):
        return sorted(
            (country for country in self.countries if country.highlighted),
            key=lambda country: text_sort_key(country.name),
        )


@cache
def map_data():
    """The committed shapes, read once per process."""
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def buckets(largest):
    """Ranges of counts for the shades: zero alone, then up to four ranges of 1..largest.

    The ranges grow geometrically (upper bounds near largest ** (i / 4)), as counts of
    records are skewed: a few states hold most records. The darkest shade is always the
    range that holds `largest`.
    """
    zero = Bucket(0, 0, 0)
    if largest < 1:
        return (zero,)
    steps = min(SHADES, largest)
    # Rounded before the floor, so that 100 ** (2 / 4) gives 10 and not 9.
    uppers = sorted({max(1, math.floor(round(largest ** (i / steps), 9))) for i in range(1, steps)})
    uppers = [upper for upper in uppers if upper < largest] + [largest]
    first_shade = SHADES - len(uppers) + 1
    ranges = []
    low = 1
    for offset, upper in enumerate(uppers):
        ranges.append(Bucket(low, upper, first_shade + offset))
        low = upper + 1
    return (zero, *ranges)


def bucket_of(count, legend):
    return next(bucket for bucket in legend if bucket.low <= count <= bucket.high)


def _shapes():
    data = map_data()
    for iso_code, shape in sorted(data["members"].items()):
        marker = shape.get("marker")
        yield (
            iso_code,
            shape["d"],
            Label(**shape["label"]),
            Marker(marker["x"], marker["y"]) if marker else None,
        )


def _region_map(countries, legend=(), labelled=False):
    data = map_data()
    return RegionMap(
        width=data["width"],
        height=data["height"],
        western_sahara_path=data["western_sahara"],
        western_sahara_boundary=data["western_sahara_boundary"],
        inset=Box(**data["inset"]),
        countries=tuple(countries),
        legend=legend,
        labelled=labelled,
    )


def choropleth_map(counts, names, urls):
    """The 22 member states shaded by their number of records, each linking to its page.

    `counts` maps ISO alpha-2 codes to numbers (a state left out counts zero); `names`
    and `urls` hold the member states to draw: one missing from them (from the
    database) is left off the map rather than breaking the page.
    """
    legend = buckets(max((counts.get(code, 0) for code in MEMBER_STATES), default=0))
    countries = []
    for iso_code, path, label, marker in _shapes():
        if iso_code not in names:
            continue
        count = counts.get(iso_code, 0)
        bucket = bucket_of(count, legend)
        countries.append(
            MapCountry(
                iso_code=iso_code,
                name=names[iso_code],
                path=path,
                label=label,
                marker=marker,
                count=count,
                url=urls[iso_code],
                css_class=bucket.css_class,
                label_on_dark=bucket.shade == SHADES and marker is None,
            )
        )
    return _region_map(countries, legend, labelled=True)


def locator_map(highlighted, names):
    """The region with the given member states highlighted: where a record works.

    Codes of countries outside the League are not drawn. `names` must hold the
    highlighted member states; markers show only for the highlighted small states.
    """
    highlighted = set(highlighted) & MEMBER_STATES
    countries = []
    for iso_code, path, label, marker in _shapes():
        is_highlighted = iso_code in highlighted
        countries.append(
            MapCountry(
                iso_code=iso_code,
                name=names[iso_code] if is_highlighted else "",
                path=path,
                label=label,
                marker=marker if is_highlighted else None,
                css_class="region-map__highlight" if is_highlighted else "region-map__member",
                highlighted=is_highlighted,
            )
        )
    return _region_map(countries)
