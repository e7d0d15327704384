"""Pages that gather every kind of record: home, countries, SDGs, search, statistics."""

from django.db.models import Case, Count, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from directory.filters import AllRecordsFilterSet
from directory.region_map import MEMBER_STATES
from directory.statistics import countries_with_counts, member_state_map, statistics
from mechanisms import bilingual
from mechanisms.cache import public_page
from mechanisms.kinds import registry
from mechanisms.models import (
    SDG,
    Contact,
    Country,
    Organisation,
    Person,
    Record,
    Source,
    Theme,
    Type,
)
from mechanisms.views import PAGE_SIZES, page_size, paginate, record_list_page

RECENT_COUNT = 6
NAMED_MATCHES = 5
SHOWN_ON_GATHERED = 12


@public_page
def home(request):
    countries = countries_with_counts()
    kind_counts = Record.objects.published().count_by_kind()
    context = {
        "region_map": member_state_map(countries),
        "other_countries": [c for c in other_than_members(countries) if c.record_count],
        "sdgs": SDG.objects.with_record_counts().select_related("title_source", "colour_source"),
        "membership_source": next(
            (country.membership_source for country in countries if country.is_arab_state), None
        ),
        "themes": Theme.objects.with_record_counts(),
        "types": Type.objects.with_record_counts(),
        "kinds": [(kind, kind_counts.get(kind.value, 0)) for kind in registry],
        "recent_records": Record.objects.for_list().order_by("-updated_at", "title_en")[
            :RECENT_COUNT
        ],
    }
    return render(request, "directory/home.html", context)


@public_page
def country_list(request):
    countries = countries_with_counts()
    context = {
        "region_map": member_state_map(countries),
        "other_countries": other_than_members(countries),
    }
    return render(request, "directory/country_list.html", context)


def other_than_members(countries):
    others = [country for country in countries if country.iso_code not in MEMBER_STATES]
    return bilingual.in_display_order(others, key=lambda country: country.name)


@public_page
def country_detail(request, iso_code):
    country = get_object_or_404(
        Country.objects.select_related("membership_source"), iso_code=iso_code.upper()
    )
    if iso_code != iso_code.lower():
        return redirect(country, permanent=True)
    records = Record.objects.for_list().filter(countries=country)
    organisations = Organisation.objects.filter(country=country).order_by(
        bilingual.ordering("name")
    )
    context = {
        "country": country,
        **gathered(request, records, country=country.iso_code),
        "organisations": organisations[: SHOWN_ON_GATHERED + 1],
    }
    return render(request, "directory/country_detail.html", context)


@public_page
def sdg_list(request):
    return render(request, "directory/sdg_list.html", {"sdgs": SDG.objects.with_record_counts()})


@public_page
def sdg_detail(request, number):
    sdg = get_object_or_404(
        SDG.objects.select_related("title_source", "colour_source"), number=number
    )
    records = Record.objects.for_list().filter(sdgs=sdg)
    context = {
        "sdg": sdg,
        "sdg_as_list": [sdg],
        **gathered(request, records, sdg=sdg.number),
    }
    return render(request, "directory/sdg_detail.html", context)


@public_page
def source_list(request):
    sources = Source.objects.with_record_counts()
    context = {
        "documents": [source for source in sources if not source.is_reference],
        "references": [source for source in sources if source.is_reference],
    }
    return render(request, "directory/source_list.html", context)


@public_page
def source_detail(request, slug):
    source = get_object_or_404(Source, slug=slug)
    records = Record.objects.for_list().filter(source=source)
    records = records.order_by("kind", bilingual.ordering("title"))
    context = {
        "source": source,
        "page_obj": paginate(request, records),
        "page_sizes": PAGE_SIZES,
        "current_page_size": page_size(request),
        "cited": cited_facts(source),
        "citation_url": request.build_absolute_uri(source.get_absolute_url()),
    }
    return render(request, "directory/source_detail.html", context)


def cited_facts(source):
    """What a reference is cited for, as (what, terms) pairs, in one query each."""
    return [
        (_("Membership of the League of Arab States"), list(source.countries_cited.all())),
        (_("Titles of the Sustainable Development Goals"), list(source.sdg_titles_cited.all())),
        (_("Colours of the Sustainable Development Goals"), list(source.sdg_colours_cited.all())),
        (_("Official names of organisations"), list(source.organisation_names_cited.all())),
        (_("Years of policy frameworks"), list(source.framework_years_cited.all())),
    ]


@public_page
def statistics_page(request):
    return render(request, "directory/statistics.html", {"statistics": statistics()})


@public_page
def search(request):
    words = AllRecordsFilterSet.search_words(request.GET)
    extra = {}
    if words:
        extra = {
            "matching_organisations": Organisation.objects.matching(words)[:NAMED_MATCHES],
            "matching_people": Person.objects.public().matching(words)[:NAMED_MATCHES],
        }
    return record_list_page(request, AllRecordsFilterSet, "directory/search.html", extra)


def gathered(request, records, **filters):
    """What a country's or a goal's page shows of its records, bounded whatever the data:
    how many there are of each kind (each a link to the filtered list), a page of the
    records, kind by kind, and their focal points, up to `SHOWN_ON_GATHERED`."""
    counts = dict(records.order_by().values_list("kind").annotate(Count("pk")))
    search = reverse("directory:search")
    kinds = [
        (kind, counts[kind.value], f"{search}?{urlencode({**filters, 'kind': kind.value})}")
        for kind in registry
        if kind.value in counts
    ]
    in_kind_order = Case(
        *(When(kind=kind.value, then=Value(rank)) for rank, kind in enumerate(registry)),
        default=Value(len(counts)),
    )
    return {
        "kinds": kinds,
        "page_obj": paginate(
            request,
            records.order_by(in_kind_order, bilingual.ordering("title")),
            count=sum(counts.values()),
        ),
        "page_sizes": PAGE_SIZES,
        "current_page_size": page_size(request),
        "focal_points": focal_points_of(records)[: SHOWN_ON_GATHERED + 1],
        "shown": SHOWN_ON_GATHERED,
        "filtered_url": f"{search}?{urlencode(filters)}",
    }


def focal_points_of(records):
    return (
        Contact.objects.filter(role=Contact.Role.FOCAL_POINT, record__in=records.values("pk"))
        .select_related("person__organisation__parent", "record__source")
        .order_by("person__name")
    )
