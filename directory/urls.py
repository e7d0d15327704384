from django.urls import path, re_path
from django.utils.translation import gettext_lazy as _

from directory import views
from directory.filters import AllRecordsFilterSet
from mechanisms.routes import list_routes

app_name = "directory"

urlpatterns = [
    path("", views.home, name="home"),
    path("countries/", views.country_list, name="country-list"),
    re_path(r"^countries/(?P<iso_code>[a-zA-Z]{2})/$", views.country_detail, name="country-detail"),
    path("sdgs/", views.sdg_list, name="sdg-list"),
    path("sdgs/<int:number>/", views.sdg_detail, name="sdg-detail"),
    path("sources/", views.source_list, name="source-list"),
    path("sources/<slug:slug>/", views.source_detail, name="source-detail"),
    path("statistics/", views.statistics_page, name="statistics"),
    *list_routes(
        "search",
        "search",
        views.search,
        AllRecordsFilterSet,
        _("All records"),
        namespace=app_name,
        list_name="search",
        basename="records",
    ),
]
