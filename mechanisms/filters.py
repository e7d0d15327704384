"""Faceted filtering of records: django-filter FilterSets with facet counts.

Several values of one facet combine with OR, different facets with AND. Facets on a
many-to-many vocabulary filter with EXISTS on the join table, so a record matching two
values is neither repeated nor in need of DISTINCT. The counts of a facet come from one
aggregate query over the records filtered by every *other* facet (standard faceting): the
number next to an option is what ticking it alone in that facet would give. The facets
on a field with fixed choices (kind, status, year…) that have no value selected all count
the same records, so one query grouped by all their values counts them together.

A vocabulary value is checked for its shape by the form, then looked up with the other
selected values in one query (`selected_term_ids`), which also checks that it exists.
The filters then name the terms by id: the planner reads each id's frequency from the
link table's statistics, where a filter through the vocabulary's codes left it guessing
(at 10,000 records, the SQL of a list on two facets went from 139 to 53 ms). The number
of queries of a page does not grow with the number of filters.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db.models import CharField, Count, Exists, F, OuterRef, Prefetch, Q, Value
from django.db.models.functions import Cast
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from mechanisms import bilingual
from mechanisms.models import Contact, Person, Record, effective_year

MAX_TEXT_LENGTH = 200
MAX_VALUES_PER_FACET = 30
FACET_OPTIONS_SHOWN = 12
YEARS = range(1900, 2101)

SORTS = ("title", "-date", "date", "-modified")


def sort_order(sort):
    """The ORDER BY of a sort, titles in the visitor's language; the key last, so that
    records with the same title keep one order and each is on one page only."""
    title = bilingual.ordering("title")
    return {
        "title": (title, "pk"),
        "-date": (
            F("sort_year").desc(nulls_last=True),
            F("start_date").desc(nulls_last=True),
            title,
            "pk",
        ),
        "date": (
            F("sort_year").asc(nulls_last=True),
            F("start_date").asc(nulls_last=True),
            title,
            "pk",
        ),
        "-modified": ("-updated_at", title, "pk"),
    }[sort]


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    colour_class: str = ""


@dataclass
class Facet:
    """A facet's options with their counts. A long facet shows its selected options and
    the most frequent ones, up to `FACET_OPTIONS_SHOWN`, unless it is `expanded`: a page
    stays small however many organisations the data holds."""

    name: str
    label: str
    options: list = field(default_factory=list)
    expanded: bool = False

    @property
    def shown(self):
        if self.expanded or len(self.options) <= FACET_OPTIONS_SHOWN:
            return self.options
        by_count = sorted(self.options, key=lambda option: (not option.selected, -option.count))
        kept = {id(option) for option in by_count[:FACET_OPTIONS_SHOWN]}
        return [option for option in self.options if id(option) in kept]

    @property
    def hidden_count(self):
        return len(self.options) - len(self.shown)


@dataclass
class Chip:
    """An active filter value, with the query string that removes it."""

    label: str
    value: str
    remove: QueryDict


class FacetValuesField(forms.Field):
    """Several values of one facet (``?country=EG&country=JO``), each checked for shape."""

    widget = forms.SelectMultiple
    default_error_messages = {
        "invalid": _("“%(value)s” is not a valid value here."),
        "too_many": _("Choose at most %(limit)d values."),
    }

    def __init__(self, *, pattern, max_length=80, normalise=str, **kwargs):
        self.pattern = re.compile(pattern)
        self.max_length = max_length
        self.normalise = normalise
        super().__init__(**kwargs)

    def to_python(self, value):
        if not value:
            return []
        values = [value] if isinstance(value, str) else list(value)
        # An empty value (`?theme=`) selects nothing rather than being refused.
        items = (str(item).strip() for item in values)
        return list(dict.fromkeys(self.normalise(item) for item in items if item))

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_VALUES_PER_FACET:
            raise ValidationError(
                self.error_messages["too_many"], "too_many", {"limit": MAX_VALUES_PER_FACET}
            )
        for item in value:
            if len(item) > self.max_length or not self.pattern.fullmatch(item):
                shown = item.replace("\x00", "")[:40]
                raise ValidationError(self.error_messages["invalid"], "invalid", {"value": shown})


class WordsField(forms.CharField):
    """Words to search, without direction-control characters, which could reorder the
    page around the words where they are shown back."""

    def to_python(self, value):
        return bilingual.without_bidi_controls(super().to_python(value))


class WordsFilter(django_filters.CharFilter):
    field_class = WordsField


class RelatedFacetFilter(django_filters.Filter):
    """A facet on a many-to-many vocabulary of Record, e.g. ``countries`` by ISO code."""

    field_class = FacetValuesField

    def __init__(self, *, key, pattern, normalise=str, repeats=False, **kwargs):
        """`repeats`: a record can hold an option more than once (an organisation in two
        roles), so counts must be DISTINCT; join tables of plain many-to-many fields cannot."""
        self.key = key
        self.repeats = repeats
        kwargs.setdefault("pattern", pattern)
        kwargs.setdefault("normalise", normalise)
        super().__init__(**kwargs)

    @property
    def relation(self):
        return Record._meta.get_field(self.field_name)

    def filter(self, qs, value):
        """The records linked to any of the terms `value` names, by the terms' ids (an
        unknown value names none)."""
        if not value:
            return qs
        term_ids = self.parent.selected_term_ids.get(self.field_name, {})
        relation = self.relation
        through = relation.remote_field.through
        matches = through.objects.filter(
            **{
                relation.m2m_field_name(): OuterRef("pk"),
                f"{relation.m2m_reverse_field_name()}_id__in": [
                    term_ids[item] for item in value if item in term_ids
                ],
            }
        )
        return qs.filter(Exists(matches))

    def selected_terms(self, values):
        """The (facet value, id) rows of the terms `values` names, as text."""
        return (
            self.relation.related_model.objects.filter(**{f"{self.key}__in": values})
            .order_by()
            .values_list(Value(self.field_name, CharField()), Cast(self.key, CharField()), "pk")
        )

    def facet(self, records, selected):
        """Each option with records and each selected one, with its count: one query,
        and one more only when a selected option has no record. No total: a record has
        any number of options.

        The query starts from the terms and groups by their primary key, which PostgreSQL
        accepts for every column of the term: grouped by all the term's columns, it sorted
        every link row by the names (twice as long at 10,000 records)."""
        model = self.relation.related_model
        records_of_term = self.relation.related_query_name()
        terms = (
            model.objects.filter(**{f"{records_of_term}__in": records.order_by().values("pk")})
            .annotate(result_count=Count(records_of_term, distinct=self.repeats))
            .order_by()
        )
        counted = [(term, term.result_count) for term in terms]
        found = {str(getattr(term, self.key)) for term, _count in counted}
        if missing := [value for value in selected if value not in found]:
            counted += [(term, 0) for term in model.objects.filter(**{f"{self.key}__in": missing})]
        counted.sort(key=lambda pair: ordering_key(pair[0]))
        return [
            Option(
                value=str(getattr(term, self.key)),
                label=str(term),
                count=count,
                selected=str(getattr(term, self.key)) in selected,
                colour_class=f"sdg-{term.number}" if self.field_name == "sdgs" else "",
            )
            for term, count in counted
        ], None


def ordering_key(term):
    """A term's place among the options: by number (SDGs), else by name as the visitor's
    language orders names."""
    if term._meta.ordering == ["number"]:
        return (term.number,)
    return bilingual.text_sort_key(str(term))


class ChoiceFacetFilter(django_filters.MultipleChoiceFilter):
    """A facet on a field with fixed choices (kind, status), or on a computed value (year)."""

    def __init__(self, *, expression=None, **kwargs):
        self.expression = expression
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return self.with_column(qs, alias=True).filter(**{f"{self.column}__in": value})

    @property
    def column(self):
        """The name the value is grouped by: the field's, or its expression's alias."""
        return self.field_name if self.expression is None else f"facet_{self.field_name}"

    def with_column(self, records, alias=False):
        """`records` with the value's column: the field is one; an expression is added,
        as an alias when only filtered on."""
        if self.expression is None:
            return records
        add = records.alias if alias else records.annotate
        return add(**{self.column: self.expression})

    def facet(self, records, selected):
        """One query: the count of each value among `records`, and their total (every
        record has one value, blank included)."""
        counts = self.with_column(records).order_by().values_list(self.column)
        return self.options(dict(counts.annotate(result_count=Count("pk"))), selected)

    def options(self, counts, selected):
        """The options of the values counted ({value: count}), and their total."""
        labels = dict(self.field.choices)
        values = [
            value for value in labels if counts.get(self.coerce(value)) or str(value) in selected
        ]
        return [
            Option(
                value=str(value),
                label=str(labels[value]),
                count=counts.get(self.coerce(value), 0),
                selected=str(value) in selected,
            )
            for value in values
        ], sum(counts.values())

    def coerce(self, value):
        return int(value) if self.expression is not None else value


class RecordFilterSet(django_filters.FilterSet):
    """The filters every list of records offers; subclasses add facets. A kind's list
    narrows to its kind (`kinds`, set by `Kind.filterset_class`)."""

    kinds = ()
    facet_names = ("country", "sdg", "theme", "type", "organisation")

    q = WordsFilter(label=_("Words"), method="filter_words", max_length=MAX_TEXT_LENGTH, strip=True)
    part_of = django_filters.CharFilter(
        label=_("Part of"),
        method="filter_part_of",
        max_length=120,
        validators=[validate_slug],
        strip=True,
    )
    country = RelatedFacetFilter(
        label=_("Country"),
        field_name="countries",
        key="iso_code",
        pattern=r"[A-Z]{2}",
        normalise=str.upper,
    )
    sdg = RelatedFacetFilter(
        label=_("Sustainable Development Goal"),
        field_name="sdgs",
        key="number",
        pattern=r"[0-9]{1,2}",
    )
    theme = RelatedFacetFilter(
        label=_("Theme"), field_name="themes", key="slug", pattern=r"[-a-z0-9]+"
    )
    type = RelatedFacetFilter(
        label=_("Type"), field_name="types", key="slug", pattern=r"[-a-z0-9]+"
    )
    organisation = RelatedFacetFilter(
        label=_("Organisation"),
        field_name="organisations",
        key="slug",
        pattern=r"[-a-z0-9]+",
        repeats=True,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        method="sort_by",
        empty_label=None,
        choices=[
            ("title", _("Title, A to Z")),
            ("-date", _("Date, newest first")),
            ("date", _("Date, oldest first")),
            ("-modified", _("Last modified")),
        ],
    )

    class Meta:
        model = Record
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        self.results_count = None  # known once `facets()` has counted them
        if queryset is None:
            queryset = self.base_queryset()
        if data is not None and data.get("sort") not in (None, *SORTS):
            data = data.copy()  # an unknown order is no reason to show nothing: use the default
            del data["sort"]
        super().__init__(data, queryset=queryset, **kwargs)

    @classmethod
    def base_queryset(cls):
        """The records of this list before any filter."""
        records = Record.objects.for_list()
        return records.of_kind(*cls.kinds) if cls.kinds else records

    def filter_queryset(self, queryset):
        """The filtered records in the order asked for; without one, by relevance when
        searching, else by title in the visitor's language (the first choice of the
        form's "Sort by"), not by the model's order, which is the English title's."""
        queryset = super().filter_queryset(queryset)
        if self.form.cleaned_data.get("sort") or self.form.cleaned_data.get("q"):
            return queryset
        return self.sort_by(queryset, "sort", "title")

    def filter_part_of(self, queryset, name, value):
        """The records that belong to the record `value` (its slug): a record page lists
        the first of them and links here for all."""
        return queryset.filter(parent__slug=value) if value else queryset

    def filter_words(self, queryset, name, value):
        """Search, with the search text loaded: it shows why each record matched."""
        return (
            queryset.search(value).defer(None).defer("search_terms_ar", "search_vector")
            if value
            else queryset
        )

    def sort_by(self, queryset, name, value):
        if value not in SORTS:
            return queryset
        return queryset.alias(sort_year=effective_year()).order_by(*sort_order(value))

    @classmethod
    def search_words(cls, data):
        """The words searched for, when valid: what the `q` filter would search."""
        field = cls.base_filters["q"].field
        try:
            return field.clean(data.get("q"))
        except ValidationError:
            return ""

    def is_searching(self):
        return bool(self.form.is_valid() and self.form.cleaned_data.get("q"))

    def filtered_without(self, excluded):
        """The records filtered by every facet and text filter but `excluded`."""
        queryset = self.queryset.all()
        for name, value in self.form.cleaned_data.items():
            if name not in (excluded, "sort"):
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def selected(self, name):
        """The values selected in facet `name`, as text."""
        return [str(value) for value in self.form.cleaned_data.get(name) or []]

    @cached_property
    def selected_term_ids(self):
        """{field name: {value: id}} of the terms selected in the vocabulary facets, read
        in one query whatever the number of facets in use (a UNION of their lookups); a
        value missing here names no term. Valid forms only."""
        lookups = [
            facet_filter.selected_terms(values)
            for name, facet_filter in self.filters.items()
            if isinstance(facet_filter, RelatedFacetFilter) and (values := self.selected(name))
        ]
        term_ids = {}
        if lookups:
            for field_name, value, pk in lookups[0].union(*lookups[1:], all=True).order_by():
                term_ids.setdefault(field_name, {})[value] = pk
        return term_ids

    def refuse_unknown_terms(self):
        """Make each selected value that names no term a form error. True if none did."""
        if not self.form.is_valid():
            return False
        for name, facet_filter in self.filters.items():
            if isinstance(facet_filter, RelatedFacetFilter) and (values := self.selected(name)):
                known = self.selected_term_ids.get(facet_filter.field_name, {})
                self.refuse_unknown(name, [value for value in values if value not in known])
        return self.form.is_valid()

    def facets(self, expanded=()):
        """The facets with their counts; unknown vocabulary values become form errors.
        The facets named in `expanded` show every option.

        A facet on a field every record has (a kind, a status) counts each record once,
        so when it is not itself in use its counts add up to the number of results:
        `results_count` keeps it, and the page needs no query to count them."""
        if not self.form.is_valid():
            return []
        valid = self.refuse_unknown_terms()
        counted_together = self.count_choices_together()
        facets = []
        for name in self.facet_names:
            selected = self.selected(name)
            facet_filter = self.filters[name]
            if name in counted_together:
                options, total = facet_filter.options(counted_together[name], selected)
            else:
                options, total = facet_filter.facet(self.filtered_without(name), selected)
            if valid and total is not None and not selected:
                self.results_count = total
            facets.append(
                Facet(
                    name=name,
                    label=facet_filter.label,
                    options=options,
                    expanded=name in expanded,
                )
            )
        return facets

    def count_choices_together(self):
        """{facet name: {value: count}} of the choice facets (kind, status, year…) with
        no value selected, counted in one query grouped by all their values at once.

        Each of them counts the records filtered by every facet, as no value of its own
        is selected, so they share one scan of the records; on a search for a common word
        that scan is most of each facet's time. A facet with a value selected counts
        without its own filter, in a query of its own."""
        together = {
            name: self.filters[name]
            for name in self.facet_names
            if isinstance(self.filters[name], ChoiceFacetFilter) and not self.selected(name)
        }
        if len(together) < 2:
            return {}
        records = self.filtered_without(None)
        for facet_filter in together.values():
            records = facet_filter.with_column(records)
        rows = (
            records.order_by()
            .values_list(*(facet_filter.column for facet_filter in together.values()))
            .annotate(result_count=Count("pk"))
        )
        counts = {name: {} for name in together}
        for *values, count in rows:
            for by_value, value in zip(counts.values(), values, strict=True):
                by_value[value] = by_value.get(value, 0) + count
        return counts

    def is_valid(self):
        """The form's checks, and that each selected vocabulary value exists: one query
        if a vocabulary facet is in use. For downloads and feeds, which load no facets."""
        return self.refuse_unknown_terms()

    def refuse_unknown(self, name, unknown):
        if unknown:
            message = _("Unknown value: %(values)s.") % {"values": ", ".join(unknown)[:80]}
            self.form.add_error(name, ValidationError(message, code="unknown"))

    def error_messages(self):
        """(filter label, message) pairs of the form's errors."""
        return [
            (self.filters[name].label if name in self.filters else "", message)
            for name, messages in self.form.errors.items()
            for message in messages
        ]

    def results(self):
        """The filtered records, or none when a filter value is invalid."""
        return self.qs if self.refuse_unknown_terms() else self.queryset.none()

    def chips(self, facets):
        """The active filters as removable chips (labels from the facets already loaded)."""
        if not self.form.is_valid():
            return []
        chips = []
        labels = {(facet.name, o.value): o.label for facet in facets for o in facet.options}
        for name, value in self.form.cleaned_data.items():
            if name == "sort" or value in (None, "", []):
                continue
            values = value if isinstance(value, list) else [value]
            for item in values:
                remove = self.data.copy()
                remove.pop("page", None)
                remove.setlist(name, [str(other) for other in values if other != item])
                text = labels.get((name, str(item)), str(item))
                chips.append(Chip(label=self.filters[name].label, value=text, remove=remove))
        return chips


