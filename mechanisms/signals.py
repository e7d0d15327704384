"""Keep what is derived from the directory's data in step with it.

A record's search text (`mechanisms.search`) is built from its own fields, its parts and
the names of the people and organisations it cites. Every change to these schedules the
records concerned; they are rebuilt once each when the transaction commits, however many
saves the transaction made. Any change to directory data also raises the data version,
which makes every cached page stale (`mechanisms.cache`). Fixture loading (raw saves)
rebuilds and raises in bulk at the end instead. `MechanismsConfig.ready()` connects the
receivers, each to explicit senders.
"""

import threading
from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save

from mechanisms.cache import data_changed
from mechanisms.kinds import registry
from mechanisms.models import (
    RECORD_PARTS,
    SDG,
    Country,
    DataVersion,
    Framework,
    Organisation,
    Person,
    Record,
    Theme,
    Type,
)

# Saves that touch only these fields change nothing search finds.
NOT_SEARCHED_FIELDS = {"publication", "last_reviewed", "updated_at"}

_pending = threading.local()


def pending_ids(using):
    """The records of this thread waiting for a rebuild on database `using`."""
    if not hasattr(_pending, "ids"):
        _pending.ids = {}
    return _pending.ids.setdefault(using, set())


def schedule_rebuild(record_ids, using):
    """Rebuild these records' search text when the current transaction commits (at once
    outside a transaction). A rolled-back transaction's records wait for the next commit,
    which rebuilds them harmlessly."""
    pending_ids(using).update(record_ids)
    transaction.on_commit(partial(rebuild_pending, using), using=using)


def rebuild_pending(using):
    ids = pending_ids(using)
    if ids:
        records = Record.objects.using(using).filter(pk__in=sorted(ids))
        ids.clear()
        records.refresh_search_documents()
        data_changed(using)


def directory_data_changed(sender, using=None, raw=False, **kwargs):
    """Any save or deletion of directory data, or a change of a record's taxonomies."""
    if not raw:
        data_changed(using)


def record_saved(sender, instance, raw=False, update_fields=None, using=None, **kwargs):
    if raw or (update_fields and set(update_fields) <= NOT_SEARCHED_FIELDS):
        return
    schedule_rebuild([instance.pk], using)


def name_changed(sender, instance, raw=False, using=None, **kwargs):
    """The names of people, organisations and terms are in the search text of the
    records that name them."""
    if raw:
        return
    if sender is Person:
        named = Q(contacts__person=instance) | Q(quotes__person=instance)
    elif sender is Organisation:
        named = (
            Q(involvements__organisation=instance)
            | Q(involvements__organisation__parent=instance)
            | Q(contacts__person__organisation=instance)
            | Q(quotes__person__organisation=instance)
        )
    else:
        named = Q(pk__in=instance.records.values("pk"))
    ids = Record.objects.using(using).filter(named).values_list("pk", flat=True)
    schedule_rebuild(set(ids), using)


def record_part_changed(sender, instance, raw=False, using=None, **kwargs):
    if not raw:
        schedule_rebuild([instance.record_id], using)


def record_frameworks_changed(sender, instance, action, reverse, pk_set, using=None, **kwargs):
    """A framework's name is in the search text of the records that refer to it."""
    if not reverse and action.startswith("post_"):
        schedule_rebuild([instance.pk], using)
    elif reverse and action == "pre_clear":
        schedule_rebuild(set(instance.records.values_list("pk", flat=True)), using)
    elif reverse and action.startswith("post_") and pk_set:
        schedule_rebuild(pk_set, using)


def connect():
    """Connect every receiver to its senders: Record and each kind's proxy (Django sends
    a proxy's signals with the proxy as sender), people, organisations, terms, parts, and for
    the data version every model of directory data."""
    for model in [Record, *(kind.model for kind in registry)]:
        post_save.connect(record_saved, sender=model, dispatch_uid=f"search-{model.__name__}")
    for model in (Person, Organisation, Country, SDG, Theme, Type, Framework):
        post_save.connect(name_changed, sender=model, dispatch_uid=f"search-{model.__name__}")
    for model in RECORD_PARTS:
        for signal in (post_save, post_delete):
            signal.connect(
                record_part_changed, sender=model, dispatch_uid=f"search-{model.__name__}"
            )
    m2m_changed.connect(
        record_frameworks_changed,
        sender=Record.frameworks.through,
        dispatch_uid="search-frameworks",
    )
    for model in directory_models():
        for signal in (post_save, post_delete):
            signal.connect(directory_data_changed, sender=model, dispatch_uid="data-version")
    for relation in Record._meta.many_to_many:
        if relation.remote_field.through._meta.auto_created:
            m2m_changed.connect(
                directory_data_changed,
                sender=relation.remote_field.through,
                dispatch_uid="data-version",
            )


def directory_models():
    """The directory's own models and kinds: not their history, not the version itself."""
    app = apps.get_app_config("mechanisms")
    return [
        model
        for model in [*app.get_models(), *(kind.model for kind in registry)]
        if model is not DataVersion and not model.__name__.startswith("Historical")
    ]
