"""Fixtures of a list of records: what a download or an admin action writes, streamed.

The file is in the format of `mechanisms.fixture_files` (natural keys, the same layout)
and `manage.py import_fixtures` accepts it, into this database or an empty one: besides
the records it holds the records they belong to, their parts, the people they cite and
the reference data they use.
"""

import itertools
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, OuterRef, Q

from mechanisms.fixture_files import RECORD_PARTS, layout, proxy_models, serialize
from mechanisms.models import (
    SDG,
    Contact,
    Country,
    Framework,
    Involvement,
    Organisation,
    Person,
    Quote,
    Record,
    Source,
    Theme,
    Type,
)
from mechanisms.models.records import DERIVED_FIELDS

STREAM_CHUNK_SIZE = 500


def stream_dump(objects):
    """`dump(list(objects))`, byte for byte, produced object by object."""
    first = True
    for item in objects:
        text = layout(json.loads(json.dumps(item, cls=DjangoJSONEncoder)), 1)
        yield ("[\n  " if first else ",\n  ") + text
        first = False
    yield "[]\n" if first else "\n]\n"


def record_fixture_objects(records, *, public=True):
    """Every object a fixture of `records` needs, in an order `import_fixtures` accepts.

    `records` is a queryset of records (a list's, in the list's order). The fixture holds
    them, the records they belong to (`parent`, up the tree), every part of those records,
    the people they cite and the reference data all of these refer to, so it imports into
    an empty database. With `public` (a download anyone can fetch, not an editor's
    export), people's email addresses are left out, and so is a parent that is not
    published, with the reference to it. Rows are read in chunks, never all at once.
    """
    scope = Record.objects.published() if public else Record.objects.all()
    listed = records.prefetch_related(None).values("pk")
    ancestors = ancestor_ids(records, scope, listed)
    exported = scope.filter(Q(pk__in=listed) | Q(pk__in=ancestors)).values("pk")
    people = Person.objects.filter(
        Exists(Contact.objects.filter(person=OuterRef("pk"), record__in=exported))
        | Exists(Quote.objects.filter(person=OuterRef("pk"), record__in=exported))
    )
    organisations = organisation_ids(exported, people)
    vocabulary = []
    for model, name in [
        (SDG, "sdgs"),
        (Country, "countries"),
        (Theme, "themes"),
        (Type, "types"),
        (Framework, "frameworks"),
    ]:
        used = used_by_records(model, name, exported)
        if model is Country:
            used |= Exists(
                Organisation.objects.filter(country=OuterRef("pk"), pk__in=organisations)
            )
        vocabulary.append(model.objects.filter(used))
    yield from serialize_rows(
        Source.objects.filter(
            Exists(Record.objects.filter(source=OuterRef("pk"), pk__in=exported))
            | Exists(people.filter(source=OuterRef("pk")))
            | cited_by([*vocabulary, Organisation.objects.filter(pk__in=organisations)])
        )
    )
    for terms in vocabulary:
        yield from serialize_rows(terms)
    yield from serialize_organisations(organisations)
    people_rows = serialize_rows(people.order_by("slug"))
    yield from (map(without_email, people_rows) if public else people_rows)
    parents = scope.filter(pk__in=ancestors).order_by("slug")
    for queryset in (parents, records):
        yield from serialize_records(queryset, public)
    for part_model in RECORD_PARTS:
        parts = part_model.objects.filter(record__in=exported).order_by("record__slug", "position")
        yield from serialize_rows(parts)


def cited_by(querysets):
    """Sources cited by the reference data of these querysets (a membership, an SDG's
    title and colour, an official name, a year)."""
    cited = Q()
    for queryset in querysets:
        for field in queryset.model._meta.concrete_fields:
            if field.is_relation and field.related_model is Source:
                cited |= Exists(queryset.filter(**{field.attname: OuterRef("pk")}))
    return cited


def without_email(item):
    """A person as a public download shows them: the pages keep addresses from
    harvesters, and a download anyone can fetch must not undo that."""
    item["fields"].pop("email", None)
    return item


def ancestor_ids(records, scope, listed):
    """The records of `scope` that the listed ones belong to, up the tree, not listed."""
    found = set()
    parents = records.prefetch_related(None).values("parent_id")
    while True:
        new = (
            set(scope.filter(pk__in=parents).exclude(pk__in=listed).values_list("pk", flat=True))
            - found
        )
        if not new:
            return found
        found |= new
        parents = Record.objects.filter(pk__in=new).values("parent_id")


def used_by_records(model, name, exported):
    relation = Record._meta.get_field(name)
    through = relation.remote_field.through.objects.filter(
        **{
            relation.m2m_reverse_field_name(): OuterRef("pk"),
            f"{relation.m2m_field_name()}__in": exported,
        }
    )
    return Q(Exists(through))


def organisation_ids(exported, people):
    """The organisations the records and people refer to, with the units they are part of."""
    wanted = set(
        Involvement.objects.filter(record__in=exported).values_list("organisation_id", flat=True)
    )
    wanted |= set(people.exclude(organisation=None).values_list("organisation_id", flat=True))
    parents = dict(Organisation.objects.values_list("pk", "parent_id"))
    closure = set()
    for pk in wanted:
        while pk is not None and pk not in closure:
            closure.add(pk)
            pk = parents.get(pk)
    return closure


def serialize_organisations(ids):
    """The organisations, each after the one it is part of."""
    organisations = Organisation.objects.filter(pk__in=ids).select_related(
        "parent", "country", "official_name_source"
    )
    by_pk = {organisation.pk: organisation for organisation in organisations}

    def depth(organisation):
        return 0 if organisation.parent_id is None else 1 + depth(by_pk[organisation.parent_id])

    ordered = sorted(
        by_pk.values(), key=lambda organisation: (depth(organisation), organisation.slug)
    )
    yield from serialize(ordered, Organisation)


def in_batches(queryset):
    """The rows in lists of `STREAM_CHUNK_SIZE`, each read (and prefetched) on its own."""
    return itertools.batched(queryset.iterator(chunk_size=STREAM_CHUNK_SIZE), STREAM_CHUNK_SIZE)


def serialize_rows(queryset):
    """Serialize a queryset chunk by chunk, with the joins its natural keys need."""
    model = queryset.model
    related = [f for f in model._meta.concrete_fields if f.is_relation]
    if related:
        queryset = queryset.select_related(*(f.name for f in related)).defer(
            *(
                f"{f.name}__{name}"
                for f in related
                if f.related_model is Record
                for name in DERIVED_FIELDS
            )
        )
    if model._meta.many_to_many:
        queryset = queryset.prefetch_related(*(f.name for f in model._meta.many_to_many))
    for batch in in_batches(queryset):
        yield from serialize(batch, model)


def serialize_records(records, public):
    """Records under their per-kind model; a parent left out of the export is not referred to."""
    proxies = proxy_models()
    records = (
        records.select_related("source", "parent")
        .prefetch_related(None)
        .prefetch_related("countries", "sdgs", "themes", "types", "frameworks")
        .defer(*DERIVED_FIELDS, *(f"parent__{name}" for name in DERIVED_FIELDS))
    )
    for batch in in_batches(records):
        for record in batch:
            record.__class__ = proxies[record.kind]
        for record, item in zip(batch, serialize(batch, Record), strict=True):
            if public and record.parent_id and not record.parent.is_published:
                item["fields"].pop("parent")
            yield item
