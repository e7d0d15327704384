from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

# The public pages in each language, under /en/ and /ar/; a bare path (an old link, a
# typed address) redirects by the browser's language, or the language chosen last. The
# API (its data holds both languages), the health check and the admin (English and
# Arabic side by side) stay outside.
urlpatterns = [
    path("api/", include("directory.api_urls")),
    path("health/", include("directory.health_urls")),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico where a page names no icon (the admin, the API).
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("favicon.svg"))),
    *i18n_patterns(
        path("", include("directory.urls")),
        path("", include("mechanisms.urls")),
        path("", include("network.urls")),
    ),
]
