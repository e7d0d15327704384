"""/health/, outside any language prefix: see directory/health.py."""

from django.urls import path

from directory import health

app_name = "health"

urlpatterns = [path("", health.health, name="check")]
