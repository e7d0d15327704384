"""The registry of the kinds of record: each kind is declared once, on its proxy model.

A kind (mechanism, working group, network, ...) is a proxy model of `Record` with a
`KIND = Kind(...)` declaration: its headings, its URL prefix, its FilterSet, the fields it
may carry and the kinds it may belong to. Everything else is derived from the
declarations: the choices of `Record.kind`, the validation of fields and parents
(`Record.clean()` and the database constraints), the URLs, list and detail pages, the
API's collections, the admin's forms and inlines, the home page's "browse by kind".

Adding a kind is one declaration (and, if its list needs one, one template):

    class Gazette(KindProxy, Record):
        KIND = Kind(
            "gazette", _("Gazette"), _("Gazettes"), url_prefix="gazettes",
            fields=[("parent", "position"), "year"], parents=["network"],
        )

        class Meta:
            proxy = True
"""

from dataclasses import dataclass, field

from django.core import checks
from django.utils.functional import cached_property
from django.utils.module_loading import import_string

# The fields of Record that only some kinds carry; every other field is shared by all.
# A field left at its empty value is not "carried".
KIND_SPECIFIC_FIELDS = (
    "parent",
    "position",
    "listed_under",
    "geographic_focus",
    "activity_type",
    "structure_type",
    "status",
    "start_date",
    "end_date",
    "year",
    "date_text",
    "date_note",
    "status_as_written",
    "place",
    "participants",
    "budget_amount",
    "budget_currency",
    "budget_year",
    "reported_national_networks",
    "participating_agencies",
)

# The parts of a record its admin form edits inline, unless its kind declares others.
DEFAULT_PARTS = ("sections", "points", "involvements", "contacts")


@dataclass(eq=False)
class Kind:
    """The declaration of a kind of record.

    `fields` lists the kind-specific fields the kind may carry (see
    `KIND_SPECIFIC_FIELDS`), grouped as the admin form lays them out: a tuple is one row.
    `parents` names the kinds a record of this kind may belong to; none means it stands
    alone. `parts` lists, in order, the parts the admin form edits inline: "sections",
    "points", "involvements", "contacts", "figures", "quotes", or a kind whose records
    belong to this one (its results, its national networks). `order` places the kind in
    menus and on pages gathering every kind; `group_heading` heads its records on the
    page of the record they belong to (by default the plural). `filterset` is the dotted
    path of the FilterSet of its list (by default the plain one of every list), narrowed
    to the kind.
    """

    value: str
    singular: str
    plural: str
    url_prefix: str
    order: int = 100
    group_heading: str = ""
    filterset: str = ""
    fields: list = field(default_factory=list)
    parents: list = field(default_factory=list)
    parts: tuple = DEFAULT_PARTS
    intro: str = ""
    list_template: str = ""
    model: type = field(default=None, compare=False, repr=False)

    def __str__(self):
        return self.value

    @property
    def children_heading(self):
        return self.group_heading or self.plural

    @cached_property
    def allowed_fields(self):
        """The kind-specific fields this kind may carry, flattened."""
        names = set()
        for row in self.fields:
            names.update(row if isinstance(row, tuple | list) else [row])
        unknown = names - set(KIND_SPECIFIC_FIELDS)
        if unknown:
            raise ValueError(f"Kind {self.value!r} declares unknown fields: {sorted(unknown)}")
        return frozenset(names)

    @property
    def app_label(self):
        return self.model._meta.app_label

    @property
    def url_name_prefix(self):
        """`mechanisms:mechanism`, to which `-list`, `-detail`, `-export`, `-feed` are added."""
        return f"{self.app_label}:{self.value}"

    @cached_property
    def filterset_class(self):
        """The FilterSet of the kind's list: the declared one (or the plain one of every
        list), narrowed to this kind."""
        from mechanisms.filters import RecordFilterSet

        base = import_string(self.filterset) if self.filterset else RecordFilterSet
        name = f"{self.model.__name__}FilterSet"
        return type(name, (base,), {"kinds": (self.value,), "__module__": base.__module__})

    @property
    def parent_kinds(self):
        return [registry[value] for value in self.parents]


class KindRegistry:
    """Every declared kind, in the order of their `order` (then of their declaration)."""

    def __init__(self):
        self._kinds = {}

    def register(self, model):
        kind = model.KIND
        if kind.value in self._kinds and self._kinds[kind.value].model is not model:
            raise ValueError(f"The kind {kind.value!r} is declared twice.")
        kind.model = model
        self._kinds[kind.value] = kind

    def unregister(self, value):
        self._kinds.pop(value, None)

    def __iter__(self):
        return iter(sorted(self._kinds.values(), key=lambda kind: kind.order))

    def __getitem__(self, value):
        return self._kinds[str(value)]

    def __contains__(self, value):
        return str(value) in self._kinds

    def get(self, value, default=None):
        return self._kinds.get(str(value), default)

    def by_prefix(self, url_prefix):
        return next((kind for kind in self if kind.url_prefix == url_prefix), None)

    def of_app(self, app_label):
        return [kind for kind in self if kind.app_label == app_label]

    def choices(self):
        return [(kind.value, kind.singular) for kind in self]

    def kinds_allowing(self, field_name):
        return [kind.value for kind in self if field_name in kind.allowed_fields]


registry = KindRegistry()


def kind_choices():
    """The choices of `Record.kind`: the registry's, read when needed (so that a
    migration refers to this function rather than copying a list that grows)."""
    return registry.choices()


PART_NAMES = {"sections", "points", "involvements", "contacts", "figures", "quotes"}


@checks.register()
def check_kind_declarations(app_configs=None, **kwargs):
    """Each declaration is consistent: known fields, parents and parts; one URL prefix
    per kind; an importable FilterSet."""
    errors = []
    prefixes = {}
    for kind in registry:
        where = f"{kind.model.__module__}.{kind.model.__name__}.KIND"

        def error(message, number, where=where):
            errors.append(checks.Error(message, obj=where, id=f"mechanisms.E10{number}"))

        try:
            kind.allowed_fields  # noqa: B018  (validates the declared fields)
        except ValueError as refused:
            error(str(refused), 1)
        for parent in kind.parents:
            if parent not in registry:
                error(f"Unknown parent kind {parent!r}.", 2)
        for part in kind.parts:
            if part in PART_NAMES:
                continue
            if part not in registry or kind.value not in registry[part].parents:
                error(f"Part {part!r} is neither a part nor a kind that belongs to this one.", 3)
        if kind.url_prefix in prefixes:
            error(f"URL prefix {kind.url_prefix!r} is also {prefixes[kind.url_prefix]!r}'s.", 4)
        prefixes[kind.url_prefix] = kind.value
        try:
            kind.filterset_class  # noqa: B018  (imports the declared FilterSet)
        except ImportError as missing:
            error(f"FilterSet {kind.filterset!r} cannot be imported: {missing}", 5)
    return errors
