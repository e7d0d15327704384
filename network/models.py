"""Networks, national networks, working groups and their parts.

They are kinds of `mechanisms.Record` (see `mechanisms.models.records` for why one table
holds every kind), each declared here once (see `mechanisms.kinds`).
"""

from django.utils.translation import gettext_lazy as _

from mechanisms.kinds import Kind
from mechanisms.models import KindProxy, Record


class WorkingGroup(KindProxy, Record):
    """A thematic working group; `parent` is its regional coordination mechanism."""

    KIND = Kind(
        "working-group",
        _("Working group"),
        _("Working groups"),
        url_prefix="working-groups",
        order=2,
        fields=[("parent", "position"), "participating_agencies", "geographic_focus"],
        parents=["mechanism"],
        parts=("sections", "points", "involvements", "contacts", "activity", "quotes"),
        intro=_("Thematic working groups of regional coordination mechanisms."),
    )

    class Meta:
        proxy = True
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")


class Network(KindProxy, Record):
    """A regional UN network with its coordinator, secretariat and national networks."""

    KIND = Kind(
        "network",
        _("Network"),
        _("Networks"),
        url_prefix="networks",
        order=3,
        filterset="network.filters.NetworkFilterSet",
        fields=["geographic_focus", "reported_national_networks"],
        parts=(
            "sections",
            "points",
            "involvements",
            "national-network",
            "sub-structure",
            "output",
            "contacts",
        ),
        intro=_("Regional UN networks on migration, each with the national networks it reports."),
        list_template="network/network_list.html",
    )

    class Meta:
        proxy = True
        verbose_name = _("network")
        verbose_name_plural = _("networks")


class NationalNetwork(KindProxy, Record):
    """A national network on migration; `parent` is its regional network."""

    KIND = Kind(
        "national-network",
        _("National network"),
        _("National networks"),
        url_prefix="national-networks",
        order=4,
        fields=[("parent", "position")],
        parents=["network"],
        intro=_("UN national networks on migration established at the country level."),
    )

    class Meta:
        proxy = True
        verbose_name = _("national network")
        verbose_name_plural = _("national networks")


class SubStructure(KindProxy, Record):
    """A committee, task force or working group inside a network."""

    KIND = Kind(
        "sub-structure",
        _("Sub-structure"),
        _("Sub-structures"),
        group_heading=_("Sub-coordination structure"),
        url_prefix="sub-structures",
        order=5,
        fields=[("parent", "position", "listed_under"), "structure_type"],
        parents=["network"],
        intro=_("The committees, task forces and working groups that coordinate inside a network."),
    )

    class Meta:
        proxy = True
        verbose_name = _("sub-structure")
        verbose_name_plural = _("sub-structures")


class Output(KindProxy, Record):
    """A policy and advocacy output of a network (briefing notes, a strategy, ...)."""

    KIND = Kind(
        "output",
        _("Policy and advocacy output"),
        _("Policy and advocacy outputs"),
        url_prefix="outputs",
        order=8,
        fields=[("parent", "position", "listed_under")],
        parents=["network"],
        intro=_(
            "Briefing notes, strategies and other policy and advocacy outputs of the networks."
        ),
    )

    class Meta:
        proxy = True
        verbose_name = _("policy and advocacy output")
        verbose_name_plural = _("policy and advocacy outputs")
