from django.urls import path

from network import views

app_name = "network"

urlpatterns = [
    path("networks/", views.network_list, name="network-list"),
    path("networks/<slug:slug>/", views.network_detail, name="network-detail"),
    path("national-networks/", views.national_network_list, name="national-network-list"),
    path(
        "national-networks/<slug:slug>/",
        views.national_network_detail,
        name="national-network-detail",
    ),
    path("working-groups/", views.working_group_list, name="working-group-list"),
    path("working-groups/<slug:slug>/", views.working_group_detail, name="working-group-detail"),
    path("sub-structures/<slug:slug>/", views.sub_structure_detail, name="sub-structure-detail"),
    path("outputs/<slug:slug>/", views.output_detail, name="output-detail"),
]
