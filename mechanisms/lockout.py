"""The page a client sees when too many failed sign-ins have locked its username.

django-axes calls `lockout_response` (AXES_LOCKOUT_CALLABLE) instead of the login page:
a 429 in the admin's design that says when to try again and whom to ask.
"""

import math

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def lockout_response(request, original_response, credentials):
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    response = render(
        request,
        "admin/login_locked.html",
        {**admin.site.each_context(request), "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    response["Cache-Control"] = "no-store"
    return response
