"""Public pages served from Django's cache, and answered 304 when the visitor has them.

Every page a visitor (not signed in) reads is cached under a key that holds the version
of the directory's data (`DataVersion`), the language and the full path with its query
string. Any change to the data raises the version when its transaction commits
(`signals.py`; bulk loaders raise it themselves), so no cached page outlives a change,
on any app server. The version also gives each page its ETag and Last-Modified, so a
browser or proxy that has the page gets a 304 at the cost of one query.

Signed-in staff see drafts on the public pages: their requests bypass both. The cache
is Redis when `REDIS_URL` is set, local memory otherwise; `DIRECTORY_CACHE=off` turns
caching off (conditional requests too), to measure or debug the uncached pages.
"""

import hashlib
import threading
from functools import partial, wraps

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

from mechanisms.models import DataVersion

PAGE_TIMEOUT = 24 * 60 * 60  # a day: the version, not time, makes a page stale
_pending = threading.local()


def pending_databases():
    if not hasattr(_pending, "databases"):
        _pending.databases = set()
    return _pending.databases


def data_changed(using=DEFAULT_DB_ALIAS):
    """Raise the data version when the current transaction commits (at once outside a
    transaction), once however many changes it made. A rolled-back transaction leaves
    its mark for the next commit, which raises the version harmlessly."""
    pending_databases().add(using)
    transaction.on_commit(partial(raise_version, using), using=using)


def raise_version(using):
    if using in pending_databases():
        pending_databases().discard(using)
        DataVersion.bump(using)


def is_cacheable(request):
    return (
        settings.DIRECTORY_CACHE
        and request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
    )


def page_key(request, version):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{version}:{get_language()}:{path}"


def public_page(view):
    """Serve a public page from the cache, or 304, for visitors who are not signed in."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_cacheable(request):
            return view(request, *args, **kwargs)
        version, changed_at = DataVersion.current()
        etag = f'"{version}-{get_language()}"'
        last_modified = int(changed_at.timestamp()) if changed_at else None
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            key = page_key(request, version)
            response = cache.get(key)
            if response is None:
                response = view(request, *args, **kwargs)
                if response.status_code == 200 and not response.streaming:
                    cache.set(key, response, PAGE_TIMEOUT)
        if response.status_code in (200, 304):
            response.headers.setdefault("ETag", etag)
            if last_modified:
                response.headers.setdefault("Last-Modified", http_date(last_modified))
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper


def cached(name, compute, *parts):
    """`compute()`, kept in the cache until the data changes: for pieces that several
    pages share (counts of the home page, charts), when caching is on."""
    if not settings.DIRECTORY_CACHE:
        return compute()
    version, _changed_at = DataVersion.current()
    key = ":".join(str(part) for part in (name, version, get_language(), *parts))
    return cache.get_or_set(key, compute, PAGE_TIMEOUT)
