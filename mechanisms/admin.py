from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from mechanisms.models import (
    SDG,
    Activity,
    AreaOfWork,
    Contact,
    Country,
    Figure,
    Framework,
    Involvement,
    Mechanism,
    Organisation,
    Person,
    Point,
    Quote,
    Record,
    Section,
    Source,
    Theme,
    Type,
)

admin.site.site_header = _("Migration coordination directory: editors")
admin.site.site_title = _("Directory editors")
admin.site.index_title = _("Directory records")


class PartInline(admin.TabularInline):
    extra = 0
    ordering = ["position"]


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    ordering = ["position"]
    fields = ["position", "heading", "body"]


class PointInline(PartInline):
    model = Point
    fields = ["position", "kind", "label", "text"]


class QuoteInline(admin.StackedInline):
    model = Quote
    extra = 0
    ordering = ["position"]
    fields = ["position", "text", "person", "attribution"]
    autocomplete_fields = ["person"]


class FigureInline(PartInline):
    model = Figure
    fields = ["position", "qualifier", "value", "unit", "label"]


class InvolvementInline(PartInline):
    model = Involvement
    fields = ["position", "organisation", "role"]
    autocomplete_fields = ["organisation"]


class ContactInline(PartInline):
    model = Contact
    fields = ["position", "person", "role"]
    autocomplete_fields = ["person"]


class ActivityInline(admin.TabularInline):
    """Results and activities edited inside the record they belong to."""

    model = Activity
    fk_name = "parent"
    extra = 0
    ordering = ["position"]
    fields = ["position", "title", "slug", "activity_type", "status", "date_text", "year"]
    show_change_link = True
    verbose_name = _("result or activity")
    verbose_name_plural = _("results and activities")


class RecordAdmin(admin.ModelAdmin):
    """What every kind of record shares; each kind adds its own fields and inlines."""

    list_display = ["title", "publication", "source", "updated_at"]
    list_filter = ["publication", "source", "countries", "sdgs", "themes"]
    list_select_related = ["source"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["countries", "sdgs", "themes", "types", "frameworks", "parent"]
    readonly_fields = ["updated_at"]
    kind_fields = []
    inlines = [SectionInline, PointInline, InvolvementInline, ContactInline]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (None, {"fields": ["title", "slug", "summary", "publication", "source"]}),
            (
                _("Taxonomies"),
                {"fields": ["countries", "sdgs", "themes", "types", "frameworks"]},
            ),
        ]
        if self.kind_fields:
            fieldsets.append((_("Details"), {"fields": self.kind_fields}))
        fieldsets.append((_("Freshness"), {"fields": ["last_reviewed", "updated_at"]}))
        return fieldsets


@admin.register(Mechanism)
class MechanismAdmin(RecordAdmin):
    list_display = ["title", "budget_display", "publication", "source", "updated_at"]
    kind_fields = ["geographic_focus", ("budget_amount", "budget_currency", "budget_year")]
    inlines = [
        SectionInline,
        InvolvementInline,
        ContactInline,
        ActivityInline,
        FigureInline,
        QuoteInline,
    ]

    @admin.display(description=_("budget"), ordering="budget_amount")
    def budget_display(self, obj):
        if obj.budget_amount is None:
            return "—"
        return f"{obj.budget_currency} {obj.budget_amount:,.0f} ({obj.budget_year})"


@admin.register(Activity)
class ActivityAdmin(RecordAdmin):
    list_display = ["title", "activity_type", "status", "date_text", "parent", "publication"]
    list_filter = ["activity_type", "status", "publication", "source", "countries", "sdgs"]
    list_select_related = ["source", "parent"]
    kind_fields = [
        ("parent", "position"),
        ("activity_type", "status"),
        ("start_date", "end_date", "year"),
        "date_text",
        "place",
        "participants",
    ]
    inlines = [SectionInline, InvolvementInline, ContactInline, FigureInline, QuoteInline]


@admin.register(AreaOfWork)
class AreaOfWorkAdmin(RecordAdmin):
    kind_fields = ["geographic_focus"]
    inlines = [SectionInline, PointInline, InvolvementInline, ContactInline, ActivityInline]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "seed_file", "published_at", "modified_at", "read_count"]
    search_fields = ["title", "seed_file", "publisher"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "iso_code", "is_arab_state", "record_count"]
    list_filter = ["is_arab_state"]
    search_fields = ["name", "iso_code"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(record_count=Count("records"))

    @admin.display(description=_("records"), ordering="record_count")
    def record_count(self, obj):
        return obj.record_count


@admin.register(SDG)
class SDGAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "colour"]
    search_fields = ["title", "=number"]


@admin.register(Theme, Type)
class TaxonAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "year"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "parent", "country"]
    list_select_related = ["parent", "country"]
    list_filter = ["country"]
    search_fields = ["name", "acronym"]
    autocomplete_fields = ["parent", "country"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "organisation", "phone", "email"]
    list_select_related = ["organisation"]
    search_fields = ["name", "position", "organisation__name", "organisation__acronym"]
    autocomplete_fields = ["organisation"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Record)
class AnyRecordAdmin(RecordAdmin):
    """Every record of every kind: the search target of the `parent` autocomplete."""

    list_display = ["title", "kind", "publication", "source", "updated_at"]
    list_filter = ["kind", "publication", "source"]

    def has_add_permission(self, request):
        return False
