"""The fast path of fixture loading: new objects validated in memory, written in bulk.

`fixture_files.load_files` validates and saves one object at a time, with a query for
each reference, each uniqueness rule and each save: about six per object. Most loads
bring objects the database does not have yet (a directory imported into a new
database, a new document), and for those that work can be done per model instead:

- every natural key of the files (objects' own keys and references) is looked up in
  one query per model (in chunks of `KEYS_PER_QUERY`);
- each object is built and validated in Python as `full_clean()` validates it, except
  for the checks the database makes itself on insert (uniqueness, check constraints,
  not null): a reference is known to exist once resolved, and a record's parent is
  read from memory. File order counts as it does for the per-object loader: a required
  reference to an object further on is an error, and an object with an optional one
  must pass without it and with it (validated with it, then its model's `clean()` run
  again without it: each field's own validation reads that field alone);
- objects are inserted per model (`insert_rows`: `COPY` on PostgreSQL, a multi-row
  `INSERT … RETURNING` per batch elsewhere), a record's children after it (level by
  level), then the many-to-many links, as pairs of ids (`insert_pairs`). The loader
  then copies their versions and builds their search texts from these objects
  (`fixture_files.write_history`, `search.sources_in_memory`).

Objects whose key exists already are handed back to the per-object loader, which
compares, refuses or updates them. Anything this path does not decide (an unknown
reference, a value `full_clean()` refuses, a row the database refuses, a key given
twice, a primary key given, a parent whose kind the files change) raises
`NotBulkLoadable`; the caller rolls this path back and runs the per-object loader,
which finds the same problem and names it with its file, object and field. So the bulk
path is never less strict than the other: it only ever accepts what the other accepts
(`tests/mechanisms/test_bulk_import.py` compares the two on each such case).
"""

import itertools
from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.serializers.base import DeserializedObject
from django.db import DatabaseError, connections, models

from mechanisms.models import (
    RECORD_PARTS,
    SDG,
    Country,
    Framework,
    Organisation,
    Person,
    Record,
    Source,
    Theme,
    Type,
)

KEYS_PER_QUERY = 500
INSERT_BATCH_SIZE = 1000


class NotBulkLoadable(Exception):
    """Something for the per-object loader to decide and, if it is an error, to name."""


# Each model's natural key: the field that holds it, or for a record's part the
# record and the position. Listed in an order where every reference points back.
SINGLE_FIELD_KEYS = {
    Source: "slug",
    SDG: "number",
    Country: "iso_code",
    Theme: "slug",
    Type: "slug",
    Framework: "slug",
    Organisation: "slug",
    Person: "slug",
    Record: "slug",
}
INSERT_ORDER = [*SINGLE_FIELD_KEYS, *RECORD_PARTS]
# A part's key is its record's and its position (every part's `position` is alike).
PART_POSITION = RECORD_PARTS[0]._meta.get_field("position")
# What validation reads of a referenced row besides its key: a record's parent's kind.
READ_WITH_KEY = {Record: ["kind"]}


@dataclass
class NewObject:
    item: object  # fixture_files.Pending
    model: type
    fields: dict
    position: int  # in the files, across files
    instance: object = None
    self_reference: tuple = ()  # (field, key) of a reference to a new object of its model
    # References to new objects further on in the files, which the per-object loader
    # fills in only once everything is in (and validates the object without them first).
    forward: set = field(default_factory=set)
    m2m: dict = field(default_factory=dict)
    level: int = 0


