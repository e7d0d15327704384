from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MechanismsConfig(AppConfig):
    name = "mechanisms"
    verbose_name = _("Directory")

    def ready(self):
        """Every kind is declared by now (all models are imported before any app is
        ready): derive the database constraints of kind-specific fields from the
        registry, and connect the receivers that keep the search text current."""
        from mechanisms import signals
        from mechanisms.models.records import Record, kind_field_constraints

        Record._meta.constraints = [
            *(c for c in Record._meta.constraints if not c.name.endswith("_by_kind")),
            *kind_field_constraints(),
        ]
        signals.connect()
