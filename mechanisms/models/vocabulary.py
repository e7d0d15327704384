"""The shared vocabulary: source documents, countries, SDGs, themes, types, policy
frameworks, organisations and people."""

from babel import Locale
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Length, Upper
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from mechanisms.bilingual import AcceptsTranslatedNames, TranslatedText
from mechanisms.bilingual import columns as bilingual_columns
from mechanisms.constraint_checks import ChecksConstraintsInPython
from mechanisms.models import natural_keys

HEX_COLOUR = RegexValidator(r"^#[0-9A-F]{6}$", _("Enter a colour as #RRGGBB in capitals."))
PHONE = RegexValidator(
    r"^\+[0-9][0-9 ]{6,20}$",
    _("Enter an international number: + then the country code and digits."),
)


class VocabularyQuerySet(models.QuerySet):
    def with_record_counts(self):
        """Each term with its number of published records (`record_count`), in the
        model's order (which a GROUP BY query does not apply by itself).

        A plain many-to-many join table, or a source's foreign key, holds a record and a
        term once, so only a relation through a model of its own (an organisation in two
        roles) needs COUNT(DISTINCT), which costs twice the time at 100,000 records.
        """
        relation = self.model._meta.get_field("records")
        published = Q(records__publication=relation.related_model.Publication.PUBLISHED)
        through = getattr(relation, "through", None)
        repeats = through is not None and not through._meta.auto_created
        return self.annotate(
            record_count=Count("records", filter=published, distinct=repeats)
        ).order_by(*self.model._meta.ordering)


class NamedQuerySet(VocabularyQuerySet):
    """Organisations and people found by name: every word must appear in one of
    `NAMED_FIELDS` (names, acronyms, positions)."""

    def matching(self, words):
        columns = [
            column
            for name in self.model.NAMED_FIELDS
            for column in bilingual_columns(self.model, name)
        ]
        condition = Q()
        for word in words.split()[:12]:
            condition &= Q.create(
                [(f"{column}__icontains", word) for column in columns], connector=Q.OR
            )
        return self.filter(condition).order_by(*self.model._meta.ordering)


class SlugNaturalKeyManager(models.Manager.from_queryset(VocabularyQuerySet)):
    def get_by_natural_key(self, slug):
        return natural_keys.get_by_natural_key(self, slug=slug)


class CountryManager(models.Manager.from_queryset(VocabularyQuerySet)):
    def get_by_natural_key(self, iso_code):
        return natural_keys.get_by_natural_key(self, iso_code=iso_code)


class SDGManager(models.Manager.from_queryset(VocabularyQuerySet)):
    def get_by_natural_key(self, number):
        return natural_keys.get_by_natural_key(self, number=number)


def is_upper_of_length(field, length):
    """A portable check (no REGEXP, which SQLite only has inside Django)."""
    return Q(Exact(Length(field), length)) & Q(Exact(Upper(field), F(field)))


class SourceManager(SlugNaturalKeyManager):
    def documents(self):
        return self.filter(kind=Source.Kind.DOCUMENT)


