"""The read-only JSON API: every kind of record, organisations and people.

Lists take the very filters of the pages (the same FilterSets), report unknown values
as the pages do, and are paginated with `page` and `per_page`. Every response is an
object with `"version": 1`; its keys are documented in README.md ("JSON API") and only
ever added to within a version. Bad input gives 400 (or 404) with a JSON body, never 500.
Each request runs a fixed number of queries, whatever the page size.
"""

from functools import wraps

from django import forms
from django.db.models import Prefetch
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt

from directory.filters import AllRecordsFilterSet
from mechanisms.cache import public_page
from mechanisms.exports import record_data, summary_data
from mechanisms.filters import PeopleFilterSet
from mechanisms.kinds import registry
from mechanisms.models import Contact, Organisation, Person, Record
from mechanisms.models.records import CHILDREN_SHOWN, DERIVED_FIELDS
from mechanisms.views import CountedPaginator

API_VERSION = 1
DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100


def collections():
    """The collections of records, each with the FilterSet of its page: every record,
    then each kind under its URL prefix."""
    return {
        "records": AllRecordsFilterSet,
        **{kind.url_prefix: kind.filterset_class for kind in registry},
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
    """GET and HEAD (served from the cache like every public page), with every other
    method refused in JSON. No CSRF check: the API never writes, and a refusal must be
    JSON too."""
    cached_view = public_page(view)

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = error_response(405, _("The API is read-only: use GET."))
            response["Allow"] = "GET, HEAD"
            return response
        return cached_view(request, *args, **kwargs)

    return wrapper


@read_only
def unknown_path(request):
    """Any other path under /api/ (and slugs the URL patterns refuse): a JSON 404."""
    return not_found()


def paginated(request, items, serialize_item, extra=None, count=None):
    """A page of `items` as the API gives it, or a 400 response naming the bad parameter.
    `count`: the number of items, when the caller has counted them already."""
    paging = PageForm(request.GET)
    if not paging.is_valid():
        return error_response(400, _("Invalid page."), paging.errors.get_json_data())
    number = paging.cleaned_data["page"] or 1
    per_page = paging.cleaned_data["per_page"] or DEFAULT_PER_PAGE
    paginator = CountedPaginator(items, per_page, count)
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
    endpoints = {name: absolute(reverse("api:record-list", args=[name])) for name in collections()}
    endpoints["organisations"] = absolute(reverse("api:organisation-list"))
    endpoints["people"] = absolute(reverse("api:person-list"))
    return api_response({"endpoints": endpoints})


@read_only
def record_list(request, collection):
    filterset_class = collections().get(collection)
    if filterset_class is None:
        return not_found()
    filterset = filterset_class(request.GET)
    facets = filterset.facets()
    if not filterset.form.is_valid():
        return error_response(
            400, _("A filter value is not valid."), filterset.form.errors.get_json_data()
        )
    records = filterset.results().for_export()
    absolute = request.build_absolute_uri
    return paginated(
        request,
        records,
        lambda record: record_data(record, absolute),
        {"facets": [facet_data(facet) for facet in facets]},
        filterset.results_count,
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
    filterset_class = collections().get(collection)
    if filterset_class is None:
        return not_found()
    records = Record.objects.for_detail().defer(
        *DERIVED_FIELDS, *(f"parent__{name}" for name in DERIVED_FIELDS)
    )
    if filterset_class.kinds:
        records = records.of_kind(*filterset_class.kinds)
    record = records.filter(slug=slug).first()
    if record is None:
        return not_found()
    return api_response({"record": record_detail_data(record, request.build_absolute_uri)})


def record_detail_data(record, absolute_url):
    """A record with its parts (`for_detail()` prefetched them) and the first
    `CHILDREN_SHOWN` records that belong to it; `?part_of=<slug>` lists them all."""
    children = record.first_children[:CHILDREN_SHOWN]
    children_count = (
        Record.objects.published().filter(parent=record).count()
        if len(record.first_children) > CHILDREN_SHOWN
        else len(children)
    )
    return {
        **record_data(record, absolute_url),
        "sections": [
            {
                "heading": section.heading_en,
                "heading_ar": section.heading_ar,
                "body": section.body_en,
                "body_ar": section.body_ar,
            }
            for section in record.sections.all()
        ],
        "points": [
            {
                "kind": point.kind,
                "label": point.label_en,
                "label_ar": point.label_ar,
                "text": point.text_en,
                "text_ar": point.text_ar,
            }
            for point in record.points.all()
        ],
        "quotes": [
            {
                "text": quote.text_en,
                "text_ar": quote.text_ar,
                "person": quote.person and {"slug": quote.person.slug, "name": quote.person.name},
                "attribution": quote.attribution_en,
                "attribution_ar": quote.attribution_ar,
            }
            for quote in record.quotes.all()
        ],
        "figures": [
            {
                "qualifier": figure.qualifier,
                "value": str(figure.value),
                "unit": figure.unit_en,
                "unit_ar": figure.unit_ar,
                "label": figure.label_en,
                "label_ar": figure.label_ar,
            }
            for figure in record.figures.all()
        ],
        "children": [summary_data(child, absolute_url) for child in children],
        "children_count": children_count,
    }


def organisation_data(organisation, absolute_url):
    return {
        "slug": organisation.slug,
        "name": organisation.name_en,
        "name_ar": organisation.name_ar,
        "acronym": organisation.acronym_en,
        "official_name": organisation.official_name_en,
        "url": absolute_url(organisation.get_absolute_url()),
        "website": organisation.url,
        "parent": organisation.parent and organisation.parent.slug,
        "country": organisation.country and organisation.country.iso_code,
    }


@read_only
def organisation_list(request):
    organisations = Organisation.objects.select_related("parent", "country").order_by("name_en")
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
        "honorific": person.honorific_en,
        "position": person.position_en,
        "position_ar": person.position_ar,
        "url": absolute_url(person.get_absolute_url()),
        "organisation": person.organisation
        and {
            "slug": person.organisation.slug,
            "name": person.organisation.name_en,
            "name_ar": person.organisation.name_ar,
        },
        "address": person.address,
        "phone": person.phone,
        "has_email": bool(person.email),
        "email_note": person.email_note_en,
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
    contacts = Contact.objects.of_published_records().select_related("record").order_by("role")
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
