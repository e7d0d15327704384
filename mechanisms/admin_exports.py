"""Admin actions: export the selected records as CSV, JSON or fixture JSON.

The same streamed writers as the downloads of the public lists (`mechanisms.exports`),
over exactly the records ticked, whatever their publication state: editors export drafts
too. Add them to `RecordAdmin.actions`.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from mechanisms.exports import export_response
from mechanisms.models import Record


def selected_records(queryset):
    """The ticked records, by title, without the changelist's own joins."""
    return Record.objects.filter(pk__in=queryset.values("pk")).order_by("title_en", "pk")


def export_selected(request, queryset, export_format):
    return export_response(
        selected_records(queryset),
        export_format,
        "records",
        request.build_absolute_uri,
        public=False,
    )


@admin.action(description=_("Export selected records as CSV"), permissions=["view"])
def export_selected_csv(modeladmin, request, queryset):
    return export_selected(request, queryset, "csv")


@admin.action(description=_("Export selected records as JSON"), permissions=["view"])
def export_selected_json(modeladmin, request, queryset):
    return export_selected(request, queryset, "json")


@admin.action(
    description=_("Export selected records as fixture JSON (for import_fixtures)"),
    permissions=["view"],
)
def export_selected_fixture(modeladmin, request, queryset):
    return export_selected(request, queryset, "fixture.json")
