"""The schema of the first release, generated afresh from its models (every earlier
migration squashed), plus the hand-written GIN index of the stored search vector
(PostgreSQL only). Each model is created whole, its fields, constraints and indexes in
its CreateModel, in the order of its foreign keys: a constraint added afterwards makes
SQLite copy the table and Django re-render the models, which took twice the time. A
database that applied all of 0001-0013 takes it as applied; a fresh one applies it. A
database part of the way through them must first be migrated with the release that still
had them."""

import django.contrib.postgres.search
import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
import django.db.models.lookups
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

import mechanisms.bilingual
import mechanisms.kinds

SEARCH_INDEX = GinIndex(fields=["search_vector"], name="record_search_vector_stored")


def create_search_index(apps, schema_editor):
    """GIN indexes exist on PostgreSQL only; SQLite searches without one."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("mechanisms", "Record"), SEARCH_INDEX)


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("mechanisms", "Record"), SEARCH_INDEX)


class Migration(migrations.Migration):
    replaces = [
        ("mechanisms", "0001_initial"),
        ("mechanisms", "0002_search_document"),
        ("mechanisms", "0003_history_and_publish_permission"),
        ("mechanisms", "0005_involvement_role_mentioned"),
        ("mechanisms", "0006_records_start_as_drafts"),
        ("mechanisms", "0007_section_heading_optional"),
        ("mechanisms", "0001_squashed_0007_initial"),
        ("mechanisms", "0008_records_fields_by_kind"),
        ("mechanisms", "0009_data_version"),
        ("mechanisms", "0010_sources_and_references"),
        ("mechanisms", "0011_stored_search_vector"),
        ("mechanisms", "0012_bilingual_fields"),
        ("mechanisms", "0013_arabic_search_text"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Source",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True, verbose_name="slug")),
                (
                    "kind",
                    models.CharField(
                        choices=[("document", "Source document"), ("reference", "Reference")],
                        default="document",
                        max_length=10,
                        verbose_name="kind",
                    ),
                ),
                ("title_en", models.CharField(max_length=300, verbose_name="title")),
                ("title_ar", models.CharField(blank=True, max_length=300, verbose_name="title")),
                (
                    "genre_en",
                    models.CharField(
                        blank=True,
                        help_text="What the document is, e.g. “a news item on the website of IOM in MENA”.",
                        max_length=200,
                        verbose_name="kind of document",
                    ),
                ),
                (
                    "genre_ar",
                    models.CharField(
                        blank=True,
                        help_text="What the document is, e.g. “a news item on the website of IOM in MENA”.",
                        max_length=200,
                        verbose_name="kind of document",
                    ),
                ),
                (
                    "publisher_en",
                    models.CharField(
                        blank=True,
                        help_text="As far as the document shows it; empty where it does not.",
                        max_length=200,
                        verbose_name="publisher",
                    ),
                ),
                (
                    "publisher_ar",
                    models.CharField(
                        blank=True,
                        help_text="As far as the document shows it; empty where it does not.",
                        max_length=200,
                        verbose_name="publisher",
                    ),
                ),
                (
                    "url",
                    models.URLField(
                        blank=True,
                        help_text="Where a reference is published. The source documents are kept as copies.",
                        verbose_name="address",
                    ),
                ),
                (
                    "seed_file",
                    models.CharField(
                        blank=True,
                        help_text="The file of the directory's copy of a source document.",
                        max_length=100,
                        verbose_name="copy kept as",
                    ),
                ),
                (
                    "published_on",
                    models.DateField(blank=True, null=True, verbose_name="published on"),
                ),
                (
                    "published_time",
                    models.TimeField(
                        blank=True,
                        help_text="The time of day the document shows; it gives no time zone.",
                        null=True,
                        verbose_name="publication time",
                    ),
                ),
                (
                    "published_on_text",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="publication date as written"
                    ),
                ),
                (
                    "modified_on",
                    models.DateField(blank=True, null=True, verbose_name="last modified on"),
                ),
                (
                    "modified_time",
                    models.TimeField(
                        blank=True,
                        help_text="The time of day the document shows; it gives no time zone.",
                        null=True,
                        verbose_name="last-modified time",
                    ),
                ),
                (
                    "read_count",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="read count shown"
                    ),
                ),
                (
                    "content_as_of_en",
                    models.CharField(
                        blank=True,
                        help_text="When the content was written, as far as the document shows it (“2013”, “November 2013”); empty where it does not. Statuses are dated by it.",
                        max_length=100,
                        verbose_name="content written",
                    ),
                ),
                (
                    "content_as_of_ar",
                    models.CharField(
                        blank=True,
                        help_text="When the content was written, as far as the document shows it (“2013”, “November 2013”); empty where it does not. Statuses are dated by it.",
                        max_length=100,
                        verbose_name="content written",
                    ),
                ),
                (
                    "content_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1900),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="year the content was written",
                    ),
                ),
                (
                    "content_as_of_basis_en",
                    models.TextField(
                        blank=True,
                        help_text="The words of the document that date its content.",
                        verbose_name="what dates the content",
                    ),
                ),
                (
                    "content_as_of_basis_ar",
                    models.TextField(
                        blank=True,
                        help_text="The words of the document that date its content.",
                        verbose_name="what dates the content",
                    ),
                ),
                (
                    "omissions_en",
                    models.TextField(
                        blank=True,
                        help_text="What the document cuts off or hides (an email address, its end).",
                        verbose_name="cut off or hidden",
                    ),
                ),
                (
                    "omissions_ar",
                    models.TextField(
                        blank=True,
                        help_text="What the document cuts off or hides (an email address, its end).",
                        verbose_name="cut off or hidden",
                    ),
                ),
                ("note_en", models.TextField(blank=True, verbose_name="note on the document")),
                ("note_ar", models.TextField(blank=True, verbose_name="note on the document")),
            ],
            options={
                "verbose_name": "source",
                "verbose_name_plural": "sources",
                "ordering": ["kind", "seed_file", "title_en"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("modified_on__isnull", True),
                            ("published_on__isnull", True),
                            ("modified_on__gte", models.F("published_on")),
                            _connector="OR",
                        ),
                        name="source_modified_after_published",
                        violation_error_message="The last-modified date is before the publication date.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("kind", "document"),
                            models.Q(("url", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="source_reference_has_address",
                        violation_error_message="A reference needs the address where it is published.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("content_year__isnull", True),
                            models.Q(("content_year__gte", 1900), ("content_year__lte", 2100)),
                            _connector="OR",
                        ),
                        name="source_content_year_plausible",
                        violation_error_message="Enter a year between 1900 and 2100.",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("seed_file", ""), _negated=True),
                        fields=("seed_file",),
                        name="source_unique_seed_file",
                        violation_error_message="Another source is kept in this file.",
                    ),
                ],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="Country",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "iso_code",
                    models.CharField(
                        max_length=2,
                        unique=True,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[A-Z]{2}$", "Enter two capital letters."
                            )
                        ],
                        verbose_name="ISO 3166-1 alpha-2 code",
                    ),
                ),
                ("name_en", models.CharField(max_length=100, unique=True, verbose_name="name")),
                ("name_ar", models.CharField(blank=True, max_length=100, verbose_name="name")),
                (
                    "is_arab_state",
                    models.BooleanField(
                        db_index=True,
                        default=False,
                        verbose_name="member of the League of Arab States",
                    ),
                ),
                (
                    "membership_source",
                    models.ForeignKey(
                        blank=True,
                        help_text="The reference that lists it among the League of Arab States' members.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="countries_cited",
                        to="mechanisms.source",
                        verbose_name="source of the membership",
                    ),
                ),
            ],
            options={
                "verbose_name": "country",
                "verbose_name_plural": "countries",
                "ordering": ["name_en"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            django.db.models.lookups.Exact(
                                django.db.models.functions.text.Length("iso_code"), 2
                            ),
                            django.db.models.lookups.Exact(
                                django.db.models.functions.text.Upper("iso_code"),
                                models.F("iso_code"),
                            ),
                        ),
                        name="country_iso_code_two_capitals",
                        violation_error_message="The ISO code must be two capital letters.",
                    )
                ],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.PositiveBigIntegerField(default=0, verbose_name="version")),
                (
                    "changed_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="changed at"
                    ),
                ),
            ],
            options={
                "verbose_name": "data version",
                "verbose_name_plural": "data versions",
            },
        ),
        migrations.CreateModel(
            name="Framework",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True, verbose_name="slug")),
                ("name_en", models.CharField(max_length=200, unique=True, verbose_name="name")),
                ("name_ar", models.CharField(blank=True, max_length=200, verbose_name="name")),
                (
                    "short_name_en",
                    models.CharField(blank=True, max_length=40, verbose_name="short name"),
                ),
                (
                    "short_name_ar",
                    models.CharField(blank=True, max_length=40, verbose_name="short name"),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1900),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="year",
                    ),
                ),
                (
                    "year_source",
                    models.ForeignKey(
                        blank=True,
                        help_text="The reference for the year, where the documents do not give it.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="framework_years_cited",
                        to="mechanisms.source",
                        verbose_name="source of the year",
                    ),
                ),
            ],
            options={
                "verbose_name": "policy framework",
                "verbose_name_plural": "policy frameworks",
                "ordering": ["name_en"],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="SDG",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "number",
                    models.PositiveSmallIntegerField(
                        unique=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(17),
                        ],
                        verbose_name="number",
                    ),
                ),
                ("title_en", models.CharField(max_length=100, verbose_name="title")),
                ("title_ar", models.CharField(blank=True, max_length=100, verbose_name="title")),
                (
                    "colour",
                    models.CharField(
                        max_length=7,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^#[0-9A-F]{6}$", "Enter a colour as #RRGGBB in capitals."
                            )
                        ],
                        verbose_name="official colour",
                    ),
                ),
                (
                    "colour_source",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sdg_colours_cited",
                        to="mechanisms.source",
                        verbose_name="source of the colour",
                    ),
                ),
                (
                    "title_source",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sdg_titles_cited",
                        to="mechanisms.source",
                        verbose_name="source of the title",
                    ),
                ),
            ],
            options={
                "verbose_name": "Sustainable Development Goal",
                "verbose_name_plural": "Sustainable Development Goals",
                "ordering": ["number"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("number__gte", 1), ("number__lte", 17)),
                        name="sdg_number_1_to_17",
                        violation_error_message="An SDG number is between 1 and 17.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            django.db.models.lookups.Exact(
                                django.db.models.functions.text.Length("colour"), 7
                            ),
                            django.db.models.lookups.Exact(
                                django.db.models.functions.text.Upper("colour"), models.F("colour")
                            ),
                            ("colour__startswith", "#"),
                        ),
                        name="sdg_colour_hex",
                        violation_error_message="Enter the colour as #RRGGBB in capitals.",
                    ),
                ],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="Theme",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True, verbose_name="slug")),
                ("name_en", models.CharField(max_length=100, unique=True, verbose_name="name")),
                ("name_ar", models.CharField(blank=True, max_length=100, verbose_name="name")),
            ],
            options={
                "verbose_name": "theme",
                "verbose_name_plural": "themes",
                "ordering": ["name_en"],
                "abstract": False,
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="Type",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True, verbose_name="slug")),
                ("name_en", models.CharField(max_length=100, unique=True, verbose_name="name")),
                ("name_ar", models.CharField(blank=True, max_length=100, verbose_name="name")),
            ],
            options={
                "verbose_name": "type",
                "verbose_name_plural": "types",
                "ordering": ["name_en"],
                "abstract": False,
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="Record",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=mechanisms.kinds.kind_choices,
                        db_index=True,
                        max_length=20,
                        verbose_name="kind of record",
                    ),
                ),
                ("slug", models.SlugField(max_length=120, verbose_name="slug")),
                ("title_en", models.CharField(max_length=300, verbose_name="title")),
                ("title_ar", models.CharField(blank=True, max_length=300, verbose_name="title")),
                ("summary_en", models.TextField(blank=True, verbose_name="summary")),
                ("summary_ar", models.TextField(blank=True, verbose_name="summary")),
                (
                    "publication",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("published", "Published"),
                            ("archived", "Archived"),
                        ],
                        default="draft",
                        help_text="Only published records are public; drafts are previewed by staff.",
                        max_length=10,
                        verbose_name="publication state",
                    ),
                ),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Order among the records of the same parent.",
                        verbose_name="position",
                    ),
                ),
                (
                    "listed_under_en",
                    models.CharField(
                        blank=True,
                        help_text="The heading the document lists it under in the record it belongs to, e.g. “Results to date”; records with the same heading are shown together.",
                        max_length=200,
                        verbose_name="listed under",
                    ),
                ),
                (
                    "listed_under_ar",
                    models.CharField(
                        blank=True,
                        help_text="The heading the document lists it under in the record it belongs to, e.g. “Results to date”; records with the same heading are shown together.",
                        max_length=200,
                        verbose_name="listed under",
                    ),
                ),
                (
                    "geographic_focus_en",
                    models.CharField(blank=True, max_length=200, verbose_name="geographic focus"),
                ),
                (
                    "geographic_focus_ar",
                    models.CharField(blank=True, max_length=200, verbose_name="geographic focus"),
                ),
                (
                    "activity_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("result", "Result"),
                            ("meeting", "Meeting"),
                            ("event", "Event"),
                            ("consultation", "Consultation"),
                            ("statement", "Statement"),
                            ("plan", "Plan"),
                            ("project", "Project"),
                        ],
                        max_length=20,
                        verbose_name="type of activity",
                    ),
                ),
                (
                    "structure_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("committee", "Committee"),
                            ("task-force", "Task force"),
                            ("working-group", "Working group"),
                        ],
                        max_length=20,
                        verbose_name="type of structure",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("completed", "Completed"),
                            ("ongoing", "Ongoing"),
                            ("planned", "Planned"),
                        ],
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("start_date", models.DateField(blank=True, null=True, verbose_name="start date")),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="end date")),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1900),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="year",
                    ),
                ),
                (
                    "date_text_en",
                    models.CharField(
                        blank=True,
                        help_text="A date or period in the document's own words, e.g. “December 2012”.",
                        max_length=200,
                        verbose_name="date as written",
                    ),
                ),
                (
                    "date_text_ar",
                    models.CharField(
                        blank=True,
                        help_text="A date or period in the document's own words, e.g. “December 2012”.",
                        max_length=200,
                        verbose_name="date as written",
                    ),
                ),
                (
                    "date_note_en",
                    models.CharField(
                        blank=True,
                        help_text="How the date was worked out where the document does not give it whole, e.g. “the year is inferred: the briefing followed the IMRF of May 2022”.",
                        max_length=300,
                        verbose_name="note on the date",
                    ),
                ),
                (
                    "date_note_ar",
                    models.CharField(
                        blank=True,
                        help_text="How the date was worked out where the document does not give it whole, e.g. “the year is inferred: the briefing followed the IMRF of May 2022”.",
                        max_length=300,
                        verbose_name="note on the date",
                    ),
                ),
                (
                    "status_as_written_en",
                    models.CharField(
                        blank=True,
                        help_text="The document's own words on how far it had got, where they are not a date: “Currently”, “roundtables to be conducted in 2013”.",
                        max_length=300,
                        verbose_name="status as written",
                    ),
                ),
                (
                    "status_as_written_ar",
                    models.CharField(
                        blank=True,
                        help_text="The document's own words on how far it had got, where they are not a date: “Currently”, “roundtables to be conducted in 2013”.",
                        max_length=300,
                        verbose_name="status as written",
                    ),
                ),
                ("place_en", models.CharField(blank=True, max_length=200, verbose_name="place")),
                ("place_ar", models.CharField(blank=True, max_length=200, verbose_name="place")),
                ("participants_en", models.TextField(blank=True, verbose_name="participants")),
                ("participants_ar", models.TextField(blank=True, verbose_name="participants")),
                (
                    "budget_amount",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=16,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(0)],
                        verbose_name="budget amount",
                    ),
                ),
                (
                    "budget_currency",
                    models.CharField(
                        blank=True,
                        max_length=3,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[A-Z]{3}$", "Enter an ISO 4217 code such as USD."
                            )
                        ],
                        verbose_name="budget currency",
                    ),
                ),
                (
                    "budget_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1900),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="budget year",
                    ),
                ),
                (
                    "reported_national_networks",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="The total the document reports; the named ones are linked records.",
                        null=True,
                        verbose_name="national networks reported",
                    ),
                ),
                (
                    "participating_agencies",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="participating agencies"
                    ),
                ),
                (
                    "translated_by",
                    models.CharField(
                        blank=True,
                        help_text="Who translated the record and its parts from the English source.",
                        max_length=200,
                        verbose_name="Arabic translated by",
                    ),
                ),
                (
                    "translation_reviewed",
                    models.BooleanField(
                        default=False,
                        help_text="Whether someone who reads both languages checked the translation.",
                        verbose_name="Arabic translation reviewed",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(blank=True, null=True, verbose_name="last reviewed"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now,
                        editable=False,
                        verbose_name="last updated",
                    ),
                ),
                (
                    "search_document",
                    models.TextField(
                        blank=True,
                        editable=False,
                        help_text="Derived from the record and its parts; rebuilt, never edited.",
                        verbose_name="search text",
                    ),
                ),
                (
                    "search_document_ar",
                    models.TextField(
                        blank=True,
                        editable=False,
                        help_text="Derived from the Arabic of the record and its parts; rebuilt, never edited.",
                        verbose_name="Arabic search text",
                    ),
                ),
                (
                    "search_terms_ar",
                    models.TextField(
                        blank=True,
                        editable=False,
                        help_text="The Arabic prepared for matching (mechanisms/arabic.py); derived.",
                        verbose_name="Arabic search terms",
                    ),
                ),
                (
                    "search_vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "countries",
                    models.ManyToManyField(
                        blank=True,
                        related_name="records",
                        to="mechanisms.country",
                        verbose_name="countries",
                    ),
                ),
                (
                    "frameworks",
                    models.ManyToManyField(
                        blank=True,
                        related_name="records",
                        to="mechanisms.framework",
                        verbose_name="policy frameworks",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        help_text="The mechanism, group or network this record belongs to.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="children",
                        to="mechanisms.record",
                        verbose_name="part of",
                    ),
                ),
                (
                    "sdgs",
                    models.ManyToManyField(
                        blank=True, related_name="records", to="mechanisms.sdg", verbose_name="SDGs"
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="records",
                        to="mechanisms.source",
                        verbose_name="source document",
                    ),
                ),
                (
                    "themes",
                    models.ManyToManyField(
                        blank=True,
                        related_name="records",
                        to="mechanisms.theme",
                        verbose_name="themes",
                    ),
                ),
                (
                    "types",
                    models.ManyToManyField(
                        blank=True,
                        related_name="records",
                        to="mechanisms.type",
                        verbose_name="types",
                    ),
                ),
            ],
            options={
                "verbose_name": "record",
                "verbose_name_plural": "records",
                "ordering": ["title_en"],
                "permissions": [
                    ("publish_record", "Can publish, archive and return records to draft")
                ],
                "indexes": [
                    models.Index(
                        fields=["kind", "publication", "title_en"], name="record_kind_listing"
                    ),
                    models.Index(fields=["-updated_at"], name="record_recently_updated"),
                    models.Index(fields=["parent", "position"], name="record_children_in_order"),
                ],
                "constraints": [
                    models.UniqueConstraint(fields=("slug",), name="record_unique_slug"),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("budget_amount__isnull", True),
                            ("budget_amount__gte", 0),
                            _connector="OR",
                        ),
                        name="record_budget_not_negative",
                        violation_error_message="A budget cannot be negative.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("budget_amount__isnull", True),
                                ("budget_currency", ""),
                                ("budget_year__isnull", True),
                            ),
                            models.Q(
                                ("budget_amount__isnull", False),
                                ("budget_year__isnull", False),
                                models.Q(("budget_currency", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="record_budget_complete",
                        violation_error_message="Give the budget's amount, currency and year together.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("start_date__isnull", True),
                            ("end_date__isnull", True),
                            ("end_date__gte", models.F("start_date")),
                            _connector="OR",
                        ),
                        name="record_dates_in_order",
                        violation_error_message="The end date is before the start date.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("end_date__isnull", True),
                            ("start_date__isnull", False),
                            _connector="OR",
                        ),
                        name="record_end_needs_start",
                        violation_error_message="A record with an end date needs a start date.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("year__isnull", True),
                            models.Q(("year__gte", 1900), ("year__lte", 2100)),
                            _connector="OR",
                        ),
                        name="record_year_plausible",
                        violation_error_message="Enter a year between 1900 and 2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("parent", models.F("pk")), _negated=True),
                        name="record_not_own_parent",
                        violation_error_message="A record cannot be part of itself.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("parent__isnull", True),
                            (
                                "kind__in",
                                [
                                    "activity",
                                    "national-network",
                                    "output",
                                    "sub-structure",
                                    "working-group",
                                ],
                            ),
                            _connector="OR",
                        ),
                        name="record_parent_by_kind",
                        violation_error_message="Only working groups, national networks, sub-structures, activities and events and policy and advocacy outputs can be part of another record.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("position", 0),
                            (
                                "kind__in",
                                [
                                    "activity",
                                    "national-network",
                                    "output",
                                    "sub-structure",
                                    "working-group",
                                ],
                            ),
                            _connector="OR",
                        ),
                        name="record_position_by_kind",
                        violation_error_message="Only working groups, national networks, sub-structures, activities and events and policy and advocacy outputs carry the field “position”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("listed_under_en", ""), ("listed_under_ar", "")),
                            ("kind__in", ["activity", "output", "sub-structure"]),
                            _connector="OR",
                        ),
                        name="record_listed_under_by_kind",
                        violation_error_message="Only sub-structures, activities and events and policy and advocacy outputs carry the field “listed under”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("geographic_focus_en", ""), ("geographic_focus_ar", "")),
                            ("kind__in", ["area-of-work", "mechanism", "network", "working-group"]),
                            _connector="OR",
                        ),
                        name="record_geographic_focus_by_kind",
                        violation_error_message="Only coordination mechanisms, working groups, networks and areas of work carry the field “geographic focus”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("activity_type", ""), ("kind__in", ["activity"]), _connector="OR"
                        ),
                        name="record_activity_type_by_kind",
                        violation_error_message="Only activities and events carry the field “type of activity”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("structure_type", ""), ("kind__in", ["sub-structure"]), _connector="OR"
                        ),
                        name="record_structure_type_by_kind",
                        violation_error_message="Only sub-structures carry the field “type of structure”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("status", ""), ("kind__in", ["activity"]), _connector="OR"
                        ),
                        name="record_status_by_kind",
                        violation_error_message="Only activities and events carry the field “status”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("start_date__isnull", True),
                            ("kind__in", ["activity"]),
                            _connector="OR",
                        ),
                        name="record_start_date_by_kind",
                        violation_error_message="Only activities and events carry the field “start date”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("end_date__isnull", True), ("kind__in", ["activity"]), _connector="OR"
                        ),
                        name="record_end_date_by_kind",
                        violation_error_message="Only activities and events carry the field “end date”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("year__isnull", True), ("kind__in", ["activity"]), _connector="OR"
                        ),
                        name="record_year_by_kind",
                        violation_error_message="Only activities and events carry the field “year”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("date_text_en", ""), ("date_text_ar", "")),
                            ("kind__in", ["activity"]),
                            _connector="OR",
                        ),
                        name="record_date_text_by_kind",
                        violation_error_message="Only activities and events carry the field “date as written”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("date_note_en", ""), ("date_note_ar", "")),
                            ("kind__in", ["activity"]),
                            _connector="OR",
                        ),
                        name="record_date_note_by_kind",
                        violation_error_message="Only activities and events carry the field “note on the date”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("status_as_written_en", ""), ("status_as_written_ar", "")),
                            ("kind__in", ["activity"]),
                            _connector="OR",
                        ),
                        name="record_status_as_written_by_kind",
                        violation_error_message="Only activities and events carry the field “status as written”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("place_en", ""), ("place_ar", "")),
                            ("kind__in", ["activity"]),
                            _connector="OR",
                        ),
                        name="record_place_by_kind",
                        violation_error_message="Only activities and events carry the field “place”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("participants_en", ""), ("participants_ar", "")),
                            ("kind__in", ["activity"]),
                            _connector="OR",
                        ),
                        name="record_participants_by_kind",
                        violation_error_message="Only activities and events carry the field “participants”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("budget_amount__isnull", True),
                            ("kind__in", ["mechanism"]),
                            _connector="OR",
                        ),
                        name="record_budget_amount_by_kind",
                        violation_error_message="Only coordination mechanisms carry the field “budget amount”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("budget_currency", ""), ("kind__in", ["mechanism"]), _connector="OR"
                        ),
                        name="record_budget_currency_by_kind",
                        violation_error_message="Only coordination mechanisms carry the field “budget currency”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("budget_year__isnull", True),
                            ("kind__in", ["mechanism"]),
                            _connector="OR",
                        ),
                        name="record_budget_year_by_kind",
                        violation_error_message="Only coordination mechanisms carry the field “budget year”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("reported_national_networks__isnull", True),
                            ("kind__in", ["network"]),
                            _connector="OR",
                        ),
                        name="record_reported_national_networks_by_kind",
                        violation_error_message="Only networks carry the field “national networks reported”.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("participating_agencies__isnull", True),
                            ("kind__in", ["working-group"]),
                            _connector="OR",
                        ),
                        name="record_participating_agencies_by_kind",
                        violation_error_message="Only working groups carry the field “participating agencies”.",
                    ),
                ],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRecord",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=mechanisms.kinds.kind_choices,
                        db_index=True,
                        max_length=20,
                        verbose_name="kind of record",
                    ),
                ),
                ("slug", models.SlugField(max_length=120, verbose_name="slug")),
                ("title_en", models.CharField(max_length=300, verbose_name="title")),
                ("title_ar", models.CharField(blank=True, max_length=300, verbose_name="title")),
                ("summary_en", models.TextField(blank=True, verbose_name="summary")),
                ("summary_ar", models.TextField(blank=True, verbose_name="summary")),
                (
                    "publication",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("published", "Published"),
                            ("archived", "Archived"),
                        ],
                        default="draft",
                        help_text="Only published records are public; drafts are previewed by staff.",
                        max_length=10,
                        verbose_name="publication state",
                    ),
                ),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Order among the records of the same parent.",
                        verbose_name="position",
                    ),
                ),
                (
                    "listed_under_en",
                    models.CharField(
                        blank=True,
                        help_text="The heading the document lists it under in the record it belongs to, e.g. “Results to date”; records with the same heading are shown together.",
                        max_length=200,
                        verbose_name="listed under",
                    ),
                ),
                (
                    "listed_under_ar",
                    models.CharField(
                        blank=True,
                        help_text="The heading the document lists it under in the record it belongs to, e.g. “Results to date”; records with the same heading are shown together.",
                        max_length=200,
                        verbose_name="listed under",
                    ),
                ),
                (
                    "geographic_focus_en",
                    models.CharField(blank=True, max_length=200, verbose_name="geographic focus"),
                ),
                (
                    "geographic_focus_ar",
                    models.CharField(blank=True, max_length=200, verbose_name="geographic focus"),
                ),
                (
                    "activity_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("result", "Result"),
                            ("meeting", "Meeting"),
                            ("event", "Event"),
                            ("consultation", "Consultation"),
                            ("statement", "Statement"),
                            ("plan", "Plan"),
                            ("project", "Project"),
                        ],
                        max_length=20,
                        verbose_name="type of activity",
                    ),
                ),
                (
                    "structure_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("committee", "Committee"),
                            ("task-force", "Task force"),
                            ("working-group", "Working group"),
                        ],
                        max_length=20,
                        verbose_name="type of structure",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("completed", "Completed"),
                            ("ongoing", "Ongoing"),
                            ("planned", "Planned"),
                        ],
                        max_length=10,
                        verbose_name="status",
                    ),
                ),
                ("start_date", models.DateField(blank=True, null=True, verbose_name="start date")),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="end date")),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1900),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="year",
                    ),
                ),
                (
                    "date_text_en",
                    models.CharField(
                        blank=True,
                        help_text="A date or period in the document's own words, e.g. “December 2012”.",
                        max_length=200,
                        verbose_name="date as written",
                    ),
                ),
                (
                    "date_text_ar",
                    models.CharField(
                        blank=True,
                        help_text="A date or period in the document's own words, e.g. “December 2012”.",
                        max_length=200,
                        verbose_name="date as written",
                    ),
                ),
                (
                    "date_note_en",
                    models.CharField(
                        blank=True,
                        help_text="How the date was worked out where the document does not give it whole, e.g. “the year is inferred: the briefing followed the IMRF of May 2022”.",
                        max_length=300,
                        verbose_name="note on the date",
                    ),
                ),
                (
                    "date_note_ar",
                    models.CharField(
                        blank=True,
                        help_text="How the date was worked out where the document does not give it whole, e.g. “the year is inferred: the briefing followed the IMRF of May 2022”.",
                        max_length=300,
                        verbose_name="note on the date",
                    ),
                ),
                (
                    "status_as_written_en",
                    models.CharField(
                        blank=True,
                        help_text="The document's own words on how far it had got, where they are not a date: “Currently”, “roundtables to be conducted in 2013”.",
                        max_length=300,
                        verbose_name="status as written",
                    ),
                ),
                (
                    "status_as_written_ar",
                    models.CharField(
                        blank=True,
                        help_text="The document's own words on how far it had got, where they are not a date: “Currently”, “roundtables to be conducted in 2013”.",
                        max_length=300,
                        verbose_name="status as written",
                    ),
                ),
                ("place_en", models.CharField(blank=True, max_length=200, verbose_name="place")),
                ("place_ar", models.CharField(blank=True, max_length=200, verbose_name="place")),
                ("participants_en", models.TextField(blank=True, verbose_name="participants")),
                ("participants_ar", models.TextField(blank=True, verbose_name="participants")),
                (
                    "budget_amount",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=16,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(0)],
                        verbose_name="budget amount",
                    ),
                ),
                (
                    "budget_currency",
                    models.CharField(
                        blank=True,
                        max_length=3,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[A-Z]{3}$", "Enter an ISO 4217 code such as USD."
                            )
                        ],
                        verbose_name="budget currency",
                    ),
                ),
                (
                    "budget_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1900),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="budget year",
                    ),
                ),
                (
                    "reported_national_networks",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="The total the document reports; the named ones are linked records.",
                        null=True,
                        verbose_name="national networks reported",
                    ),
                ),
                (
                    "participating_agencies",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="participating agencies"
                    ),
                ),
                (
                    "translated_by",
                    models.CharField(
                        blank=True,
                        help_text="Who translated the record and its parts from the English source.",
                        max_length=200,
                        verbose_name="Arabic translated by",
                    ),
                ),
                (
                    "translation_reviewed",
                    models.BooleanField(
                        default=False,
                        help_text="Whether someone who reads both languages checked the translation.",
                        verbose_name="Arabic translation reviewed",
                    ),
                ),
                (
                    "last_reviewed",
                    models.DateField(blank=True, null=True, verbose_name="last reviewed"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The mechanism, group or network this record belongs to.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.record",
                        verbose_name="part of",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.source",
                        verbose_name="source document",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical record",
                "verbose_name_plural": "historical records",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSource",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, verbose_name="slug")),
                (
                    "kind",
                    models.CharField(
                        choices=[("document", "Source document"), ("reference", "Reference")],
                        default="document",
                        max_length=10,
                        verbose_name="kind",
                    ),
                ),
                ("title_en", models.CharField(max_length=300, verbose_name="title")),
                ("title_ar", models.CharField(blank=True, max_length=300, verbose_name="title")),
                (
                    "genre_en",
                    models.CharField(
                        blank=True,
                        help_text="What the document is, e.g. “a news item on the website of IOM in MENA”.",
                        max_length=200,
                        verbose_name="kind of document",
                    ),
                ),
                (
                    "genre_ar",
                    models.CharField(
                        blank=True,
                        help_text="What the document is, e.g. “a news item on the website of IOM in MENA”.",
                        max_length=200,
                        verbose_name="kind of document",
                    ),
                ),
                (
                    "publisher_en",
                    models.CharField(
                        blank=True,
                        help_text="As far as the document shows it; empty where it does not.",
                        max_length=200,
                        verbose_name="publisher",
                    ),
                ),
                (
                    "publisher_ar",
                    models.CharField(
                        blank=True,
                        help_text="As far as the document shows it; empty where it does not.",
                        max_length=200,
                        verbose_name="publisher",
                    ),
                ),
                (
                    "url",
                    models.URLField(
                        blank=True,
                        help_text="Where a reference is published. The source documents are kept as copies.",
                        verbose_name="address",
                    ),
                ),
                (
                    "seed_file",
                    models.CharField(
                        blank=True,
                        help_text="The file of the directory's copy of a source document.",
                        max_length=100,
                        verbose_name="copy kept as",
                    ),
                ),
                (
                    "published_on",
                    models.DateField(blank=True, null=True, verbose_name="published on"),
                ),
                (
                    "published_time",
                    models.TimeField(
                        blank=True,
                        help_text="The time of day the document shows; it gives no time zone.",
                        null=True,
                        verbose_name="publication time",
                    ),
                ),
                (
                    "published_on_text",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="publication date as written"
                    ),
                ),
                (
                    "modified_on",
                    models.DateField(blank=True, null=True, verbose_name="last modified on"),
                ),
                (
                    "modified_time",
                    models.TimeField(
                        blank=True,
                        help_text="The time of day the document shows; it gives no time zone.",
                        null=True,
                        verbose_name="last-modified time",
                    ),
                ),
                (
                    "read_count",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="read count shown"
                    ),
                ),
                (
                    "content_as_of_en",
                    models.CharField(
                        blank=True,
                        help_text="When the content was written, as far as the document shows it (“2013”, “November 2013”); empty where it does not. Statuses are dated by it.",
                        max_length=100,
                        verbose_name="content written",
                    ),
                ),
                (
                    "content_as_of_ar",
                    models.CharField(
                        blank=True,
                        help_text="When the content was written, as far as the document shows it (“2013”, “November 2013”); empty where it does not. Statuses are dated by it.",
                        max_length=100,
                        verbose_name="content written",
                    ),
                ),
                (
                    "content_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1900),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="year the content was written",
                    ),
                ),
                (
                    "content_as_of_basis_en",
                    models.TextField(
                        blank=True,
                        help_text="The words of the document that date its content.",
                        verbose_name="what dates the content",
                    ),
                ),
                (
                    "content_as_of_basis_ar",
                    models.TextField(
                        blank=True,
                        help_text="The words of the document that date its content.",
                        verbose_name="what dates the content",
                    ),
                ),
                (
                    "omissions_en",
                    models.TextField(
                        blank=True,
                        help_text="What the document cuts off or hides (an email address, its end).",
                        verbose_name="cut off or hidden",
                    ),
                ),
                (
                    "omissions_ar",
                    models.TextField(
                        blank=True,
                        help_text="What the document cuts off or hides (an email address, its end).",
                        verbose_name="cut off or hidden",
                    ),
                ),
                ("note_en", models.TextField(blank=True, verbose_name="note on the document")),
                ("note_ar", models.TextField(blank=True, verbose_name="note on the document")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical source",
                "verbose_name_plural": "historical sources",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTheme",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, verbose_name="slug")),
                ("name_en", models.CharField(db_index=True, max_length=100, verbose_name="name")),
                ("name_ar", models.CharField(blank=True, max_length=100, verbose_name="name")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical theme",
                "verbose_name_plural": "historical themes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalType",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, verbose_name="slug")),
                ("name_en", models.CharField(db_index=True, max_length=100, verbose_name="name")),
                ("name_ar", models.CharField(blank=True, max_length=100, verbose_name="name")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical type",
                "verbose_name_plural": "historical types",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Organisation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True, verbose_name="slug")),
                (
                    "name_en",
                    models.CharField(
                        help_text="As the documents write it.",
                        max_length=200,
                        unique=True,
                        verbose_name="name",
                    ),
                ),
                (
                    "name_ar",
                    models.CharField(
                        blank=True,
                        help_text="As the documents write it.",
                        max_length=200,
                        verbose_name="name",
                    ),
                ),
                ("acronym_en", models.CharField(blank=True, max_length=30, verbose_name="acronym")),
                ("acronym_ar", models.CharField(blank=True, max_length=30, verbose_name="acronym")),
                (
                    "official_name_en",
                    models.CharField(
                        blank=True,
                        help_text="Only where it differs from the name the documents use; cite its source.",
                        max_length=200,
                        verbose_name="official name",
                    ),
                ),
                (
                    "official_name_ar",
                    models.CharField(
                        blank=True,
                        help_text="Only where it differs from the name the documents use; cite its source.",
                        max_length=200,
                        verbose_name="official name",
                    ),
                ),
                ("url", models.URLField(blank=True, verbose_name="website")),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="organisations",
                        to="mechanisms.country",
                        verbose_name="country",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="units",
                        to="mechanisms.organisation",
                        verbose_name="part of",
                    ),
                ),
                (
                    "official_name_source",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="organisation_names_cited",
                        to="mechanisms.source",
                        verbose_name="source of the official name",
                    ),
                ),
            ],
            options={
                "verbose_name": "organisation",
                "verbose_name_plural": "organisations",
                "ordering": ["name_en"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("parent", models.F("pk")), _negated=True),
                        name="organisation_not_own_parent",
                        violation_error_message="An organisation cannot be part of itself.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("official_name_ar", ""), ("official_name_en", "")),
                            ("official_name_source__isnull", False),
                            _connector="OR",
                        ),
                        name="organisation_official_name_cited",
                        violation_error_message="Cite the source of the official name.",
                    ),
                ],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="Involvement",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("lead", "Lead"),
                            ("partner", "Partner"),
                            ("chair", "Chair"),
                            ("co-chair", "Co-chair"),
                            ("coordinator", "Coordinator"),
                            ("secretariat", "Secretariat"),
                            ("co-secretariat", "Co-secretariat"),
                            ("member", "Member"),
                            ("organiser", "Organiser"),
                            ("participant", "Participant"),
                            ("host", "Host"),
                            ("funder", "Funder"),
                            ("mentioned", "Mentioned"),
                        ],
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="involvements",
                        to="mechanisms.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(class)ss",
                        to="mechanisms.record",
                        verbose_name="record",
                    ),
                ),
            ],
            options={
                "verbose_name": "organisation's role",
                "verbose_name_plural": "organisations' roles",
                "ordering": ["record", "position"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("record", "position"), name="involvement_unique_position"
                    ),
                    models.UniqueConstraint(
                        fields=("record", "organisation", "role"), name="involvement_unique_role"
                    ),
                ],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="Person",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, unique=True, verbose_name="slug")),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                (
                    "honorific_en",
                    models.CharField(blank=True, max_length=40, verbose_name="honorific"),
                ),
                (
                    "honorific_ar",
                    models.CharField(blank=True, max_length=40, verbose_name="honorific"),
                ),
                (
                    "position_en",
                    models.CharField(blank=True, max_length=300, verbose_name="position"),
                ),
                (
                    "position_ar",
                    models.CharField(blank=True, max_length=300, verbose_name="position"),
                ),
                ("address", models.TextField(blank=True, verbose_name="postal address")),
                (
                    "phone",
                    models.CharField(
                        blank=True,
                        max_length=30,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^\\+[0-9][0-9 ]{6,20}$",
                                "Enter an international number: + then the country code and digits.",
                            )
                        ],
                        verbose_name="phone",
                    ),
                ),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                (
                    "email_note_en",
                    models.CharField(
                        blank=True,
                        help_text="Why the email is unknown, when it is (e.g. hidden on the source page).",
                        max_length=200,
                        verbose_name="note on the email",
                    ),
                ),
                (
                    "email_note_ar",
                    models.CharField(
                        blank=True,
                        help_text="Why the email is unknown, when it is (e.g. hidden on the source page).",
                        max_length=200,
                        verbose_name="note on the email",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="people",
                        to="mechanisms.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="people",
                        to="mechanisms.source",
                        verbose_name="source",
                    ),
                ),
            ],
            options={
                "verbose_name": "person",
                "verbose_name_plural": "people",
                "ordering": ["name"],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="Contact",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("focal-point", "Focal point"),
                            ("speaker", "Speaker"),
                            ("press-contact", "Press contact"),
                        ],
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="contacts",
                        to="mechanisms.person",
                        verbose_name="person",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(class)ss",
                        to="mechanisms.record",
                        verbose_name="record",
                    ),
                ),
            ],
            options={
                "verbose_name": "person's role",
                "verbose_name_plural": "people's roles",
                "ordering": ["record", "position"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("record", "position"), name="contact_unique_position"
                    ),
                    models.UniqueConstraint(
                        fields=("record", "person", "role"), name="contact_unique_role"
                    ),
                ],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSection",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                (
                    "heading_en",
                    models.CharField(
                        blank=True,
                        help_text="As the document gives it; empty where the document has none.",
                        max_length=200,
                        verbose_name="heading",
                    ),
                ),
                (
                    "heading_ar",
                    models.CharField(
                        blank=True,
                        help_text="As the document gives it; empty where the document has none.",
                        max_length=200,
                        verbose_name="heading",
                    ),
                ),
                ("body_en", models.TextField(verbose_name="text")),
                ("body_ar", models.TextField(blank=True, verbose_name="text")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.record",
                        verbose_name="record",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical section",
                "verbose_name_plural": "historical sections",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRecord_frameworks",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "framework",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.framework",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="mechanisms.historicalrecord",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.record",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalRecord_frameworks",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRecord_countries",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.country",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="mechanisms.historicalrecord",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.record",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalRecord_countries",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalQuote",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                ("text_en", models.TextField(verbose_name="quoted text")),
                ("text_ar", models.TextField(blank=True, verbose_name="quoted text")),
                (
                    "attribution_en",
                    models.CharField(
                        blank=True,
                        help_text="Who or what is quoted, when it is not a person.",
                        max_length=300,
                        verbose_name="attribution",
                    ),
                ),
                (
                    "attribution_ar",
                    models.CharField(
                        blank=True,
                        help_text="Who or what is quoted, when it is not a person.",
                        max_length=300,
                        verbose_name="attribution",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.person",
                        verbose_name="speaker",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.record",
                        verbose_name="record",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical quote",
                "verbose_name_plural": "historical quotes",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPoint",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                (
                    "kind",
                    models.CharField(
                        choices=[("function", "Function"), ("line-of-work", "Line of work")],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "label_en",
                    models.CharField(
                        blank=True,
                        help_text="A short name, where given.",
                        max_length=200,
                        verbose_name="label",
                    ),
                ),
                (
                    "label_ar",
                    models.CharField(
                        blank=True,
                        help_text="A short name, where given.",
                        max_length=200,
                        verbose_name="label",
                    ),
                ),
                ("text_en", models.TextField(verbose_name="text")),
                ("text_ar", models.TextField(blank=True, verbose_name="text")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.record",
                        verbose_name="record",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical list item",
                "verbose_name_plural": "historical list items",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalInvolvement",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("lead", "Lead"),
                            ("partner", "Partner"),
                            ("chair", "Chair"),
                            ("co-chair", "Co-chair"),
                            ("coordinator", "Coordinator"),
                            ("secretariat", "Secretariat"),
                            ("co-secretariat", "Co-secretariat"),
                            ("member", "Member"),
                            ("organiser", "Organiser"),
                            ("participant", "Participant"),
                            ("host", "Host"),
                            ("funder", "Funder"),
                            ("mentioned", "Mentioned"),
                        ],
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.record",
                        verbose_name="record",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical organisation's role",
                "verbose_name_plural": "historical organisations' roles",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalFigure",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                (
                    "qualifier",
                    models.CharField(
                        blank=True,
                        choices=[("", "exactly"), ("over", "over")],
                        default="",
                        max_length=10,
                        verbose_name="qualifier",
                    ),
                ),
                (
                    "value",
                    models.DecimalField(decimal_places=2, max_digits=16, verbose_name="value"),
                ),
                ("unit_en", models.CharField(max_length=100, verbose_name="unit")),
                ("unit_ar", models.CharField(blank=True, max_length=100, verbose_name="unit")),
                ("label_en", models.CharField(max_length=300, verbose_name="what it counts")),
                (
                    "label_ar",
                    models.CharField(blank=True, max_length=300, verbose_name="what it counts"),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.record",
                        verbose_name="record",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical key figure",
                "verbose_name_plural": "historical key figures",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalContact",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("focal-point", "Focal point"),
                            ("speaker", "Speaker"),
                            ("press-contact", "Press contact"),
                        ],
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.person",
                        verbose_name="person",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.record",
                        verbose_name="record",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical person's role",
                "verbose_name_plural": "historical people's roles",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Figure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                (
                    "qualifier",
                    models.CharField(
                        blank=True,
                        choices=[("", "exactly"), ("over", "over")],
                        default="",
                        max_length=10,
                        verbose_name="qualifier",
                    ),
                ),
                (
                    "value",
                    models.DecimalField(decimal_places=2, max_digits=16, verbose_name="value"),
                ),
                ("unit_en", models.CharField(max_length=100, verbose_name="unit")),
                ("unit_ar", models.CharField(blank=True, max_length=100, verbose_name="unit")),
                ("label_en", models.CharField(max_length=300, verbose_name="what it counts")),
                (
                    "label_ar",
                    models.CharField(blank=True, max_length=300, verbose_name="what it counts"),
                ),
                (
                    "record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(class)ss",
                        to="mechanisms.record",
                        verbose_name="record",
                    ),
                ),
            ],
            options={
                "verbose_name": "key figure",
                "verbose_name_plural": "key figures",
                "ordering": ["record", "position"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("record", "position"), name="figure_unique_position"
                    )
                ],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="Activity",
            fields=[],
            options={
                "verbose_name": "activity",
                "verbose_name_plural": "activities",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("mechanisms.record", models.Model),
        ),
        migrations.CreateModel(
            name="AreaOfWork",
            fields=[],
            options={
                "verbose_name": "area of work",
                "verbose_name_plural": "areas of work",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("mechanisms.record", models.Model),
        ),
        migrations.CreateModel(
            name="Mechanism",
            fields=[],
            options={
                "verbose_name": "coordination mechanism",
                "verbose_name_plural": "coordination mechanisms",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("mechanisms.record", models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRecord_sdgs",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="mechanisms.historicalrecord",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.record",
                    ),
                ),
                (
                    "sdg",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.sdg",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalRecord_sdgs",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Section",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                (
                    "heading_en",
                    models.CharField(
                        blank=True,
                        help_text="As the document gives it; empty where the document has none.",
                        max_length=200,
                        verbose_name="heading",
                    ),
                ),
                (
                    "heading_ar",
                    models.CharField(
                        blank=True,
                        help_text="As the document gives it; empty where the document has none.",
                        max_length=200,
                        verbose_name="heading",
                    ),
                ),
                ("body_en", models.TextField(verbose_name="text")),
                ("body_ar", models.TextField(blank=True, verbose_name="text")),
                (
                    "record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(class)ss",
                        to="mechanisms.record",
                        verbose_name="record",
                    ),
                ),
            ],
            options={
                "verbose_name": "section",
                "verbose_name_plural": "sections",
                "ordering": ["record", "position"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("record", "position"), name="section_unique_position"
                    )
                ],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSDG",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "number",
                    models.PositiveSmallIntegerField(
                        db_index=True,
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(17),
                        ],
                        verbose_name="number",
                    ),
                ),
                ("title_en", models.CharField(max_length=100, verbose_name="title")),
                ("title_ar", models.CharField(blank=True, max_length=100, verbose_name="title")),
                (
                    "colour",
                    models.CharField(
                        max_length=7,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^#[0-9A-F]{6}$", "Enter a colour as #RRGGBB in capitals."
                            )
                        ],
                        verbose_name="official colour",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "colour_source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.source",
                        verbose_name="source of the colour",
                    ),
                ),
                (
                    "title_source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.source",
                        verbose_name="source of the title",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Sustainable Development Goal",
                "verbose_name_plural": "historical Sustainable Development Goals",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPerson",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, verbose_name="slug")),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                (
                    "honorific_en",
                    models.CharField(blank=True, max_length=40, verbose_name="honorific"),
                ),
                (
                    "honorific_ar",
                    models.CharField(blank=True, max_length=40, verbose_name="honorific"),
                ),
                (
                    "position_en",
                    models.CharField(blank=True, max_length=300, verbose_name="position"),
                ),
                (
                    "position_ar",
                    models.CharField(blank=True, max_length=300, verbose_name="position"),
                ),
                ("address", models.TextField(blank=True, verbose_name="postal address")),
                (
                    "phone",
                    models.CharField(
                        blank=True,
                        max_length=30,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^\\+[0-9][0-9 ]{6,20}$",
                                "Enter an international number: + then the country code and digits.",
                            )
                        ],
                        verbose_name="phone",
                    ),
                ),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                (
                    "email_note_en",
                    models.CharField(
                        blank=True,
                        help_text="Why the email is unknown, when it is (e.g. hidden on the source page).",
                        max_length=200,
                        verbose_name="note on the email",
                    ),
                ),
                (
                    "email_note_ar",
                    models.CharField(
                        blank=True,
                        help_text="Why the email is unknown, when it is (e.g. hidden on the source page).",
                        max_length=200,
                        verbose_name="note on the email",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.source",
                        verbose_name="source",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical person",
                "verbose_name_plural": "historical people",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalOrganisation",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, verbose_name="slug")),
                (
                    "name_en",
                    models.CharField(
                        db_index=True,
                        help_text="As the documents write it.",
                        max_length=200,
                        verbose_name="name",
                    ),
                ),
                (
                    "name_ar",
                    models.CharField(
                        blank=True,
                        help_text="As the documents write it.",
                        max_length=200,
                        verbose_name="name",
                    ),
                ),
                ("acronym_en", models.CharField(blank=True, max_length=30, verbose_name="acronym")),
                ("acronym_ar", models.CharField(blank=True, max_length=30, verbose_name="acronym")),
                (
                    "official_name_en",
                    models.CharField(
                        blank=True,
                        help_text="Only where it differs from the name the documents use; cite its source.",
                        max_length=200,
                        verbose_name="official name",
                    ),
                ),
                (
                    "official_name_ar",
                    models.CharField(
                        blank=True,
                        help_text="Only where it differs from the name the documents use; cite its source.",
                        max_length=200,
                        verbose_name="official name",
                    ),
                ),
                ("url", models.URLField(blank=True, verbose_name="website")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.country",
                        verbose_name="country",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.organisation",
                        verbose_name="part of",
                    ),
                ),
                (
                    "official_name_source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.source",
                        verbose_name="source of the official name",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical organisation",
                "verbose_name_plural": "historical organisations",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalFramework",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, verbose_name="slug")),
                ("name_en", models.CharField(db_index=True, max_length=200, verbose_name="name")),
                ("name_ar", models.CharField(blank=True, max_length=200, verbose_name="name")),
                (
                    "short_name_en",
                    models.CharField(blank=True, max_length=40, verbose_name="short name"),
                ),
                (
                    "short_name_ar",
                    models.CharField(blank=True, max_length=40, verbose_name="short name"),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1900),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="year",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "year_source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The reference for the year, where the documents do not give it.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.source",
                        verbose_name="source of the year",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical policy framework",
                "verbose_name_plural": "historical policy frameworks",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCountry",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "iso_code",
                    models.CharField(
                        db_index=True,
                        max_length=2,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[A-Z]{2}$", "Enter two capital letters."
                            )
                        ],
                        verbose_name="ISO 3166-1 alpha-2 code",
                    ),
                ),
                ("name_en", models.CharField(db_index=True, max_length=100, verbose_name="name")),
                ("name_ar", models.CharField(blank=True, max_length=100, verbose_name="name")),
                (
                    "is_arab_state",
                    models.BooleanField(
                        db_index=True,
                        default=False,
                        verbose_name="member of the League of Arab States",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "membership_source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The reference that lists it among the League of Arab States' members.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.source",
                        verbose_name="source of the membership",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical country",
                "verbose_name_plural": "historical countries",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRecord_themes",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="mechanisms.historicalrecord",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.record",
                    ),
                ),
                (
                    "theme",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.theme",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalRecord_themes",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRecord_types",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="mechanisms.historicalrecord",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.record",
                    ),
                ),
                (
                    "type",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="mechanisms.type",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalRecord_types",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Quote",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                ("text_en", models.TextField(verbose_name="quoted text")),
                ("text_ar", models.TextField(blank=True, verbose_name="quoted text")),
                (
                    "attribution_en",
                    models.CharField(
                        blank=True,
                        help_text="Who or what is quoted, when it is not a person.",
                        max_length=300,
                        verbose_name="attribution",
                    ),
                ),
                (
                    "attribution_ar",
                    models.CharField(
                        blank=True,
                        help_text="Who or what is quoted, when it is not a person.",
                        max_length=300,
                        verbose_name="attribution",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="quotes",
                        to="mechanisms.person",
                        verbose_name="speaker",
                    ),
                ),
                (
                    "record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(class)ss",
                        to="mechanisms.record",
                        verbose_name="record",
                    ),
                ),
            ],
            options={
                "verbose_name": "quote",
                "verbose_name_plural": "quotes",
                "ordering": ["record", "position"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("record", "position"), name="quote_unique_position"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("person__isnull", False),
                            models.Q(("attribution_en", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="quote_has_speaker_or_attribution",
                        violation_error_message="A quote needs a speaker or an attribution.",
                    ),
                ],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.CreateModel(
            name="Point",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="position")),
                (
                    "kind",
                    models.CharField(
                        choices=[("function", "Function"), ("line-of-work", "Line of work")],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "label_en",
                    models.CharField(
                        blank=True,
                        help_text="A short name, where given.",
                        max_length=200,
                        verbose_name="label",
                    ),
                ),
                (
                    "label_ar",
                    models.CharField(
                        blank=True,
                        help_text="A short name, where given.",
                        max_length=200,
                        verbose_name="label",
                    ),
                ),
                ("text_en", models.TextField(verbose_name="text")),
                ("text_ar", models.TextField(blank=True, verbose_name="text")),
                (
                    "record",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(class)ss",
                        to="mechanisms.record",
                        verbose_name="record",
                    ),
                ),
            ],
            options={
                "verbose_name": "list item",
                "verbose_name_plural": "list items",
                "ordering": ["record", "position"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("record", "position"), name="point_unique_position"
                    )
                ],
            },
            bases=(mechanisms.bilingual.AcceptsTranslatedNames, models.Model),
        ),
        migrations.AddField(
            model_name="record",
            name="organisations",
            field=models.ManyToManyField(
                blank=True,
                related_name="records",
                through="mechanisms.Involvement",
                to="mechanisms.organisation",
                verbose_name="organisations",
            ),
        ),
        migrations.AddField(
            model_name="record",
            name="people",
            field=models.ManyToManyField(
                blank=True,
                related_name="records",
                through="mechanisms.Contact",
                to="mechanisms.person",
                verbose_name="people",
            ),
        ),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
