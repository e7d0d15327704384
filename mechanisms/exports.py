"""Downloads of lists of records: CSV, JSON and fixture JSON, streamed.

A download of a list starts from the FilterSet of its page, so it holds exactly the
records the page lists, across all pages and in the page's order. Rows are read in chunks
(`iterator(chunk_size=...)`, with the prefetches done per chunk) and written as they come:
a download of 100,000 records never holds them all in memory.

- CSV: UTF-8 with a byte order mark (spreadsheet programs then read Arabic correctly),
  one row per record, several values in one cell joined with "; ", and any cell that
  begins with =, +, -, @, a tab or a carriage return prefixed with ' so that spreadsheet
  programs do not run it as a formula.
- JSON: ``{"version": 1, "records": [...]}``, each record as the JSON API lists it
  (`record_data`).
- Fixture JSON: what `manage.py import_fixtures` loads (see `mechanisms.list_fixtures`).
"""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.views.decorators.http import require_safe

from mechanisms import list_fixtures
from mechanisms.list_fixtures import record_fixture_objects, stream_dump
from mechanisms.models import Contact, Involvement

FORMAT_VERSION = 1
MULTIPLE_VALUES_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def with_export_relations(records):
    """Records with everything `record_data` and `csv_row` read, in a fixed number of
    queries per chunk; the search text, never exported, is left in the database."""
    return (
        records.select_related("source", "parent")
        .prefetch_related(None)
        .prefetch_related(
            "countries",
            "sdgs",
            "themes",
            "types",
            "frameworks",
            Prefetch("involvements", Involvement.objects.select_related("organisation")),
            Prefetch("contacts", Contact.objects.select_related("person")),
        )
        .defer("search_document", "parent__search_document")
    )


def in_chunks(records):
    return with_export_relations(records).iterator(chunk_size=list_fixtures.STREAM_CHUNK_SIZE)


def iso(value):
    return value.isoformat() if value is not None else None


def shown_parent(record, public=True):
    """The parent a reader can follow: none when it is not published (unless editors are
    the readers)."""
    parent = record.parent
    if parent is None or (public and not parent.is_published):
        return None
    return parent


def summary_data(record, absolute_url):
    """A record referred to from another: its parent, its children."""
    return {
        "kind": record.kind,
        "slug": record.slug,
        "title": record.title,
        "url": absolute_url(record.get_absolute_url()),
    }


def record_data(record, absolute_url, public=True):
    """A record as the JSON API and the JSON download give it (format version 1).

    `absolute_url` turns a path into a full URL (`request.build_absolute_uri`).
    """
    parent = shown_parent(record, public)
    budget = None
    if record.budget_amount is not None:
        budget = {
            "amount": str(record.budget_amount),
            "currency": record.budget_currency,
            "year": record.budget_year,
        }
    return {
        "kind": record.kind,
        "slug": record.slug,
        "url": absolute_url(record.get_absolute_url()),
        "title": record.title,
        "summary": record.summary,
        "publication": record.publication,
        "source": {"slug": record.source.slug, "title": record.source.title},
        "parent": None if parent is None else summary_data(parent, absolute_url),
        "position": record.position,
        "countries": [{"iso_code": c.iso_code, "name": c.name} for c in record.countries.all()],
        "sdgs": [{"number": sdg.number, "title": sdg.title} for sdg in record.sdgs.all()],
        "themes": [{"slug": theme.slug, "name": theme.name} for theme in record.themes.all()],
        "types": [{"slug": type_.slug, "name": type_.name} for type_ in record.types.all()],
        "frameworks": [
            {"slug": f.slug, "name": f.name, "short_name": f.short_name}
            for f in record.frameworks.all()
        ],
        "organisations": [
            {
                "slug": involvement.organisation.slug,
                "name": involvement.organisation.name,
                "acronym": involvement.organisation.acronym,
                "role": involvement.role,
            }
            for involvement in record.involvements.all()
        ],
        "people": [
            {"slug": contact.person.slug, "name": contact.person.name, "role": contact.role}
            for contact in record.contacts.all()
        ],
        "geographic_focus": record.geographic_focus,
        "activity_type": record.activity_type,
        "structure_type": record.structure_type,
        "status": record.status,
        "start_date": iso(record.start_date),
        "end_date": iso(record.end_date),
        "year": record.year,
        "date_text": record.date_text,
        "place": record.place,
        "participants": record.participants,
        "budget": budget,
        "reported_national_networks": record.reported_national_networks,
        "participating_agencies": record.participating_agencies,
        "last_reviewed": iso(record.last_reviewed),
        "updated_at": iso(record.updated_at),
    }


