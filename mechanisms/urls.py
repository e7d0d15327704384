from django.urls import path
from django.utils.translation import gettext_lazy as _

from mechanisms import views
from mechanisms.exports import export_view
from mechanisms.feeds import RecordListFeed
from mechanisms.filters import ActivityFilterSet, AreaOfWorkFilterSet, MechanismFilterSet

app_name = "mechanisms"

urlpatterns = [
    path("mechanisms/", views.mechanism_list, name="mechanism-list"),
    path(
        "mechanisms/export.<str:export_format>",
        export_view(MechanismFilterSet, "mechanisms"),
        name="mechanism-export",
    ),
    path(
        "mechanisms/feed.atom",
        RecordListFeed(
            MechanismFilterSet, _("Coordination mechanisms"), "mechanisms:mechanism-list"
        ),
        name="mechanism-feed",
    ),
    path("mechanisms/<slug:slug>/", views.mechanism_detail, name="mechanism-detail"),
    path("activities/", views.activity_list, name="activity-list"),
    path(
        "activities/export.<str:export_format>",
        export_view(ActivityFilterSet, "activities"),
        name="activity-export",
    ),
    path(
        "activities/feed.atom",
        RecordListFeed(ActivityFilterSet, _("Activities and events"), "mechanisms:activity-list"),
        name="activity-feed",
    ),
    path("activities/<slug:slug>/", views.activity_detail, name="activity-detail"),
    path("areas-of-work/", views.area_of_work_list, name="area-of-work-list"),
    path(
        "areas-of-work/export.<str:export_format>",
        export_view(AreaOfWorkFilterSet, "areas-of-work"),
        name="area-of-work-export",
    ),
    path(
        "areas-of-work/feed.atom",
        RecordListFeed(AreaOfWorkFilterSet, _("Areas of work"), "mechanisms:area-of-work-list"),
        name="area-of-work-feed",
    ),
    path("areas-of-work/<slug:slug>/", views.area_of_work_detail, name="area-of-work-detail"),
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("people/", views.person_list, name="person-list"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("people/<slug:slug>/email/", views.person_email, name="person-email"),
]
