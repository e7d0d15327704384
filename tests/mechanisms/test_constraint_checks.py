"""Check constraints evaluated in Python (`mechanisms.constraint_checks`) give the
database's answer, on objects generated with every combination of empty, null, equal,
smaller and larger values of the fields the conditions name."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, models
from django.db.models import CheckConstraint, F, Q
from django.db.models.functions import Coalesce
from django.db.models.sql import Query
from django.db.models.sql.constants import SINGLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechanisms import constraint_checks
from mechanisms.kinds import registry
from mechanisms.models import Record

pytestmark = pytest.mark.django_db


def directory_models():
    return [
        model
        for app in ("mechanisms", "network")
        for model in apps.get_app_config(app).get_models()
        if not model._meta.proxy and not model.__name__.startswith("Historical")
    ]


def check_constraints(model):
    return [
        (owner, constraint)
        for owner, constraints in model().get_constraints()
        for constraint in constraints
        if isinstance(constraint, CheckConstraint)
    ]


MODELS = [model for model in directory_models() if check_constraints(model)]


def named_fields(condition):
    """The fields a condition names, through lookups and F() on either side."""
    names = set()
    for child in condition.children:
        if isinstance(child, Q):
            names |= named_fields(child)
        elif isinstance(child, tuple):
            names.add(child[0].split("__")[0])
            if isinstance(child[1], F):
                names.add(child[1].name)
    return names


def values_for(field):
    """A few values of each type: empty, null, small, large, equal to one another."""
    if isinstance(field, models.ForeignKey):
        choices = st.sampled_from([1, 2])
    elif field.name == "kind":
        choices = st.sampled_from([kind.value for kind in registry])
    elif isinstance(field, models.BooleanField):
        choices = st.booleans()
    elif isinstance(field, models.DecimalField):
        choices = st.sampled_from([Decimal("-1.50"), Decimal("0"), Decimal("2500.00")])
    elif isinstance(field, models.IntegerField):
        choices = st.sampled_from([-1, 0, 1, 17, 18, 1899, 1900, 2013, 2100, 2101])
    elif isinstance(field, models.DateField):
        choices = st.sampled_from([dt.date(2013, 1, 1), dt.date(2013, 6, 20), dt.date(2015, 1, 1)])
    elif field.choices:
        choices = st.sampled_from([value for value, _label in field.flatchoices if value])
    else:
        choices = st.sampled_from(["x", "USD", "document"])
    if field.null:
        choices = st.none() | choices
    if not field.null and isinstance(field, models.CharField | models.TextField):
        choices = st.just("") | choices
    return choices


@st.composite
def instances(draw, model):
    fields = set().union(*(named_fields(c.condition) for _owner, c in check_constraints(model)))
    instance = model()
    instance.pk = draw(st.none() | st.sampled_from([1, 2]))
    for name in sorted(fields - {"pk"}):
        field = model._meta.get_field(name)
        setattr(instance, field.attname, draw(values_for(field)))
    return instance


def database_answer(owner, constraint, instance):
    """Django's own check: a query that selects 1 where the condition, with the
    instance's values in place of its fields, is true or unknown."""
    try:
        constraint.validate(owner, instance)
    except ValidationError:
        return False
    return True


def database_answers(owner, constraints, instance):
    """The database's answer to each of `constraints` in one query, as Django's check
    asks it in one query each: the instance's values in place of the fields, and a
    condition that is unknown (NULL) counted as passing."""
    query = Query(None)
    for name, value in instance._get_field_expression_map(meta=owner._meta).items():
        query.add_annotation(value, name, select=False)
    for number, constraint in enumerate(constraints):
        verdict = Coalesce(constraint.condition, True, output_field=models.BooleanField())
        query.add_annotation(verdict, f"verdict_{number}")
    row = query.get_compiler(using=DEFAULT_DB_ALIAS).execute_sql(SINGLE)
    return [bool(value) for value in row]


def python_answer(owner, constraint, instance):
    """True or False, or None when the condition is left to the database."""
    try:
        return constraint_checks.checked_here(constraint, owner, instance, set()) or None
    except ValidationError:
        return False


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_python_gives_the_databases_answer(model, data):
    instance = data.draw(instances(model))
    answered_here = defaultdict(list)
    for owner, constraint in check_constraints(model):
        answer = python_answer(owner, constraint, instance)
        if answer is not None:
            answered_here[owner].append((constraint, answer))
    for owner, answers in answered_here.items():
        constraints = [constraint for constraint, _answer in answers]
        for (constraint, answer), database_says in zip(
            answers, database_answers(owner, constraints, instance), strict=True
        ):
            assert answer == database_says, constraint.name


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_answers_in_one_query_are_djangos_own(model, data):
    """The test above asks the database about every constraint of an object in one query
    (a query per constraint made it the suite's slowest test): on fewer objects, each
    of those answers is the one Django's own check gives, a query per constraint."""
    instance = data.draw(instances(model))
    for owner, constraints in model().get_constraints():
        checks = [c for c in constraints if isinstance(c, CheckConstraint)]
        if checks:
            assert database_answers(owner, checks, instance) == [
                database_answer(owner, constraint, instance) for constraint in checks
            ]


def test_every_record_constraint_is_evaluated_in_python():
    """Only functions (Length, Upper: the ISO code and the SDG colour) go to the database."""
    record = Record(kind="activity", slug="a", title_en="A", start_date=dt.date(2013, 1, 1))
    left_to_the_database = [
        constraint.name
        for owner, constraint in check_constraints(Record)
        if python_answer(owner, constraint, record) is None
    ]
    assert left_to_the_database == []


def test_a_violation_carries_the_constraints_message():
    record = Record(kind="activity", slug="a", title_en="A", year=1800)
    with pytest.raises(ValidationError) as error:
        constraint_checks.validate_constraints(record)
    assert "Enter a year between 1900 and 2100." in error.value.messages


def test_a_constraint_naming_an_excluded_field_is_skipped_as_by_django():
    record = Record(kind="activity", slug="a", title_en="A", year=1800)
    constraint_checks.validate_constraints(record, exclude={"year"})


def test_full_clean_evaluates_a_records_check_constraints_in_python(
    django_assert_num_queries,
):
    """Django's own checks each of its 26 in a query of its own (80 queries in all for
    this record). The two left find its source and check that no other record has its
    slug."""
    record = Record.objects.get(slug="imrf-2022")
    with django_assert_num_queries(2):
        record.full_clean()
