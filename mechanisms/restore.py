"""Bring deleted records back from their history (django-simple-history).

A deleted record is restored as a draft with its taxonomies and with the parts
(sections, list items, quotes, figures, roles) that were deleted with it. Records that
belonged to it (results, national networks, ...) are restored one by one, each from the
list of deleted records, so that an editor sees what comes back.
"""

import datetime as dt

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from mechanisms.models import RECORD_PARTS, Record

TAXONOMIES = ["countries", "sdgs", "themes", "types", "frameworks"]

# Parts deleted by the same cascade as their record are written within this window.
SAME_DELETION = dt.timedelta(seconds=10)


class RestoreRefused(Exception):
    """The record cannot come back as it was; the message says why."""


def deleted_records(kind=None):
    """The last version of each record that is deleted now, newest deletion first."""
    versions = Record.history.filter(history_type="-").exclude(id__in=Record.objects.values("id"))
    if kind:
        versions = versions.filter(kind=kind)
    latest = Record.history.filter(id=OuterRef("id")).order_by("-history_date", "-history_id")
    return (
        versions.filter(history_id=Subquery(latest.values("history_id")[:1]))
        .select_related("history_user")
        .order_by("-history_date")
    )


@transaction.atomic
def restore_record(history_id, kind=None):
    version = deleted_records(kind).get(history_id=history_id)
    if Record.objects.filter(slug=version.slug).exists():
        raise RestoreRefused(
            _(
                "Another record now has the slug “%(slug)s”: change that record's slug, "
                "then restore this one."
            )
            % {"slug": version.slug}
        )
    record = version.instance
    record.publication = Record.Publication.DRAFT
    if record.parent_id and not Record.objects.filter(pk=record.parent_id).exists():
        record.parent = None
    record.save()
    # The deletion's own version is written after Django cleared the taxonomies.
    last_state = (
        Record.history.filter(id=record.pk, history_date__lt=version.history_date)
        .exclude(history_type="-")
        .latest("history_date")
    )
    for name in TAXONOMIES:
        related = getattr(last_state, name).values_list(
            f"{Record._meta.get_field(name).m2m_reverse_field_name()}_id", flat=True
        )
        getattr(record, name).set(list(related))
    for part_model in RECORD_PARTS:
        window = (version.history_date - SAME_DELETION, version.history_date + SAME_DELETION)
        deleted_parts = part_model.history.filter(
            record_id=record.pk, history_type="-", history_date__range=window
        )
        for part_version in deleted_parts:
            if not part_model.objects.filter(pk=part_version.id).exists():
                part_version.instance.save()
    return record