class DatedRecordFilterSet(RecordFilterSet):
    """Records that happen in time: status, year and date range too."""

    facet_names = (*RecordFilterSet.facet_names, "status", "year")

    status = ChoiceFacetFilter(label=_("Status"), field_name="status", choices=Record.Status)
    year = ChoiceFacetFilter(
        label=_("Year"),
        field_name="year",
        choices=[(year, str(year)) for year in reversed(YEARS)],
        expression=effective_year(),
    )
    date_from = django_filters.DateFilter(label=_("From"), method="filter_from")
    date_to = django_filters.DateFilter(label=_("To"), method="filter_to")

    def filter_from(self, queryset, name, value):
        """Records still running on or after the date (a bare year counts as that year)."""
        return queryset.filter(
            Q(end_date__gte=value)
            | Q(end_date__isnull=True, start_date__gte=value)
            | Q(start_date__isnull=True, year__gte=value.year)
        )

    def filter_to(self, queryset, name, value):
        """Records begun on or before the date (a bare year counts as that year)."""
        return queryset.filter(
            Q(start_date__lte=value) | Q(start_date__isnull=True, year__lte=value.year)
        )


class ActivityFilterSet(DatedRecordFilterSet):
    """Activities and events: results, meetings, events, projects, plans."""

    facet_names = (*DatedRecordFilterSet.facet_names, "activity_type")

    activity_type = ChoiceFacetFilter(
        label=_("Type of activity"), field_name="activity_type", choices=Record.ActivityType
    )