class Source(ChecksConstraintsInPython, AcceptsTranslatedNames, models.Model):
    """Where facts come from: one of the public documents the records are taken from,
    or a reference (an official list, a UN resolution) for the few facts the documents
    do not give, such as the League of Arab States' membership or the SDGs' colours."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Source document")
        REFERENCE = "reference", _("Reference")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.DOCUMENT)
    title = TranslatedText(models.CharField(_("title"), max_length=300))
    genre = TranslatedText(
        models.CharField(
            _("kind of document"),
            max_length=200,
            blank=True,
            help_text=_("What the document is, e.g. “a news item on the website of IOM in MENA”."),
        )
    )
    publisher = TranslatedText(
        models.CharField(
            _("publisher"),
            max_length=200,
            blank=True,
            help_text=_("As far as the document shows it; empty where it does not."),
        )
    )
    url = models.URLField(
        _("address"),
        blank=True,
        help_text=_("Where a reference is published. The source documents are kept as copies."),
    )
    seed_file = models.CharField(
        _("copy kept as"),
        max_length=100,
        blank=True,
        help_text=_("The file of the directory's copy of a source document."),
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_time = models.TimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("The time of day the document shows; it gives no time zone."),
    )
    published_on_text = models.CharField(
        _("publication date as written"), max_length=100, blank=True
    )
    modified_on = models.DateField(_("last modified on"), null=True, blank=True)
    modified_time = models.TimeField(
        _("last-modified time"),
        null=True,
        blank=True,
        help_text=_("The time of day the document shows; it gives no time zone."),
    )
    read_count = models.PositiveIntegerField(_("read count shown"), null=True, blank=True)
    content_as_of = TranslatedText(
        models.CharField(
            _("content written"),
            max_length=100,
            blank=True,
            help_text=_(
                "When the content was written, as far as the document shows it (“2013”, "
                "“November 2013”); empty where it does not. Statuses are dated by it."
            ),
        )
    )
    content_year = models.PositiveSmallIntegerField(
        _("year the content was written"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    content_as_of_basis = TranslatedText(
        models.TextField(
            _("what dates the content"),
            blank=True,
            help_text=_("The words of the document that date its content."),
        )
    )
    omissions = TranslatedText(
        models.TextField(
            _("cut off or hidden"),
            blank=True,
            help_text=_("What the document cuts off or hides (an email address, its end)."),
        )
    )
    note = TranslatedText(models.TextField(_("note on the document"), blank=True))

    objects = SourceManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "seed_file", "title_en"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.CheckConstraint(
                condition=Q(modified_on__isnull=True)
                | Q(published_on__isnull=True)
                | Q(modified_on__gte=F("published_on")),
                name="source_modified_after_published",
                violation_error_message=_("The last-modified date is before the publication date."),
            ),
            models.CheckConstraint(
                condition=Q(kind="document") | ~Q(url=""),
                name="source_reference_has_address",
                violation_error_message=_("A reference needs the address where it is published."),
            ),
            models.CheckConstraint(
                condition=Q(content_year__isnull=True)
                | Q(content_year__gte=1900, content_year__lte=2100),
                name="source_content_year_plausible",
                violation_error_message=_("Enter a year between 1900 and 2100."),
            ),
            models.UniqueConstraint(
                fields=["seed_file"],
                condition=~Q(seed_file=""),
                name="source_unique_seed_file",
                violation_error_message=_("Another source is kept in this file."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("directory:source-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @property
    def is_reference(self):
        return self.kind == self.Kind.REFERENCE


class Country(ChecksConstraintsInPython, AcceptsTranslatedNames, models.Model):
    iso_code = models.CharField(
        _("ISO 3166-1 alpha-2 code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Enter two capital letters."))],
    )
    name = TranslatedText(
        models.CharField(_("name"), max_length=100, unique=True), {"ar": {"unique": False}}
    )
    is_arab_state = models.BooleanField(
        _("member of the League of Arab States"), default=False, db_index=True
    )
    membership_source = models.ForeignKey(
        Source,
        verbose_name=_("source of the membership"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="countries_cited",
        help_text=_("The reference that lists it among the League of Arab States' members."),
    )

    objects = CountryManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
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

    def save(self, *args, **kwargs):
        """A country's Arabic name, where none is given, is the one of the Unicode
        consortium's CLDR (through Babel)."""
        if not self.name_ar:
            self.name_ar = Locale("ar").territories.get(self.iso_code, "")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("directory:country-detail", kwargs={"iso_code": self.iso_code.lower()})

    def natural_key(self):
        return (self.iso_code,)

    natural_key.dependencies = ["mechanisms.source"]

    def clean(self):
        super().clean()
        if self.is_arab_state and not self.membership_source_id:
            raise ValidationError(
                {"membership_source": _("Cite the reference that lists the membership.")}
            )


