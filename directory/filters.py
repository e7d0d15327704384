from django.utils.translation import gettext_lazy as _

from mechanisms.filters import ChoiceFacetFilter, DatedRecordFilterSet
from mechanisms.kinds import kind_choices
from mechanisms.models import Record


class AllRecordsFilterSet(DatedRecordFilterSet):
    """Every kind of record at once, with the kind as a facet; the search page."""

    facet_names = ("kind", *DatedRecordFilterSet.facet_names)

    kind = ChoiceFacetFilter(label=_("Kind of record"), field_name="kind", choices=kind_choices)

    @classmethod
    def base_queryset(cls):
        """With the search text, which explains why each hit matched."""
        return (
            Record.objects.published().with_taxonomies().defer("search_terms_ar", "search_vector")
        )