def insert_new_objects(pending, using):
    """Insert the objects of `pending` that are new; return (the new ones, each with its
    `deserialized` set, and the others, for the per-object loader)."""
    by_model = {model: [] for model in INSERT_ORDER}
    for position, item in enumerate(pending):
        model = apps.get_model(item.label)
        fields = item.raw["fields"]
        if "pk" in item.raw or {model._meta.pk.name, model._meta.pk.attname} & set(fields):
            raise NotBulkLoadable("a primary key given")
        concrete = model._meta.concrete_model
        if concrete not in by_model:
            raise NotBulkLoadable(f"no bulk path for {item.label}")
        by_model[concrete].append(NewObject(item, model, fields, position))

    keys = KnownKeys(using)
    keys.look_up(by_model)
    for concrete, objects in by_model.items():
        for obj in objects:
            if not keys.is_new(concrete, obj) and refers_further_on(obj, keys):
                # The per-object loader defers or refuses such a reference; inserted
                # first here, the new object would be found.
                raise NotBulkLoadable("an object already stored refers to a new one further on")
    new = []
    for concrete in INSERT_ORDER:
        objects = [obj for obj in by_model[concrete] if keys.is_new(concrete, obj)]
        insert(concrete, objects, keys, using)
        new += objects
    insert_links(new, using)
    for obj in new:
        obj.item.deserialized = DeserializedObject(obj.instance, obj.m2m)
    inserted = {id(obj.item) for obj in new}
    return (
        [item for item in pending if id(item) in inserted],
        [item for item in pending if id(item) not in inserted],
    )


class KnownKeys:
    """Natural key → row, for the rows the database has and those this load inserts."""

    def __init__(self, using):
        self.using = using
        self.rows = {model: {} for model in SINGLE_FIELD_KEYS}
        self.new_keys = {model: set() for model in INSERT_ORDER}
        self.positions = {}  # (model, key) → position of the object in the files
        # model → keys of rows whose values validation reads (READ_WITH_KEY) and which
        # the files give with other values: the per-object loader may change them first.
        self.may_change = {model: set() for model in READ_WITH_KEY}

    def look_up(self, by_model):
        """Read, one query per model and chunk, every row the files name."""
        wanted = {model: set() for model in SINGLE_FIELD_KEYS}
        for concrete, objects in by_model.items():
            for obj in objects:
                key = self.own_key(concrete, obj)
                if key in self.new_keys[concrete]:
                    raise NotBulkLoadable("an object given twice")
                self.new_keys[concrete].add(key)
                self.positions[(concrete, key)] = obj.position
                if concrete in SINGLE_FIELD_KEYS:
                    wanted[concrete].add(key[0])
                for model_field, value in references(obj):
                    target = model_field.related_model._meta.concrete_model
                    for key in value if model_field.many_to_many else [value]:
                        wanted[target].add(single_key(key, target)[0])
        for model, values in wanted.items():
            key_field = SINGLE_FIELD_KEYS[model]
            manager = model._base_manager.using(self.using)
            for chunk in itertools.batched(sorted(values, key=str), KEYS_PER_QUERY):
                rows = manager.filter(**{f"{key_field}__in": chunk}).only(
                    key_field, *READ_WITH_KEY.get(model, [])
                )
                for row in rows:
                    self.rows[model][(getattr(row, key_field),)] = row
        for model, rows in self.rows.items():
            self.new_keys[model] -= set(rows)
        for model, names in READ_WITH_KEY.items():
            for obj in by_model[model]:
                key = self.own_key(model, obj)
                row = self.rows[model].get(key)
                if row is not None and any(
                    name not in obj.fields
                    or model._meta.get_field(name).to_python(obj.fields[name]) != getattr(row, name)
                    for name in names
                ):
                    self.may_change[model].add(key)

    def own_key(self, concrete, obj):
        fields = obj.fields
        if concrete in SINGLE_FIELD_KEYS:
            own = key_field(concrete)
            return (own.to_python(fields.get(own.name)),)
        record = single_key(fields.get("record"), Record)
        return (record, PART_POSITION.to_python(fields.get("position", 0)))

    def is_new(self, concrete, obj):
        key = self.own_key(concrete, obj)
        if concrete in SINGLE_FIELD_KEYS:
            return key in self.new_keys[concrete]
        # A part of a new record is new; one of a record in the database may exist.
        return key[0] in self.new_keys[Record]

    def row(self, model, key):
        try:
            return self.rows[model][key]
        except KeyError:
            raise NotBulkLoadable(f"{model.__name__} {key} is unknown") from None

    def is_further_on(self, model, key, obj):
        """Whether `key` names a new object given after `obj` in the files."""
        return key in self.new_keys[model] and self.positions[(model, key)] > obj.position

    def add(self, model, key, row):
        self.rows[model][key] = row


def references(obj):
    """(field, value) for each reference the object gives, not null."""
    for name, value in obj.fields.items():
        model_field = writable_field(obj.model, name)
        if model_field.is_relation and value is not None:
            yield model_field, value


