from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from mechanisms.admin import (
    ActivityInline,
    ContactInline,
    InvolvementInline,
    PointInline,
    QuoteInline,
    RecordAdmin,
    SectionInline,
)
from network.models import NationalNetwork, Network, Output, SubStructure, WorkingGroup


class NationalNetworkInline(admin.TabularInline):
    model = NationalNetwork
    fk_name = "parent"
    extra = 0
    ordering = ["position"]
    fields = ["position", "title", "slug"]
    show_change_link = True
    verbose_name_plural = _("national networks named")


class SubStructureInline(admin.TabularInline):
    model = SubStructure
    fk_name = "parent"
    extra = 0
    ordering = ["position"]
    fields = ["position", "title", "slug", "structure_type"]
    show_change_link = True


class OutputInline(admin.TabularInline):
    model = Output
    fk_name = "parent"
    extra = 0
    ordering = ["position"]
    fields = ["position", "title", "slug"]
    show_change_link = True


@admin.register(Network)
class NetworkAdmin(RecordAdmin):
    list_display = ["title", "reported_national_networks", "publication", "updated_at"]
    kind_fields = ["geographic_focus", "reported_national_networks"]
    inlines = [
        SectionInline,
        PointInline,
        InvolvementInline,
        NationalNetworkInline,
        SubStructureInline,
        OutputInline,
        ContactInline,
    ]


@admin.register(NationalNetwork)
class NationalNetworkAdmin(RecordAdmin):
    list_display = ["title", "parent", "publication", "updated_at"]
    list_select_related = ["source", "parent"]
    kind_fields = [("parent", "position")]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(RecordAdmin):
    list_display = ["title", "parent", "participating_agencies", "publication"]
    list_select_related = ["source", "parent"]
    kind_fields = [("parent", "position"), "participating_agencies", "geographic_focus"]
    inlines = [
        SectionInline,
        PointInline,
        InvolvementInline,
        ContactInline,
        ActivityInline,
        QuoteInline,
    ]


@admin.register(SubStructure)
class SubStructureAdmin(RecordAdmin):
    list_display = ["title", "structure_type", "parent", "publication"]
    list_select_related = ["source", "parent"]
    kind_fields = [("parent", "position"), "structure_type"]


@admin.register(Output)
class OutputAdmin(RecordAdmin):
    list_display = ["title", "parent", "publication"]
    list_select_related = ["source", "parent"]
    kind_fields = [("parent", "position")]
