"""Natural keys looked up once per load.

Loading fixtures looks up every reference by its natural key: a record's source, its
countries and goals, a part's record. Inside `remembered_natural_keys()` (the loader's
transaction), each object found is kept, so that 10,000 records naming one source cost
one query for it, not 10,000. Only objects found are kept: a key not found yet, such as
an object further on in the files, is looked up again the next time.
"""

from contextlib import contextmanager
from contextvars import ContextVar

found_objects = ContextVar("found_objects", default=None)


@contextmanager
def remembered_natural_keys():
    token = found_objects.set({})
    try:
        yield
    finally:
        found_objects.reset(token)


def get_by_natural_key(manager, **lookup):
    """`manager.get(**lookup)`, remembered inside `remembered_natural_keys()`."""
    found = found_objects.get()
    if found is None:
        return manager.get(**lookup)
    key = (manager.model, manager.db, tuple(sorted(lookup.items())))
    if key not in found:
        found[key] = manager.get(**lookup)
    return found[key]
