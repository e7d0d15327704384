from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from config import views
from config.filters import AllRecordsFilterSet
from mechanisms.exports import export_view
from mechanisms.feeds import RecordListFeed

urlpatterns = [
    path("", views.home, name="home"),
    path("countries/", views.country_list, name="country-list"),
    re_path(r"^countries/(?P<iso_code>[a-zA-Z]{2})/$", views.country_detail, name="country-detail"),
    path("sdgs/", views.sdg_list, name="sdg-list"),
    path("sdgs/<int:number>/", views.sdg_detail, name="sdg-detail"),
    path("search/", views.search, name="search"),
    path(
        "search/export.<str:export_format>",
        export_view(AllRecordsFilterSet, "records"),
        name="search-export",
    ),
    path(
        "search/feed.atom",
        RecordListFeed(AllRecordsFilterSet, _("All records"), "search"),
        name="search-feed",
    ),
    path("api/", include("config.api_urls")),
    path("", include("mechanisms.urls")),
    path("", include("network.urls")),
    path("admin/", admin.site.urls),
]
