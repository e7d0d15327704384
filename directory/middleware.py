"""Request hygiene for the public pages."""

from django.http import QueryDict

from mechanisms.bilingual import without_bidi_controls


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
