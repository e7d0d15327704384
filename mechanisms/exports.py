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
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils.translation import override
from django.views.decorators.http import require_safe

from mechanisms import fixture_rows
from mechanisms.cache import public_page
from mechanisms.list_fixtures import record_fixture_objects, stream_dump

FORMAT_VERSION = 1
MULTIPLE_VALUES_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def in_chunks(records):
    return records.for_export().iterator(chunk_size=fixture_rows.STREAM_CHUNK_SIZE)


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
        "title": record.title_en,
        "title_ar": record.title_ar,
        "url": absolute_url(record.get_absolute_url()),
    }


def joined(values):
    return MULTIPLE_VALUES_SEPARATOR.join(str(value) for value in values)


@dataclass
class Export:
    """What a download or the API is written for: a URL maker, and whether the public
    (not the editors) will read it."""

    absolute_url: Callable
    public: bool = True


@dataclass
class ExportedField:
    """One field of an exported record: its JSON value and its CSV cells.

    `cells` maps CSV column names to their cell (by default one column, the field's
    name, holding the JSON value); JSON and CSV thus list the same fields in one order.
    """

    name: str
    value: Callable
    cells: dict | None = None

    def csv_cells(self, record, export):
        if self.cells is None:
            return {self.name: self.value(record, export)}
        return {column: cell(record, export) for column, cell in self.cells.items()}


def plain(name):
    return ExportedField(name, lambda record, export: getattr(record, name))


def english_and_arabic(name):
    """A translated field as two fields: `name` (English, the documents' language) and
    `name_ar`."""
    return [
        ExportedField(name, lambda record, export: getattr(record, f"{name}_en")),
        ExportedField(f"{name}_ar", lambda record, export: getattr(record, f"{name}_ar")),
    ]


def date(name):
    return ExportedField(name, lambda record, export: iso(getattr(record, name)))


def parent_data(record, export):
    parent = shown_parent(record, export.public)
    return None if parent is None else summary_data(parent, export.absolute_url)


def budget_data(record, export):
    if record.budget_amount is None:
        return None
    return {
        "amount": str(record.budget_amount),
        "currency": record.budget_currency,
        "year": record.budget_year,
    }


def parent_cell(attribute):
    def cell(record, export):
        parent = shown_parent(record, export.public)
        return getattr(parent, attribute) if parent else ""

    return cell


def terms(relation, key, name="name", csv_by_key=False):
    """A vocabulary relation (countries, themes, ...) in JSON: the key, the English and
    the Arabic name; in CSV the English names, then the Arabic ones, each list in a cell
    (or the keys only, `csv_by_key`, as SDGs are given by number)."""

    def cell(language):
        attribute = key if csv_by_key else f"{name}_{language}"
        return lambda r, e: joined(getattr(term, attribute) for term in getattr(r, relation).all())

    cells = (
        {relation: cell("en")}
        if csv_by_key
        else {relation: cell("en"), f"{relation}_ar": cell("ar")}
    )
    return ExportedField(
        relation,
        lambda r, e: [
            {
                key: getattr(term, key),
                name: getattr(term, f"{name}_en"),
                f"{name}_ar": getattr(term, f"{name}_ar"),
            }
            for term in getattr(r, relation).all()
        ],
        cells,
    )


def organisation_data(involvement):
    organisation = involvement.organisation
    return {
        "slug": organisation.slug,
        "name": organisation.name_en,
        "name_ar": organisation.name_ar,
        "acronym": organisation.acronym_en,
        "role": involvement.role,
    }


def roles_cell(language, parts, name):
    """`Name (Role); …` in `language`: names and role labels in that language."""

    def cell(record, export):
        with override(language):
            return joined(
                f"{getattr(part, name)} ({part.get_role_display()})"
                for part in getattr(record, parts).all()
            )

    return cell


