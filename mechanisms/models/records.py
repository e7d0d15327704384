"""Records: every kind of directory entry is a row of one table, told apart by `kind`.

Mechanisms, working groups, networks, national networks, sub-structures, activities,
areas of work and policy outputs share one `Record` table, with a proxy model per kind
declared in `mechanisms.kinds`' registry. The country, SDG and search pages and the facet
counts therefore cover every kind in one query, and fixtures keep plain natural keys
(multi-table inheritance cannot be loaded by natural key).
"""

from functools import cache

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, F, IntegerField, Prefetch, Q
from django.db.models.functions import Coalesce, ExtractYear
from django.db.models.signals import class_prepared, post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from mechanisms import bilingual, search
from mechanisms.bilingual import TranslatedText
from mechanisms.constraint_checks import ChecksConstraintsInPython
from mechanisms.kinds import KIND_SPECIFIC_FIELDS, Kind, kind_choices, registry
from mechanisms.models import natural_keys
from mechanisms.models.vocabulary import (
    SDG,
    Country,
    Framework,
    Organisation,
    Person,
    Source,
    Theme,
    Type,
)

# What search is made of, derived from the record: never shown, exported or recorded.
DERIVED_FIELDS = ("search_document", "search_document_ar", "search_terms_ar", "search_vector")

# A record page lists at most this many of the records that belong to it, with a link to
# the list of all of them.
CHILDREN_SHOWN = 50


def effective_year():
    """The year of a record: its own, or that of its start date."""
    return Coalesce("year", ExtractYear("start_date"), output_field=IntegerField())


def part(relation):
    """The parts of records behind a relation (`"quotes"` → `Quote.objects`); parts.py
    defines them on top of this module."""
    return Record._meta.get_field(relation).related_model.objects


class RecordQuerySet(models.QuerySet):
    def published(self):
        return self.filter(publication=Record.Publication.PUBLISHED)

    def of_kind(self, *kinds):
        return self.filter(kind__in=[str(kind) for kind in kinds])

    def with_taxonomies(self):
        """What a row of a list shows: source, parent, countries, SDGs, themes."""
        return self.select_related("source", "parent").prefetch_related(
            "countries", "sdgs", "themes"
        )

    def with_roles(self):
        """Frameworks, and organisations and people with their roles (and, for the
        organisations, what they are part of and the source of an official name)."""
        organisation = "organisation__official_name_source"
        return self.prefetch_related(
            Prefetch("frameworks", Framework.objects.select_related("year_source")),
            Prefetch(
                "involvements",
                part("involvements").select_related("organisation__parent__parent", organisation),
            ),
            Prefetch(
                "contacts", part("contacts").select_related("person__organisation__parent__parent")
            ),
        )

    def with_parts(self):
        """Sections, list items, key figures and quotes, in document order."""
        return self.prefetch_related(
            "sections",
            "points",
            "figures",
            Prefetch(
                "quotes", part("quotes").select_related("person__organisation__parent__parent")
            ),
        )

    def for_search_text(self):
        """What a record's search text is made of (`search.search_document`): its parts,
        taxonomies, organisations and people; not its source or parent, nor the search
        text being replaced."""
        return (
            self.prefetch_related("countries", "sdgs", "themes", "types")
            .with_roles()
            .with_parts()
            .defer(*DERIVED_FIELDS)
        )

    def for_list(self):
        """Published records with what a row of a list shows; no parts, no search text."""
        return self.published().with_taxonomies().defer(*DERIVED_FIELDS)

    def for_export(self):
        """Everything a download or the API gives of a record, in a fixed number of queries
        per chunk; the search text, never exported, is left in the database."""
        return (
            self.prefetch_related(None)
            .with_taxonomies()
            .prefetch_related("types")
            .with_roles()
            .defer(*DERIVED_FIELDS, "parent__search_document")
        )

    def for_detail(self, *, include_unpublished=False):
        """Records with every part a detail page shows, in a fixed number of queries; of
        the records that belong to each, the first `CHILDREN_SHOWN` and one more (to know
        whether there are more), in `first_children`.

        Published records only, unless `include_unpublished` (staff previewing drafts).
        """
        records, children = self, Record.objects.order_by("position", "title_en")
        if not include_unpublished:
            records, children = records.published(), children.published()
        return (
            records.with_taxonomies()
            .prefetch_related("types")
            .with_roles()
            .with_parts()
            .prefetch_related(
                Prefetch(
                    "children",
                    children.prefetch_related("countries")[: CHILDREN_SHOWN + 1],
                    to_attr="first_children",
                )
            )
        )

    def count_by_kind(self):
        """{kind: number of these records}, in one query."""
        return dict(self.order_by().values_list("kind").annotate(Count("pk")))

    def count_by_year(self):
        """{year: number of these records} by the year each took place or began (see
        `effective_year`; None counts the undated), in one query."""
        counts = self.order_by().annotate(effective_year=effective_year())
        return dict(counts.values_list("effective_year").annotate(Count("pk")))

    def search(self, text):
        """Records matching every word of `text`, best first (see `mechanisms.search`)."""
        return search.matching(self, text)

    def refresh_search_documents(self):
        """Rebuild the derived search text of these records from their parts."""
        search.rebuild_search_documents(self)


