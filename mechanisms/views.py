"""Public pages of the shared vocabulary and of mechanisms, activities and areas of work.

`record_list_page` and `record_detail_page` serve every kind of record; the network app
and the project pages call them with their own FilterSet or kind.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from mechanisms.filters import (
    ActivityFilterSet,
    AreaOfWorkFilterSet,
    MechanismFilterSet,
    PeopleFilterSet,
)
from mechanisms.models import Contact, Involvement, Organisation, Person, Point, Quote, Record

PAGE_SIZES = (10, 25, 50, 100)
DEFAULT_PAGE_SIZE = 25


def page_size(request):
    """The page size asked for, if it is one of those offered."""
    asked = request.GET.get("per_page", "")
    return int(asked) if asked in {str(size) for size in PAGE_SIZES} else DEFAULT_PAGE_SIZE


def paginate(request, items):
    """The page asked for; a malformed or out-of-range number gives the first or last."""
    page = Paginator(items, page_size(request)).get_page(request.GET.get("page"))
    page.elided_range = list(page.paginator.get_elided_page_range(page.number))
    return page


def record_list_page(request, filterset_class, template_name, extra_context=None):
    """A filtered, faceted, sorted and paginated list of records."""
    filterset = filterset_class(request.GET)
    facets = filterset.facets()
    kept = QueryDict(mutable=True)  # what "clear all" keeps: the order and page size
    if sort := filterset.data.get("sort"):
        kept["sort"] = sort
    if "per_page" in request.GET and page_size(request) != DEFAULT_PAGE_SIZE:
        kept["per_page"] = str(page_size(request))
    context = {
        "filter": filterset,
        "facets": facets,
        "chips": filterset.chips(facets),
        "clear_all": kept,
        "page_obj": paginate(request, filterset.results()),
        "page_sizes": PAGE_SIZES,
        "current_page_size": page_size(request),
        **(extra_context or {}),
    }
    return render(request, template_name, context)


def record_detail_page(request, kind, slug):
    """The page of one published record of `kind`, with every part it has.

    Staff also see drafts and archived records here, under a banner, to preview them.
    """
    preview = request.user.is_active and request.user.is_staff
    record = get_object_or_404(
        Record.objects.for_detail(include_unpublished=preview).of_kind(kind), slug=slug
    )
    related = (
        Record.objects.published()
        .filter(source_id=record.source_id)
        .exclude(pk__in=[record.pk, record.parent_id])
        .exclude(parent_id=record.pk)
        .only("kind", "slug", "title", "parent_id")
        .order_by("kind", "title")
    )
    context = {
        "record": record,
        "point_groups": group_points(record),
        "children": group_children(record),
        "related_records": related,
        "focal_points": [c for c in record.contacts.all() if c.role == Contact.Role.FOCAL_POINT],
        "other_contacts": [c for c in record.contacts.all() if c.role != Contact.Role.FOCAL_POINT],
    }
    return render(request, "records/record_detail.html", context)


KIND_HEADINGS = {
    Record.Kind.MECHANISM: _("Coordination mechanisms"),
    Record.Kind.WORKING_GROUP: _("Working groups"),
    Record.Kind.NETWORK: _("Networks"),
    Record.Kind.NATIONAL_NETWORK: _("National networks"),
    Record.Kind.SUB_STRUCTURE: _("Sub-coordination structure"),
    Record.Kind.ACTIVITY: _("Activities and events"),
    Record.Kind.AREA_OF_WORK: _("Areas of work"),
    Record.Kind.OUTPUT: _("Policy and advocacy outputs"),
}
ACTIVITY_HEADINGS = {
    Record.ActivityType.RESULT: _("Results"),
    Record.ActivityType.MEETING: _("Meetings"),
    Record.ActivityType.EVENT: _("Events"),
    Record.ActivityType.CONSULTATION: _("Consultations"),
    Record.ActivityType.STATEMENT: _("Statements"),
    Record.ActivityType.PLAN: _("Plans"),
    Record.ActivityType.PROJECT: _("Projects"),
    "": _("Activities"),
}


POINT_HEADINGS = {
    Point.Kind.FUNCTION: _("Functions"),
    Point.Kind.LINE_OF_WORK: _("Lines of work"),
}


def group_points(record):
    groups = {}
    for point in record.points.all():
        groups.setdefault(point.kind, []).append(point)
    return [(POINT_HEADINGS[kind], points) for kind, points in groups.items()]


def group_children(record):
    """The published children of a record as (heading, children) in document order.

    Activities are grouped by their type (results, projects, ...), other kinds by kind.
    """
    groups = {}
    for child in record.children.all():
        if child.kind == Record.Kind.ACTIVITY:
            heading = ACTIVITY_HEADINGS[child.activity_type]
        else:
            heading = KIND_HEADINGS[child.kind]
        groups.setdefault(heading, []).append(child)
    return list(groups.items())


def mechanism_list(request):
    return record_list_page(request, MechanismFilterSet, "mechanisms/mechanism_list.html")


def mechanism_detail(request, slug):
    return record_detail_page(request, Record.Kind.MECHANISM, slug)


def activity_list(request):
    return record_list_page(request, ActivityFilterSet, "mechanisms/activity_list.html")


def activity_detail(request, slug):
    return record_detail_page(request, Record.Kind.ACTIVITY, slug)


def area_of_work_list(request):
    return record_list_page(request, AreaOfWorkFilterSet, "mechanisms/area_of_work_list.html")


def area_of_work_detail(request, slug):
    return record_detail_page(request, Record.Kind.AREA_OF_WORK, slug)


def organisation_list(request):
    published = Record.objects.published()
    organisations = (
        Organisation.objects.select_related("parent", "country")
        .annotate(
            record_count=Count(
                "records", filter=Q(records__in=published.values("pk")), distinct=True
            ),
            people_count=Count(
                "people", filter=Q(people__in=Person.objects.public().values("pk")), distinct=True
            ),
        )
        .order_by("name")
    )
    return render(
        request,
        "mechanisms/organisation_list.html",
        {"page_obj": paginate(request, organisations), "page_sizes": PAGE_SIZES},
    )


def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.select_related("parent", "country").prefetch_related(
            "units",
            Prefetch(
                "people", Person.objects.public().select_related("organisation").order_by("name")
            ),
        ),
        slug=slug,
    )
    involvements = (
        Involvement.objects.filter(organisation=organisation, record__publication="published")
        .select_related("record")
        .order_by("record__kind", "record__title", "role")
    )
    return render(
        request,
        "mechanisms/organisation_detail.html",
        {"organisation": organisation, "involvements": involvements},
    )


def person_list(request):
    filterset = PeopleFilterSet(request.GET)
    people = filterset.results()
    return render(
        request,
        "mechanisms/person_list.html",
        {
            "filter": filterset,
            "roles": filterset.role_options(),
            "page_obj": paginate(request, people),
            "page_sizes": PAGE_SIZES,
        },
    )


def person_detail(request, slug):
    published = Q(record__publication=Record.Publication.PUBLISHED)
    person = get_object_or_404(
        Person.objects.public()
        .select_related("organisation", "source")
        .prefetch_related(
            Prefetch("contacts", Contact.objects.filter(published).select_related("record")),
            Prefetch("quotes", Quote.objects.filter(published).select_related("record")),
        ),
        slug=slug,
    )
    return render(request, "mechanisms/person_detail.html", {"person": person})


@require_http_methods(["GET", "POST"])
def person_email(request, slug):
    """The email address for readers without JavaScript: a button asks for it (POST), so
    that no page a harvester follows links to holds the address as text."""
    person = get_object_or_404(Person.objects.public().exclude(email=""), slug=slug)
    response = render(
        request,
        "mechanisms/person_email.html",
        {"person": person, "revealed": request.method == "POST"},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store"
    return response
