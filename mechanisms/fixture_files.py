"""Reading and writing the directory's fixture files.

Layout of a fixtures directory:

    reference/<name>.json    the shared vocabulary (SDGs, countries, organisations, ...)
    documents/<slug>.json    one per source document: its people, records and their parts

Files are Django's JSON fixture format with natural keys only, written in a fixed order
with a fixed layout, so that loading them and exporting again gives the same bytes.

Loading is stricter than `loaddata`: everything happens in one transaction, every object
is validated with `full_clean()`, an object that exists with other content is refused
unless asked otherwise, and any error rolls everything back and is reported with its
file, object and field. New objects go the bulk path (`bulk_import`); whatever it does
not decide, and every error, is left to the per-object loader here, which names it.
"""

import itertools
import json
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from json.encoder import encode_basestring
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    FieldDoesNotExist,
    ObjectDoesNotExist,
    ValidationError,
)
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models import ForeignObjectRel, IntegerField
from django.utils import timezone
from simple_history.utils import get_change_reason_from_object, get_history_manager_for_model

from mechanisms import bilingual, bulk_import, search
from mechanisms.cache import data_changed
from mechanisms.fixture_rows import NOT_EXPORTED, serialized_rows
from mechanisms.kinds import registry
from mechanisms.models import (
    RECORD_HISTORY,
    RECORD_PARTS,
    SDG,
    Country,
    Framework,
    Organisation,
    Record,
    RecordPart,
    Source,
    Theme,
    Type,
)
from mechanisms.models.natural_keys import remembered_natural_keys

REFERENCE_FILES = [
    ("sources", Source),
    ("sdgs", SDG),
    ("countries", Country),
    ("themes", Theme),
    ("types", Type),
    ("frameworks", Framework),
    ("organisations", Organisation),
]

# What an import may write: the directory's data, never accounts, groups, sessions, or
# history rows and the cache's version, which the loader writes itself.
IMPORTABLE_APPS = {"mechanisms", "network"}
NOT_IMPORTABLE = {"dataversion"}
# The longest text of the five documents is about 1,300 characters; a value far past
# that is a mistake or an attack on the pages that would show it.
MAX_TEXT_CHARACTERS = 20_000


class Conflict:
    """What to do with an object that exists with other content."""

    REFUSE = "refuse"
    UPDATE = "update"
    KEEP = "keep"


@dataclass
class FixtureError:
    file: str
    message: str
    index: int | None = None
    label: str = ""
    key: str = ""
    field: str = ""

    def __str__(self):
        where = self.file
        if self.index is not None:
            where += f", object {self.index}"
            if self.label:
                where += f" ({self.label}{' ' + self.key if self.key else ''})"
        if self.field:
            where += f", field “{self.field}”"
        return f"{where}: {shortened(self.message)}"


EXCERPT_LENGTH = 60
# A value quoted in a message (“…” or '…'), or any run without spaces, past 2 excerpts.
LONG_VALUE = re.compile(
    rf"(?<=“)[^”]{{{EXCERPT_LENGTH * 2},}}(?=”)|(?<=')[^']{{{EXCERPT_LENGTH * 2},}}(?=')"
    rf"|\S{{{EXCERPT_LENGTH * 2},}}"
)


def shortened(message):
    """The message with any long value in it cut to an excerpt: an error quotes a bad
    value, it does not echo 100,000 characters of it."""
    return LONG_VALUE.sub(
        lambda value: f"{value.group()[:EXCERPT_LENGTH]}… ({len(value.group()):,} characters)",
        message,
    )


# A file with thousands of problems usually repeats one mistake: the first ones say what
# it is, the count says how far it goes.
ERRORS_SHOWN = 50