class RecordManager(models.Manager.from_queryset(RecordQuerySet)):
    def get_by_natural_key(self, slug):
        return natural_keys.get_by_natural_key(self, slug=slug)


class KindManager(RecordManager):
    """The manager of a per-kind proxy: only rows of that kind."""

    def get_queryset(self):
        return super().get_queryset().filter(kind=self.model.KIND.value)


# Every change to a record, with who and when; the taxonomies are part of each version.
# The derived search text and the write timestamp are not history.
RECORD_HISTORY = HistoricalRecords(
    m2m_fields=["countries", "sdgs", "themes", "types", "frameworks"],
    excluded_fields=[
        "search_document",
        "search_document_ar",
        "search_terms_ar",
        "search_vector",
        "updated_at",
    ],
)


@receiver(class_prepared)
def kind_declared(sender, **kwargs):
    """A proxy of Record with a `KIND` declaration joins the registry of kinds.

    Django sends a proxy's save and delete signals with the proxy as sender, so the
    history of Record would miss edits made through Mechanism, Network, ...: the history
    listens to each kind too.
    """
    if not (sender._meta.proxy and issubclass(sender, Record)):
        return
    if isinstance(getattr(sender, "KIND", None), Kind):
        registry.register(sender)
    for signal, handler in [
        (post_save, RECORD_HISTORY.post_save),
        (pre_delete, RECORD_HISTORY.pre_delete),
        (post_delete, RECORD_HISTORY.post_delete),
    ]:
        signal.connect(handler, sender=sender, weak=False)
    sender._meta.simple_history_manager_attribute = RECORD_HISTORY.manager_name


