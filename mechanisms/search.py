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

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections
from django.db.models import Case, F, Func, Q, TextField, Value, When

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
            .order_by("-search_rank", "title_en")
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
    return records.filter(matches).annotate(search_rank=rank).order_by("-search_rank", "title_en")


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


def search_document(record, language="en"):
    """The words search finds `record` by in `language`, besides its title: its text and
    parts, the organisations and people it names (with their organisations, positions
    and addresses) and its classification; prefetched by `for_search_text()`."""

    def text(obj, name):
        return text_in(obj, name, language)

    texts = [text(record, name) for name in ("summary", "geographic_focus", "place")]
    texts += [text(record, name) for name in ("date_text", "status_as_written")]
    texts += [text(record, "participants"), text(record, "listed_under")]
    for section in record.sections.all():
        texts += [text(section, "heading"), text(section, "body")]
    for point in record.points.all():
        texts += [text(point, "label"), text(point, "text")]
    for quote in record.quotes.all():
        texts.append(text(quote, "text"))
        texts += (
            person_words(quote.person, language) if quote.person else [text(quote, "attribution")]
        )
    for figure in record.figures.all():
        texts += [text(figure, "unit"), text(figure, "label")]
    for framework in record.frameworks.all():
        texts += [text(framework, "name"), text(framework, "short_name")]
    for involvement in record.involvements.all():
        texts += organisation_names(involvement.organisation, language)
    for contact in record.contacts.all():
        texts += person_words(contact.person, language)
    for terms in (record.countries, record.themes, record.types):
        texts += [text(term, "name") for term in terms.all()]
    texts += [text(sdg, "title") for sdg in record.sdgs.all()]
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
    vendor = connections[records.db].vendor
    every_kind = records.model._meta.concrete_model.objects.using(records.db)
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        batch = list(every_kind.filter(pk__in=chunk).for_search_text())
        for record in batch:
            record.search_document = search_document(record, "en")
            record.search_document_ar = search_document(record, "ar")
            record.search_terms_ar = arabic_terms(record, record.search_document_ar, vendor)
        store_search_texts(every_kind.model, batch, records.db)
        if vendor == "postgresql":
            every_kind.filter(pk__in=chunk).update(search_vector=search_vector())


SEARCH_TEXT_COLUMNS = ("search_document", "search_document_ar", "search_terms_ar")


def store_search_texts(model, records, using):
    """Write the search texts of `records` with one UPDATE statement run for each
    (`executemany`). Django's `bulk_update` builds one statement with a CASE branch per
    record and column, and compiling it took longer than building the texts."""
    connection = connections[using]
    quote = connection.ops.quote_name
    table, key = quote(model._meta.db_table), quote(model._meta.pk.column)
    assignments = ", ".join(f"{quote(column)} = %s" for column in SEARCH_TEXT_COLUMNS)
    # Only the model's own table and column names are in the text; values are parameters.
    statement = f"UPDATE {table} SET {assignments} WHERE {key} = %s"  # nosec B608
    rows = [
        (*(getattr(record, column) for column in SEARCH_TEXT_COLUMNS), record.pk)
        for record in records
    ]
    with connection.cursor() as cursor:
        cursor.executemany(statement, rows)