CSV_COLUMNS = [
    "kind",
    "slug",
    "title",
    "url",
    "summary",
    "publication",
    "source",
    "parent",
    "parent_slug",
    "countries",
    "sdgs",
    "themes",
    "types",
    "frameworks",
    "organisations",
    "people",
    "geographic_focus",
    "activity_type",
    "structure_type",
    "status",
    "start_date",
    "end_date",
    "year",
    "date_text",
    "place",
    "participants",
    "budget_amount",
    "budget_currency",
    "budget_year",
    "reported_national_networks",
    "participating_agencies",
    "last_reviewed",
    "updated_at",
]


def joined(values):
    return MULTIPLE_VALUES_SEPARATOR.join(str(value) for value in values)


def csv_row(record, absolute_url, public=True):
    """The CSV cells of a record, in the order of `CSV_COLUMNS`."""
    parent = shown_parent(record, public)
    cells = {
        "kind": record.kind,
        "slug": record.slug,
        "title": record.title,
        "url": absolute_url(record.get_absolute_url()),
        "summary": record.summary,
        "publication": record.publication,
        "source": record.source.title,
        "parent": parent.title if parent else "",
        "parent_slug": parent.slug if parent else "",
        "countries": joined(country.name for country in record.countries.all()),
        "sdgs": joined(sdg.number for sdg in record.sdgs.all()),
        "themes": joined(theme.name for theme in record.themes.all()),
        "types": joined(type_.name for type_ in record.types.all()),
        "frameworks": joined(record.frameworks.all()),
        "organisations": joined(record.involvements.all()),
        "people": joined(record.contacts.all()),
        "geographic_focus": record.geographic_focus,
        "activity_type": record.activity_type,
        "structure_type": record.structure_type,
        "status": record.status,
        "start_date": iso(record.start_date),
        "end_date": iso(record.end_date),
        "year": record.year,
        "date_text": record.date_text,
        "place": record.place,
        "participants": record.participants,
        "budget_amount": record.budget_amount,
        "budget_currency": record.budget_currency,
        "budget_year": record.budget_year,
        "reported_national_networks": record.reported_national_networks,
        "participating_agencies": record.participating_agencies,
        "last_reviewed": iso(record.last_reviewed),
        "updated_at": iso(record.updated_at),
    }
    return [neutralised(cells[column]) for column in CSV_COLUMNS]


def neutralised(value):
    """A cell a spreadsheet program shows as text, never runs as a formula (OWASP)."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class Echo:
    """A file-like object whose `write` hands the line back (Django's streaming CSV)."""

    def write(self, value):
        return value


def csv_lines(records, absolute_url, public=True):
    writer = csv.writer(Echo())
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)
    for record in in_chunks(records):
        yield writer.writerow(csv_row(record, absolute_url, public))


def json_lines(records, absolute_url, public=True):
    yield f'{{"version": {FORMAT_VERSION}, "records": ['
    for index, record in enumerate(in_chunks(records)):
        data = json.dumps(record_data(record, absolute_url, public), cls=DjangoJSONEncoder)
        yield ("\n" if index == 0 else ",\n") + data
    yield "\n]}\n"


def fixture_lines(records, absolute_url, public=True):
    return stream_dump(record_fixture_objects(records, public=public))


FORMATS = {
    "csv": (csv_lines, "text/csv; charset=utf-8"),
    "json": (json_lines, "application/json"),
    "fixture.json": (fixture_lines, "application/json"),
}


def export_response(records, export_format, basename, absolute_url, public=True):
    """A streamed download of `records` in one of `FORMATS`; `public`: the public
    downloads, where an unpublished parent is neither shown nor exported."""
    lines, content_type = FORMATS[export_format]
    response = StreamingHttpResponse(
        (line.encode() for line in lines(records, absolute_url, public)),
        content_type=content_type,
    )
    response["Content-Disposition"] = f'attachment; filename="{basename}.{export_format}"'
    return response


def filter_error_response(filterset):
    """400, with the filter errors as the page would list them."""
    lines = [
        f"{label}: {message}" if label else message for label, message in filterset.error_messages()
    ]
    return HttpResponse("\n".join(lines), status=400, content_type="text/plain; charset=utf-8")


def export_view(filterset_class, basename):
    """The downloads of a list page: `<list>/export.<format>?<the page's filters>`."""

    @require_safe
    def view(request, export_format):
        if export_format not in FORMATS:
            raise Http404
        filterset = filterset_class(request.GET)
        if not filterset.is_valid():
            return filter_error_response(filterset)
        return export_response(
            filterset.results(), export_format, basename, request.build_absolute_uri
        )

    return view
