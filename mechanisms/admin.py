"""The editors' tool: every model, with roles, draft/publish, history and review dates.

Roles (groups made by a data migration): an *Editor* adds and changes directory records
and their drafts; a *Publisher* may also publish, archive and delete. History comes from
django-simple-history: every change is recorded with who and when, shown with a diff,
revertible from the history page, and deleted records can be restored.
"""

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from mechanisms import bilingual
from mechanisms.admin_exports import (
    export_selected_csv,
    export_selected_fixture,
    export_selected_json,
)
from mechanisms.kinds import registry
from mechanisms.models import (
    SDG,
    Contact,
    Country,
    Figure,
    Framework,
    Involvement,
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
from mechanisms.restore import RestoreRefused, deleted_records, restore_record

admin.site.site_header = _("Migration coordination directory: editors")
admin.site.site_title = _("Directory editors")
admin.site.index_title = _("Directory records")

REVIEW_INTERVAL = dt.timedelta(days=365)


class RowAutocompleteSelect(AutocompleteSelect):
    """An autocomplete in an inline row that labels its selected option from the row's
    own join (see `RowAutocompleteMixin`) instead of one query per row."""

    known = {}

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if not all(v in self.known for v in selected):
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        options += [
            self.create_option(name, v, self.known[v], True, index)
            for index, v in enumerate(selected, start=len(options))
        ]
        return [(None, options, 0)]


class RowAutocompleteForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, RowAutocompleteSelect):
                related = getattr(self.instance, name, None) if self.instance.pk else None
                widget.known = {str(related.pk): str(related)} if related else {}


class RowAutocompleteMixin:
    """Inline rows whose autocomplete fields cost no query: the inline's queryset joins
    them and the widget reads the label from the join."""

    form = RowAutocompleteForm

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.autocomplete_fields)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.autocomplete_fields:
            kwargs["widget"] = RowAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CheckedInitialData:
    """Initial values from the add form's query string (`?source=3`) kept only where they
    are valid ids: `?source=abc` opens an empty field instead of a server error."""

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                model_field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not model_field.is_relation:
                continue
            target = model_field.target_field
            values = value if isinstance(value, list) else [value]
            try:
                for item in values:
                    target.to_python(item)
            except ValidationError:
                del initial[name]
        return initial


