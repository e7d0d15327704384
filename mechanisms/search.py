"""Search: the derived search texts of a record, and matching records against words.

A record is found by its title and by its *search text*, derived from everything else a
visitor reads about it (its summary, parts, organisations and people, its
classification), in each language: `search_document` (English), `search_document_ar`
(Arabic, as written) and `search_terms_ar` (the Arabic prepared for matching, see
`mechanisms.arabic`). They are rebuilt whenever what they are made of changes
(`signals.py`). Any word may be asked on any page: English words match the English,
Arabic words the Arabic.

On PostgreSQL the titles (weight A) and search texts (weight B) are matched through the
stored vector `Record.search_vector` (English with the `english` configuration, Arabic
with `arabic`) and its GIN index; a test checks that the results and the facet counts
use it. On SQLite every English word must begin a word of the title or the search text
(an acronym must be a whole word), and every Arabic word's stem must be one of the
stems stored in `search_terms_ar`.
"""

import itertools
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import Case, F, Func, Q, TextField, Value, When
from django.db.models.expressions import Col
from django.db.models.sql import Query

from mechanisms import arabic
from mechanisms.bilingual import is_translated, without_bidi_controls

MAX_SEARCH_WORDS = 12


def search_vector():
    """The titles (weight A) and search texts (weight B) in both languages, as stored
    in `Record.search_vector` on PostgreSQL. The first line of `search_terms_ar` is the
    Arabic title."""
    arabic_title = Func(
        F("search_terms_ar"),
        Value("\n"),
        Value(1),
        function="split_part",
        output_field=TextField(),
    )
    return (
        SearchVector("title_en", weight="A", config="english")
        + SearchVector("search_document", weight="B", config="english")
        + SearchVector(arabic_title, weight="A", config="arabic")
        + SearchVector("search_terms_ar", weight="B", config="arabic")
    )


def split_words(text):
    """(English words, Arabic words) of a query, at most `MAX_SEARCH_WORDS` in all."""
    words = without_bidi_controls(text).split()[:MAX_SEARCH_WORDS]
    return (
        [word for word in words if not arabic.has_arabic(word)],
        [word for word in words if arabic.has_arabic(word)],
    )


def matching(records, text):
    """`records` matching every word of `text`, best first (annotated `search_rank`).

    PostgreSQL: English web-search syntax ("quoted phrases", or, -word) and Arabic words
    over the GIN-indexed vector, ranked by SearchRank. Elsewhere (SQLite): see the
    module's docstring; title matches rank first.
    """
    english, arabic_words = split_words(text)
    if connections[records.db].vendor == "postgresql":
        queries = []
        if english:
            queries.append(
                SearchQuery(" ".join(english), config="english", search_type="websearch")
            )
        if arabic_words:
            prepared = arabic.prepared(" ".join(arabic_words))
            queries.append(SearchQuery(prepared, config="arabic", search_type="plain"))
        if not queries:
            return records.none()
        query = queries[0] if len(queries) == 1 else queries[0] & queries[1]
        return (
            records.filter(search_vector=query)
            .annotate(search_rank=SearchRank(F("search_vector"), query))
            .order_by("-search_rank", "title_en", "pk")
        )
    matches, title_hits = Q(), []
    for pattern in map(sqlite_pattern, english):
        matches &= Q(title_en__iregex=pattern) | Q(search_document__iregex=pattern)
        title_hits.append(Case(When(title_en__iregex=pattern, then=1), default=0))
    for stem in arabic.stems(" ".join(arabic_words)).split():
        pattern = rf"(^|\s){re.escape(stem)}(\s|$)"
        matches &= Q(search_terms_ar__regex=pattern)
        title_hits.append(
            Case(When(search_terms_ar__regex=rf"^[^\n]*?{pattern}", then=1), default=0)
        )
    rank = sum(title_hits, Value(0))
    return (
        records.filter(matches)
        .annotate(search_rank=rank)
        .order_by("-search_rank", "title_en", "pk")
    )


def is_acronym(word):
    """ALO, LAS, IOM: written in capitals, or three letters or fewer."""
    letters = [char for char in word if char.isalpha()]
    return len(letters) <= 3 or (len(letters) > 1 and word.isupper())


def sqlite_pattern(word):
    """Where `word` may match on SQLite: at the start of a word ("migra" finds
    "migration"), and as a whole word for an acronym ("ALO" finds "ALO", not
    "dialogue")."""
    pattern = r"\b" + re.escape(word)
    return pattern + r"\b" if is_acronym(word) else pattern


def text_in(obj, name, language):
    """`obj.name` in `language`: its own column for a translated field; a field that is
    not translated (a person's name, an address) counts as English."""
    if is_translated(type(obj), name):
        return getattr(obj, f"{name}_{language}")
    return getattr(obj, name) if language == "en" else ""


def organisation_names(organisation, language):
    """An organisation's names as search should know them: its name, acronym and official
    name, and those of the organisations it is part of (a centre of a university)."""
    names = []
    while organisation is not None:
        names += [
            text_in(organisation, field, language) for field in ("name", "acronym", "official_name")
        ]
        organisation = organisation.parent
    return names