def refers_further_on(obj, keys):
    """Whether `obj` has a foreign key to a new object given after it in the files."""
    return any(
        keys.is_further_on(target, single_key(value, target), obj)
        for model_field, value in references(obj)
        if model_field.many_to_one
        for target in [model_field.related_model._meta.concrete_model]
    )


@cache
def writable_field(model, name):
    """The field `name` of `model` if the bulk path writes it: a column, or a
    many-to-many relation with its own link table (not one written through parts)."""
    model_field = model._meta.get_field(name)
    if isinstance(model_field, models.ForeignObjectRel):
        raise NotBulkLoadable(f"{name} is the other side of a relation")
    if model_field.many_to_many and not model_field.remote_field.through._meta.auto_created:
        raise NotBulkLoadable(f"{name} is written through its parts")
    return model_field


@cache
def key_field(model):
    """The field that holds a model's natural key (a record's `slug`)."""
    return model._meta.get_field(SINGLE_FIELD_KEYS[model])


def single_key(value, model):
    """A natural key as written in a file (["slug"]), checked and converted."""
    if not isinstance(value, list | tuple) or len(value) != 1:
        raise NotBulkLoadable(f"not a natural key: {value!r}")
    try:
        return (key_field(model).to_python(value[0]),)
    except ValidationError as error:
        raise NotBulkLoadable(str(error)) from None


def insert(concrete, objects, keys, using):
    """Build, validate and insert the new objects of one model, parents first."""
    for obj in objects:
        build(concrete, obj, keys)
    set_levels(concrete, objects)
    by_level = sorted(objects, key=lambda obj: obj.level)
    for _level, group in itertools.groupby(by_level, key=lambda obj: obj.level):
        group = list(group)
        for obj in group:
            if obj.self_reference:
                model_field, key = obj.self_reference
                setattr(obj.instance, model_field.name, keys.row(concrete, key))
            validate(obj.instance)
            if obj.forward:
                validate_without(obj.instance, obj.forward)
        try:
            insert_rows(concrete, [obj.instance for obj in group], using)
        except DatabaseError as error:
            raise NotBulkLoadable(f"the database refused a row: {error}") from None
        for obj in group:
            if obj.instance.pk is None:
                raise NotBulkLoadable("the database gave no primary keys back")
            if concrete in SINGLE_FIELD_KEYS:
                keys.add(
                    concrete, (getattr(obj.instance, SINGLE_FIELD_KEYS[concrete]),), obj.instance
                )


def build(concrete, obj, keys):
    """The instance of a new object, its references resolved, as the deserializer
    builds it; a reference to a new object of the same model is kept for later."""
    data = {}
    referred = []
    for name, value in obj.fields.items():
        model_field = writable_field(obj.model, name)
        if model_field.many_to_many:
            if not isinstance(value, list):
                raise NotBulkLoadable(f"{name}: not a list of references")
            target = model_field.related_model._meta.concrete_model
            rows = [keys.row(target, single_key(key, target)) for key in value]
            obj.m2m[name] = list(dict.fromkeys(row.pk for row in rows))
        elif model_field.many_to_one:
            if value is None:
                data[model_field.attname] = None
                continue
            target = model_field.related_model._meta.concrete_model
            key = single_key(value, target)
            if keys.is_further_on(target, key, obj):
                if not model_field.null:
                    # The per-object loader refuses it: "neither in the database nor
                    # earlier in the files".
                    raise NotBulkLoadable(f"{name} refers to an object further on")
                obj.forward.add(model_field.name)
            if key in keys.may_change.get(target, ()):
                raise NotBulkLoadable(f"{name} refers to a row this load may change")
            if target is concrete and key in keys.new_keys[concrete]:
                obj.self_reference = (model_field, key)
            else:
                row = keys.row(target, key)
                # The column's value and the row in the relation's cache, as assigning
                # the row does, without the checks of an assignment (the row is of the
                # model the key was looked up in).
                data[model_field.attname] = getattr(row, model_field.target_field.attname)
                referred.append((model_field, row))
        else:
            try:
                data[model_field.name] = model_field.to_python(value)
            except ValidationError as error:
                raise NotBulkLoadable(str(error)) from None
    obj.instance = obj.model(**data)
    for model_field, row in referred:
        model_field.set_cached_value(obj.instance, row)


