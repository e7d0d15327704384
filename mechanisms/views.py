"""Public pages of records of every kind, of organisations and of people.

`record_list` and `record_detail` serve every kind of record (their URLs come from the
registry of kinds, see `mechanisms.routes`); `record_list_page` also serves the lists
that gather every kind (search).
"""

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from mechanisms import bilingual
from mechanisms.cache import public_page
from mechanisms.filters import PeopleFilterSet
from mechanisms.kinds import registry
from mechanisms.models import (
    Activity,
    Contact,
    Involvement,
    Organisation,
    Person,
    Point,
    Quote,
    Record,
)
from mechanisms.models.records import CHILDREN_SHOWN
from mechanisms.throttle import RateLimit

PAGE_SIZES = (10, 25, 50, 100)
RELATED_SHOWN = 10
DEFAULT_PAGE_SIZE = 25


def page_size(request):
    """The page size asked for, if it is one of those offered."""
    asked = request.GET.get("per_page", "")
    return int(asked) if asked in {str(size) for size in PAGE_SIZES} else DEFAULT_PAGE_SIZE


class CountedPaginator(Paginator):
    """A paginator told how many items there are, when the page counted them already,
    and which picks a page's rows by their keys first.

    A page of a QuerySet is read in one query, `WHERE id IN (SELECT id … ORDER BY …
    LIMIT n OFFSET m)`: the sort and the offset run over the keys alone, and only the
    page's rows are joined to what they show (source, parent). Sorted with their joins,
    every matching row was read whole and joined before the first 25 were kept: 35 ms
    of the 125 ms of SQL of the full list's first page at 10,000 records."""

    def __init__(self, object_list, per_page, count=None):
        super().__init__(object_list, per_page)
        if count is not None:
            self.count = count

    def _get_page(self, object_list, number, paginator):
        if isinstance(object_list, QuerySet) and object_list.query.is_sliced:
            object_list = self.object_list.filter(pk__in=object_list.values("pk"))
        return super()._get_page(object_list, number, paginator)


def paginate(request, items, count=None):
    """The page asked for; a malformed or out-of-range number gives the first or last."""
    paginator = CountedPaginator(items, page_size(request), count)
    page = paginator.get_page(request.GET.get("page"))
    page.elided_range = list(page.paginator.get_elided_page_range(page.number))
    return page


def record_list_page(request, filterset_class, template_name, extra_context=None):
    """A filtered, faceted, sorted and paginated list of records."""
    filterset = filterset_class(request.GET)
    expanded = set(request.GET.getlist("all")) & set(filterset.facet_names)
    facets = filterset.facets(expanded)
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
        "expanded": sorted(expanded),
        "page_obj": paginate(request, filterset.results(), filterset.results_count),
        "page_sizes": PAGE_SIZES,
        "current_page_size": page_size(request),
        **(extra_context or {}),
    }
    return render(request, template_name, context)


@public_page
def record_list(request, kind):
    """The list of one kind of record, with the kind's own template if it declares one."""
    template = kind.list_template or "records/record_list.html"
    return record_list_page(request, kind.filterset_class, template, {"kind": kind})


@public_page
def record_detail(request, kind, slug):
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
        .only("kind", "slug", "title_en", "title_ar", "parent_id")
        .order_by("kind", bilingual.ordering("title"))[: RELATED_SHOWN + 1]
    )
    children = record.first_children[:CHILDREN_SHOWN]
    children_count = len(children)
    if len(record.first_children) > CHILDREN_SHOWN:
        every_child = Record.objects.filter(parent=record)
        children_count = (every_child if preview else every_child.published()).count()
    context = {
        "record": record,
        "point_groups": group_points(record),
        "children": group_children(children),
        "children_count": children_count,
        "more_children": children_count > len(children),
        "related_records": related,
        "related_shown": RELATED_SHOWN,
        "focal_points": [c for c in record.contacts.all() if c.role == Contact.Role.FOCAL_POINT],
        "other_contacts": [c for c in record.contacts.all() if c.role != Contact.Role.FOCAL_POINT],
    }
    return render(request, "records/record_detail.html", context)


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


