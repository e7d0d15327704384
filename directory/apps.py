from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """The pages that gather every kind of record: home, countries, SDGs, search, the
    JSON API. It builds on `mechanisms` and `network`; they never import it."""

    name = "directory"
    verbose_name = _("Directory pages")