def set_levels(concrete, objects):
    """Each object's depth below the new objects it refers to (a record's parent)."""
    by_key = {}
    for obj in objects:
        if concrete in SINGLE_FIELD_KEYS:
            by_key[(getattr(obj.instance, SINGLE_FIELD_KEYS[concrete]),)] = obj
    for obj in objects:
        seen = set()
        current = obj
        while current.self_reference:
            if id(current) in seen:
                raise NotBulkLoadable("references in a circle")
            seen.add(id(current))
            current = by_key[current.self_reference[1]]
        obj.level = len(seen)


def validate_without(instance, names):
    """What the per-object loader checks first of an object that refers to objects
    further on in the files: the object with those references empty, and not checked.

    Called once `validate(instance)` has passed with the references set. Each field is
    validated on its own value, so the fields checked here passed then; what can differ
    is the model's own `clean()`, which reads several fields at once, so that is run
    again with the references empty."""
    kept = {name: getattr(instance, name) for name in names}
    for name in names:
        setattr(instance, name, None)
    try:
        instance.clean()
    except ValidationError as error:
        raise NotBulkLoadable(str(error)) from None
    finally:
        for name, value in kept.items():
            setattr(instance, name, value)


def validate(instance):
    """`full_clean()` without what the database checks on insert (uniqueness and check
    constraints) and without a query per reference: each reference was resolved to a
    row, so it exists; the rest of its field's validation runs here."""
    foreign_keys = [f for f in instance._meta.concrete_fields if f.many_to_one]
    try:
        instance.full_clean(
            exclude=[f.name for f in foreign_keys],
            validate_unique=False,
            validate_constraints=False,
        )
        for model_field in foreign_keys:
            value = getattr(instance, model_field.attname)
            if model_field.blank and value in model_field.empty_values:
                continue
            models.Field.validate(model_field, value, instance)
            model_field.run_validators(value)
    except ValidationError as error:
        raise NotBulkLoadable(str(error)) from None


def insert_links(new, using):
    """The many-to-many links of the new objects, in bulk per relation: plain pairs of
    ids (an instance per link took as long as validating the records)."""
    links = {}
    for obj in new:
        for name, pks in obj.m2m.items():
            concrete = obj.model._meta.concrete_model
            links.setdefault((concrete, name), []).extend(
                (obj.instance.pk, target) for target in pks
            )
    for (concrete, name), pairs in links.items():
        relation = concrete._meta.get_field(name)
        through = relation.remote_field.through._meta
        columns = [
            through.get_field(relation.m2m_field_name()).column,
            through.get_field(relation.m2m_reverse_field_name()).column,
        ]
        insert_pairs(through.db_table, columns, pairs, connections[using])


def insert_pairs(table, columns, pairs, connection):
    """Rows of two ids into a link table, whose own key the database draws."""
    quote = connection.ops.quote_name
    # Only the model's own table and column names are in the text.
    names = f"{quote(table)} ({', '.join(quote(column) for column in columns)})"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with (
                connection.wrap_database_errors,
                cursor.cursor.copy(
                    f"COPY {names} FROM STDIN"  # nosec B608
                ) as copy,
            ):
                for pair in pairs:
                    copy.write_row(pair)
        else:
            cursor.executemany(f"INSERT INTO {names} VALUES (%s, %s)", pairs)  # nosec B608


def insert_rows(model, instances, using):
    """`bulk_create(instances)` for plain rows (no parent table, no database defaults,
    no expressions), with the statement written here: Django compiles each value of a
    bulk insert on its own, which took longer than validating the objects. Each
    instance gets its primary key back, as `bulk_create` gives it."""
    connection = connections[using]
    if not instances:
        return
    if any(instance.pk is not None for instance in instances):
        raise ValueError("insert_rows writes new rows only, without a primary key")
    meta = model._meta.concrete_model._meta
    fields = [f for f in meta.local_concrete_fields if not f.primary_key]
    if any(f.generated or f.has_db_default() for f in fields):
        raise ValueError(f"insert_rows cannot write {meta.label}: a column the database fills")
    if connection.vendor == "postgresql":
        copy_rows(meta, fields, instances, connection)
    elif connection.features.can_return_rows_from_bulk_insert:
        insert_returning(meta, fields, instances, connection)
    else:
        for instance in instances:  # one INSERT each, which gives its primary key back
            models.Model.save_base(instance, using=using, raw=True, force_insert=True)
        return
    for instance in instances:
        instance._state.adding = False
        instance._state.db = using


