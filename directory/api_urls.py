"""/api/: the read-only JSON API (see directory/api.py and README.md, "JSON API")."""

from django.urls import path, re_path

from directory import api

app_name = "api"

urlpatterns = [
    path("", api.index, name="index"),
    path("organisations/", api.organisation_list, name="organisation-list"),
    path("organisations/<slug:slug>/", api.organisation_detail, name="organisation-detail"),
    path("people/", api.person_list, name="person-list"),
    path("people/<slug:slug>/", api.person_detail, name="person-detail"),
    path("<slug:collection>/", api.record_list, name="record-list"),
    path("<slug:collection>/<slug:slug>/", api.record_detail, name="record-detail"),
    re_path(r"", api.unknown_path),
]
