from django.urls import path

from mechanisms import views
from mechanisms.routes import kind_urlpatterns

app_name = "mechanisms"

urlpatterns = [
    *kind_urlpatterns(app_name),
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("people/", views.person_list, name="person-list"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("people/<slug:slug>/email/", views.person_email, name="person-email"),
]
