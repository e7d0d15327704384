"""Check constraints evaluated in Python, with the database's answer.

`Model.full_clean()` checks each CheckConstraint with a query that carries every field
of the object as a parameter (`Q.check`). Building that query costs milliseconds, and a
record has a dozen constraints. Importing 1,000 records spent 60% of its time there.
The conditions of this project's constraints compare the object's own fields with
`exact`, `in`, `isnull` and ordering lookups, combined with AND, OR and NOT. Those are
evaluated here in SQL's three-valued logic: a comparison with NULL is unknown, and, as
in the database, a check fails only when its condition is false. A condition that uses
anything else (a function such as `Length`, a lookup through a relation, an ordering of
text, which depends on the database's collation) is left to the database as before.
`tests/mechanisms/test_constraint_checks.py` compares the two answers on generated
objects.
"""

import operator

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import router
from django.db.models import CheckConstraint, F, Q

ORDERINGS = {"gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le}


class NotInPython(Exception):
    """The condition uses something evaluated by the database only."""


class ChecksConstraintsInPython:
    """A model whose `validate_constraints()`, and so `full_clean()` and the admin's
    forms, evaluates in Python the check constraints it can (`validate_constraints`
    below): Django's own sends a query per constraint, 26 of them for a record."""

    def validate_constraints(self, exclude=None):
        validate_constraints(self, exclude=exclude or ())


def validate_constraints(instance, exclude=()):
    """What `instance.validate_constraints(exclude)` does, with the check constraints
    that can be evaluated here evaluated here; raises the same ValidationError."""
    exclude = set(exclude)
    using = router.db_for_write(type(instance), instance=instance)
    errors = {}
    for model, constraints in instance.get_constraints():
        for constraint in constraints:
            try:
                if not (
                    isinstance(constraint, CheckConstraint)
                    and checked_here(constraint, model, instance, exclude)
                ):
                    constraint.validate(model, instance, exclude=exclude, using=using)
            except ValidationError as error:
                fields = getattr(constraint, "fields", ())
                if getattr(error, "code", None) == "unique" and len(fields) == 1:
                    errors.setdefault(fields[0], []).append(error)
                else:
                    errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def checked_here(constraint, model, instance, exclude):
    """Check `constraint` in Python: False if it must go to the database, True if it
    holds (or names an excluded field, which the database check would skip too), and
    ValidationError if it is violated."""
    if exclude and constraint._expression_refs_exclude(model, constraint.condition, exclude):
        return True
    try:
        holds = evaluate(constraint.condition, instance)
    except NotInPython:
        return False
    if holds is False:
        raise ValidationError(
            constraint.get_violation_error_message(), code=constraint.violation_error_code
        )
    return True


def evaluate(condition, instance):
    """True, False or None (unknown, as SQL's NULL) for a condition on `instance`."""
    if isinstance(condition, Q):
        results = [evaluate(child, instance) for child in condition.children]
        if condition.connector == Q.AND:
            result = all_of(results)
        elif condition.connector == Q.OR:
            result = any_of(results)
        else:
            raise NotInPython(condition.connector)
        return (None if result is None else not result) if condition.negated else result
    if isinstance(condition, tuple):
        return lookup(instance, *condition)
    raise NotInPython(condition)


def all_of(results):
    if False in results:
        return False
    return None if None in results else True


def any_of(results):
    if True in results:
        return True
    return None if None in results else False


def lookup(instance, path, right):
    name, _sep, lookup_name = path.partition("__")
    lookup_name = lookup_name or "exact"
    left = field_value(instance, name)
    if isinstance(right, F):
        if lookup_name not in {"exact", *ORDERINGS}:
            raise NotInPython(path)
        right = field_value(instance, right.name)
    elif hasattr(right, "resolve_expression") or right is None:
        # `exact=None` is IS NULL in Django, and other lookups refuse None.
        raise NotInPython(path)
    if lookup_name == "isnull" and isinstance(right, bool):
        return (left is None) is right
    if lookup_name == "in":
        choices = list(right)
        if not choices:
            return False  # Django compiles an empty IN to a condition that is never true
        if any(choice is None or hasattr(choice, "resolve_expression") for choice in choices):
            raise NotInPython(right)
        return None if left is None else left in choices
    if lookup_name == "exact":
        return None if left is None or right is None else left == right
    if lookup_name in ORDERINGS and not isinstance(left, str) and not isinstance(right, str):
        return None if left is None or right is None else ORDERINGS[lookup_name](left, right)
    raise NotInPython(path)


def field_value(instance, name):
    """The value the database would compare: the column's value, a foreign key's id."""
    if name == "pk":
        return instance.pk
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        raise NotInPython(name) from None
    if not field.concrete or field.many_to_many:
        raise NotInPython(name)
    return getattr(instance, field.attname)
