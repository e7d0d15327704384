from django.urls import path
from django.utils.translation import gettext_lazy as _

from mechanisms import views
from mechanisms.filters import ActivityFilterSet, AreaOfWorkFilterSet, MechanismFilterSet
from mechanisms.routes import list_routes

app_name = "mechanisms"

urlpatterns = [
    *list_routes(
        "mechanisms",
        "mechanism",
        views.mechanism_list,
        MechanismFilterSet,
        _("Coordination mechanisms"),
        namespace=app_name,
    ),
    path("mechanisms/<slug:slug>/", views.mechanism_detail, name="mechanism-detail"),
    *list_routes(
        "activities",
        "activity",
        views.activity_list,
        ActivityFilterSet,
        _("Activities and events"),
        namespace=app_name,
    ),
    path("activities/<slug:slug>/", views.activity_detail, name="activity-detail"),
    *list_routes(
        "areas-of-work",
        "area-of-work",
        views.area_of_work_list,
        AreaOfWorkFilterSet,
        _("Areas of work"),
        namespace=app_name,
    ),
    path("areas-of-work/<slug:slug>/", views.area_of_work_detail, name="area-of-work-detail"),
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("people/", views.person_list, name="person-list"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("people/<slug:slug>/email/", views.person_email, name="person-email"),
]
