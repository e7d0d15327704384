"""The URLs of the kinds of record, derived from the registry of kinds.

Each kind gets `<prefix>/` (its list), `<prefix>/export.<format>` (the list's downloads),
`<prefix>/feed.atom` (its feed) and `<prefix>/<slug>/` (a record), named
`<kind>-list`, `<kind>-export`, `<kind>-feed` and `<kind>-detail` in the namespace of the
app that declares the kind (`mechanisms:mechanism-list`, `network:network-detail`).
"""

from django.urls import path

from mechanisms import views
from mechanisms.exports import export_view
from mechanisms.feeds import RecordListFeed
from mechanisms.kinds import registry


def list_routes(
    prefix,
    name,
    list_view,
    filterset_class,
    title,
    *,
    namespace,
    list_name="",
    basename="",
    kwargs=None,
):
    """`<prefix>/`, `<prefix>/export.<format>` and `<prefix>/feed.atom`, named
    `<name>-list` (or `list_name`), `<name>-export` and `<name>-feed`, all filtered by
    `filterset_class`; downloads are named `<basename or prefix>.<format>`; `kwargs` go
    to the list view."""
    list_name = list_name or f"{name}-list"
    return [
        path(f"{prefix}/", list_view, kwargs or {}, name=list_name),
        path(
            f"{prefix}/export.<str:export_format>",
            export_view(filterset_class, basename or prefix),
            name=f"{name}-export",
        ),
        path(
            f"{prefix}/feed.atom",
            RecordListFeed(filterset_class, title, f"{namespace}:{list_name}"),
            name=f"{name}-feed",
        ),
    ]


def kind_urlpatterns(app_label):
    """The routes of every kind the app `app_label` declares."""
    patterns = []
    for kind in registry.of_app(app_label):
        patterns += [
            *list_routes(
                kind.url_prefix,
                kind.value,
                views.record_list,
                kind.filterset_class,
                kind.plural,
                namespace=app_label,
                kwargs={"kind": kind},
            ),
            path(
                f"{kind.url_prefix}/<slug:slug>/",
                views.record_detail,
                {"kind": kind},
                name=f"{kind.value}-detail",
            ),
        ]
    return patterns
