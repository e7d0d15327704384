"""The shared vocabulary of the directory and its records.

Every kind of directory entry (mechanism, working group, network, national network,
sub-structure, activity, area of work, policy output) is a row of one `Record` table,
told apart by `kind`, with a proxy model per kind. The country, SDG and search pages and
the facet counts therefore cover every kind in one query, and fixtures keep plain
natural keys (multi-table inheritance cannot be loaded by natural key).
"""

from django.apps import apps
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import connections, models
from django.db.models import Case, Exists, F, OuterRef, Prefetch, Q, Value, When
from django.db.models.functions import Length, Upper
from django.db.models.lookups import Exact
from django.db.models.signals import (
    class_prepared,
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
)
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

HEX_COLOUR = RegexValidator(r"^#[0-9A-F]{6}$", _("Enter a colour as #RRGGBB in capitals."))
PHONE = RegexValidator(
    r"^\+[0-9][0-9 ]{6,20}$",
    _("Enter an international number: + then the country code and digits."),
)


class SlugNaturalKeyManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class CountryManager(models.Manager):
    def get_by_natural_key(self, iso_code):
        return self.get(iso_code=iso_code)


class SDGManager(models.Manager):
    def get_by_natural_key(self, number):
        return self.get(number=number)


def is_upper_of_length(field, length):
    """A portable check (no REGEXP, which SQLite only has inside Django)."""
    return Q(Exact(Length(field), length)) & Q(Exact(Upper(field), F(field)))


