"""The routes of a list of records: the page, its downloads and its feed."""

from django.urls import path

from mechanisms.exports import export_view
from mechanisms.feeds import RecordListFeed


def list_routes(prefix, name, list_view, filterset_class, title, *, namespace):
    """`<prefix>/`, `<prefix>/export.<format>` and `<prefix>/feed.atom`, named
    `<name>-list`, `<name>-export` and `<name>-feed`, all filtered by `filterset_class`."""
    return [
        path(f"{prefix}/", list_view, name=f"{name}-list"),
        path(
            f"{prefix}/export.<str:export_format>",
            export_view(filterset_class, prefix),
            name=f"{name}-export",
        ),
        path(
            f"{prefix}/feed.atom",
            RecordListFeed(filterset_class, title, f"{namespace}:{name}-list"),
            name=f"{name}-feed",
        ),
    ]
