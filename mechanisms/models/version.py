"""The version of the directory's data: raised whenever anything a visitor sees changes.

Cached pages are keyed by it and conditional requests compare against it, so that every
app server sees a change at once: the number lives in the database they share, not in a
server's memory.
"""

import datetime as dt

from django.db import connections, models, router
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SINGLETON = 1


class DataVersion(models.Model):
    number = models.PositiveBigIntegerField(_("version"), default=0)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"

    @classmethod
    def current(cls, using=None):
        """(number, changed_at) in one query; (0, None) before the first change.

        Every public page asks this first, from the cache or not, so the query is written
        out: built by the ORM, it took 0.41 ms of the 1.07 ms a cached page costs in the
        process (0.13 ms written out)."""
        connection = connections[using or router.db_for_read(cls)]
        table = connection.ops.quote_name(cls._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT number, changed_at FROM {table} WHERE id = %s",  # nosec B608
                [SINGLETON],
            )
            row = cursor.fetchone()
        if row is None:
            return (0, None)
        number, changed_at = row
        if timezone.is_naive(changed_at):  # SQLite keeps the UTC time without its offset
            changed_at = timezone.make_aware(changed_at, dt.UTC)
        return number, changed_at

    @classmethod
    def bump(cls, using=None):
        """Raise the version: every cached page is stale from now on."""
        changed = cls.objects.using(using).filter(pk=SINGLETON)
        if not changed.update(number=F("number") + 1, changed_at=timezone.now()):
            cls.objects.using(using).get_or_create(pk=SINGLETON, defaults={"number": 1})