# Every field of an exported record (format version 1), in order: the JSON API, the JSON
# download and the CSV download all follow this list. A translated field comes as its
# English (the source documents' language) and its Arabic (`_ar`).
RECORD_FIELDS = [
    plain("kind"),
    plain("slug"),
    ExportedField("url", lambda r, e: e.absolute_url(r.get_absolute_url())),
    *english_and_arabic("title"),
    *english_and_arabic("summary"),
    plain("publication"),
    ExportedField(
        "source",
        lambda r, e: {
            "slug": r.source.slug,
            "title": r.source.title_en,
            "title_ar": r.source.title_ar,
        },
        {"source": lambda r, e: r.source.title_en},
    ),
    ExportedField(
        "parent",
        parent_data,
        {"parent": parent_cell("title_en"), "parent_slug": parent_cell("slug")},
    ),
    plain("position"),
    *english_and_arabic("listed_under"),
    terms("countries", "iso_code"),
    terms("sdgs", "number", name="title", csv_by_key=True),
    terms("themes", "slug"),
    terms("types", "slug"),
    ExportedField(
        "frameworks",
        lambda r, e: [
            {
                "slug": f.slug,
                "name": f.name_en,
                "name_ar": f.name_ar,
                "short_name": f.short_name_en,
            }
            for f in r.frameworks.all()
        ],
        {
            "frameworks": lambda r, e: joined(f.name_en for f in r.frameworks.all()),
            "frameworks_ar": lambda r, e: joined(f.name_ar for f in r.frameworks.all()),
        },
    ),
    ExportedField(
        "organisations",
        lambda r, e: [organisation_data(involvement) for involvement in r.involvements.all()],
        {
            "organisations": roles_cell("en", "involvements", "organisation"),
            "organisations_ar": roles_cell("ar", "involvements", "organisation"),
        },
    ),
    ExportedField(
        "people",
        lambda r, e: [
            {"slug": contact.person.slug, "name": contact.person.name, "role": contact.role}
            for contact in r.contacts.all()
        ],
        {"people": roles_cell("en", "contacts", "person")},
    ),
    *english_and_arabic("geographic_focus"),
    plain("activity_type"),
    plain("structure_type"),
    plain("status"),
    *english_and_arabic("status_as_written"),
    date("start_date"),
    date("end_date"),
    plain("year"),
    *english_and_arabic("date_text"),
    *english_and_arabic("date_note"),
    *english_and_arabic("place"),
    *english_and_arabic("participants"),
    ExportedField(
        "budget",
        budget_data,
        {
            "budget_amount": lambda r, e: r.budget_amount,
            "budget_currency": lambda r, e: r.budget_currency,
            "budget_year": lambda r, e: r.budget_year,
        },
    ),
    plain("reported_national_networks"),
    plain("participating_agencies"),
    plain("translated_by"),
    plain("translation_reviewed"),
    date("last_reviewed"),
    date("updated_at"),
]

CSV_COLUMNS = [
    column
    for exported in RECORD_FIELDS
    for column in (exported.cells.keys() if exported.cells is not None else [exported.name])
]


def record_data(record, absolute_url, public=True):
    """A record as the JSON API and the JSON download give it (format version 1).

    `absolute_url` turns a path into a full URL (`request.build_absolute_uri`).
    """
    export = Export(absolute_url, public)
    return {exported.name: exported.value(record, export) for exported in RECORD_FIELDS}


def csv_row(record, absolute_url, public=True):
    """The CSV cells of a record, in the order of `CSV_COLUMNS`."""
    export = Export(absolute_url, public)
    cells = {}
    for exported in RECORD_FIELDS:
        cells |= exported.csv_cells(record, export)
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
    stream = lines(records, absolute_url, public)
    # The opening and the first record before the response starts: its query runs here,
    # so a database that cannot answer fails the request with an error status, never a
    # 200 cut off after its first line.
    head = list(itertools.islice(stream, 2))
    response = StreamingHttpResponse(
        (line.encode() for line in itertools.chain(head, stream)),
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
    @public_page
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
