"""Who is asking, and how often: the client's address and per-client rate limits.

Behind a reverse proxy every request arrives from the proxy's address; the client's is
in `X-Forwarded-For`, which any client can also forge. So the header is read only when
`TRUSTED_PROXY_COUNT` says how many proxies of ours stand in front of the app: each
appends the address it saw, and the one the first of them saw is the client's, that
many places from the right. Anything to its left came from the client and is ignored.
With no trusted proxy (the default) the header is never read.

Counters live in the cache, which is Redis when `REDIS_URL` is set, so every app server
counts the same requests.
"""

import ipaddress
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The address of the client that sent `request` (also axes' AXES_CLIENT_IP_CALLABLE)."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if not trusted:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < trusted:
        return remote  # not through all our proxies: only the peer's address is known
    try:
        return str(ipaddress.ip_address(hops[-trusted]))
    except ValueError:
        return remote


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` requests per client in each window of `window` seconds."""

    scope: str
    limit: int
    window: int

    def hit(self, request):
        """Count this request; return 0 if it is allowed, else the seconds to wait."""
        now = time.time()
        window_number = int(now // self.window)
        key = f"ratelimit:{self.scope}:{client_ip(request)}:{window_number}"
        cache.add(key, 0, self.window)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.add(key, 1, self.window)
            count = 1
        if count <= self.limit:
            return 0
        return max(1, int((window_number + 1) * self.window - now))
