from django.contrib import admin
from django.urls import include, path, re_path

from config import views

urlpatterns = [
    path("", views.home, name="home"),
    path("countries/", views.country_list, name="country-list"),
    re_path(r"^countries/(?P<iso_code>[a-zA-Z]{2})/$", views.country_detail, name="country-detail"),
    path("sdgs/", views.sdg_list, name="sdg-list"),
    path("sdgs/<int:number>/", views.sdg_detail, name="sdg-detail"),
    path("search/", views.search, name="search"),
    path("", include("mechanisms.urls")),
    path("", include("network.urls")),
    path("admin/", admin.site.urls),
]
