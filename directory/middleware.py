"""Request hygiene for the public pages."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse, QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

from directory.api import API_VERSION
from mechanisms.bilingual import without_bidi_controls

logger = logging.getLogger(__name__)


class DropDirectionControls:
    """Remove direction-control characters (U+202A-U+202E, U+2066-U+2069) from the query
    string before any view or form reads it: a search echoed back into the page, a filter
    value named in a message, cannot reorder the text around it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.GET
        if any(without_bidi_controls(key) != key for key in query) or any(
            without_bidi_controls(value) != value
            for _key, values in query.lists()
            for value in values
        ):
            cleaned = QueryDict(mutable=True)
            for key, values in query.lists():
                cleaned.setlist(
                    without_bidi_controls(key), [without_bidi_controls(v) for v in values]
                )
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class RefuseLongQueryValues:
    """A query-string value far longer than any filter accepts (`MAX_TEXT_LENGTH`) is
    refused at once with a 400 that explains, instead of a page that repeats it in every
    link it carries. A value just too long still reaches the form, which says which
    field. The admin (whose own searches may be longer) is left alone."""

    LIMIT = 1000

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        too_long = any(
            len(value) > self.LIMIT for _key, values in request.GET.lists() for value in values
        )
        if too_long and not request.path.startswith(reverse("admin:index")):
            message = gettext(
                "A value in this address is longer than %(limit)s characters, far more than "
                "any search or filter accepts. Shorten it and try again."
            ) % {"limit": self.LIMIT}
            if request.path.startswith(reverse("api:index")):
                return JsonResponse(
                    {"version": API_VERSION, "error": message, "errors": {}},
                    status=400,
                    json_dumps_params={"ensure_ascii": False},
                )
            return HttpResponse(
                render_to_string(
                    "400.html", {"message": message, "without_query": True}, request=request
                ),
                status=400,
            )
        return self.get_response(request)


class DatabaseUnavailable:
    """A database that cannot be reached is a 503 that says so (JSON for the API, the
    site's page elsewhere) with Retry-After, never a 500 or a 200 cut short: downloads
    fetch their first records before they start (`mechanisms.exports`)."""

    RETRY_AFTER_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("database unavailable: %s", exception, exc_info=exception)
        message = gettext("The directory's database cannot be reached. Please try again soon.")
        if request.path.startswith(reverse("api:index")):
            response = JsonResponse(
                {"version": API_VERSION, "error": message, "errors": {}},
                status=503,
                json_dumps_params={"ensure_ascii": False},
            )
        else:
            response = HttpResponse(render_to_string("503.html", {"message": message}), status=503)
        response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