def person_words(person, language):
    words = [
        text_in(person, "position", language),
        *organisation_names(person.organisation, language),
    ]
    if language == "en":
        words += [person.name, person.address]
    return words


@dataclass
class SearchSources:
    """What a record's search text is made of besides its own fields: its parts in
    document order, its classification, and the organisations and people it names
    (each person with their organisation, each organisation with what it is part of)."""

    record: object
    sections: list
    points: list
    quotes: list  # (quote, the person quoted or None)
    figures: list
    involved: list  # organisations
    contacts: list  # people
    terms: dict  # relation name (countries, sdgs, themes, types, frameworks) → terms

    @classmethod
    def prefetched(cls, record):
        """The sources of a record read with `for_search_text()`."""
        return cls(
            record,
            sections=list(record.sections.all()),
            points=list(record.points.all()),
            quotes=[(quote, quote.person) for quote in record.quotes.all()],
            figures=list(record.figures.all()),
            involved=[involvement.organisation for involvement in record.involvements.all()],
            contacts=[contact.person for contact in record.contacts.all()],
            terms={name: list(getattr(record, name).all()) for name in TERM_RELATIONS},
        )


TERM_RELATIONS = ("countries", "themes", "types", "sdgs", "frameworks")


def in_default_order(terms):
    """Terms in their model's default order, sorted here rather than by the database so
    that the text is the same whatever the database's collation and wherever the terms
    were read from."""
    if not terms:
        return []
    ordering = terms[0]._meta.ordering
    return sorted(terms, key=lambda term: tuple(getattr(term, name) for name in ordering))


def search_document(sources, language="en"):
    """The words search finds a record by in `language`, besides its title: its text and
    parts, the organisations and people it names (with their organisations, positions
    and addresses) and its classification (`SearchSources`)."""

    def text(obj, name):
        return text_in(obj, name, language)

    record = sources.record
    texts = [text(record, name) for name in ("summary", "geographic_focus", "place")]
    texts += [text(record, name) for name in ("date_text", "status_as_written")]
    texts += [text(record, "participants"), text(record, "listed_under")]
    for section in sources.sections:
        texts += [text(section, "heading"), text(section, "body")]
    for point in sources.points:
        texts += [text(point, "label"), text(point, "text")]
    for quote, person in sources.quotes:
        texts.append(text(quote, "text"))
        texts += person_words(person, language) if person else [text(quote, "attribution")]
    for figure in sources.figures:
        texts += [text(figure, "unit"), text(figure, "label")]
    for framework in in_default_order(sources.terms["frameworks"]):
        texts += [text(framework, "name"), text(framework, "short_name")]
    for organisation in sources.involved:
        texts += organisation_names(organisation, language)
    for person in sources.contacts:
        texts += person_words(person, language)
    for name in ("countries", "themes", "types"):
        texts += [text(term, "name") for term in in_default_order(sources.terms[name])]
    texts += [text(sdg, "title") for sdg in in_default_order(sources.terms["sdgs"])]
    return "\n".join(dict.fromkeys(word for word in texts if word))


def arabic_terms(record, document_ar, vendor):
    """The Arabic of a record as the database matches it: the title on the first line,
    then the search text; prepared for PostgreSQL's `arabic` configuration, stemmed for
    SQLite."""
    prepare = arabic.prepared if vendor == "postgresql" else arabic.stems
    return f"{prepare(record.title_ar)}\n{prepare(document_ar)}"


def rebuild_search_documents(records, batch_size=500):
    """Rebuild and store the search texts of `records` (a queryset), a batch at a time."""
    ids = list(records.order_by().values_list("pk", flat=True))
    every_kind = records.model._meta.concrete_model.objects.using(records.db)
    for chunk in itertools.batched(ids, batch_size):
        batch = every_kind.filter(pk__in=chunk).for_search_text()
        write_search_texts([SearchSources.prefetched(record) for record in batch], records.db)


def write_search_texts(sources, using, batch_size=500):
    """Build the search texts of the records of `sources` and store them (and, on
    PostgreSQL, the search vector made of them)."""
    vendor = connections[using].vendor
    for batch in itertools.batched(sources, batch_size):
        records = [source.record for source in batch]
        for source, record in zip(batch, records, strict=True):
            record.search_document = search_document(source, "en")
            record.search_document_ar = search_document(source, "ar")
            record.search_terms_ar = arabic_terms(record, record.search_document_ar, vendor)
        model = type(records[0])._meta.concrete_model
        store_search_texts(model, records, using)


