"""The version of the directory's data: raised whenever anything a visitor sees changes.

Cached pages are keyed by it and conditional requests compare against it, so that every
app server sees a change at once: the number lives in the database they share, not in a
server's memory.
"""

from django.db import models
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
        """(number, changed_at) in one query; (0, None) before the first change."""
        row = cls.objects.using(using).filter(pk=SINGLETON).values_list("number", "changed_at")
        return row.first() or (0, None)

    @classmethod
    def bump(cls, using=None):
        """Raise the version: every cached page is stale from now on."""
        changed = cls.objects.using(using).filter(pk=SINGLETON)
        if not changed.update(number=F("number") + 1, changed_at=timezone.now()):
            cls.objects.using(using).get_or_create(pk=SINGLETON, defaults={"number": 1})