class Source(models.Model):
    """One of the public documents the directory's facts come from (provenance)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    seed_file = models.CharField(_("seed file"), max_length=100, unique=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_on_text = models.CharField(
        _("publication date as written"), max_length=100, blank=True
    )
    modified_at = models.DateTimeField(_("last modified"), null=True, blank=True)
    read_count = models.PositiveIntegerField(_("read count shown"), null=True, blank=True)
    note = models.TextField(_("note on the document"), blank=True)

    objects = SlugNaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["seed_file"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")
        constraints = [
            models.CheckConstraint(
                condition=Q(modified_at__isnull=True)
                | Q(published_at__isnull=True)
                | Q(modified_at__gte=F("published_at")),
                name="source_modified_after_published",
                violation_error_message=_("The last-modified date is before the publication date."),
            ),
        ]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)


class Country(models.Model):
    iso_code = models.CharField(
        _("ISO 3166-1 alpha-2 code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Enter two capital letters."))],
    )
    name = models.CharField(_("name"), max_length=100, unique=True)
    is_arab_state = models.BooleanField(
        _("member of the League of Arab States"), default=False, db_index=True
    )

    objects = CountryManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(
                condition=is_upper_of_length("iso_code", 2),
                name="country_iso_code_two_capitals",
                violation_error_message=_("The ISO code must be two capital letters."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("country-detail", kwargs={"iso_code": self.iso_code.lower()})

    def natural_key(self):
        return (self.iso_code,)


class SDG(models.Model):
    """A Sustainable Development Goal with its official short title and colour."""

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    title = models.CharField(_("title"), max_length=100)
    colour = models.CharField(_("official colour"), max_length=7, validators=[HEX_COLOUR])

    objects = SDGManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=17),
                name="sdg_number_1_to_17",
                violation_error_message=_("An SDG number is between 1 and 17."),
            ),
            models.CheckConstraint(
                condition=is_upper_of_length("colour", 7) & Q(colour__startswith="#"),
                name="sdg_colour_hex",
                violation_error_message=_("Enter the colour as #RRGGBB in capitals."),
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("sdg-detail", kwargs={"number": self.number})

    def natural_key(self):
        return (self.number,)


class Taxon(models.Model):
    """A term of a simple vocabulary (themes, types), addressed by slug."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)

    objects = SlugNaturalKeyManager()
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Theme(Taxon):
    class Meta(Taxon.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class Type(Taxon):
    """The source site's "Type(s)" taxonomy (e.g. Mechanism)."""

    class Meta(Taxon.Meta):
        verbose_name = _("type")
        verbose_name_plural = _("types")


class Framework(models.Model):
    """A policy framework records refer to (the GCM, the 2030 Agenda, ...)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )

    objects = SlugNaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("policy framework")
        verbose_name_plural = _("policy frameworks")

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    def natural_key(self):
        return (self.slug,)


class Organisation(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    url = models.URLField(_("website"), blank=True)

    objects = SlugNaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="organisation_not_own_parent",
                violation_error_message=_("An organisation cannot be part of itself."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("mechanisms:organisation-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["mechanisms.country"]


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People named by a published record: a person seen only in drafts stays hidden."""
        published = Q(record__publication="published")
        return self.filter(
            Exists(Contact.objects.filter(published, person=OuterRef("pk")))
            | Exists(Quote.objects.filter(published, person=OuterRef("pk")))
        )


class PersonManager(SlugNaturalKeyManager.from_queryset(PersonQuerySet)):
    pass


class Person(models.Model):
    """A named person: a focal point, a speaker, a press contact."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    honorific = models.CharField(_("honorific"), max_length=40, blank=True)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[PHONE])
    email = models.EmailField(_("email"), blank=True)
    email_note = models.CharField(
        _("note on the email"),
        max_length=200,
        blank=True,
        help_text=_("Why the email is unknown, when it is (e.g. hidden on the source page)."),
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="people"
    )

    objects = PersonManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("mechanisms:person-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["mechanisms.organisation", "mechanisms.source"]


# Full-text search on PostgreSQL. The documents are in English, so the English
# configuration (stemming, stop words) lets "coordinating" find "coordination"; Arabic
# records will need their own configuration when they come.
SEARCH_CONFIG = "english"
MAX_SEARCH_WORDS = 12


def search_vector():
    """The title (weight A) and the derived search document (weight B).

    Migration 0002 indexes exactly this expression with GIN on PostgreSQL; a query uses
    the index only while the two stay identical (a test checks the query plan).
    """
    return SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "search_document", weight="B", config=SEARCH_CONFIG
    )


class RecordQuerySet(models.QuerySet):
    def published(self):
        return self.filter(publication=Record.Publication.PUBLISHED)

    def of_kind(self, *kinds):
        return self.filter(kind__in=kinds)

    def with_taxonomies(self):
        """Everything a list row shows, in a fixed number of queries."""
        return self.select_related("source", "parent").prefetch_related(
            "countries", "sdgs", "themes", "types"
        )

    def for_list(self):
        """Published records with what a row of a list shows; no parts, no search text."""
        return self.published().with_taxonomies().defer("search_document")

    def for_detail(self, *, include_unpublished=False):
        """Records with every part a detail page shows, in a fixed number of queries.

        Published records only, unless `include_unpublished` (staff previewing drafts).
        """
        records, children = self, Record.objects.order_by("position", "title")
        if not include_unpublished:
            records, children = records.published(), children.published()
        return records.with_taxonomies().prefetch_related(
            "frameworks",
            "sections",
            "points",
            "figures",
            Prefetch("quotes", Quote.objects.select_related("person__organisation")),
            Prefetch("involvements", Involvement.objects.select_related("organisation")),
            Prefetch("contacts", Contact.objects.select_related("person__organisation")),
            Prefetch("children", children.prefetch_related("countries")),
        )

    def search(self, text):
        """Records matching every word of `text`, best first (`search_rank`).

        PostgreSQL: web-search syntax ("quoted phrases", or, -word) over the GIN-indexed
        vector, ranked by SearchRank. Elsewhere (SQLite): every word must appear in the
        title or the search document, and title matches rank first.
        """
        if connections[self.db].vendor == "postgresql":
            query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
            return (
                self.alias(search_match=search_vector())
                .filter(search_match=query)
                .annotate(search_rank=SearchRank(search_vector(), query))
                .order_by("-search_rank", "title")
            )
        words = text.split()[:MAX_SEARCH_WORDS]
        matches = Q()
        for word in words:
            matches &= Q(title__icontains=word) | Q(search_document__icontains=word)
        title_hits = [Case(When(title__icontains=word, then=1), default=0) for word in words]
        rank = sum(title_hits, Value(0))
        return self.filter(matches).annotate(search_rank=rank).order_by("-search_rank", "title")

    def refresh_search_documents(self):
        """Rebuild the derived search text of these records from their parts."""
        records = list(
            self.select_related(None)
            .prefetch_related(None)
            .prefetch_related(
                "frameworks",
                "sections",
                "points",
                "figures",
                Prefetch("quotes", Quote.objects.select_related("person")),
                Prefetch("involvements", Involvement.objects.select_related("organisation")),
                Prefetch("contacts", Contact.objects.select_related("person")),
            )
        )
        for record in records:
            record.search_document = record.build_search_document()
        self.model._base_manager.using(self.db).bulk_update(
            records, ["search_document"], batch_size=500
        )


class RecordManager(models.Manager.from_queryset(RecordQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class KindManager(RecordManager):
    """The manager of a per-kind proxy: only rows of that kind."""

    def get_queryset(self):
        return super().get_queryset().filter(kind=self.model.KIND)


# Every change to a record, with who and when; the taxonomies are part of each version.
# The derived search text and the write timestamp are not history.
RECORD_HISTORY = HistoricalRecords(
    m2m_fields=["countries", "sdgs", "themes", "types", "frameworks"],
    excluded_fields=["search_document", "updated_at"],
)


@receiver(class_prepared)
def follow_history_of_every_kind(sender, **kwargs):
    """Django sends a proxy's save and delete signals with the proxy as sender, so the
    history of Record would miss edits made through Mechanism, Network, ...: listen to
    each kind too."""
    if sender._meta.proxy and issubclass(sender, Record):
        for signal, handler in [
            (post_save, RECORD_HISTORY.post_save),
            (pre_delete, RECORD_HISTORY.pre_delete),
            (post_delete, RECORD_HISTORY.post_delete),
        ]:
            signal.connect(handler, sender=sender, weak=False)
        sender._meta.simple_history_manager_attribute = RECORD_HISTORY.manager_name


class Record(models.Model):
    class Kind(models.TextChoices):
        MECHANISM = "mechanism", _("Coordination mechanism")
        WORKING_GROUP = "working-group", _("Working group")
        NETWORK = "network", _("Network")
        NATIONAL_NETWORK = "national-network", _("National network")
        SUB_STRUCTURE = "sub-structure", _("Sub-structure")
        ACTIVITY = "activity", _("Activity")
        AREA_OF_WORK = "area-of-work", _("Area of work")
        OUTPUT = "output", _("Policy and advocacy output")

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

    kind = models.CharField(_("kind of record"), max_length=20, choices=Kind, db_index=True)
    slug = models.SlugField(_("slug"), max_length=120)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
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
    geographic_focus = models.CharField(_("geographic focus"), max_length=200, blank=True)

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
    date_text = models.CharField(
        _("date or state as written"),
        max_length=200,
        blank=True,
        help_text=_('The document\'s own words, e.g. "December 2012", "to be conducted in 2013".'),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    participants = models.TextField(_("participants"), blank=True)

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

    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last updated"), default=timezone.now, editable=False)
    search_document = models.TextField(
        _("search text"),
        blank=True,
        editable=False,
        help_text=_("Derived from the record and its parts; rebuilt, never edited."),
    )

    objects = RecordManager()
    history = RECORD_HISTORY

    class Meta:
        ordering = ["title"]
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
                condition=Q(activity_type="") | Q(kind="activity"),
                name="record_activity_type_only_on_activities",
                violation_error_message=_("Only activities have a type of activity."),
            ),
            models.CheckConstraint(
                condition=Q(structure_type="") | Q(kind="sub-structure"),
                name="record_structure_type_only_on_sub_structures",
                violation_error_message=_("Only sub-structures have a type of structure."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="record_not_own_parent",
                violation_error_message=_("A record cannot be part of itself."),
            ),
        ]
        indexes = [
            # Lists of one kind sorted by title, the default listing of every kind.
            models.Index(fields=["kind", "publication", "title"], name="record_kind_listing"),
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
        return reverse(self.kind_models()[self.kind].DETAIL_URL_NAME, kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["mechanisms.source"]

    def clean(self):
        super().clean()
        expected = getattr(self, "KIND", None)
        if expected and self.kind and self.kind != expected:
            raise ValidationError(
                {
                    "kind": _("This is a %(expected)s; its kind cannot be “%(kind)s”.")
                    % {"expected": expected.label, "kind": self.kind}
                }
            )
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date is before the start date.")
        if self.end_date and not self.start_date:
            errors["start_date"] = _("A record with an end date needs a start date.")
        if self.activity_type and self.kind != self.Kind.ACTIVITY:
            errors["activity_type"] = _("Only activities have a type of activity.")
        if self.structure_type and self.kind != self.Kind.SUB_STRUCTURE:
            errors["structure_type"] = _("Only sub-structures have a type of structure.")
        budget = (
            self.budget_amount is not None,
            self.budget_year is not None,
            bool(self.budget_currency),
        )
        if any(budget) and not all(budget):
            errors["budget_amount"] = _("Give the budget's amount, currency and year together.")
        if self.parent_id and self.pk and self.parent_id == self.pk:
            errors["parent"] = _("A record cannot be part of itself.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def kind_models(cls):
        """The proxy model of each kind, found in the app registry (so that this app
        needs no import of the apps that define kinds)."""
        return {
            model.KIND: model
            for model in apps.get_models()
            if issubclass(model, Record) and getattr(model, "KIND", None)
        }

    @property
    def is_published(self):
        return self.publication == self.Publication.PUBLISHED

    def build_search_document(self):
        """The words search finds this record by, besides its title (parts prefetched)."""
        texts = [self.summary, self.geographic_focus, self.place, self.date_text]
        texts.append(self.participants)
        texts += [f"{section.heading}\n{section.body}" for section in self.sections.all()]
        texts += [f"{point.label}\n{point.text}" for point in self.points.all()]
        for quote in self.quotes.all():
            speaker = quote.person.name if quote.person else quote.attribution
            texts.append(f"{quote.text}\n{speaker}")
        texts += [figure.label for figure in self.figures.all()]
        texts += [str(framework) for framework in self.frameworks.all()]
        texts += [str(involvement.organisation) for involvement in self.involvements.all()]
        for contact in self.contacts.all():
            texts.append(f"{contact.person.name}\n{contact.person.position}")
        return "\n".join(dict.fromkeys(text for text in texts if text))


class KindProxy(models.Model):
    """Mixin of the per-kind proxies: `KIND` fixes the kind, the manager filters on it."""

    KIND = None
    DETAIL_URL_NAME = None

    objects = KindManager()

    class Meta:
        abstract = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.kind:
            self.kind = self.KIND


class Mechanism(KindProxy, Record):
    KIND = Record.Kind.MECHANISM
    DETAIL_URL_NAME = "mechanisms:mechanism-detail"

    class Meta:
        proxy = True
        verbose_name = _("coordination mechanism")
        verbose_name_plural = _("coordination mechanisms")


class Activity(KindProxy, Record):
    """Results, meetings, events, consultations, statements, plans and projects."""

    KIND = Record.Kind.ACTIVITY
    DETAIL_URL_NAME = "mechanisms:activity-detail"

    class Meta:
        proxy = True
        verbose_name = _("activity")
        verbose_name_plural = _("activities")


class AreaOfWork(KindProxy, Record):
    KIND = Record.Kind.AREA_OF_WORK
    DETAIL_URL_NAME = "mechanisms:area-of-work-detail"

    class Meta:
        proxy = True
        verbose_name = _("area of work")
        verbose_name_plural = _("areas of work")


class RecordPartNaturalKeyManager(models.Manager):
    """Parts of a record are addressed by the record's slug and their position."""

    def get_by_natural_key(self, record_slug, position):
        return self.get(record__slug=record_slug, position=position)


class RecordPart(models.Model):
    """An ordered part of a record: a section, a list item, a quote, a figure."""

    record = models.ForeignKey(
        Record, verbose_name=_("record"), on_delete=models.CASCADE, related_name="%(class)ss"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = RecordPartNaturalKeyManager()
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

    heading = models.CharField(
        _("heading"),
        max_length=200,
        blank=True,
        help_text=_("As the document gives it; empty where the document has none."),
    )
    body = models.TextField(_("text"))

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
    label = models.CharField(
        _("label"), max_length=200, blank=True, help_text=_("A short name, where given.")
    )
    text = models.TextField(_("text"))

    class Meta(RecordPart.Meta):
        verbose_name = _("list item")
        verbose_name_plural = _("list items")
        constraints = [unique_position("point")]

    def __str__(self):
        return self.label or self.text[:80]


class Quote(RecordPart):
    text = models.TextField(_("quoted text"))
    person = models.ForeignKey(
        Person,
        verbose_name=_("speaker"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quotes",
    )
    attribution = models.CharField(
        _("attribution"),
        max_length=300,
        blank=True,
        help_text=_("Who or what is quoted, when it is not a person."),
    )

    class Meta(RecordPart.Meta):
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [
            unique_position("quote"),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(attribution=""),
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
    unit = models.CharField(_("unit"), max_length=100)
    label = models.CharField(_("what it counts"), max_length=300)

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


def refresh_search_document(record_id):
    Record.objects.filter(pk=record_id).refresh_search_documents()


# Saves that touch only these fields change nothing search finds.
NOT_SEARCHED_FIELDS = {"publication", "last_reviewed", "updated_at"}


@receiver(post_save)
def record_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """Keep the derived search text in step with edits; fixture loading refreshes once at
    the end instead (raw saves). Any sender: a proxy's signals name the proxy."""
    if not isinstance(instance, Record) or raw:
        return
    if update_fields and set(update_fields) <= NOT_SEARCHED_FIELDS:
        return
    refresh_search_document(instance.pk)


@receiver(post_save, sender=Person)
@receiver(post_save, sender=Organisation)
def name_changed(sender, instance, raw=False, **kwargs):
    """People's and organisations' names are in the search text of the records they
    appear in."""
    if raw:
        return
    if sender is Person:
        named = Q(contacts__person=instance) | Q(quotes__person=instance)
    else:
        named = Q(involvements__organisation=instance)
    ids = Record.objects.filter(named).values("pk")
    Record.objects.filter(pk__in=ids).refresh_search_documents()


@receiver(post_save, sender=Section)
@receiver(post_save, sender=Point)
@receiver(post_save, sender=Quote)
@receiver(post_save, sender=Figure)
@receiver(post_save, sender=Involvement)
@receiver(post_save, sender=Contact)
@receiver(post_delete, sender=Section)
@receiver(post_delete, sender=Point)
@receiver(post_delete, sender=Quote)
@receiver(post_delete, sender=Figure)
@receiver(post_delete, sender=Involvement)
@receiver(post_delete, sender=Contact)
def record_part_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_document(instance.record_id)


@receiver(m2m_changed, sender=Record.frameworks.through)
def record_frameworks_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action.startswith("post_"):
        records = (
            Record.objects.filter(pk__in=pk_set)
            if reverse
            else Record.objects.filter(pk=instance.pk)
        )
        records.refresh_search_documents()
