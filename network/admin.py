from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from mechanisms.admin import (
    ActivityInline,
    ChildInline,
    ContactInline,
    InvolvementInline,
    PointInline,
    QuoteInline,
    RecordAdmin,
    SectionInline,
)
from network.models import NationalNetwork, Network, Output, SubStructure, WorkingGroup


class NationalNetworkInline(ChildInline):
    model = NationalNetwork
    fields = ["position", "title", "slug"]
    verbose_name_plural = _("national networks named")


class SubStructureInline(ChildInline):
    model = SubStructure
    fields = ["position", "title", "slug", "structure_type"]


class OutputInline(ChildInline):
    model = Output
    fields = ["position", "title", "slug"]


@admin.register(Network)
class NetworkAdmin(RecordAdmin):
    list_display = ["title", "reported_national_networks", "publication", "last_reviewed"]
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


class ChildRecordAdmin(RecordAdmin):
    """A record that belongs to another: shown with its parent."""

    list_display = ["title", "parent", "publication", "last_reviewed"]
    list_select_related = ["source", "parent"]
    kind_fields = [("parent", "position")]


@admin.register(NationalNetwork)
class NationalNetworkAdmin(ChildRecordAdmin):
    pass


@admin.register(WorkingGroup)
class WorkingGroupAdmin(ChildRecordAdmin):
    list_display = ["title", "parent", "participating_agencies", "publication", "last_reviewed"]
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
class SubStructureAdmin(ChildRecordAdmin):
    list_display = ["title", "structure_type", "parent", "publication", "last_reviewed"]
    kind_fields = [("parent", "position"), "structure_type"]


@admin.register(Output)
class OutputAdmin(ChildRecordAdmin):
    pass