class PeopleFilterSet(django_filters.FilterSet):
    """People named in published records: focal points, speakers, press contacts."""

    role = django_filters.MultipleChoiceFilter(
        label=_("Role"), choices=Contact.Role, method="filter_role"
    )

    class Meta:
        model = Person
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = self.base_queryset()
        super().__init__(data, queryset=queryset, **kwargs)

    @classmethod
    def base_queryset(cls):
        contacts = Contact.objects.of_published_records()
        return (
            Person.objects.public()
            .select_related("organisation__parent")
            .prefetch_related(
                Prefetch("contacts", contacts.select_related("record").order_by("role"))
            )
            .order_by("name")
        )

    def filter_role(self, queryset, name, value):
        contacts = Contact.objects.of_published_records().filter(
            person=OuterRef("pk"), role__in=value
        )
        return queryset.filter(Exists(contacts))

    def results(self):
        return self.qs if self.form.is_valid() else self.queryset.none()

    def role_options(self):
        """Each role with how many people hold it, in one query."""
        selected = self.form.cleaned_data.get("role", []) if self.form.is_valid() else []
        counts = dict(
            Contact.objects.of_published_records()
            .order_by()
            .values_list("role")
            .annotate(people=Count("person", distinct=True))
        )
        return [
            Option(value=value, label=label, count=counts[value], selected=value in selected)
            for value, label in Contact.Role.choices
            if value in counts
        ]