class FixtureRefused(Exception):
    """Raised with every error found; nothing was written."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))

    def summary(self, outcome):
        """`outcome`, the count of problems, the first ERRORS_SHOWN and how many more."""
        count = len(self.errors)
        lines = [f"{outcome}: {count:,} problem{'s' if count != 1 else ''} found."]
        lines += [str(error) for error in self.errors[:ERRORS_SHOWN]]
        if count > ERRORS_SHOWN:
            lines.append(f"… and {count - ERRORS_SHOWN:,} more, not shown.")
        return "\n".join(lines)


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    kept: list = field(default_factory=list)
    objects_read: int = 0


def proxy_models():
    """The per-kind proxy of each record kind."""
    return {kind.value: kind.model for kind in registry}


def tree_order(records):
    """Records, given as (pk, parent pk, position, slug, …) rows: each followed by its
    children in position order, roots by slug."""
    by_parent = {}
    for record in records:
        by_parent.setdefault(record[1], []).append(record)
    ids = {record[0] for record in records}
    roots = [record for record in records if record[1] not in ids]
    ordered = []

    def visit(record):
        ordered.append(record)
        for child in sorted(by_parent.get(record[0], []), key=lambda row: (row[2], row[3])):
            visit(child)

    for root in sorted(roots, key=lambda row: row[3]):
        visit(root)
    return ordered


def document_objects(source):
    """The serialized objects of one source document, in a stable order."""
    labels = {kind: model._meta.label_lower for kind, model in proxy_models().items()}
    objects = [item for item, _extra in serialized_rows(source.people.order_by("slug"))]
    records = tree_order(
        [
            (*extra, item)
            for item, extra in serialized_rows(
                Record.objects.filter(source=source),
                extra=("id", "parent_id", "position", "slug", "kind"),
            )
        ]
    )
    rank = {pk: index for index, (pk, *_rest) in enumerate(records)}
    for *_key, kind, item in records:
        item["model"] = labels[kind]
        objects.append(item)
    for part_model in RECORD_PARTS:
        parts = serialized_rows(
            part_model.objects.filter(record__source=source), extra=("record_id", "position")
        )
        objects += [
            item for item, _key in sorted(parts, key=lambda part: (rank[part[1][0]], part[1][1]))
        ]
    return objects


def dump(objects):
    """JSON with one field per line and short lists (natural keys) kept on one line."""
    return layout(objects, 0) + "\n"


# Dates, decimals and the like written as Django's fixtures write them.
INLINE_JSON = DjangoJSONEncoder(ensure_ascii=False)


# The values of most fields, written without a call to the JSON encoder (whose call per
# value took a third of an export's time), found by their exact type in one lookup.
PLAIN_JSON = {
    str: encode_basestring,
    int: int.__repr__,
    bool: lambda value: "true" if value else "false",
    type(None): lambda value: "null",
}


def layout(value, depth, width=96):
    """`value` as JSON at `depth`: a value, or a list without objects that fits in
    `width`, on one line; anything else one item per line."""
    plain = PLAIN_JSON.get(type(value))
    if plain is not None:
        return plain(value)
    if not isinstance(value, dict | list | tuple):
        return inline(value)
    if depth > 0 and not isinstance(value, dict):
        text = inline(value)
        if text is not None and len(text) + 2 * depth <= width:
            return text
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [
            f"{inner}{encode_basestring(key)}: {layout(item, depth + 1)}"
            for key, item in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if not value:
        return "[]"
    items = [f"{inner}{layout(item, depth + 1)}" for item in value]
    return "[\n" + ",\n".join(items) + "\n" + pad + "]"


def inline(value):
    """`value` on one line, as `INLINE_JSON` writes it; None if it holds an object."""
    plain = PLAIN_JSON.get(type(value))
    if plain is not None:
        return plain(value)
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, list | tuple):
        items = [inline(item) for item in value]
        return None if None in items else "[" + ", ".join(items) + "]"
    if isinstance(value, dict):
        return None
    return INLINE_JSON.encode(value)


def export_directory(directory):
    """Write every fixture file into `directory`; return the paths written."""
    directory = Path(directory)
    written = []
    for name, model in REFERENCE_FILES:
        written.append(write(directory / "reference" / f"{name}.json", serialize_all(model)))
    for source in Source.objects.documents().order_by("seed_file"):
        path = directory / "documents" / f"{source.slug}.json"
        written.append(write(path, document_objects(source)))
    for stale in set((directory / "documents").glob("*.json")) - set(written):
        stale.unlink()
    return written


def serialize_all(model):
    queryset = model.objects.order_by(*model._meta.ordering)
    return [item for item, _extra in serialized_rows(queryset)]


def write(path, objects):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(objects), encoding="utf-8")
    return path


def fixture_paths(directory):
    """Every fixture file of a directory, reference files first, in loading order."""
    directory = Path(directory)
    reference = [directory / "reference" / f"{name}.json" for name, _model in REFERENCE_FILES]
    documents = sorted((directory / "documents").glob("*.json"))
    return [path for path in reference if path.exists()] + documents


def read_objects(path):
    """The list of raw objects in a file, or FixtureRefused naming what is wrong."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FixtureRefused([FixtureError(name, "no such file")]) from None
    except IsADirectoryError:
        raise FixtureRefused([FixtureError(name, "a directory, not a fixture file")]) from None
    except UnicodeDecodeError as error:
        raise FixtureRefused([FixtureError(name, f"not UTF-8 text ({error.reason})")]) from None
    if not text.strip():
        raise FixtureRefused([FixtureError(name, "the file is empty")])
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise FixtureRefused([FixtureError(name, f"a NUL character at line {line}")])
    try:
        data = json.loads(text, object_pairs_hook=without_duplicate_keys)
    except json.JSONDecodeError as error:
        message = f"invalid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise FixtureRefused([FixtureError(name, message)]) from None
    except DuplicateKey as duplicate:
        message = f"invalid JSON: the key “{duplicate}” twice in one object"
        raise FixtureRefused([FixtureError(name, message)]) from None
    except RecursionError:
        raise FixtureRefused([FixtureError(name, "invalid JSON: nested too deeply")]) from None
    if not isinstance(data, list):
        raise FixtureRefused([FixtureError(name, "expected a JSON list of objects")])
    errors = []
    for index, raw in enumerate(data, start=1):
        if not isinstance(raw, dict) or not isinstance(raw.get("fields"), dict):
            errors.append(FixtureError(name, "expected an object with “model” and “fields”", index))
        elif not isinstance(raw.get("model"), str):
            errors.append(FixtureError(name, "“model” is missing", index))
        else:
            errors += [
                FixtureError(name, message, index, raw["model"], field=field_name)
                for field_name, message in in_source_language_columns(raw)
            ]
    if errors:
        raise FixtureRefused(errors)
    return data