@dataclass
class ChildGroup:
    heading: str
    records: list = field(default_factory=list)

    @property
    def kinds(self):
        return {record.kind for record in self.records}


def group_children(children):
    """The published children of a record as groups in document order: under the heading
    the document lists them under where it gives one, else by type (results, projects,
    ...) for activities and by kind for the others."""
    groups = {}
    for child in children:
        if child.listed_under:
            heading = child.listed_under
        elif child.kind == Activity.KIND.value:
            heading = ACTIVITY_HEADINGS[child.activity_type]
        else:
            heading = registry[child.kind].children_heading
        groups.setdefault(heading, ChildGroup(heading)).records.append(child)
    return list(groups.values())


@public_page
def organisation_list(request):
    organisations = (
        Organisation.objects.with_record_counts()
        .select_related("parent", "country")
        .annotate(
            people_count=Count(
                "people", filter=Q(people__in=Person.objects.public().values("pk")), distinct=True
            ),
        )
    )
    return render(
        request,
        "mechanisms/organisation_list.html",
        {"page_obj": paginate(request, organisations), "page_sizes": PAGE_SIZES},
    )


@public_page
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.select_related("parent", "country").prefetch_related(
            "units",
            Prefetch(
                "people",
                Person.objects.public().select_related("organisation__parent").order_by("name"),
            ),
        ),
        slug=slug,
    )
    involvements = (
        Involvement.objects.of_published_records()
        .filter(organisation=organisation)
        .select_related("record")
        .order_by("record__kind", bilingual.ordering("record__title"), "role")
    )
    return render(
        request,
        "mechanisms/organisation_detail.html",
        {"organisation": organisation, "involvements": involvements},
    )


@public_page
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


@public_page
def person_detail(request, slug):
    person = get_object_or_404(
        Person.objects.public()
        .select_related("organisation__parent", "source")
        .prefetch_related(
            Prefetch("contacts", Contact.objects.of_published_records().select_related("record")),
            Prefetch("quotes", Quote.objects.of_published_records().select_related("record")),
        ),
        slug=slug,
    )
    return render(request, "mechanisms/person_detail.html", {"person": person})


@require_http_methods(["GET", "POST"])
def person_email(request, slug):
    """A person's email address, given only in answer to a POST, and to at most
    EMAIL_REVEAL_LIMIT of them per client in each window, so that no page holds an
    address and no script can collect them in bulk.

    GET shows the button; static/js/site.js posts its form in the background and asks
    for JSON (`{"email": ...}`, or `{"error": ...}` with the 429).
    """
    person = get_object_or_404(Person.objects.public().exclude(email=""), slug=slug)
    if request.method == "GET":
        response = render(request, "mechanisms/person_email.html", {"person": person})
    else:
        reveals = RateLimit(
            "email-reveal", settings.EMAIL_REVEAL_LIMIT, settings.EMAIL_REVEAL_WINDOW
        )
        wait = reveals.hit(request)
        response = email_reveal_response(request, person, wait)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store"
    patch_vary_headers(response, ["Accept"])
    return response


def email_reveal_response(request, person, wait):
    """The address, or if the client must `wait` seconds first a 429 that says so; as
    JSON to the script, else as the page."""
    refusal = reveal_refusal(wait) if wait else ""
    status = 429 if wait else 200
    if request.get_preferred_type(["text/html", "application/json"]) == "application/json":
        body = {"error": refusal} if wait else {"email": person.email}
        response = JsonResponse(body, status=status)
    else:
        context = {"person": person, "revealed": not wait, "refusal": refusal}
        response = render(request, "mechanisms/person_email.html", context, status=status)
    if wait:
        response["Retry-After"] = str(wait)
    return response


def reveal_refusal(wait):
    minutes = math.ceil(wait / 60)
    return ngettext(
        "Too many email addresses were asked for from your connection. "
        "Try again in %(minutes)d minute.",
        "Too many email addresses were asked for from your connection. "
        "Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
