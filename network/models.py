"""Networks, national networks, working groups and their parts.

They are kinds of `mechanisms.Record` (see that module for why one table holds every
kind); this app gives each its proxy, its pages and its admin.
"""

from django.utils.translation import gettext_lazy as _

from mechanisms.models import KindProxy, Record


class Network(KindProxy, Record):
    """A regional UN network with its coordinator, secretariat and national networks."""

    KIND = Record.Kind.NETWORK
    DETAIL_URL_NAME = "network:network-detail"

    class Meta:
        proxy = True
        verbose_name = _("network")
        verbose_name_plural = _("networks")


class NationalNetwork(KindProxy, Record):
    """A national network on migration; `parent` is its regional network."""

    KIND = Record.Kind.NATIONAL_NETWORK
    DETAIL_URL_NAME = "network:national-network-detail"

    class Meta:
        proxy = True
        verbose_name = _("national network")
        verbose_name_plural = _("national networks")


class WorkingGroup(KindProxy, Record):
    """A thematic working group; `parent` is its regional coordination mechanism."""

    KIND = Record.Kind.WORKING_GROUP
    DETAIL_URL_NAME = "network:working-group-detail"

    class Meta:
        proxy = True
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")


class SubStructure(KindProxy, Record):
    """A committee, task force or working group inside a network."""

    KIND = Record.Kind.SUB_STRUCTURE
    DETAIL_URL_NAME = "network:sub-structure-detail"

    class Meta:
        proxy = True
        verbose_name = _("sub-structure")
        verbose_name_plural = _("sub-structures")


class Output(KindProxy, Record):
    """A policy and advocacy output of a network (briefing notes, a strategy, ...)."""

    KIND = Record.Kind.OUTPUT
    DETAIL_URL_NAME = "network:output-detail"

    class Meta:
        proxy = True
        verbose_name = _("policy and advocacy output")
        verbose_name_plural = _("policy and advocacy outputs")
