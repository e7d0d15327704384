"""Atom feeds of the lists of records: the latest changes first, with the list's filters.

`<list>/feed.atom?<the page's filters>` gives the records the page lists, the most
recently changed first, so a feed reader follows what changes in one filtered list.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from mechanisms.cache import public_page
from mechanisms.exports import filter_error_response

FEED_LENGTH = 50


@dataclass
class FeedQuery:
    filterset: object
    path: str


class RecordListFeed(Feed):
    feed_type = Atom1Feed
    # Atom requires an author (RFC 4287, 4.1.1): the directory speaks for its entries.
    author_name = _("Migration coordination in the Arab States: a directory")

    def __init__(self, filterset_class, title, list_url_name):
        self.filterset_class = filterset_class
        self.list_title = title
        self.list_url_name = list_url_name

    def __call__(self, request, *args, **kwargs):
        return public_page(self.respond)(request, *args, **kwargs)

    def respond(self, request, *args, **kwargs):
        filterset = self.filterset_class(request.GET)
        if not filterset.is_valid():
            return filter_error_response(filterset)
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        """The page's filters (`sort` aside: a feed is always the latest changes first)."""
        query = request.GET.copy()
        for name in ("page", "per_page", "sort"):
            query.pop(name, None)
        return FeedQuery(self.filterset_class(query), request.path)

    def title(self, obj):
        return str(self.list_title)

    def link(self, obj):
        url = reverse(self.list_url_name)
        return f"{url}?{obj.filterset.data.urlencode()}" if obj.filterset.data else url

    def feed_url(self, obj):
        """The feed's own address, with the filters only (no page, size or order)."""
        query = obj.filterset.data.urlencode()
        return f"{obj.path}?{query}" if query else obj.path

    def items(self, obj):
        """Only what an entry shows: no taxonomies, one query."""
        return (
            obj.filterset.results()
            .select_related(None)
            .prefetch_related(None)
            .only("kind", "slug", "title_en", "title_ar", "summary_en", "summary_ar", "updated_at")
            .order_by("-updated_at", "title_en")[:FEED_LENGTH]
        )

    def item_title(self, record):
        return record.title

    def item_description(self, record):
        """The summary as text: Atom sends it as `type="html"`, so it is escaped here and
        markup an editor typed shows as characters in a feed reader, never runs."""
        return escape(record.summary)

    def item_updateddate(self, record):
        return record.updated_at

    def item_categories(self, record):
        return [record.get_kind_display()]
