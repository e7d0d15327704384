from django.db.models import Prefetch

from mechanisms.filters import RecordFilterSet
from mechanisms.models import Record
from network.models import NationalNetwork


class NetworkFilterSet(RecordFilterSet):
    @classmethod
    def base_queryset(cls):
        """Networks with their published national networks, for the rows of the list."""
        national_networks = Record.objects.published().of_kind(NationalNetwork.KIND)
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
