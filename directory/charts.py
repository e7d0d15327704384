"""Horizontal bar charts drawn on the server as SVG, in both directions of writing.

Each row is a label on a line of its own with its bar beneath, so that labels never
overlap however narrow the screen. The SVG has no viewBox: its units are CSS pixels, so
text keeps its size, while x positions are percentages of the chart's width, so bars
stretch with it. In a right-to-left language bars grow from the right and every x is
mirrored; text anchors are logical ("start", "end") and follow the SVG's `direction`.

This module knows no model: the caller gives the bars (label, count, link), so the
geometry is tested on its own and a chart costs no query of its own.
"""

import math
from dataclasses import dataclass

from django.utils.translation import get_language_bidi

ROW_HEIGHT = 42  # pixels per row: the label's line, then the bar
LABEL_BASELINE = 15
BAR_TOP = 21
BAR_HEIGHT = 14
AXIS_HEIGHT = 22  # below the rows: the numbers of the ticks
VALUE_GAP = 6  # pixels between a bar's end and its number
INSIDE_FROM = 0.7  # a bar this long (of the axis) carries its number inside
TICK_INTERVALS = 4  # about this many intervals on the axis: few, so numbers never collide


@dataclass(frozen=True)
class Bar:
    """What a bar counts: its label, its number and the list it counts (none for zero)."""

    label: str
    count: int
    url: str = ""
    colour_class: str = ""


@dataclass(frozen=True)
class PlacedBar:
    bar: Bar
    top: int
    label_x: str
    bar_x: str
    bar_width: str
    value_x: str
    value_dx: int
    value_anchor: str
    value_inside: bool

    @property
    def label_y(self):
        return self.top + LABEL_BASELINE

    @property
    def bar_y(self):
        return self.top + BAR_TOP

    @property
    def value_y(self):
        return self.top + BAR_TOP + BAR_HEIGHT / 2


@dataclass(frozen=True)
class Tick:
    value: int
    x: str
    anchor: str


@dataclass(frozen=True)
class BarChart:
    """A chart ready for templates/directory/includes/bar_chart.html."""

    slug: str
    title: str
    description: str
    label_heading: str
    count_heading: str
    rows: tuple[PlacedBar, ...]
    ticks: tuple[Tick, ...]
    direction: str

    bar_height = BAR_HEIGHT
    row_height = ROW_HEIGHT

    @property
    def plot_height(self):
        return len(self.rows) * ROW_HEIGHT

    @property
    def height(self):
        return self.plot_height + AXIS_HEIGHT

    @property
    def tick_y(self):
        return self.plot_height + AXIS_HEIGHT - 6


def nice_scale(largest, intervals=TICK_INTERVALS):
    """(step, top) of an axis from 0 to at least `largest`: a whole step of 1, 2 or 5
    times a power of ten, and `top` the first multiple of it at or above `largest`."""
    if largest <= 0:
        return 1, 1
    rough = largest / intervals
    magnitude = 10 ** max(0, math.floor(math.log10(rough))) if rough >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)
    return step, math.ceil(largest / step) * step


def percent(value):
    """A percentage as SVG wants it, never localised: 12.5 → "12.5%"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text}%"


def bar_chart(slug, title, description, bars, *, label_heading, count_heading):
    """Place `bars` (in the order given) on a shared axis, for the current language's
    direction of writing."""
    rtl = get_language_bidi()

    def x(share):
        """Where a share of the axis (0 to 1) lies, in percent from the left edge."""
        return 100 * (1 - share) if rtl else 100 * share

    outward = -1 if rtl else 1  # which way, in pixels, is "further along the bar"
    step, top = nice_scale(max((bar.count for bar in bars), default=0))
    rows = []
    for index, bar in enumerate(bars):
        share = bar.count / top
        inside = share >= INSIDE_FROM
        rows.append(
            PlacedBar(
                bar=bar,
                top=index * ROW_HEIGHT,
                label_x=percent(x(0)),
                bar_x=percent(min(x(0), x(share))),
                bar_width=percent(100 * share),
                value_x=percent(x(share)),
                value_dx=(-VALUE_GAP if inside else VALUE_GAP) * outward,
                value_anchor="end" if inside else "start",
                value_inside=inside,
            )
        )
    ticks = []
    for value in range(0, top + 1, step):
        anchor = "start" if value == 0 else "end" if value == top else "middle"
        ticks.append(Tick(value=value, x=percent(x(value / top)), anchor=anchor))
    return BarChart(
        slug=slug,
        title=title,
        description=description,
        label_heading=label_heading,
        count_heading=count_heading,
        rows=tuple(rows),
        ticks=tuple(ticks),
        direction="rtl" if rtl else "ltr",
    )
