from django.db.models import Prefetch

from mechanisms.filters import RecordFilterSet
from mechanisms.models import Record


class NetworkFilterSet(RecordFilterSet):
    kinds = (Record.Kind.NETWORK,)

    @classmethod
    def base_queryset(cls):
        """Networks with their published national networks, for the rows of the list."""
        national_networks = Record.objects.published().of_kind(Record.Kind.NATIONAL_NETWORK)
        return (
            super()
            .base_queryset()
            .prefetch_related(
                Prefetch(
                    "children",
                    national_networks.prefetch_related("countries").order_by("position"),
                    to_attr="national_networks",
                )
            )
        )


class NationalNetworkFilterSet(RecordFilterSet):
    kinds = (Record.Kind.NATIONAL_NETWORK,)


class WorkingGroupFilterSet(RecordFilterSet):
    kinds = (Record.Kind.WORKING_GROUP,)


class SubStructureFilterSet(RecordFilterSet):
    kinds = (Record.Kind.SUB_STRUCTURE,)


class OutputFilterSet(RecordFilterSet):
    kinds = (Record.Kind.OUTPUT,)