class Record(ChecksConstraintsInPython, bilingual.AcceptsTranslatedNames, models.Model):
    """An entry of the directory, of one of the declared kinds (see `mechanisms.kinds`)."""

    class Publication(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class Status(models.TextChoices):
        COMPLETED = "completed", _("Completed")
        ONGOING = "ongoing", _("Ongoing")
        PLANNED = "planned", _("Planned")

    class ActivityType(models.TextChoices):
        RESULT = "result", _("Result")
        MEETING = "meeting", _("Meeting")
        EVENT = "event", _("Event")
        CONSULTATION = "consultation", _("Consultation")
        STATEMENT = "statement", _("Statement")
        PLAN = "plan", _("Plan")
        PROJECT = "project", _("Project")

    class StructureType(models.TextChoices):
        COMMITTEE = "committee", _("Committee")
        TASK_FORCE = "task-force", _("Task force")
        WORKING_GROUP = "working-group", _("Working group")

    kind = models.CharField(_("kind of record"), max_length=20, choices=kind_choices, db_index=True)
    slug = models.SlugField(_("slug"), max_length=120)
    title = TranslatedText(models.CharField(_("title"), max_length=300))
    summary = TranslatedText(models.TextField(_("summary"), blank=True))
    publication = models.CharField(
        _("publication state"),
        max_length=10,
        choices=Publication,
        default=Publication.DRAFT,
        help_text=_("Only published records are public; drafts are previewed by staff."),
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source document"), on_delete=models.PROTECT, related_name="records"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        help_text=_("The mechanism, group or network this record belongs to."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order among the records of the same parent.")
    )
    listed_under = TranslatedText(
        models.CharField(
            _("listed under"),
            max_length=200,
            blank=True,
            help_text=_(
                "The heading the document lists it under in the record it belongs to, e.g. "
                "“Results to date”; records with the same heading are shown together."
            ),
        )
    )

    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="records"
    )
    sdgs = models.ManyToManyField(SDG, verbose_name=_("SDGs"), blank=True, related_name="records")
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="records"
    )
    types = models.ManyToManyField(
        Type, verbose_name=_("types"), blank=True, related_name="records"
    )
    frameworks = models.ManyToManyField(
        Framework, verbose_name=_("policy frameworks"), blank=True, related_name="records"
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisations"),
        through="Involvement",
        blank=True,
        related_name="records",
    )
    people = models.ManyToManyField(
        Person, verbose_name=_("people"), through="Contact", blank=True, related_name="records"
    )
    geographic_focus = TranslatedText(
        models.CharField(_("geographic focus"), max_length=200, blank=True)
    )

    # When and where (activities, meetings, plans; results with a date or state).
    activity_type = models.CharField(
        _("type of activity"), max_length=20, choices=ActivityType, blank=True
    )
    structure_type = models.CharField(
        _("type of structure"), max_length=20, choices=StructureType, blank=True
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    date_text = TranslatedText(
        models.CharField(
            _("date as written"),
            max_length=200,
            blank=True,
            help_text=_("A date or period in the document's own words, e.g. “December 2012”."),
        )
    )
    date_note = TranslatedText(
        models.CharField(
            _("note on the date"),
            max_length=300,
            blank=True,
            help_text=_(
                "How the date was worked out where the document does not give it whole, e.g. "
                "“the year is inferred: the briefing followed the IMRF of May 2022”."
            ),
        )
    )
    status_as_written = TranslatedText(
        models.CharField(
            _("status as written"),
            max_length=300,
            blank=True,
            help_text=_(
                "The document's own words on how far it had got, where they are not a date: "
                "“Currently”, “roundtables to be conducted in 2013”."
            ),
        )
    )
    place = TranslatedText(models.CharField(_("place"), max_length=200, blank=True))
    participants = TranslatedText(models.TextField(_("participants"), blank=True))

    # Mechanisms: the most recent annual budget.
    budget_amount = models.DecimalField(
        _("budget amount"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    budget_currency = models.CharField(
        _("budget currency"),
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Enter an ISO 4217 code such as USD."))],
    )
    budget_year = models.PositiveSmallIntegerField(
        _("budget year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )

    # Networks and working groups: what the document reports in figures.
    reported_national_networks = models.PositiveSmallIntegerField(
        _("national networks reported"),
        null=True,
        blank=True,
        help_text=_("The total the document reports; the named ones are linked records."),
    )
    participating_agencies = models.PositiveSmallIntegerField(
        _("participating agencies"), null=True, blank=True
    )

    translated_by = models.CharField(
        _("Arabic translated by"),
        max_length=200,
        blank=True,
        help_text=_("Who translated the record and its parts from the English source."),
    )
    translation_reviewed = models.BooleanField(
        _("Arabic translation reviewed"),
        default=False,
        help_text=_("Whether someone who reads both languages checked the translation."),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    updated_at = models.DateTimeField(_("last updated"), default=timezone.now, editable=False)
    search_document = models.TextField(
        _("search text"),
        blank=True,
        editable=False,
        help_text=_("Derived from the record and its parts; rebuilt, never edited."),
    )
    search_document_ar = models.TextField(
        _("Arabic search text"),
        blank=True,
        editable=False,
        help_text=_("Derived from the Arabic of the record and its parts; rebuilt, never edited."),
    )
    search_terms_ar = models.TextField(
        _("Arabic search terms"),
        blank=True,
        editable=False,
        help_text=_("The Arabic prepared for matching (mechanisms/arabic.py); derived."),
    )
    # PostgreSQL's full-text vector of the titles and search texts, stored so that the
    # results and every facet count match through one GIN index instead of computing it
    # row by row. Empty on SQLite, which matches the texts themselves.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = RecordManager()
    history = RECORD_HISTORY

    class Meta:
        ordering = ["title_en"]
        permissions = [("publish_record", _("Can publish, archive and return records to draft"))]
        verbose_name = _("record")
        verbose_name_plural = _("records")
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="record_unique_slug"),
            models.CheckConstraint(
                condition=Q(budget_amount__isnull=True) | Q(budget_amount__gte=0),
                name="record_budget_not_negative",
                violation_error_message=_("A budget cannot be negative."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(budget_amount__isnull=True, budget_year__isnull=True, budget_currency="")
                    | Q(budget_amount__isnull=False, budget_year__isnull=False)
                    & ~Q(budget_currency="")
                ),
                name="record_budget_complete",
                violation_error_message=_("Give the budget's amount, currency and year together."),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="record_dates_in_order",
                violation_error_message=_("The end date is before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=False),
                name="record_end_needs_start",
                violation_error_message=_("A record with an end date needs a start date."),
            ),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1900, year__lte=2100),
                name="record_year_plausible",
                violation_error_message=_("Enter a year between 1900 and 2100."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="record_not_own_parent",
                violation_error_message=_("A record cannot be part of itself."),
            ),
        ]
        indexes = [
            # Lists of one kind sorted by title, the default listing of every kind.
            models.Index(fields=["kind", "publication", "title_en"], name="record_kind_listing"),
            # Lists of every kind (search, countries, SDGs) by title, in each language: a
            # deep page reads its keys from the index alone instead of sorting every
            # record. The Arabic one ends with the titles, which its order is computed
            # from: without them PostgreSQL reads each row to check the expression.
            models.Index(
                F("publication"),
                bilingual.sort_text("title", "en"),
                F("id"),
                name="record_listing_by_title",
            ),
            models.Index(
                F("publication"),
                bilingual.sort_text("title", "ar"),
                F("id"),
                F("title_ar"),
                F("title_en"),
                name="record_listing_by_title_ar",
            ),
            # The keys of the published records, of one kind or of all: each facet count
            # and each filter joins them to a link table. Read from this narrow index,
            # not from the table's wide rows (their search texts): at 10,000 records
            # PostgreSQL's SQL of a list on two facets went from 26 to 20 ms.
            models.Index(
                fields=["publication", "kind", "id"], name="record_published_keys_by_kind"
            ),
            # "Most recently updated" on the home page.
            models.Index(fields=["-updated_at"], name="record_recently_updated"),
            # The ordered children of a record on its detail page.
            models.Index(fields=["parent", "position"], name="record_children_in_order"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(f"{self.kind_declaration.url_name_prefix}-detail", args=[self.slug])

    @property
    def kind_declaration(self):
        return registry[self.kind]

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["mechanisms.source"]

    @property
    def is_published(self):
        return self.publication == self.Publication.PUBLISHED

    def clean(self):
        super().clean()
        expected = getattr(self, "KIND", None)
        if expected and self.kind and self.kind != expected.value:
            raise ValidationError(
                {
                    "kind": _("This is a %(expected)s; its kind cannot be “%(kind)s”.")
                    % {"expected": expected.singular, "kind": self.kind}
                }
            )
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date is before the start date.")
        if self.end_date and not self.start_date:
            errors["start_date"] = _("A record with an end date needs a start date.")
        budget = (
            self.budget_amount is not None,
            self.budget_year is not None,
            bool(self.budget_currency),
        )
        if any(budget) and not all(budget):
            errors["budget_amount"] = _("Give the budget's amount, currency and year together.")
        if self.parent_id and self.pk and self.parent_id == self.pk:
            errors["parent"] = _("A record cannot be part of itself.")
        if self.kind in registry:
            errors = self.kind_errors(registry[self.kind]) | errors
        if errors:
            raise ValidationError(errors)

    def parent_kind(self):
        """The parent's kind: from the parent in memory if there is one (the bulk
        loader resolves every parent before validating), else from the database."""
        if Record.parent.is_cached(self) and self.parent is not None:
            return self.parent.kind
        return Record.objects.filter(pk=self.parent_id).values_list("kind", flat=True).first()

    def kind_errors(self, kind):
        """The fields this record carries that its kind does not allow, and a parent of a
        kind it may not belong to."""
        errors = {}
        for name in KIND_SPECIFIC_FIELDS:
            if name not in kind.allowed_fields and carries(self, name):
                errors[carrying_column(self, name)] = only_kinds_message(name)
        if "parent" in kind.allowed_fields and self.parent_id:
            parent_kind = self.parent_kind()
            if parent_kind and parent_kind not in kind.parents:
                errors["parent"] = _(
                    "A %(kind)s can be part of %(allowed)s only, not of a %(parent)s."
                ) % {
                    "kind": str(kind.singular).lower(),
                    "allowed": get_text_list(
                        [str(parent.singular).lower() for parent in kind.parent_kinds], _("or")
                    ),
                    "parent": str(registry[parent_kind].singular).lower()
                    if parent_kind in registry
                    else parent_kind,
                }
        return errors


@cache
def columns(name):
    """The model fields behind a field of Record: one, or one per language for a
    translated field."""
    return tuple(Record._meta.get_field(column) for column in bilingual.columns(Record, name))


def verbose_name(name):
    if bilingual.is_translated(Record, name):
        return getattr(Record, name).short_description
    return Record._meta.get_field(name).verbose_name


def carries(record, name):
    """Whether `record` has a value in the kind-specific field `name`, in any language."""
    return any(
        getattr(record, column.attname) not in (None, "", column.get_default())
        for column in columns(name)
    )


def carrying_column(record, name):
    """The name of the column of `name` that holds a value (for a message on it)."""
    return next(
        column.name
        for column in columns(name)
        if getattr(record, column.attname) not in (None, "", column.get_default())
    )


def empty_value(name):
    """The condition of a kind-specific field left empty (in every language), in SQL."""
    condition = Q()
    for column in columns(name):
        if column.null:
            condition &= Q(**{f"{column.name}__isnull": True})
        else:
            condition &= Q(**{column.name: column.get_default()})
    return condition


def kinds_allowing_text(name):
    kinds = [registry[value] for value in registry.kinds_allowing(name)]
    return get_text_list([str(kind.plural).lower() for kind in kinds], _("and"))


def only_kinds_message(name):
    field_name = verbose_name(name)
    if not registry.kinds_allowing(name):
        return _("No kind of record carries the field “%(field)s”.") % {"field": field_name}
    if name == "parent":
        return _("Only %(kinds)s can be part of another record.") % {
            "kinds": kinds_allowing_text(name)
        }
    return _("Only %(kinds)s carry the field “%(field)s”.") % {
        "kinds": kinds_allowing_text(name),
        "field": field_name,
    }


def kind_field_constraints():
    """One check constraint per kind-specific field: empty unless the record's kind
    declares it. Derived from the registry once every kind is declared (`apps.py`)."""
    return [
        models.CheckConstraint(
            condition=empty_value(name) | Q(kind__in=sorted(registry.kinds_allowing(name))),
            name=f"record_{name}_by_kind",
            violation_error_message=lazy(only_kinds_message, str)(name),
        )
        for name in KIND_SPECIFIC_FIELDS
    ]


class KindProxy(models.Model):
    """Mixin of the per-kind proxies: `KIND` declares the kind, the manager filters on it."""

    KIND = None

    objects = KindManager()

    class Meta:
        abstract = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.kind:
            self.kind = self.KIND.value


# The kinds this app declares; the network app declares its own.


class Mechanism(KindProxy, Record):
    KIND = Kind(
        "mechanism",
        _("Coordination mechanism"),
        _("Coordination mechanisms"),
        url_prefix="mechanisms",
        order=1,
        fields=["geographic_focus", ("budget_amount", "budget_currency", "budget_year")],
        parts=("sections", "involvements", "contacts", "activity", "figures", "quotes"),
        intro=_(
            "Multilateral and regional mechanisms that coordinate work on migration in the "
            "Arab States."
        ),
    )

    class Meta:
        proxy = True
        verbose_name = _("coordination mechanism")
        verbose_name_plural = _("coordination mechanisms")


class Activity(KindProxy, Record):
    """Results, meetings, events, consultations, statements, plans and projects."""

    KIND = Kind(
        "activity",
        _("Activity"),
        _("Activities and events"),
        url_prefix="activities",
        order=6,
        filterset="mechanisms.filters.ActivityFilterSet",
        fields=[
            ("parent", "position", "listed_under"),
            ("activity_type", "status", "status_as_written"),
            ("start_date", "end_date", "year"),
            ("date_text", "date_note"),
            "place",
            "participants",
        ],
        parents=["mechanism", "working-group", "area-of-work"],
        parts=("sections", "involvements", "contacts", "figures", "quotes"),
        intro=_(
            "Results, meetings, consultations, events, projects and plans of the mechanisms, "
            "groups and networks."
        ),
    )

    class Meta:
        proxy = True
        verbose_name = _("activity")
        verbose_name_plural = _("activities")


class AreaOfWork(KindProxy, Record):
    KIND = Kind(
        "area-of-work",
        _("Area of work"),
        _("Areas of work"),
        url_prefix="areas-of-work",
        order=7,
        fields=["geographic_focus"],
        parts=("sections", "points", "involvements", "contacts", "activity"),
        intro=_("Fields of work of the organisations in the directory."),
    )

    class Meta:
        proxy = True
        verbose_name = _("area of work")
        verbose_name_plural = _("areas of work")
