"""Pages that gather every kind of record: home, countries, SDGs, search."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render

from config.filters import AllRecordsFilterSet
from mechanisms.models import SDG, Contact, Country, Organisation, Record, Theme, Type
from mechanisms.views import KIND_HEADINGS, record_list_page

PUBLISHED_RECORDS = Q(records__publication=Record.Publication.PUBLISHED)
RECENT_COUNT = 6


def with_record_counts(queryset):
    """Each row with its number of published records, in the model's order (which a
    GROUP BY query does not apply by itself)."""
    return queryset.annotate(record_count=Count("records", filter=PUBLISHED_RECORDS)).order_by(
        *queryset.model._meta.ordering
    )


def home(request):
    countries = list(with_record_counts(Country.objects.all()))
    kind_counts = dict(
        Record.objects.published().order_by().values_list("kind").annotate(Count("pk"))
    )
    context = {
        "arab_states": [country for country in countries if country.is_arab_state],
        "other_countries": [c for c in countries if not c.is_arab_state and c.record_count],
        "sdgs": with_record_counts(SDG.objects.all()),
        "themes": with_record_counts(Theme.objects.all()),
        "types": with_record_counts(Type.objects.all()),
        "kinds": [(kind, KIND_HEADINGS[kind], kind_counts.get(kind, 0)) for kind in Record.Kind],
        "recent_records": Record.objects.for_list().order_by("-updated_at", "title")[:RECENT_COUNT],
    }
    return render(request, "config/home.html", context)


def country_list(request):
    countries = with_record_counts(Country.objects.all()).order_by("-is_arab_state", "name")
    return render(request, "config/country_list.html", {"countries": countries})


def country_detail(request, iso_code):
    country = get_object_or_404(Country, iso_code=iso_code.upper())
    if iso_code != iso_code.lower():
        return redirect(country, permanent=True)
    records = Record.objects.for_list().filter(countries=country)
    context = {
        "country": country,
        "groups": group_by_kind(records),
        "focal_points": focal_points_of(records),
        "organisations": Organisation.objects.filter(country=country).order_by("name"),
    }
    return render(request, "config/country_detail.html", context)


def sdg_list(request):
    return render(request, "config/sdg_list.html", {"sdgs": with_record_counts(SDG.objects.all())})


def sdg_detail(request, number):
    sdg = get_object_or_404(SDG, number=number)
    records = Record.objects.for_list().filter(sdgs=sdg)
    context = {
        "sdg": sdg,
        "groups": group_by_kind(records),
        "focal_points": focal_points_of(records),
    }
    return render(request, "config/sdg_detail.html", context)


def search(request):
    return record_list_page(request, AllRecordsFilterSet, "config/search.html")


def group_by_kind(records):
    """The records as (heading, records) pairs in the order kinds are declared."""
    groups = {kind: [] for kind in Record.Kind}
    for record in records.order_by("title"):
        groups[record.kind].append(record)
    return [(KIND_HEADINGS[kind], members) for kind, members in groups.items() if members]


def focal_points_of(records):
    return (
        Contact.objects.filter(role=Contact.Role.FOCAL_POINT, record__in=records.values("pk"))
        .select_related("person__organisation", "record")
        .order_by("person__name")
    )
