"""The directory in figures: counts of published records for the map and the charts.

Each count is one aggregate query, and each is kept in the cache until the data changes
(`mechanisms.cache.cached`), so the home, countries and statistics pages share them. Every
number is what the list a bar links to counts: the same published records, the same
filter (tests/directory/test_statistics.py follows each link to check it).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.charts import Bar, bar_chart
from directory.region_map import MEMBER_STATES, choropleth_map
from mechanisms.bilingual import text_sort_key
from mechanisms.cache import cached
from mechanisms.kinds import registry
from mechanisms.models import SDG, Activity, Country, Record, Type


def list_url(url_name, **filters):
    return f"{reverse(url_name)}?{urlencode(filters)}"


def countries_with_counts():
    """Every country with its number of published records (`record_count`), by name."""
    countries = Country.objects.with_record_counts().select_related("membership_source")
    return cached("countries-with-counts", lambda: list(countries))


def member_state_map(countries):
    """The member states shaded by their counts, from `countries_with_counts()`."""
    members = [country for country in countries if country.iso_code in MEMBER_STATES]
    return choropleth_map(
        counts={country.iso_code: country.record_count for country in members},
        names={country.iso_code: country.name for country in members},
        urls={country.iso_code: country.get_absolute_url() for country in members},
    )


@dataclass(frozen=True)
class Statistics:
    total: int
    charts: tuple


def statistics():
    """The charts of the statistics page, in the current language."""
    return cached("statistics", compute_statistics)


def compute_statistics():
    kind_counts = Record.objects.published().count_by_kind()
    total = sum(kind_counts.values())
    countries = countries_with_counts()
    members = [country for country in countries if country.iso_code in MEMBER_STATES]
    others = [
        country
        for country in countries
        if country.iso_code not in MEMBER_STATES and country.record_count
    ]
    # In pairs of about the same height, side by side on wide screens.
    charts = [
        sdg_chart(),
        country_chart(
            "member-states",
            _("Records by member state"),
            _(
                "Published records that name each of the 22 member states of the League of "
                "Arab States. A record that names several countries counts under each."
            ),
            members,
        ),
        kind_chart(kind_counts, total),
        year_chart(),
        type_chart(),
    ]
    if others:
        charts.append(
            country_chart(
                "other-countries",
                _("Records by other country"),
                _("Countries outside the League that published records name."),
                others,
            )
        )
    return Statistics(total=total, charts=tuple(charts))


def sdg_chart():
    bars = [
        Bar(
            label=str(sdg),
            count=sdg.record_count,
            url=list_url("directory:search", sdg=sdg.number) if sdg.record_count else "",
            colour_class=f"sdg-{sdg.number}",
        )
        for sdg in SDG.objects.with_record_counts()
    ]
    return bar_chart(
        "sdgs",
        _("Records by Sustainable Development Goal"),
        _(
            "Published records tied to each of the 17 goals, in the goals' official colours. "
            "A record tied to several goals counts under each."
        ),
        bars,
        label_heading=_("Goal"),
        count_heading=_("Records"),
    )


def by_count(items, count, name):
    """Largest first, then by name: the order a reader compares bars in."""
    return sorted(items, key=lambda item: (-count(item), text_sort_key(name(item))))


def country_chart(slug, title, description, countries):
    bars = [
        Bar(
            label=country.name,
            count=country.record_count,
            url=list_url("directory:search", country=country.iso_code)
            if country.record_count
            else "",
        )
        for country in by_count(countries, lambda c: c.record_count, lambda c: c.name)
    ]
    return bar_chart(
        slug,
        title,
        description,
        bars,
        label_heading=_("Country"),
        count_heading=_("Records"),
    )


def kind_chart(kind_counts, total):
    # Largest first; kinds with equal counts keep the registry's order (a stable sort).
    kinds = sorted(registry, key=lambda kind: -kind_counts.get(kind.value, 0))
    bars = []
    for kind in kinds:
        count = kind_counts.get(kind.value, 0)
        url = list_url("directory:search", kind=kind.value) if count else ""
        bars.append(Bar(label=str(kind.plural), count=count, url=url))
    description = ngettext(
        "Every published record is of one kind: the bars add up to the %(total)d record.",
        "Every published record is of one kind: the bars add up to the %(total)d records.",
        total,
    ) % {"total": total}
    return bar_chart(
        "kinds",
        _("Records by kind"),
        description,
        bars,
        label_heading=_("Kind of record"),
        count_heading=_("Records"),
    )


def type_chart():
    types = Type.objects.with_record_counts()
    bars = [
        Bar(
            label=type_.name,
            count=type_.record_count,
            url=list_url("directory:search", type=type_.slug) if type_.record_count else "",
        )
        for type_ in by_count(types, lambda t: t.record_count, lambda t: t.name)
    ]
    return bar_chart(
        "types",
        _("Records by type"),
        _("The types the source documents give their records. A record may have several."),
        bars,
        label_heading=_("Type"),
        count_heading=_("Records"),
    )


def year_chart():
    """Activities by year, every year from the first to the last: a year without
    activities is a gap worth seeing."""
    counts = Activity.objects.published().count_by_year()
    undated = counts.pop(None, 0)
    years = range(min(counts), max(counts) + 1) if counts else []
    activity_list = Activity.KIND.url_name_prefix + "-list"
    bars = [
        Bar(
            label=str(year),
            count=counts.get(year, 0),
            url=list_url(activity_list, year=year) if counts.get(year) else "",
        )
        for year in years
    ]
    description = _("Activities and events by the year they took place or began.")
    if undated:
        description += " " + ngettext(
            "%(undated)d has no date and is not shown.",
            "%(undated)d have no date and are not shown.",
            undated,
        ) % {"undated": undated}
    return bar_chart(
        "years",
        _("Activities by year"),
        description,
        bars,
        label_heading=_("Year"),
        count_heading=_("Activities"),
    )
