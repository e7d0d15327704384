from django.urls import path
from django.utils.translation import gettext_lazy as _

from mechanisms.routes import list_routes
from network import views
from network.filters import NationalNetworkFilterSet, NetworkFilterSet, WorkingGroupFilterSet

app_name = "network"

urlpatterns = [
    *list_routes(
        "networks",
        "network",
        views.network_list,
        NetworkFilterSet,
        _("Networks"),
        namespace=app_name,
    ),
    path("networks/<slug:slug>/", views.network_detail, name="network-detail"),
    *list_routes(
        "national-networks",
        "national-network",
        views.national_network_list,
        NationalNetworkFilterSet,
        _("National networks"),
        namespace=app_name,
    ),
    path(
        "national-networks/<slug:slug>/",
        views.national_network_detail,
        name="national-network-detail",
    ),
    *list_routes(
        "working-groups",
        "working-group",
        views.working_group_list,
        WorkingGroupFilterSet,
        _("Working groups"),
        namespace=app_name,
    ),
    path("working-groups/<slug:slug>/", views.working_group_detail, name="working-group-detail"),
    path("sub-structures/<slug:slug>/", views.sub_structure_detail, name="sub-structure-detail"),
    path("outputs/<slug:slug>/", views.output_detail, name="output-detail"),
]