class BilingualMixin:
    """Admin forms with English and Arabic side by side: the Arabic of a translated field
    is typed right to left."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = bilingual.language_of(db_field)
        if formfield is not None and language:
            formfield.widget.attrs.update({"lang": language, "dir": get_language_bidi_of(language)})
        return formfield


def get_language_bidi_of(language):
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


class PartInline(BilingualMixin, admin.TabularInline):
    extra = 0
    ordering = ["position"]


class SectionInline(BilingualMixin, admin.StackedInline):
    model = Section
    extra = 0
    ordering = ["position"]
    fields = bilingual.side_by_side(Section, ["position", "heading", "body"])


class PointInline(PartInline):
    model = Point
    fields = bilingual.one_after_another(Point, ["position", "kind", "label", "text"])


class QuoteInline(RowAutocompleteMixin, BilingualMixin, admin.StackedInline):
    model = Quote
    extra = 0
    ordering = ["position"]
    fields = bilingual.side_by_side(Quote, ["position", "text", "person", "attribution"])
    autocomplete_fields = ["person"]


class FigureInline(PartInline):
    model = Figure
    fields = bilingual.one_after_another(
        Figure, ["position", "qualifier", "value", "unit", "label"]
    )


class InvolvementInline(RowAutocompleteMixin, PartInline):
    model = Involvement
    fields = ["position", "organisation", "role"]
    autocomplete_fields = ["organisation"]


class ContactInline(RowAutocompleteMixin, PartInline):
    model = Contact
    fields = ["position", "person", "role"]
    autocomplete_fields = ["person"]


class ChildInline(BilingualMixin, admin.TabularInline):
    """Records that belong to the one being edited (results, national networks, ...)."""

    fk_name = "parent"
    extra = 0
    ordering = ["position"]
    show_change_link = True
    prepopulated_fields = {"slug": ["title_en"]}


# The kind-specific fields short enough for a row of an inline, in this order.
INLINE_FIELDS = ("activity_type", "status", "date_text", "year", "structure_type")


def child_inline(kind):
    """The inline of the records of `kind` inside the record they belong to."""
    fields = ["position", "title", "slug"]
    fields += [name for name in INLINE_FIELDS if name in kind.allowed_fields]
    fields = bilingual.one_after_another(kind.model, fields)
    return type(
        f"{kind.model.__name__}Inline", (ChildInline,), {"model": kind.model, "fields": fields}
    )


PART_INLINES = {
    "sections": SectionInline,
    "points": PointInline,
    "involvements": InvolvementInline,
    "contacts": ContactInline,
    "figures": FigureInline,
    "quotes": QuoteInline,
}


def kind_inlines(kind):
    """The inlines of a kind's form, in the order of its declared parts: parts of the
    record, or the records of a kind that belong to it."""
    return [
        PART_INLINES[part] if part in PART_INLINES else child_inline(registry[part])
        for part in kind.parts
    ]


class RestoreForm(forms.Form):
    history_id = forms.IntegerField(min_value=1)


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("due", _("Not reviewed in 12 months or more")),
            ("recent", _("Reviewed in the last 12 months")),
        ]

    def queryset(self, request, queryset):
        cutoff = timezone.localdate() - REVIEW_INTERVAL
        due = Q(last_reviewed__isnull=True) | Q(last_reviewed__lte=cutoff)
        if self.value() == "due":
            return queryset.filter(due)
        if self.value() == "recent":
            return queryset.exclude(due)
        return queryset


class RecordAdmin(CheckedInitialData, BilingualMixin, SimpleHistoryAdmin):
    """What every kind of record shares; each kind adds its own fields and inlines."""

    list_display = ["title", "publication", "last_reviewed", "updated_at"]
    list_filter = ["publication", ReviewDueFilter, "source", "countries", "sdgs", "themes"]
    list_select_related = ["source"]
    search_fields = ["title_en", "title_ar", "slug", "summary_en", "summary_ar"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["source", "countries", "sdgs", "themes", "types", "frameworks", "parent"]
    readonly_fields = ["updated_at"]
    actions = [
        "mark_reviewed",
        "publish",
        "archive",
        "return_to_draft",
        export_selected_csv,
        export_selected_json,
        export_selected_fixture,
    ]
    history_list_display = ["publication"]
    change_list_template = "admin/mechanisms/record_change_list.html"
    kind_fields = []
    inlines = [SectionInline, PointInline, InvolvementInline, ContactInline]

    def get_fieldsets(self, request, obj=None):
        """English and Arabic side by side, a translated field on one line."""
        model = self.model
        fieldsets = [
            (
                None,
                {
                    "fields": bilingual.side_by_side(
                        model, ["title", "slug", "summary", "publication", "source"]
                    )
                },
            ),
            (_("Taxonomies"), {"fields": ["countries", "sdgs", "themes", "types", "frameworks"]}),
        ]
        if self.kind_fields:
            fieldsets.append(
                (_("Details"), {"fields": bilingual.side_by_side(model, self.kind_fields)})
            )
        fieldsets += [
            (_("Arabic translation"), {"fields": [("translated_by", "translation_reviewed")]}),
            (_("Freshness"), {"fields": ["last_reviewed", "updated_at"]}),
        ]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly.append("publication")
        return readonly

    def get_changeform_initial_data(self, request):
        return {"publication": Record.Publication.DRAFT} | super().get_changeform_initial_data(
            request
        )

    def save_model(self, request, obj, form, change):
        """Without the publish permission the state cannot change: not by the form, where
        it is read-only, nor by reverting to a version that was published."""
        if not self.has_publish_permission(request):
            obj.publication = self.current_publication(obj) if change else Record.Publication.DRAFT
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        """Records added inline (results, national networks, ...) take the source document
        of the record they belong to and, unless the user may publish, start as drafts."""
        if issubclass(formset.model, Record):
            for child in (child_form.instance for child_form in formset.forms):
                if child._state.adding:
                    child.source_id = child.source_id or form.instance.source_id
                    if not self.has_publish_permission(request):
                        child.publication = Record.Publication.DRAFT
        super().save_formset(request, form, formset, change)

    @staticmethod
    def current_publication(record):
        return Record.objects.values_list("publication", flat=True).get(pk=record.pk)

    def has_publish_permission(self, request):
        return request.user.has_perm("mechanisms.publish_record")

    @admin.action(description=_("Mark as reviewed today"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        self.update_each(request, queryset, last_reviewed=timezone.localdate())

    @admin.action(description=_("Publish"), permissions=["publish"])
    def publish(self, request, queryset):
        self.update_each(request, queryset, publication=Record.Publication.PUBLISHED)

    @admin.action(description=_("Archive"), permissions=["publish"])
    def archive(self, request, queryset):
        self.update_each(request, queryset, publication=Record.Publication.ARCHIVED)

    @admin.action(description=_("Return to draft"), permissions=["publish"])
    def return_to_draft(self, request, queryset):
        self.update_each(request, queryset, publication=Record.Publication.DRAFT)

    def update_each(self, request, queryset, **changes):
        """Save record by record, so that each change is in the history with its author."""
        changed = 0
        with transaction.atomic():
            # Lock the records themselves, not the optional parents the list joins
            # (PostgreSQL cannot lock the nullable side of an outer join).
            for record in queryset.select_related(None).select_for_update(of=("self",)):
                if all(getattr(record, name) == value for name, value in changes.items()):
                    continue
                for name, value in changes.items():
                    setattr(record, name, value)
                record._history_user = request.user
                record.save(update_fields=[*changes, "updated_at"])
                changed += 1
        self.message_user(
            request,
            ngettext("%(count)d record changed.", "%(count)d records changed.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "deleted/",
                self.admin_site.admin_view(self.deleted_view),
                name="{}_{}_deleted".format(*info),
            ),
            *super().get_urls(),
        ]

    def deleted_view(self, request):
        """Deleted records of this kind, each restorable with its parts."""
        if not self.has_add_permission(request):
            return redirect("admin:index")
        kind = getattr(self.model, "KIND", None)
        if request.method == "POST":
            choice = RestoreForm(request.POST)
            version = (
                choice.is_valid()
                and deleted_records(kind)
                .filter(history_id=choice.cleaned_data["history_id"])
                .first()
            )
            if not version:
                self.message_user(
                    request, _("That record is not among the deleted ones."), messages.ERROR
                )
                return redirect(request.path)
            try:
                restored = restore_record(version.history_id, kind=kind)
            except RestoreRefused as refused:
                self.message_user(request, str(refused), messages.ERROR)
                return redirect(request.path)
            self.message_user(
                request,
                _("“%(title)s” was restored as a draft.") % {"title": restored.title},
                messages.SUCCESS,
            )
            info = self.opts.app_label, self.opts.model_name
            return redirect(reverse("admin:{}_{}_change".format(*info), args=[restored.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Deleted %(name)s") % {"name": self.opts.verbose_name_plural},
            "deleted": deleted_records(kind=kind),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/mechanisms/deleted_records.html", context)


# Columns and filters of a kind's changelist, among the fields it carries.
CHANGELIST_COLUMNS = (
    "parent",
    "activity_type",
    "status",
    "date_text",
    "structure_type",
    "participating_agencies",
    "reported_national_networks",
)
CHANGELIST_FILTERS = ("activity_type", "status", "structure_type")


class KindAdmin(RecordAdmin):
    """The admin of one kind of record; `kind_admin()` fills it in from the declaration."""

    @admin.display(description=_("budget"), ordering="budget_amount")
    def budget_display(self, obj):
        if obj.budget_amount is None:
            return "—"
        return f"{obj.budget_currency} {obj.budget_amount:,.0f} ({obj.budget_year})"


def kind_admin(kind):
    """The admin class of a kind: its form's fields, inlines, columns and filters."""
    allowed = kind.allowed_fields
    columns = [name for name in CHANGELIST_COLUMNS if name in allowed]
    if "budget_amount" in allowed:
        columns.append("budget_display")
    filters = [name for name in CHANGELIST_FILTERS if name in allowed]
    attributes = {
        "kind_fields": kind.fields,
        "inlines": kind_inlines(kind),
        "list_display": ["title", *columns, "publication", "last_reviewed", "updated_at"],
        "list_filter": [*filters, *RecordAdmin.list_filter],
        "list_select_related": ["source", "parent"] if "parent" in allowed else ["source"],
    }
    return type(f"{kind.model.__name__}Admin", (KindAdmin,), attributes)