# Fields whose value goes to the database as it is when it is of one of these exact
# types: what `get_db_prep_save` gives for it is the value itself, on every backend.
# Looked up by the field's exact class, so that a subclass that prepares its values
# its own way takes the general path.
SAVED_AS_THEY_ARE = {
    **dict.fromkeys(
        [models.CharField, models.TextField, models.SlugField, models.URLField],
        frozenset({str, type(None)}),
    ),
    models.EmailField: frozenset({str, type(None)}),
    **dict.fromkeys(
        [
            models.IntegerField,
            models.SmallIntegerField,
            models.BigIntegerField,
            models.PositiveIntegerField,
            models.PositiveSmallIntegerField,
            models.PositiveBigIntegerField,
        ],
        frozenset({int, type(None)}),
    ),
    models.BooleanField: frozenset({bool, type(None)}),
}
AUTOMATIC_KEYS = (models.AutoField, models.BigAutoField, models.SmallAutoField)


def saved_as_they_are(model_field):
    """The types of value that `model_field` writes as they are (a foreign key's: those
    of the automatic primary key it refers to)."""
    if type(model_field) is models.ForeignKey:
        if type(model_field.target_field) in AUTOMATIC_KEYS:
            return frozenset({int, type(None)})
        return frozenset()
    return SAVED_AS_THEY_ARE.get(type(model_field), frozenset())


def column_values(fields, instance, connection):
    """The values of `instance`'s columns as `bulk_create` sends them. Most are plain
    values sent as they are, and Django's preparation of each (four calls) took a
    tenth of an import's time; the others are prepared as Django prepares them."""
    values = []
    for model_field, attname, as_they_are in fields:
        value = getattr(instance, attname)
        if type(value) not in as_they_are:
            value = model_field.get_db_prep_save(model_field.pre_save(instance, True), connection)
        values.append(value)
    return values


def column_plan(fields):
    return [(f, f.attname, saved_as_they_are(f)) for f in fields]


def insert_returning(meta, fields, instances, connection):
    """Multi-row `INSERT … RETURNING` statements, a batch of rows each."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    batch_size = min(INSERT_BATCH_SIZE, connection.ops.bulk_batch_size(fields, instances))
    plan = column_plan(fields)
    with connection.cursor() as cursor:
        for batch in itertools.batched(instances, batch_size):
            # Only the model's own table and column names are in the text; the values
            # are parameters.
            statement = (
                f"INSERT INTO {quote(meta.db_table)} ({columns}) "  # nosec B608
                f"VALUES {', '.join([row] * len(batch))} RETURNING {quote(meta.pk.column)}"
            )
            values = [
                value for instance in batch for value in column_values(plan, instance, connection)
            ]
            cursor.execute(statement, values)
            for instance, (pk,) in zip(batch, cursor.fetchall(), strict=True):
                instance.pk = pk


def copy_rows(meta, fields, instances, connection):
    """PostgreSQL: the primary keys drawn from the table's sequence in one query, then
    every row sent with `COPY … FROM STDIN`. A multi-row INSERT spends most of its time
    in psycopg turning thousands of placeholders into values, in Python."""
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, meta.pk.column, len(instances)],
        )
        keys = [pk for (pk,) in cursor.fetchall()]
        if None in keys:
            raise ValueError(f"insert_rows cannot write {meta.label}: its key has no sequence")
        columns = ", ".join(quote(f.column) for f in [meta.pk, *fields])
        # Only the model's own table and column names are in the text.
        statement = f"COPY {table} ({columns}) FROM STDIN"  # nosec B608
        plan = column_plan(fields)
        with connection.wrap_database_errors, cursor.cursor.copy(statement) as copy:
            for pk, instance in zip(keys, instances, strict=True):
                copy.write_row([pk, *column_values(plan, instance, connection)])
    for pk, instance in zip(keys, instances, strict=True):
        instance.pk = pk