class DuplicateKey(ValueError):
    pass


def without_duplicate_keys(pairs):
    """A JSON object as a dict, refusing a key given twice (json keeps the last one)."""
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise DuplicateKey(key)
        obj[key] = value
    return obj


def importable(model):
    """Only the directory's own data: not accounts, groups, sessions or history rows,
    which a file could otherwise forge."""
    return (
        model._meta.app_label in IMPORTABLE_APPS
        and not model.__name__.startswith("Historical")
        and model._meta.model_name not in NOT_IMPORTABLE
    )


def in_source_language_columns(raw):
    """Move a translated field given by its plain name (`title`, as fixtures were written
    before the site was bilingual) to its English column (`title_en`): the text is the
    source documents' English. Yields (field, message) for a field given both ways."""
    try:
        model = apps.get_model(raw["model"])
    except (LookupError, ValueError):
        return
    fields = raw["fields"]
    for name in [name for name in fields if bilingual.is_translated(model, name)]:
        column = bilingual.columns(model, name)[0]
        if column in fields:
            yield name, f"given twice, as “{name}” and as “{column}”: keep one"
        else:
            fields[column] = fields.pop(name)


@dataclass
class Pending:
    """One object of a file on its way into the database."""

    file: str
    index: int
    raw: dict
    deserialized: object = None
    updated: bool = False

    @property
    def label(self):
        return self.raw.get("model", "")

    @property
    def key(self):
        obj = self.deserialized.object if self.deserialized else None
        if obj is not None and hasattr(obj, "natural_key"):
            try:
                return "“" + "/".join(str(part) for part in obj.natural_key()) + "”"
            except ObjectDoesNotExist:
                pass
        return ""

    def error(self, message, field_name=""):
        return FixtureError(self.file, message, self.index, self.label, self.key, field_name)


