"""The read-only JSON API: every kind of record, organisations and people.

Lists take the very filters of the pages (the same FilterSets), report unknown values
as the pages do, and are paginated with `page` and `per_page`. Every response is an
object with `"version": 1`; its keys are documented in README.md ("JSON API") and only
ever added to within a version. Bad input gives 400 (or 404) with a JSON body, never 500.
Each request runs a fixed number of queries, whatever the page size.
"""

from functools import wraps

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt

from config.filters import AllRecordsFilterSet
from mechanisms.exports import record_data, summary_data, with_export_relations
from mechanisms.filters import (
    ActivityFilterSet,
    AreaOfWorkFilterSet,
    MechanismFilterSet,
    PeopleFilterSet,
)
from mechanisms.models import Organisation, Person, Record
from network.filters import (
    NationalNetworkFilterSet,
    NetworkFilterSet,
    OutputFilterSet,
    SubStructureFilterSet,
    WorkingGroupFilterSet,
)

API_VERSION = 1
DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100


# The collections of records: the FilterSet of each, as on its page.
COLLECTIONS = {
    "records": AllRecordsFilterSet,
    "mechanisms": MechanismFilterSet,
    "activities": ActivityFilterSet,
    "areas-of-work": AreaOfWorkFilterSet,
    "working-groups": WorkingGroupFilterSet,
    "networks": NetworkFilterSet,
    "national-networks": NationalNetworkFilterSet,
    "sub-structures": SubStructureFilterSet,
    "outputs": OutputFilterSet,
}


class PageForm(forms.Form):
    page = forms.IntegerField(min_value=1, required=False)
    per_page = forms.IntegerField(min_value=1, max_value=MAX_PER_PAGE, required=False)


def api_response(data, status=200):
    return JsonResponse(
        {"version": API_VERSION, **data}, status=status, json_dumps_params={"ensure_ascii": False}
    )


def error_response(status, message, errors=None):
    return api_response({"error": message, "errors": errors or {}}, status=status)


def not_found():
    return error_response(404, _("Not found."))


