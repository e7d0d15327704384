"""The project's URLs plus `/__floor__/`, a constant response through the same middleware.

The floor measures what the framework and the server cost before any view does work: each
page's throughput is reported as a share of it.
"""

from importlib import import_module

from django.conf import settings
from django.http import HttpResponse
from django.urls import path


def floor(request):
    return HttpResponse(b"floor\n", content_type="text/plain")


urlpatterns = [
    path("__floor__/", floor),
    *import_module(settings.PROJECT_URLCONF).urlpatterns,
]
