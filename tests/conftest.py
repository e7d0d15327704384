"""Shared fixtures: the test database holds the project's real fixtures.

They are loaded once per session into the test database; every test runs in a
transaction rolled back afterwards, so each starts from the same directory. Tests that
need another starting point (an empty database) delete what they must inside the test.
Transactional tests (browser tests with `live_server`) flush the database afterwards:
they ask for `live_directory`, which loads the fixtures again.
"""

import pytest
from django.conf import settings

from mechanisms.fixture_files import fixture_paths, load_files


def load_project_fixtures():
    return load_files(fixture_paths(settings.FIXTURES_DIR))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_project_fixtures()


@pytest.fixture
def live_directory(transactional_db, live_server):
    """A live server whose database holds the project's fixtures."""
    load_project_fixtures()
    return live_server