class SDG(ChecksConstraintsInPython, AcceptsTranslatedNames, models.Model):
    """A Sustainable Development Goal with its official short title and colour."""

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    title = TranslatedText(models.CharField(_("title"), max_length=100))
    colour = models.CharField(_("official colour"), max_length=7, validators=[HEX_COLOUR])
    title_source = models.ForeignKey(
        Source,
        verbose_name=_("source of the title"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sdg_titles_cited",
    )
    colour_source = models.ForeignKey(
        Source,
        verbose_name=_("source of the colour"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sdg_colours_cited",
    )

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
        return reverse("directory:sdg-detail", kwargs={"number": self.number})

    def natural_key(self):
        return (self.number,)

    natural_key.dependencies = ["mechanisms.source"]


class Taxon(ChecksConstraintsInPython, AcceptsTranslatedNames, models.Model):
    """A term of a simple vocabulary (themes, types), addressed by slug."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = TranslatedText(
        models.CharField(_("name"), max_length=100, unique=True), {"ar": {"unique": False}}
    )

    objects = SlugNaturalKeyManager()
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["name_en"]

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


class Framework(ChecksConstraintsInPython, AcceptsTranslatedNames, models.Model):
    """A policy framework records refer to (the GCM, the 2030 Agenda, ...)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = TranslatedText(
        models.CharField(_("name"), max_length=200, unique=True), {"ar": {"unique": False}}
    )
    short_name = TranslatedText(models.CharField(_("short name"), max_length=40, blank=True))
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    year_source = models.ForeignKey(
        Source,
        verbose_name=_("source of the year"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="framework_years_cited",
        help_text=_("The reference for the year, where the documents do not give it."),
    )

    objects = SlugNaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("policy framework")
        verbose_name_plural = _("policy frameworks")

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["mechanisms.source"]


class OrganisationManager(SlugNaturalKeyManager.from_queryset(NamedQuerySet)):
    pass


class Organisation(ChecksConstraintsInPython, AcceptsTranslatedNames, models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = TranslatedText(
        models.CharField(
            _("name"),
            max_length=200,
            unique=True,
            help_text=_("As the documents write it."),
        ),
        {"ar": {"unique": False}},
    )
    acronym = TranslatedText(models.CharField(_("acronym"), max_length=30, blank=True))
    official_name = TranslatedText(
        models.CharField(
            _("official name"),
            max_length=200,
            blank=True,
            help_text=_("Only where it differs from the name the documents use; cite its source."),
        )
    )
    official_name_source = models.ForeignKey(
        Source,
        verbose_name=_("source of the official name"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisation_names_cited",
    )
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

    NAMED_FIELDS = ("name", "acronym", "official_name")

    objects = OrganisationManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="organisation_not_own_parent",
                violation_error_message=_("An organisation cannot be part of itself."),
            ),
            models.CheckConstraint(
                condition=Q(official_name_en="", official_name_ar="")
                | Q(official_name_source__isnull=False),
                name="organisation_official_name_cited",
                violation_error_message=_("Cite the source of the official name."),
            ),
        ]

    def __str__(self):
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name

    def get_absolute_url(self):
        return reverse("mechanisms:organisation-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["mechanisms.country", "mechanisms.source"]


class PersonQuerySet(NamedQuerySet):
    def public(self):
        """People named by a published record: a person seen only in drafts stays hidden."""
        return self.filter(
            Exists(self.parts("contacts").of_published_records().filter(person=OuterRef("pk")))
            | Exists(self.parts("quotes").of_published_records().filter(person=OuterRef("pk")))
        )

    def parts(self, relation):
        """The parts of records (contacts, quotes) that name people."""
        return self.model._meta.get_field(relation).related_model.objects


class PersonManager(SlugNaturalKeyManager.from_queryset(PersonQuerySet)):
    pass


class Person(ChecksConstraintsInPython, AcceptsTranslatedNames, models.Model):
    """A named person: a focal point, a speaker, a press contact."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    honorific = TranslatedText(models.CharField(_("honorific"), max_length=40, blank=True))
    position = TranslatedText(models.CharField(_("position"), max_length=300, blank=True))
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
    email_note = TranslatedText(
        models.CharField(
            _("note on the email"),
            max_length=200,
            blank=True,
            help_text=_("Why the email is unknown, when it is (e.g. hidden on the source page)."),
        )
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="people"
    )

    NAMED_FIELDS = ("name", "position")

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