def load_files(paths, *, conflict=Conflict.REFUSE, dry_run=False, using=DEFAULT_DB_ALIAS):
    """Load fixture files all or nothing; return a LoadReport or raise FixtureRefused."""
    errors = []
    pending = []
    for path in paths:
        try:
            raws = read_objects(path)
        except FixtureRefused as refused:
            errors += refused.errors
            continue
        pending += [Pending(str(path), index, raw) for index, raw in enumerate(raws, start=1)]
    if errors:
        raise FixtureRefused(errors)

    with transaction.atomic(using=using):
        report, saved, inserted = load_in_bulk(pending, conflict, using) or load_one_by_one(
            pending, conflict, using
        )
        write_history(saved, using)
        refresh_search_documents(saved, inserted, using)
        data_changed(using)
        if len(saved) >= ANALYZE_AFTER_OBJECTS:
            transaction.on_commit(partial(refresh_statistics, tables_written(saved), using), using)
        if dry_run:
            transaction.set_rollback(True, using=using)
    return report


# A load that writes this many objects refreshes the planner's statistics of the tables
# it wrote once it commits (`refresh_statistics`), rather than leave the first queries to
# plans made for the tables before (until autovacuum comes by, a minute or more later).
ANALYZE_AFTER_OBJECTS = 1000


def tables_written(saved):
    """The tables a load wrote: each saved object's, its many-to-many links' and those
    of its history."""
    tables = set()
    for model in {item.deserialized.object._meta.concrete_model for item in saved}:
        related = [model, *(f.remote_field.through for f in model._meta.local_many_to_many)]
        if hasattr(model._meta, "simple_history_manager_attribute"):
            related.append(get_history_manager_for_model(model).model)
        if model is Record:
            related += RECORD_HISTORY.m2m_models.values()
        tables |= {related_model._meta.db_table for related_model in related}
    return sorted(tables)


