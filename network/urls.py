from django.urls import path
from django.utils.translation import gettext_lazy as _

from mechanisms.exports import export_view
from mechanisms.feeds import RecordListFeed
from network import views
from network.filters import NationalNetworkFilterSet, NetworkFilterSet, WorkingGroupFilterSet

app_name = "network"

urlpatterns = [
    path("networks/", views.network_list, name="network-list"),
    path(
        "networks/export.<str:export_format>",
        export_view(NetworkFilterSet, "networks"),
        name="network-export",
    ),
    path(
        "networks/feed.atom",
        RecordListFeed(NetworkFilterSet, _("Networks"), "network:network-list"),
        name="network-feed",
    ),
    path("networks/<slug:slug>/", views.network_detail, name="network-detail"),
    path("national-networks/", views.national_network_list, name="national-network-list"),
    path(
        "national-networks/export.<str:export_format>",
        export_view(NationalNetworkFilterSet, "national-networks"),
        name="national-network-export",
    ),
    path(
        "national-networks/feed.atom",
        RecordListFeed(
            NationalNetworkFilterSet, _("National networks"), "network:national-network-list"
        ),
        name="national-network-feed",
    ),
    path(
        "national-networks/<slug:slug>/",
        views.national_network_detail,
        name="national-network-detail",
    ),
    path("working-groups/", views.working_group_list, name="working-group-list"),
    path(
        "working-groups/export.<str:export_format>",
        export_view(WorkingGroupFilterSet, "working-groups"),
        name="working-group-export",
    ),
    path(
        "working-groups/feed.atom",
        RecordListFeed(WorkingGroupFilterSet, _("Working groups"), "network:working-group-list"),
        name="working-group-feed",
    ),
    path("working-groups/<slug:slug>/", views.working_group_detail, name="working-group-detail"),
    path("sub-structures/<slug:slug>/", views.sub_structure_detail, name="sub-structure-detail"),
    path("outputs/<slug:slug>/", views.output_detail, name="output-detail"),
]
