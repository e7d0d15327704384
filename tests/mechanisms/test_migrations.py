"""The squashed migrations: a database made by the earlier migrations, which recorded
their names, takes the squash as applied and has nothing to do; one part of the way
through them is told to finish with the release that had them. (A fresh database is
made by the squash before every test session.)"""

import pytest
from django.db import connection
from django.db.migrations.exceptions import NodeNotFoundError
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

pytestmark = pytest.mark.django_db

SQUASH = "0001_squashed_0013_initial"
EARLIER = [
    "0001_initial",
    "0002_search_document",
    "0003_history_and_publish_permission",
    "0005_involvement_role_mentioned",
    "0006_records_start_as_drafts",
    "0007_section_heading_optional",
    "0001_squashed_0007_initial",
    "0008_records_fields_by_kind",
    "0009_data_version",
    "0010_sources_and_references",
    "0011_stored_search_vector",
    "0012_bilingual_fields",
    "0013_arabic_search_text",
]


def recorded_as(names):
    """The migrations table says the mechanisms app applied `names` (and the rest of the
    project's migrations), as a database of that time would."""
    recorder = MigrationRecorder(connection)
    recorder.migration_qs.filter(app="mechanisms", name__in=[SQUASH, *EARLIER]).delete()
    for name in names:
        recorder.record_applied("mechanisms", name)


def plan():
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def test_the_squash_replaces_every_earlier_migration():
    squash = MigrationExecutor(connection).loader.disk_migrations[("mechanisms", SQUASH)]
    assert sorted(name for _app, name in squash.replaces) == sorted(EARLIER)


def test_a_database_made_by_the_earlier_migrations_has_nothing_to_apply():
    recorded_as(EARLIER)

    assert plan() == []


def test_a_database_part_of_the_way_through_them_is_refused():
    recorded_as(EARLIER[: EARLIER.index("0010_sources_and_references") + 1])

    with pytest.raises(
        NodeNotFoundError, match="some of the replaced migrations are already applied"
    ):
        plan()