def sources_in_memory(records, parts, links, using):
    """The `SearchSources` of records a load has just created, from the objects in
    memory: `records`, every part of theirs (`parts`), and their links (`links`: record
    pk → relation name → primary keys). The terms, organisations and people they name
    are read by primary key, one query per model (and per level of organisations)."""
    if not records:
        return []
    record_model = type(records[0])._meta.concrete_model
    parts_of = {}
    for part in sorted(parts, key=lambda part: part.position):
        relation = part._meta.get_field("record").related_query_name()
        parts_of.setdefault((part.record_id, relation), []).append(part)
    terms = {}
    for name in TERM_RELATIONS:
        model = record_model._meta.get_field(name).related_model
        wanted = {pk for named in links.values() for pk in named.get(name, ())}
        terms[name] = model._base_manager.using(using).in_bulk(wanted)

    def parts_named(record, relation):
        return parts_of.get((record.pk, relation), [])

    def named(relation, field_name):
        return {
            getattr(part, field_name)
            for record in records
            for part in parts_named(record, relation)
            if getattr(part, field_name) is not None
        }

    person_model = record_model._meta.get_field("people").related_model
    people = person_model._base_manager.using(using).in_bulk(
        named("quotes", "person_id") | named("contacts", "person_id")
    )
    organisations = organisations_with_parents(
        record_model._meta.get_field("organisations").related_model,
        named("involvements", "organisation_id")
        | {person.organisation_id for person in people.values()} - {None},
        using,
    )
    for person in people.values():
        if person.organisation_id is not None:
            person.organisation = organisations[person.organisation_id]

    return [
        SearchSources(
            record,
            sections=parts_named(record, "sections"),
            points=parts_named(record, "points"),
            quotes=[
                (quote, people.get(quote.person_id)) for quote in parts_named(record, "quotes")
            ],
            figures=parts_named(record, "figures"),
            involved=[
                organisations[involvement.organisation_id]
                for involvement in parts_named(record, "involvements")
            ],
            contacts=[people[contact.person_id] for contact in parts_named(record, "contacts")],
            terms={
                name: [terms[name][pk] for pk in links.get(record.pk, {}).get(name, ())]
                for name in TERM_RELATIONS
            },
        )
        for record in records
    ]


def organisations_with_parents(model, ids, using):
    """Primary key → organisation, for `ids` and every organisation they are part of,
    each with its parent set; one query per level."""
    found, asked = {}, set()
    while ids:
        asked |= ids
        found |= model._base_manager.using(using).in_bulk(ids)
        ids = {o.parent_id for o in found.values() if o.parent_id is not None} - asked
    for organisation in found.values():
        if organisation.parent_id is not None:
            organisation.parent = found[organisation.parent_id]
    return found


SEARCH_TEXT_COLUMNS = ("search_document", "search_document_ar", "search_terms_ar")


def vector_of_new_texts(model, connection):
    """SQL and parameters of `search_vector()` for an UPDATE that writes the search texts
    from a row set named `new`: the texts are read from `new`, the other columns (the
    title) from the row updated, so that the vector is the one of the texts written."""
    query = Query(model)
    resolved = search_vector().resolve_expression(query, allow_joins=False)
    replacements = {
        column: Col("new", column.target)
        for column in columns_read(resolved)
        if column.target.name in SEARCH_TEXT_COLUMNS
    }
    return query.get_compiler(connection=connection).compile(
        resolved.replace_expressions(replacements)
    )


def columns_read(expression):
    if isinstance(expression, Col):
        yield expression
    for source in expression.get_source_expressions():
        if source is not None:
            yield from columns_read(source)


def store_search_texts(model, records, using):
    """Write the search texts of `records`: on PostgreSQL one UPDATE from arrays of the
    values (`unnest`), which also writes the search vector made of them; elsewhere one
    UPDATE statement run for each (`executemany`). Django's `bulk_update` builds one
    statement with a CASE branch per record and column, and compiling it took longer
    than building the texts; a second UPDATE for the vector wrote every row twice."""
    connection = connections[using]
    quote = connection.ops.quote_name
    table, key = quote(model._meta.db_table), quote(model._meta.pk.column)
    columns = [model._meta.get_field(name) for name in SEARCH_TEXT_COLUMNS]
    with connection.cursor() as cursor:
        # Only the model's own table and column names and types are in the texts;
        # values are parameters.
        if connection.vendor == "postgresql":
            types = [model._meta.pk.rel_db_type(connection)]
            types += [column.cast_db_type(connection) for column in columns]
            arrays = ", ".join(f"%s::{db_type}[]" for db_type in types)
            names = ", ".join(quote(column.column) for column in columns)
            assignments = ", ".join(f"{quote(c.column)} = new.{quote(c.column)}" for c in columns)
            vector, vector_params = vector_of_new_texts(model, connection)
            statement = (
                f"UPDATE {table} SET {assignments}, "  # nosec B608
                f"{quote(model._meta.get_field('search_vector').column)} = {vector} "
                f"FROM unnest({arrays}) AS new(key, {names}) WHERE {table}.{key} = new.key"
            )
            values = [*vector_params, [record.pk for record in records]]
            values += [[getattr(record, c.attname) for record in records] for c in columns]
            cursor.execute(statement, values)
        else:
            assignments = ", ".join(f"{quote(column.column)} = %s" for column in columns)
            statement = f"UPDATE {table} SET {assignments} WHERE {key} = %s"  # nosec B608
            rows = [
                (*(getattr(record, column.attname) for column in columns), record.pk)
                for record in records
            ]
            cursor.executemany(statement, rows)
