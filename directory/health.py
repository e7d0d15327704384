"""/health/: whether this app server can serve, for load balancers and monitoring.

It runs a trivial query on the database and, when the cache is Redis, a write and a
read there; it answers 200 or 503 with the name of each check and "ok" or
"unavailable", never an error's text, and is never cached.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_answers():
    probe = uuid.uuid4().hex
    cache.set("health:probe", probe, 10)
    return cache.get("health:probe") == probe


def uses_redis():
    return settings.CACHES["default"]["BACKEND"].endswith("RedisCache")


def run(check):
    try:
        return "ok" if check() else "unavailable"
    except Exception:  # any failure is reported as such; its details go to the log only
        logger.exception("Health check %s failed", check.__name__)
        return "unavailable"


@never_cache
@require_safe
def health(request):
    checks = {"database": run(database_answers)}
    if uses_redis():
        checks["cache"] = run(cache_answers)
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
