"""Fixture objects read as flat rows: what Django's serializer gives, object for object,
without a model instance per row. Every export goes through here: the fixture files,
the fixture downloads of lists and the admin's fixture export.

Django's serializer builds a model instance for each row, a related manager for each
many-to-many field of each row, and asks every related object for its natural key: for a
download of thousands of records that is most of the time. Here each chunk of rows is one
query of plain values, with the columns of each foreign key's natural key joined in, and
a many-to-many field is read from its link table, one query per field per chunk. Tests
compare the two serializations on every model (`tests/mechanisms/test_fixture_rows.py`).
"""

import itertools
from functools import cache
from types import SimpleNamespace

from django.db import connections
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils.encoding import is_protected_type

from mechanisms.models.records import DERIVED_FIELDS

# Rows read per query by every streamed download (fixtures, CSV, JSON).
STREAM_CHUNK_SIZE = 500
# Housekeeping that is not directory data: set by the database when a row is written,
# or derived from the other fields (the search text, rebuilt at the end of a load).
NOT_EXPORTED = {"updated_at", *DERIVED_FIELDS}


def exported_field_names(model):
    return [
        f.name
        for f in model._meta.concrete_model._meta.local_fields
        + model._meta.concrete_model._meta.local_many_to_many
        if f.serialize and f.name not in NOT_EXPORTED
    ]


def empty_values(model):
    """The value each optional field takes when a fixture leaves it out."""
    empty = {}
    options = model._meta.concrete_model._meta
    for f in options.local_many_to_many:
        empty[f.name] = []
    for f in options.local_fields:
        if f.primary_key:
            continue
        if f.has_default():
            empty[f.name] = f.get_default()
        elif f.null:
            empty[f.name] = None
        elif f.blank and f.empty_strings_allowed:
            empty[f.name] = ""
    return empty


def has_natural_key(model):
    return callable(getattr(model, "natural_key", None))


class ColumnName(str):
    """An attribute's name as a stand-in row gives it: a string, so that a natural key
    may work on it, yet told apart by identity from any string made from it."""


class ReadRecorder:
    """A stand-in for a row that notes which attributes are read from it."""

    def __init__(self):
        self.read = {}

    def __getattr__(self, name):
        return self.read.setdefault(name, ColumnName(name))


@cache
def natural_key_columns(model):
    """The columns `model.natural_key()` is made of (a record's `slug`, a country's
    `iso_code`), found by calling it on a stand-in that notes what it reads: the query
    that reads a row can then join them in, as `select_related` would."""
    recorder = ReadRecorder()
    try:
        model.natural_key(recorder)
    except (AttributeError, TypeError):  # it reads through a related row
        recorder.read["…"] = None
    columns = {f.attname for f in model._meta.concrete_fields}
    if not recorder.read or not set(recorder.read) <= columns:
        raise TypeError(
            f"{model._meta.label}'s natural key is not made of its own columns "
            f"({', '.join(recorder.read)}): it cannot be read in the row's query"
        )
    return tuple(recorder.read)


@cache
def natural_key_is_its_columns(model):
    """Whether `model.natural_key()` is the values of its columns as they are, in their
    order (every model's here): a row's key is then its columns' values, with no call."""
    columns = natural_key_columns(model)
    recorder = ReadRecorder()
    key = model.natural_key(recorder)
    names = tuple(recorder.read.values())
    return (
        names == columns
        and type(key) is tuple
        and len(key) == len(names)
        and all(part is name for part, name in zip(key, names, strict=True))
    )


def natural_key(model, values):
    """`model.natural_key()` of a row whose key columns hold `values` (a tuple)."""
    if natural_key_is_its_columns(model):
        return values
    columns = natural_key_columns(model)
    return model.natural_key(SimpleNamespace(**dict(zip(columns, values, strict=True))))


class NaturalKeys(dict):
    """The natural keys made during one read of rows, by model and key columns' values:
    each part asks for its record's key, so a record's key is made once per read."""

    def __missing__(self, model_and_values):
        key = self[model_and_values] = natural_key(*model_and_values)
        return key


# The empty value of a field that has none: the field is always written.
ALWAYS_WRITTEN = object()

# Values Django's serializer passes through as they are (most of a fixture's values).
PLAIN_TYPES = {str, int, float, bool, type(None)}


def exported_value(model_field, value):
    """A column's value as Django's serializer gives it: numbers, dates and None as they
    are, anything else as the field writes it into a string."""
    if is_protected_type(value) or isinstance(value, str):
        return value
    return model_field.value_to_string(SimpleNamespace(**{model_field.attname: value}))