def directory_tables():
    """Every table of the directory's data: its models', their links' and their
    history's. The smallest of them (17 goals, 23 countries) never change enough for
    autovacuum to analyse them, and a join planned without their statistics can sort
    every link row to disk (the home page's goals with their counts at 10,000 records)."""
    models = [
        model
        for label in ("mechanisms", "network")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    return sorted({model._meta.db_table for model in models})


def refresh_statistics(tables, using):
    """Fresh planner statistics for `tables` after a bulk write, and on PostgreSQL,
    outside a transaction, a VACUUM of them too.

    A bulk write leaves a dead row version for each row it wrote twice (a record's search
    text is written after the record) and no page marked all-visible. Until autovacuum
    comes by (a minute later, or never where it is off), a list in title order then sorts
    the whole table instead of reading its index alone: at 10,000 records the last page of
    the full list took 160 ms instead of 93–98 ms. VACUUM cannot run inside a transaction
    (a caller's or a test's); ANALYZE runs there."""
    connection = connections[using]
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    command = "VACUUM (ANALYZE)" if vacuum else "ANALYZE"
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")


def load_in_bulk(pending, conflict, using):
    """(report, saved objects, those inserted in bulk) with the new objects inserted in
    bulk and the others saved one by one; None, with nothing written, if anything is
    wrong or undecided there, for `load_one_by_one` to decide and name (`bulk_import`)."""
    if any(field_value_errors(item, using) for item in pending):
        return None
    report = LoadReport(objects_read=len(pending))
    try:
        with transaction.atomic(using=using):
            new, others = bulk_import.insert_new_objects(pending, using)
            report.created += new
            return report, new + save_one_by_one(others, conflict, report, using), new
    except Exception:
        # Whatever stopped the bulk attempt (a problem in the files, most often), the
        # per-object loader decides every object again and names each problem.
        for item in pending:
            item.deserialized = None
        return None


def load_one_by_one(pending, conflict, using):
    report = LoadReport(objects_read=len(pending))
    return report, save_one_by_one(pending, conflict, report, using), []


def save_one_by_one(pending, conflict, report, using):
    """Deserialize, validate and save each object in turn; its forward references once
    all are in. Raises FixtureRefused with every error found."""
    errors = []
    with remembered_natural_keys():
        saved = save_all(pending, conflict, report, errors, using)
        if not errors:
            errors += resolve_deferred(saved, using)
    if errors:
        raise FixtureRefused(errors)
    return saved


def refresh_search_documents(saved, inserted, using, chunk_size=500):
    """Rebuild the derived search text of the records a load created or changed. Those
    of the records inserted in bulk are built from the objects in memory: every part of
    such a record is new, so inserted too; the others are read back from the database."""
    new_records = [
        item.deserialized for item in inserted if isinstance(item.deserialized.object, Record)
    ]
    search.write_search_texts(
        search.sources_in_memory(
            [new.object for new in new_records],
            [
                item.deserialized.object
                for item in inserted
                if isinstance(item.deserialized.object, RecordPart)
            ],
            {new.object.pk: new.m2m_data for new in new_records},
            using,
        ),
        using,
    )
    touched = {
        item.deserialized.object.pk
        if isinstance(item.deserialized.object, Record)
        else item.deserialized.object.record_id
        for item in saved
        if isinstance(item.deserialized.object, Record | RecordPart)
    }
    ids = sorted(touched - {new.object.pk for new in new_records})
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        Record.objects.using(using).filter(pk__in=chunk).refresh_search_documents()


def save_all(pending, conflict, report, errors, using):
    """Deserialize, compare, validate and save each object; collect every error."""
    saved = []
    for item in pending:
        field_errors = field_value_errors(item, using)
        if field_errors:
            errors += field_errors
            continue
        try:
            item.deserialized = next(
                serializers.deserialize(
                    "python", [item.raw], using=using, handle_forward_references=True
                )
            )
        except DeserializationError as error:
            errors.append(item.error(describe_deserialization_error(error)))
            continue
        except ObjectDoesNotExist as error:
            errors.append(item.error(f"its natural key refers to something unknown: {error}"))
            continue
        unresolved_required = [
            (model_field, value)
            for model_field, value in item.deserialized.deferred_fields.items()
            if not model_field.many_to_many and not model_field.null
        ]
        if unresolved_required:
            errors += [
                item.error(missing_reference_message(model_field, value, using), model_field.name)
                for model_field, value in unresolved_required
            ]
            continue
        obj = item.deserialized.object
        existing = obj.pk and type(obj)._base_manager.using(using).filter(pk=obj.pk).first()
        if existing:
            differences = compare(existing, item.deserialized)
            if not differences:
                report.unchanged += 1
                continue
            if conflict == Conflict.KEEP:
                report.kept.append((item, differences))
                continue
            if conflict == Conflict.REFUSE:
                names = ", ".join(name for name, _old, _new in differences)
                errors.append(
                    item.error(
                        f"exists with other content ({names}); "
                        "give --update to overwrite it (with --dry-run to see the changes first)"
                    )
                )
                continue
        if existing:
            obj._state.adding = False
        deferred = {f.name for f in item.deserialized.deferred_fields}
        validation_errors = validation_errors_of(item, exclude=deferred)
        if validation_errors:
            errors += validation_errors
            continue
        try:
            with transaction.atomic(using=using), history_written_by_loader(obj):
                item.deserialized.save(using=using)
        except DatabaseError as error:
            errors.append(item.error(f"the database refused it: {error}"))
            continue
        item.updated = bool(existing)
        (report.updated.append((item, differences)) if existing else report.created.append(item))
        saved.append(item)
    return saved


def field_value_errors(item, using):
    """Unknown models and fields, and values of the wrong type, each named precisely."""
    try:
        model = apps.get_model(item.label)
    except (LookupError, ValueError):
        return [item.error(f"unknown model “{item.label}”")]
    if not importable(model):
        return [item.error(f"only the directory's data can be imported, not {item.label}")]
    errors = []
    fields = item.raw["fields"]
    for name, value in fields.items():
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            errors.append(item.error(f"{model._meta.label_lower} has no such field", name))
            continue
        if isinstance(model_field, ForeignObjectRel):
            other = model_field.related_model._meta
            message = f"the other side of a relation: give it on each {other.label_lower}"
            errors.append(item.error(message, name))
            continue
        if model_field.many_to_many and not isinstance(value, list):
            errors.append(item.error("expected a list of references", name))
            continue
        if value is None:
            continue
        concrete = model._meta.concrete_model
        if model_field.many_to_one and model_field.related_model._meta.concrete_model is concrete:
            if value == [fields.get("slug")]:
                errors.append(item.error("a record cannot be part of itself", name))
            continue
        if model_field.is_relation:
            continue
        if isinstance(value, str) and len(value) > MAX_TEXT_CHARACTERS:
            message = f"{len(value):,} characters, past the {MAX_TEXT_CHARACTERS:,} a text may hold"
            errors.append(item.error(message, name))
            continue
        if isinstance(model_field, IntegerField) and not is_whole_number(value):
            errors.append(item.error(f"expected a whole number, not {value!r}", name))
            continue
        try:
            model_field.to_python(value)
        except ValidationError as error:
            errors += [item.error(message, name) for message in error.messages]
    return errors


def is_whole_number(value):
    """False for a fraction (`2020.7`, which an integer field would cut to 2020) and a
    boolean; anything else is left to the field's own check."""
    if isinstance(value, bool):
        return False
    return value.is_integer() if isinstance(value, float) else True


@contextmanager
def history_written_by_loader(obj):
    """Keep django-simple-history from writing versions while the loader saves an
    object or fills in its forward references (a version per many-to-many field set);
    `write_history` writes one version for the whole object."""
    obj.skip_history_when_saving = True
    try:
        yield
    finally:
        del obj.skip_history_when_saving


HISTORY_BATCH_SIZE = 500


def write_history(saved, using):
    """One version for each object the load created or changed, written in bulk once
    every object and reference is in (raw saves bypass django-simple-history's
    signals). A record's version holds its taxonomies and a parent named further on in
    the files; its reason names the file."""
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    groups = {}
    times = Counter()  # how many times each object was given
    for item in saved:
        obj = item.deserialized.object
        if hasattr(obj._meta, "simple_history_manager_attribute"):
            key = (obj._meta.concrete_model, item.updated, Path(item.file).name)
            groups.setdefault(key, []).append(obj)
            times[(obj._meta.concrete_model, obj.pk)] += 1
    for (model, updated, file_name), objects in groups.items():
        history_model = get_history_manager_for_model(model).model
        reason = f"Imported from {file_name}"
        given_once = all(times[(model, obj.pk)] == 1 for obj in objects)
        if given_once and copy_versions(objects, history_model, updated, reason, using):
            continue
        # In batches: the versions of a batch are let go before the next is made.
        for batch in itertools.batched(objects, HISTORY_BATCH_SIZE):
            versions = versions_of(batch, history_model, updated, reason)
            bulk_import.insert_rows(history_model, versions, using)
            if model is Record:
                write_taxonomy_history([version.pk for version in versions], using)


def copy_versions(objects, history_model, updated, reason, using):
    """Write the versions `versions_of` would build, copied by the database from the
    rows just written (`INSERT … SELECT`, a batch of objects each); False, with nothing
    written, where the rows may not hold what each version must: an object with a
    date, user or reason of its own. The caller checks that each object was given
    once (each version of an object given twice holds what it was given then)."""
    connection = connections[using]
    pks = [obj.pk for obj in objects]
    users = {history_model.get_default_history_user(obj) for obj in objects}
    if (
        len(users) != 1
        or hasattr(history_model, "history_relation")
        or not connection.features.can_return_rows_from_bulk_insert
        or any(
            hasattr(obj, "_history_date")
            or hasattr(obj, "_history_user")
            or get_change_reason_from_object(obj)
            for obj in objects
        )
    ):
        return False
    (user,) = users
    given = {
        "history_date": timezone.now(),
        "history_change_reason": reason,
        "history_type": "~" if updated else "+",
        "history_user": user.pk if user is not None else None,
    }
    given_fields = [history_model._meta.get_field(name) for name in given]
    constants = [
        f.get_db_prep_save(value, connection)
        for f, value in zip(given_fields, given.values(), strict=True)
    ]
    quote = connection.ops.quote_name
    copied = [quote(f.column) for f in history_model.tracked_fields]
    model_meta = objects[0]._meta.concrete_model._meta
    key = quote(model_meta.pk.column)
    columns = ", ".join([*copied, *(quote(f.column) for f in given_fields)])
    history_key = quote(history_model._meta.pk.column)
    with connection.cursor() as cursor:
        for batch in itertools.batched(pks, HISTORY_BATCH_SIZE):
            # Only the models' own table and column names are in the text; the values
            # are parameters.
            statement = (
                f"INSERT INTO {quote(history_model._meta.db_table)} ({columns}) "  # nosec B608
                f"SELECT {', '.join(copied)}, {', '.join(['%s'] * len(given))} "
                f"FROM {quote(model_meta.db_table)} "
                f"WHERE {key} IN ({', '.join(['%s'] * len(batch))}) ORDER BY {key} "
                f"RETURNING {history_key}"
            )
            cursor.execute(statement, [*constants, *batch])
            history_ids = [history_id for (history_id,) in cursor.fetchall()]
            if len(history_ids) != len(batch):
                raise DatabaseError(f"{len(batch)} versions to write, {len(history_ids)} written")
            if model_meta.model is Record:
                write_taxonomy_history(history_ids, using)
    return True


def versions_of(objects, history_model, updated, reason):
    """The versions django-simple-history's `bulk_history_create` makes of `objects`
    (every tracked field, the date, the user, the reason and the type), for
    `insert_rows` to write: its own `bulk_create` cost more than the rest of the load."""
    now = timezone.now()
    versions = []
    for instance in objects:
        version = history_model(
            history_date=getattr(instance, "_history_date", now),
            history_user=getattr(
                instance, "_history_user", history_model.get_default_history_user(instance)
            ),
            history_change_reason=get_change_reason_from_object(instance) or reason,
            history_type="~" if updated else "+",
            **{
                field.attname: getattr(instance, field.attname)
                for field in history_model.tracked_fields
            },
        )
        if hasattr(history_model, "history_relation"):
            version.history_relation_id = instance.pk
        versions.append(version)
    return versions


def write_taxonomy_history(history_ids, using):
    """The many-to-many rows of the records' versions `history_ids`, as
    django-simple-history writes them for one version: a copy of each link row of the
    version's record, pointing at the version; copied by the database."""
    connection = connections[using]
    quote = connection.ops.quote_name
    history = Record.history.model._meta
    for m2m_field, history_model in RECORD_HISTORY.m2m_models.items():
        through = m2m_field.remote_field.through._meta
        columns = [quote(f.column) for f in through.fields]
        link_to_record = quote(through.get_field(m2m_field.m2m_field_name()).column)
        version_field = history_model._meta.get_field("history")
        for batch in itertools.batched(history_ids, HISTORY_BATCH_SIZE):
            # Only the models' own table and column names are in the text; the values
            # are parameters.
            statement = (
                f"INSERT INTO {quote(history_model._meta.db_table)} "  # nosec B608
                f"({', '.join(columns)}, {quote(version_field.column)}) "
                f"SELECT {', '.join(f'link.{column}' for column in columns)}, "
                f"version.{quote(history.pk.column)} "
                f"FROM {quote(through.db_table)} link "
                f"JOIN {quote(history.db_table)} version "
                f"ON version.{quote(Record._meta.pk.column)} = link.{link_to_record} "
                f"WHERE version.{quote(history.pk.column)} IN ({', '.join(['%s'] * len(batch))})"
            )
            with connection.cursor() as cursor:
                cursor.execute(statement, list(batch))


def validation_errors_of(item, exclude=()):
    """The object's own validation (`full_clean()`, its check constraints evaluated in
    Python where they can be: `constraint_checks`), each message with its field."""
    try:
        item.deserialized.object.full_clean(exclude=exclude)
    except ValidationError as error:
        return [
            item.error(message, "" if field_name == NON_FIELD_ERRORS else field_name)
            for field_name, messages in error.message_dict.items()
            for message in messages
        ]
    return []


def describe_deserialization_error(error):
    message = str(error)
    return message.replace("DeserializationError: ", "").strip()


def compare(existing, deserialized):
    """The (field, old, new) triples where a deserialized object differs from the row."""
    obj = deserialized.object
    differences = []
    for model_field in obj._meta.concrete_fields:
        if model_field.primary_key or model_field.name in NOT_EXPORTED:
            continue
        if model_field.attname in deserialized.deferred_fields:
            continue
        old = getattr(existing, model_field.attname)
        new = model_field.to_python(getattr(obj, model_field.attname))
        if old != new:
            differences.append((model_field.name, old, new))
    for name, pks in (deserialized.m2m_data or {}).items():
        current = set(getattr(existing, name).values_list("pk", flat=True))
        if current != {int(pk) for pk in pks}:
            differences.append((name, sorted(current), sorted(int(pk) for pk in pks)))
    return differences


def resolve_deferred(saved, using):
    """Fill in forward references once every object is in; validate what they touched."""
    errors = []
    for item in saved:
        deferred = dict(item.deserialized.deferred_fields)
        if not deferred:
            continue
        try:
            with history_written_by_loader(item.deserialized.object):
                item.deserialized.save_deferred_fields(using=using)
        except (ObjectDoesNotExist, DeserializationError):
            errors += [
                item.error(missing_reference_message(model_field, value, using), model_field.name)
                for model_field, value in deferred.items()
                if missing_keys(model_field, value, using)
            ]
            continue
        errors += validation_errors_of(item)
    return errors


def missing_keys(model_field, value, using):
    """The natural keys in a reference's value that match no row."""
    keys = value if model_field.many_to_many else [value]
    manager = model_field.related_model._default_manager.db_manager(using)
    missing = []
    for key in keys:
        key = key if isinstance(key, list | tuple) else [key]
        try:
            manager.get_by_natural_key(*key)
        except ObjectDoesNotExist:
            missing.append("/".join(str(part) for part in key))
    return missing


def missing_reference_message(model_field, value, using):
    names = ", ".join(f"“{key}”" for key in missing_keys(model_field, value, using))
    target = model_field.related_model._meta.verbose_name
    return f"refers to {target} {names}, which is neither in the database nor earlier in the files"
