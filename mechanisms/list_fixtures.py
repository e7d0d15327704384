"""Fixtures of a list of records: what a download or an admin action writes, streamed.

The file is in the format of `mechanisms.fixture_files` (natural keys, the same layout)
and `manage.py import_fixtures` accepts it, into this database or an empty one: besides
the records it holds the records they belong to, their parts, the people they cite and
the reference data they use.
"""

from django.db.models import Exists, OuterRef, Q

from mechanisms.fixture_files import RECORD_PARTS, layout, proxy_models
from mechanisms.fixture_rows import serialized_rows
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


def stream_dump(objects):
    """`dump(list(objects))`, byte for byte, produced object by object."""
    first = True
    for item in objects:
        text = layout(item, 1)
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
        Q(pk__in=Contact.objects.filter(record__in=exported).values("person_id"))
        | Q(pk__in=Quote.objects.filter(record__in=exported).values("person_id"))
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
    rows = list(
        serialized_rows(Organisation.objects.filter(pk__in=ids), extra=("id", "parent_id", "slug"))
    )
    parents = {pk: parent for _item, (pk, parent, _slug) in rows}

    def depth(pk):
        return 0 if parents[pk] is None else 1 + depth(parents[pk])

    for item, _key in sorted(rows, key=lambda row: (depth(row[1][0]), row[1][2])):
        yield item


def serialize_rows(queryset):
    """The fixture objects of a queryset's rows, read chunk by chunk."""
    for item, _extra in serialized_rows(queryset):
        yield item


def serialize_records(records, public):
    """Records under their per-kind model; a parent left out of the export is not referred to."""
    labels = {kind: model._meta.label_lower for kind, model in proxy_models().items()}
    for item, (kind, parent_publication) in serialized_rows(
        records, extra=("kind", "parent__publication")
    ):
        item["model"] = labels[kind]
        if public and parent_publication not in (None, Record.Publication.PUBLISHED):
            item["fields"].pop("parent")
        yield item