def filter_by_ids(queryset, attname, ids):
    """`queryset.filter(<attname>__in=ids)` for primary keys read from the database,
    without the lookup's preparation of each one (a fifth of the time of an export of
    10,000 records)."""
    if not ids:
        return queryset.none()
    model = queryset.model
    connection = connections[queryset.db]
    quote = connection.ops.quote_name
    column = f"{quote(model._meta.db_table)}.{quote(model._meta.get_field(attname).column)}"
    # Only the model's own table and column names are in the text; the ids are
    # parameters.
    if connection.vendor == "postgresql":
        # One array, where 500 parameters took psycopg longer than the query itself.
        sql, params = f"{column} = ANY(%s)", [list(ids)]
    else:
        sql, params = f"{column} IN ({', '.join(['%s'] * len(ids))})", ids
    return queryset.filter(RawSQL(sql, params, output_field=BooleanField()))  # nosec B611


def links(model_field, pks, natural_keys):
    """{row's pk: [natural key, ...]} of a many-to-many field for the rows `pks`, in the
    related model's own order, as Django's serializer lists them (primary keys when the
    related model has no natural key)."""
    through = model_field.remote_field.through
    target_model = model_field.related_model
    source, target = model_field.m2m_field_name(), model_field.m2m_reverse_field_name()
    ordering = [
        f"-{target}__{name[1:]}" if name.startswith("-") else f"{target}__{name}"
        for name in target_model._meta.ordering
    ]
    keyed = has_natural_key(target_model)
    key_columns = natural_key_columns(target_model) if keyed else ("pk",)
    pairs = (
        filter_by_ids(through._base_manager.all(), f"{source}_id", pks)
        .order_by(*ordering, f"{target}__pk")
        .values_list(f"{source}_id", *(f"{target}__{column}" for column in key_columns))
    )
    linked = {pk: [] for pk in pks}
    if not keyed:
        for pk, target_pk in pairs:
            linked[pk].append(target_pk)
    elif natural_key_is_its_columns(target_model):
        for pk, *key in pairs:
            linked[pk].append(tuple(key))
    else:
        for pk, *key in pairs:
            linked[pk].append(natural_keys[target_model, tuple(key)])
    return linked


def serialized_rows(queryset, *, extra=()):
    """Yield (item, extra values) for each row of `queryset`, in its order.

    `item` is what Django's serializer gives for the row's object with natural keys,
    less the fields that hold their empty value; `extra` holds the values of the extra
    column names asked for (to label, order or trim the items)."""
    model = queryset.model
    options = model._meta.concrete_model._meta
    selected = set(exported_field_names(model))
    columns = [f for f in options.local_fields if f.serialize and f.name in selected]
    many = [
        f
        for f in options.local_many_to_many
        if f.serialize and f.name in selected and f.remote_field.through._meta.auto_created
    ]
    # A foreign key's natural key is read by joining its columns into the row's query.
    keyed = {
        f.name: natural_key_columns(f.related_model)
        for f in columns
        if f.is_relation and has_natural_key(f.related_model)
    }
    selected_columns = ["pk"]
    for model_field in columns:
        selected_columns.append(model_field.attname)
        selected_columns += [f"{model_field.name}__{c}" for c in keyed.get(model_field.name, ())]
    empty = empty_values(model)
    # For each field: its name, where its value and the columns of its natural key sit
    # in a row, whether that key is the columns' values as they are, and the empty
    # value that leaves it out of the item.
    plan = []
    position = 1
    for model_field in columns:
        width = len(keyed.get(model_field.name, ()))
        key_at = position + 1 if width else None
        as_is = bool(width) and natural_key_is_its_columns(model_field.related_model)
        omitted = empty.get(model_field.name, ALWAYS_WRITTEN)
        plan.append((model_field, position, key_at, position + 1 + width, as_is, omitted))
        position += 1 + width
    label = model._meta.label_lower
    with_pk = not has_natural_key(model)
    natural_keys = NaturalKeys()
    rows = (
        queryset.prefetch_related(None)
        .values_list(*selected_columns, *extra)
        .iterator(chunk_size=STREAM_CHUNK_SIZE)
    )
    for chunk in itertools.batched(rows, STREAM_CHUNK_SIZE):
        linked = [(f.name, links(f, [row[0] for row in chunk], natural_keys)) for f in many]
        for row in chunk:
            fields = {}
            for model_field, at, key_at, key_end, key_as_is, omitted in plan:
                value = row[at]
                if key_at is not None:
                    if value is not None:
                        value = row[key_at:key_end]
                        if not key_as_is:
                            value = natural_keys[model_field.related_model, value]
                elif type(value) not in PLAIN_TYPES:
                    value = exported_value(model_field, value)
                if omitted is ALWAYS_WRITTEN or value != omitted:
                    fields[model_field.name] = value
            for name, keys in linked:
                if keys[row[0]]:
                    fields[name] = keys[row[0]]
            item = {"model": label}
            if with_pk:
                item["pk"] = row[0]
            item["fields"] = fields
            yield item, row[len(selected_columns) :]
