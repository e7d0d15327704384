"""The schema as the first release left it (0001-0007 squashed): generated afresh from
that release's models, plus the hand-written search index (PostgreSQL only). A database
that applied 0001-0007 takes this as applied."""

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
import django.db.models.lookups
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models

# The expression of mechanisms.models.search_vector(), frozen here as migrations must be.
SEARCH_INDEX = GinIndex(
    SearchVector("title", weight="A", config="english")
    + SearchVector("search_document", weight="B", config="english"),
    name="record_search_vector",
)


def create_search_index(apps, schema_editor):
    """GIN indexes exist on PostgreSQL only; SQLite searches without one."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("mechanisms", "Record"), SEARCH_INDEX)


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("mechanisms", "Record"), SEARCH_INDEX)


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("mechanisms", "0001_initial"),
        ("mechanisms", "0002_search_document"),
        ("mechanisms", "0003_history_and_publish_permission"),
        ("mechanisms", "0005_involvement_role_mentioned"),
        ("mechanisms", "0006_records_start_as_drafts"),
        ("mechanisms", "0007_section_heading_optional"),
    ]

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
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
                ("name", models.CharField(max_length=200, unique=True, verbose_name="name")),
                (
                    "short_name",
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
            ],
            options={
                "verbose_name": "policy framework",
                "verbose_name_plural": "policy frameworks",
                "ordering": ["name"],
            },
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
                ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
            ],
            options={
                "verbose_name": "theme",
                "verbose_name_plural": "themes",
                "ordering": ["name"],
                "abstract": False,
            },
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
                ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
            ],
            options={
                "verbose_name": "type",
                "verbose_name_plural": "types",
                "ordering": ["name"],
                "abstract": False,
            },
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
                ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                (
                    "is_arab_state",
                    models.BooleanField(
                        db_index=True,
                        default=False,
                        verbose_name="member of the League of Arab States",
                    ),
                ),
            ],
            options={
                "verbose_name": "country",
                "verbose_name_plural": "countries",
                "ordering": ["name"],
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
                ("name", models.CharField(db_index=True, max_length=100, verbose_name="name")),
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
            name="HistoricalFramework",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, verbose_name="slug")),
                ("name", models.CharField(db_index=True, max_length=200, verbose_name="name")),
                (
                    "short_name",
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
                        choices=[
                            ("mechanism", "Coordination mechanism"),
                            ("working-group", "Working group"),
                            ("network", "Network"),
                            ("national-network", "National network"),
                            ("sub-structure", "Sub-structure"),
                            ("activity", "Activity"),
                            ("area-of-work", "Area of work"),
                            ("output", "Policy and advocacy output"),
                        ],
                        db_index=True,
                        max_length=20,
                        verbose_name="kind of record",
                    ),
                ),
                ("slug", models.SlugField(max_length=120, verbose_name="slug")),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                ("summary", models.TextField(blank=True, verbose_name="summary")),
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
                    "geographic_focus",
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
                    "date_text",
                    models.CharField(
                        blank=True,
                        help_text='The document\'s own words, e.g. "December 2012", "to be conducted in 2013".',
                        max_length=200,
                        verbose_name="date or state as written",
                    ),
                ),
                ("place", models.CharField(blank=True, max_length=200, verbose_name="place")),
                ("participants", models.TextField(blank=True, verbose_name="participants")),
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
                ("title", models.CharField(max_length=100, verbose_name="title")),
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
            name="HistoricalSource",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=80, verbose_name="slug")),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                (
                    "seed_file",
                    models.CharField(db_index=True, max_length=100, verbose_name="seed file"),
                ),
                (
                    "publisher",
                    models.CharField(blank=True, max_length=200, verbose_name="publisher"),
                ),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="published"),
                ),
                (
                    "published_on_text",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="publication date as written"
                    ),
                ),
                (
                    "modified_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="last modified"),
                ),
                (
                    "read_count",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="read count shown"
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="note on the document")),
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
                "verbose_name": "historical source document",
                "verbose_name_plural": "historical source documents",
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
                ("name", models.CharField(db_index=True, max_length=100, verbose_name="name")),
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
                ("name", models.CharField(db_index=True, max_length=100, verbose_name="name")),
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
                ("name", models.CharField(max_length=200, unique=True, verbose_name="name")),
                ("acronym", models.CharField(blank=True, max_length=30, verbose_name="acronym")),
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
            ],
            options={
                "verbose_name": "organisation",
                "verbose_name_plural": "organisations",
                "ordering": ["name"],
            },
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
            ],
            options={
                "verbose_name": "organisation's role",
                "verbose_name_plural": "organisations' roles",
                "ordering": ["record", "position"],
                "abstract": False,
            },
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
                ("name", models.CharField(db_index=True, max_length=200, verbose_name="name")),
                ("acronym", models.CharField(blank=True, max_length=30, verbose_name="acronym")),
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
                    "honorific",
                    models.CharField(blank=True, max_length=40, verbose_name="honorific"),
                ),
                ("position", models.CharField(blank=True, max_length=300, verbose_name="position")),
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
                    "email_note",
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
            ],
            options={
                "verbose_name": "person",
                "verbose_name_plural": "people",
                "ordering": ["name"],
            },
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
            ],
            options={
                "verbose_name": "person's role",
                "verbose_name_plural": "people's roles",
                "ordering": ["record", "position"],
                "abstract": False,
            },
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
                        choices=[
                            ("mechanism", "Coordination mechanism"),
                            ("working-group", "Working group"),
                            ("network", "Network"),
                            ("national-network", "National network"),
                            ("sub-structure", "Sub-structure"),
                            ("activity", "Activity"),
                            ("area-of-work", "Area of work"),
                            ("output", "Policy and advocacy output"),
                        ],
                        db_index=True,
                        max_length=20,
                        verbose_name="kind of record",
                    ),
                ),
                ("slug", models.SlugField(max_length=120, verbose_name="slug")),
                ("title", models.CharField(max_length=300, verbose_name="title")),
                ("summary", models.TextField(blank=True, verbose_name="summary")),
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
                    "geographic_focus",
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
                    "date_text",
                    models.CharField(
                        blank=True,
                        help_text='The document\'s own words, e.g. "December 2012", "to be conducted in 2013".',
                        max_length=200,
                        verbose_name="date or state as written",
                    ),
                ),
                ("place", models.CharField(blank=True, max_length=200, verbose_name="place")),
                ("participants", models.TextField(blank=True, verbose_name="participants")),
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
                    "organisations",
                    models.ManyToManyField(
                        blank=True,
                        related_name="records",
                        through="mechanisms.Involvement",
                        to="mechanisms.organisation",
                        verbose_name="organisations",
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
                    "people",
                    models.ManyToManyField(
                        blank=True,
                        related_name="records",
                        through="mechanisms.Contact",
                        to="mechanisms.person",
                        verbose_name="people",
                    ),
                ),
            ],
            options={
                "verbose_name": "record",
                "verbose_name_plural": "records",
                "ordering": ["title"],
                "permissions": [
                    ("publish_record", "Can publish, archive and return records to draft")
                ],
            },
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
                ("text", models.TextField(verbose_name="quoted text")),
                (
                    "attribution",
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
            },
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
                    "label",
                    models.CharField(
                        blank=True,
                        help_text="A short name, where given.",
                        max_length=200,
                        verbose_name="label",
                    ),
                ),
                ("text", models.TextField(verbose_name="text")),
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
            },
        ),
        migrations.AddField(
            model_name="involvement",
            name="record",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="%(class)ss",
                to="mechanisms.record",
                verbose_name="record",
            ),
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
                    "heading",
                    models.CharField(
                        blank=True,
                        help_text="As the document gives it; empty where the document has none.",
                        max_length=200,
                        verbose_name="heading",
                    ),
                ),
                ("body", models.TextField(verbose_name="text")),
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
        migrations.AddField(
            model_name="historicalrecord",
            name="parent",
            field=models.ForeignKey(
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
                ("text", models.TextField(verbose_name="quoted text")),
                (
                    "attribution",
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
                    "label",
                    models.CharField(
                        blank=True,
                        help_text="A short name, where given.",
                        max_length=200,
                        verbose_name="label",
                    ),
                ),
                ("text", models.TextField(verbose_name="text")),
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
                ("unit", models.CharField(max_length=100, verbose_name="unit")),
                ("label", models.CharField(max_length=300, verbose_name="what it counts")),
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
                ("unit", models.CharField(max_length=100, verbose_name="unit")),
                ("label", models.CharField(max_length=300, verbose_name="what it counts")),
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
            },
        ),
        migrations.AddField(
            model_name="contact",
            name="record",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="%(class)ss",
                to="mechanisms.record",
                verbose_name="record",
            ),
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
                ("title", models.CharField(max_length=100, verbose_name="title")),
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
        ),
        migrations.AddField(
            model_name="record",
            name="sdgs",
            field=models.ManyToManyField(
                blank=True, related_name="records", to="mechanisms.sdg", verbose_name="SDGs"
            ),
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
                    "heading",
                    models.CharField(
                        blank=True,
                        help_text="As the document gives it; empty where the document has none.",
                        max_length=200,
                        verbose_name="heading",
                    ),
                ),
                ("body", models.TextField(verbose_name="text")),
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
            },
        ),
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
                ("title", models.CharField(max_length=300, verbose_name="title")),
                (
                    "seed_file",
                    models.CharField(max_length=100, unique=True, verbose_name="seed file"),
                ),
                (
                    "publisher",
                    models.CharField(blank=True, max_length=200, verbose_name="publisher"),
                ),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="published"),
                ),
                (
                    "published_on_text",
                    models.CharField(
                        blank=True, max_length=100, verbose_name="publication date as written"
                    ),
                ),
                (
                    "modified_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="last modified"),
                ),
                (
                    "read_count",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="read count shown"
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="note on the document")),
            ],
            options={
                "verbose_name": "source document",
                "verbose_name_plural": "source documents",
                "ordering": ["seed_file"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("modified_at__isnull", True),
                            ("published_at__isnull", True),
                            ("modified_at__gte", models.F("published_at")),
                            _connector="OR",
                        ),
                        name="source_modified_after_published",
                        violation_error_message="The last-modified date is before the publication date.",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="record",
            name="source",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="records",
                to="mechanisms.source",
                verbose_name="source document",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="source",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="people",
                to="mechanisms.source",
                verbose_name="source",
            ),
        ),
        migrations.AddField(
            model_name="historicalrecord",
            name="source",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="mechanisms.source",
                verbose_name="source document",
            ),
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
                    "honorific",
                    models.CharField(blank=True, max_length=40, verbose_name="honorific"),
                ),
                ("position", models.CharField(blank=True, max_length=300, verbose_name="position")),
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
                    "email_note",
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
        migrations.AddField(
            model_name="record",
            name="themes",
            field=models.ManyToManyField(
                blank=True, related_name="records", to="mechanisms.theme", verbose_name="themes"
            ),
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
        migrations.AddField(
            model_name="record",
            name="types",
            field=models.ManyToManyField(
                blank=True, related_name="records", to="mechanisms.type", verbose_name="types"
            ),
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
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.CheckConstraint(
                condition=models.Q(("parent", models.F("pk")), _negated=True),
                name="organisation_not_own_parent",
                violation_error_message="An organisation cannot be part of itself.",
            ),
        ),
        migrations.AddConstraint(
            model_name="quote",
            constraint=models.UniqueConstraint(
                fields=("record", "position"), name="quote_unique_position"
            ),
        ),
        migrations.AddConstraint(
            model_name="quote",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("person__isnull", False),
                    models.Q(("attribution", ""), _negated=True),
                    _connector="OR",
                ),
                name="quote_has_speaker_or_attribution",
                violation_error_message="A quote needs a speaker or an attribution.",
            ),
        ),
        migrations.AddConstraint(
            model_name="point",
            constraint=models.UniqueConstraint(
                fields=("record", "position"), name="point_unique_position"
            ),
        ),
        migrations.AddConstraint(
            model_name="involvement",
            constraint=models.UniqueConstraint(
                fields=("record", "position"), name="involvement_unique_position"
            ),
        ),
        migrations.AddConstraint(
            model_name="involvement",
            constraint=models.UniqueConstraint(
                fields=("record", "organisation", "role"), name="involvement_unique_role"
            ),
        ),
        migrations.AddConstraint(
            model_name="figure",
            constraint=models.UniqueConstraint(
                fields=("record", "position"), name="figure_unique_position"
            ),
        ),
        migrations.AddConstraint(
            model_name="contact",
            constraint=models.UniqueConstraint(
                fields=("record", "position"), name="contact_unique_position"
            ),
        ),
        migrations.AddConstraint(
            model_name="contact",
            constraint=models.UniqueConstraint(
                fields=("record", "person", "role"), name="contact_unique_role"
            ),
        ),
        migrations.AddConstraint(
            model_name="section",
            constraint=models.UniqueConstraint(
                fields=("record", "position"), name="section_unique_position"
            ),
        ),
        migrations.AddIndex(
            model_name="record",
            index=models.Index(fields=["kind", "publication", "title"], name="record_kind_listing"),
        ),
        migrations.AddIndex(
            model_name="record",
            index=models.Index(fields=["-updated_at"], name="record_recently_updated"),
        ),
        migrations.AddIndex(
            model_name="record",
            index=models.Index(fields=["parent", "position"], name="record_children_in_order"),
        ),
        migrations.AddConstraint(
            model_name="record",
            constraint=models.UniqueConstraint(fields=("slug",), name="record_unique_slug"),
        ),
        migrations.AddConstraint(
            model_name="record",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("budget_amount__isnull", True), ("budget_amount__gte", 0), _connector="OR"
                ),
                name="record_budget_not_negative",
                violation_error_message="A budget cannot be negative.",
            ),
        ),
        migrations.AddConstraint(
            model_name="record",
            constraint=models.CheckConstraint(
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
        ),
        migrations.AddConstraint(
            model_name="record",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("start_date__isnull", True),
                    ("end_date__isnull", True),
                    ("end_date__gte", models.F("start_date")),
                    _connector="OR",
                ),
                name="record_dates_in_order",
                violation_error_message="The end date is before the start date.",
            ),
        ),
        migrations.AddConstraint(
            model_name="record",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_date__isnull", True), ("start_date__isnull", False), _connector="OR"
                ),
                name="record_end_needs_start",
                violation_error_message="A record with an end date needs a start date.",
            ),
        ),
        migrations.AddConstraint(
            model_name="record",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("year__isnull", True),
                    models.Q(("year__gte", 1900), ("year__lte", 2100)),
                    _connector="OR",
                ),
                name="record_year_plausible",
                violation_error_message="Enter a year between 1900 and 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="record",
            constraint=models.CheckConstraint(
                condition=models.Q(("activity_type", ""), ("kind", "activity"), _connector="OR"),
                name="record_activity_type_only_on_activities",
                violation_error_message="Only activities have a type of activity.",
            ),
        ),
        migrations.AddConstraint(
            model_name="record",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("structure_type", ""), ("kind", "sub-structure"), _connector="OR"
                ),
                name="record_structure_type_only_on_sub_structures",
                violation_error_message="Only sub-structures have a type of structure.",
            ),
        ),
        migrations.AddConstraint(
            model_name="record",
            constraint=models.CheckConstraint(
                condition=models.Q(("parent", models.F("pk")), _negated=True),
                name="record_not_own_parent",
                violation_error_message="A record cannot be part of itself.",
            ),
        ),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
