from django.urls import path

from mechanisms import views

app_name = "mechanisms"

urlpatterns = [
    path("mechanisms/", views.mechanism_list, name="mechanism-list"),
    path("mechanisms/<slug:slug>/", views.mechanism_detail, name="mechanism-detail"),
    path("activities/", views.activity_list, name="activity-list"),
    path("activities/<slug:slug>/", views.activity_detail, name="activity-detail"),
    path("areas-of-work/", views.area_of_work_list, name="area-of-work-list"),
    path("areas-of-work/<slug:slug>/", views.area_of_work_detail, name="area-of-work-detail"),
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("people/", views.person_list, name="person-list"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("people/<slug:slug>/email/", views.person_email, name="person-email"),
]
