from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The project package is an app too: its templates and management commands."""

    name = "config"
    verbose_name = "Project"