def read_only(view):
    """GET and HEAD, with every other method refused in JSON. No CSRF check: the API
    never writes, and a refusal must be JSON too."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = error_response(405, _("The API is read-only: use GET."))
            response["Allow"] = "GET, HEAD"
            return response
        return view(request, *args, **kwargs)

    return wrapper


@read_only
def unknown_path(request):
    """Any other path under /api/ (and slugs the URL patterns refuse): a JSON 404."""
    return not_found()


def paginated(request, items, serialize_item, extra=None):
    """A page of `items` as the API gives it, or a 400 response naming the bad parameter."""
    paging = PageForm(request.GET)
    if not paging.is_valid():
        return error_response(400, _("Invalid page."), paging.errors.get_json_data())
    number = paging.cleaned_data["page"] or 1
    per_page = paging.cleaned_data["per_page"] or DEFAULT_PER_PAGE
    paginator = Paginator(items, per_page)
    if number > paginator.num_pages:
        message = ngettext(
            "There is %(count)d page.", "There are %(count)d pages.", paginator.num_pages
        ) % {"count": paginator.num_pages}
        return error_response(
            400, _("Invalid page."), {"page": [{"message": message, "code": "out_of_range"}]}
        )
    page = paginator.page(number)
    return api_response(
        {
            "count": paginator.count,
            "page": page.number,
            "per_page": per_page,
            "num_pages": paginator.num_pages,
            "next": page_url(request, page.next_page_number()) if page.has_next() else None,
            "previous": (
                page_url(request, page.previous_page_number()) if page.has_previous() else None
            ),
            "results": [serialize_item(item) for item in page.object_list],
            **(extra or {}),
        }
    )


def page_url(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@read_only
def index(request):
    """Where everything is."""
    absolute = request.build_absolute_uri
    endpoints = {name: absolute(reverse("api:record-list", args=[name])) for name in COLLECTIONS}
    endpoints["organisations"] = absolute(reverse("api:organisation-list"))
    endpoints["people"] = absolute(reverse("api:person-list"))
    return api_response({"endpoints": endpoints})


@read_only
def record_list(request, collection):
    filterset_class = COLLECTIONS.get(collection)
    if filterset_class is None:
        return not_found()
    filterset = filterset_class(request.GET)
    facets = filterset.facets()
    if not filterset.form.is_valid():
        return error_response(
            400, _("A filter value is not valid."), filterset.form.errors.get_json_data()
        )
    records = with_export_relations(filterset.results())
    absolute = request.build_absolute_uri
    return paginated(
        request,
        records,
        lambda record: record_data(record, absolute),
        {"facets": [facet_data(facet) for facet in facets]},
    )


def facet_data(facet):
    return {
        "name": facet.name,
        "label": str(facet.label),
        "options": [
            {
                "value": option.value,
                "label": option.label,
                "count": option.count,
                "selected": option.selected,
            }
            for option in facet.options
        ],
    }


@read_only
def record_detail(request, collection, slug):
    filterset_class = COLLECTIONS.get(collection)
    if filterset_class is None:
        return not_found()
    records = Record.objects.for_detail().defer("search_document", "parent__search_document")
    if filterset_class.kinds:
        records = records.of_kind(*filterset_class.kinds)
    record = records.filter(slug=slug).first()
    if record is None:
        return not_found()
    return api_response({"record": record_detail_data(record, request.build_absolute_uri)})


def record_detail_data(record, absolute_url):
    """A record with its parts (`for_detail()` prefetched them)."""
    return {
        **record_data(record, absolute_url),
        "sections": [
            {"heading": section.heading, "body": section.body} for section in record.sections.all()
        ],
        "points": [
            {"kind": point.kind, "label": point.label, "text": point.text}
            for point in record.points.all()
        ],
        "quotes": [
            {
                "text": quote.text,
                "person": quote.person and {"slug": quote.person.slug, "name": quote.person.name},
                "attribution": quote.attribution,
            }
            for quote in record.quotes.all()
        ],
        "figures": [
            {
                "qualifier": figure.qualifier,
                "value": str(figure.value),
                "unit": figure.unit,
                "label": figure.label,
            }
            for figure in record.figures.all()
        ],
        "children": [summary_data(child, absolute_url) for child in record.children.all()],
    }


def organisation_data(organisation, absolute_url):
    return {
        "slug": organisation.slug,
        "name": organisation.name,
        "acronym": organisation.acronym,
        "url": absolute_url(organisation.get_absolute_url()),
        "website": organisation.url,
        "parent": organisation.parent and organisation.parent.slug,
        "country": organisation.country and organisation.country.iso_code,
    }


@read_only
def organisation_list(request):
    organisations = Organisation.objects.select_related("parent", "country").order_by("name")
    absolute = request.build_absolute_uri
    return paginated(request, organisations, lambda org: organisation_data(org, absolute))


@read_only
def organisation_detail(request, slug):
    organisation = (
        Organisation.objects.select_related("parent", "country").filter(slug=slug).first()
    )
    if organisation is None:
        return not_found()
    return api_response(
        {"organisation": organisation_data(organisation, request.build_absolute_uri)}
    )


def person_data(person, absolute_url):
    """A person as the pages show them; the email address is left out, as on the pages,
    which keep it from harvesters (`has_email` says whether there is one)."""
    return {
        "slug": person.slug,
        "name": person.name,
        "honorific": person.honorific,
        "position": person.position,
        "url": absolute_url(person.get_absolute_url()),
        "organisation": person.organisation
        and {"slug": person.organisation.slug, "name": person.organisation.name},
        "address": person.address,
        "phone": person.phone,
        "has_email": bool(person.email),
        "email_note": person.email_note,
        "roles": [
            {
                "role": contact.role,
                "record": summary_data(contact.record, absolute_url),
            }
            for contact in person.contacts.all()
        ],
    }


@read_only
def person_list(request):
    filterset = PeopleFilterSet(request.GET)
    if not filterset.form.is_valid():
        return error_response(
            400, _("A filter value is not valid."), filterset.form.errors.get_json_data()
        )
    absolute = request.build_absolute_uri
    return paginated(request, filterset.results(), lambda person: person_data(person, absolute))


@read_only
def person_detail(request, slug):
    contacts = PeopleFilterSet.published_contacts().select_related("record").order_by("role")
    person = (
        Person.objects.public()
        .select_related("organisation")
        .prefetch_related(Prefetch("contacts", contacts))
        .filter(slug=slug)
        .first()
    )
    if person is None:
        return not_found()
    return api_response({"person": person_data(person, request.build_absolute_uri)})
