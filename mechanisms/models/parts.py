"""The ordered parts of a record: sections, list items, quotes, key figures, and the
roles of organisations and people."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from mechanisms.bilingual import AcceptsTranslatedNames, TranslatedText
from mechanisms.constraint_checks import ChecksConstraintsInPython
from mechanisms.models import natural_keys
from mechanisms.models.records import Record
from mechanisms.models.vocabulary import Organisation, Person


class RecordPartQuerySet(models.QuerySet):
    def of_published_records(self):
        """The parts that visitors see: those of published records."""
        return self.filter(record__publication=Record.Publication.PUBLISHED)


class RecordPartManager(models.Manager.from_queryset(RecordPartQuerySet)):
    """Parts of a record are addressed by the record's slug and their position."""

    def get_by_natural_key(self, record_slug, position):
        return natural_keys.get_by_natural_key(self, record__slug=record_slug, position=position)


class RecordPart(ChecksConstraintsInPython, AcceptsTranslatedNames, models.Model):
    """An ordered part of a record: a section, a list item, a quote, a figure."""

    record = models.ForeignKey(
        Record, verbose_name=_("record"), on_delete=models.CASCADE, related_name="%(class)ss"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = RecordPartManager()
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["record", "position"]

    def natural_key(self):
        return (*self.record.natural_key(), self.position)

    natural_key.dependencies = ["mechanisms.record"]


def unique_position(model_name):
    return models.UniqueConstraint(
        fields=["record", "position"], name=f"{model_name}_unique_position"
    )


class Section(RecordPart):
    """A descriptive section of a record: a heading and its paragraph(s)."""

    heading = TranslatedText(
        models.CharField(
            _("heading"),
            max_length=200,
            blank=True,
            help_text=_("As the document gives it; empty where the document has none."),
        )
    )
    body = TranslatedText(models.TextField(_("text")))

    class Meta(RecordPart.Meta):
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [unique_position("section")]

    def __str__(self):
        return self.heading or self.body[:80]


class Point(RecordPart):
    """An item of an ordered list: a function, a line of work."""

    class Kind(models.TextChoices):
        FUNCTION = "function", _("Function")
        LINE_OF_WORK = "line-of-work", _("Line of work")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    label = TranslatedText(
        models.CharField(
            _("label"), max_length=200, blank=True, help_text=_("A short name, where given.")
        )
    )
    text = TranslatedText(models.TextField(_("text")))

    class Meta(RecordPart.Meta):
        verbose_name = _("list item")
        verbose_name_plural = _("list items")
        constraints = [unique_position("point")]

    def __str__(self):
        return self.label or self.text[:80]


class Quote(RecordPart):
    text = TranslatedText(models.TextField(_("quoted text")))
    person = models.ForeignKey(
        Person,
        verbose_name=_("speaker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quotes",
    )
    attribution = TranslatedText(
        models.CharField(
            _("attribution"),
            max_length=300,
            blank=True,
            help_text=_("Who or what is quoted, when it is not a person."),
        )
    )

    class Meta(RecordPart.Meta):
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [
            unique_position("quote"),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(attribution_en=""),
                name="quote_has_speaker_or_attribution",
                violation_error_message=_("A quote needs a speaker or an attribution."),
            ),
        ]

    def __str__(self):
        return self.text[:80]


class Figure(RecordPart):
    """A number a document reports, with its words: "over 100 pledges"."""

    class Qualifier(models.TextChoices):
        EXACT = "", _("exactly")
        OVER = "over", _("over")

    qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier, blank=True, default=Qualifier.EXACT
    )
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    unit = TranslatedText(models.CharField(_("unit"), max_length=100))
    label = TranslatedText(models.CharField(_("what it counts"), max_length=300))

    class Meta(RecordPart.Meta):
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        constraints = [unique_position("figure")]

    def __str__(self):
        return f"{self.value.normalize():f} {self.unit}: {self.label}"


class Involvement(RecordPart):
    """An organisation's role in a record: partner, chair, organiser, ..."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        PARTNER = "partner", _("Partner")
        CHAIR = "chair", _("Chair")
        CO_CHAIR = "co-chair", _("Co-chair")
        COORDINATOR = "coordinator", _("Coordinator")
        SECRETARIAT = "secretariat", _("Secretariat")
        CO_SECRETARIAT = "co-secretariat", _("Co-secretariat")
        MEMBER = "member", _("Member")
        ORGANISER = "organiser", _("Organiser")
        PARTICIPANT = "participant", _("Participant")
        HOST = "host", _("Host")
        FUNDER = "funder", _("Funder")
        MENTIONED = "mentioned", _("Mentioned")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="involvements",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)

    class Meta(RecordPart.Meta):
        verbose_name = _("organisation's role")
        verbose_name_plural = _("organisations' roles")
        constraints = [
            unique_position("involvement"),
            models.UniqueConstraint(
                fields=["record", "organisation", "role"], name="involvement_unique_role"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class Contact(RecordPart):
    """A person's role in a record: focal point, speaker, press contact."""

    class Role(models.TextChoices):
        FOCAL_POINT = "focal-point", _("Focal point")
        SPEAKER = "speaker", _("Speaker")
        PRESS_CONTACT = "press-contact", _("Press contact")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="contacts"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)

    class Meta(RecordPart.Meta):
        verbose_name = _("person's role")
        verbose_name_plural = _("people's roles")
        constraints = [
            unique_position("contact"),
            models.UniqueConstraint(
                fields=["record", "person", "role"], name="contact_unique_role"
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


# The ordered parts of a record, in the order fixtures and restores handle them.
RECORD_PARTS = [Section, Point, Quote, Figure, Involvement, Contact]