def register_kinds(site, app_label):
    """Register the admin of every kind the app `app_label` declares (not yet registered)."""
    for kind in registry.of_app(app_label):
        if not site.is_registered(kind.model):
            site.register(kind.model, kind_admin(kind))


register_kinds(admin.site, "mechanisms")


@admin.register(Record)
class AnyRecordAdmin(RecordAdmin):
    """Every record of every kind: the search behind the `parent` autocomplete."""

    list_display = ["title", "kind", "publication", "last_reviewed", "updated_at"]
    list_filter = ["kind", *RecordAdmin.list_filter]

    def has_add_permission(self, request):
        return False


class VocabularyAdmin(CheckedInitialData, BilingualMixin, SimpleHistoryAdmin):
    """Reference data: countries, SDGs, themes, types, frameworks, sources."""


@admin.register(Source)
class SourceAdmin(VocabularyAdmin):
    list_display = ["title", "kind", "publisher", "published_on", "content_as_of"]
    list_filter = ["kind"]
    search_fields = ["title_en", "title_ar", "seed_file", "publisher_en", "url"]
    prepopulated_fields = {"slug": ["title_en"]}


@admin.register(Country)
class CountryAdmin(VocabularyAdmin):
    list_display = ["name", "iso_code", "is_arab_state", "record_count"]
    list_filter = ["is_arab_state"]
    search_fields = ["name_en", "name_ar", "iso_code"]
    autocomplete_fields = ["membership_source"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(record_count=Count("records"))

    @admin.display(description=_("records"), ordering="record_count")
    def record_count(self, obj):
        return obj.record_count


@admin.register(SDG)
class SDGAdmin(VocabularyAdmin):
    list_display = ["number", "title", "colour"]
    search_fields = ["title_en", "title_ar", "=number"]
    autocomplete_fields = ["title_source", "colour_source"]


@admin.register(Theme, Type)
class TaxonAdmin(VocabularyAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_en", "name_ar"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Framework)
class FrameworkAdmin(VocabularyAdmin):
    list_display = ["name", "short_name", "year"]
    search_fields = ["name_en", "name_ar", "short_name_en"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["year_source"]


@admin.register(Organisation)
class OrganisationAdmin(VocabularyAdmin):
    list_display = ["name", "acronym", "official_name", "parent", "country"]
    list_select_related = ["parent", "country"]
    list_filter = ["country"]
    search_fields = ["name_en", "name_ar", "acronym_en", "acronym_ar", "official_name_en"]
    autocomplete_fields = ["parent", "country", "official_name_source"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Person)
class PersonAdmin(VocabularyAdmin):
    list_display = ["name", "position", "organisation", "phone", "email"]
    list_select_related = ["organisation"]
    search_fields = [
        "name",
        "position_en",
        "position_ar",
        "organisation__name_en",
        "organisation__acronym_en",
    ]
    autocomplete_fields = ["organisation"]
    prepopulated_fields = {"slug": ["name"]}
