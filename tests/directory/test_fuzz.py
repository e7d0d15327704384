"""Fuzzing every public page and the API with Hypothesis: whatever the query string or the
address (unicode, NUL, huge numbers, long strings, repeated keys, bad dates, unknown
ids), the answer is never a 5xx."""

from urllib.parse import quote, urlencode

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.api import collections
from mechanisms.filters import DatedRecordFilterSet
from mechanisms.kinds import registry

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Every filter the lists know, plus the pagination, sort and facet-display parameters.
PARAMETERS = sorted(
    {*DatedRecordFilterSet.base_filters, "page", "per_page", "sort", "all", "q", "kind", "year"}
)

TEXT = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300)
VALUES = st.one_of(
    TEXT,
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.sampled_from(["", "\x00", "9" * 500, "2020-13-45", "0000-00-00", "EG", "eg", "-1", "1e9"]),
)
QUERIES = st.lists(st.tuples(st.sampled_from(PARAMETERS), VALUES), max_size=6)


def public_lists():
    paths = []
    for language in ("en", "ar"):
        with translation.override(language):
            paths += [
                reverse("directory:home"),
                reverse("directory:search"),
                reverse("directory:country-list"),
                reverse("directory:sdg-list"),
                reverse("directory:statistics"),
                reverse("mechanisms:organisation-list"),
                reverse("mechanisms:person-list"),
                *(reverse(f"{kind.url_name_prefix}-list") for kind in registry),
                reverse("mechanisms:activity-export", args=["csv"]),
                reverse("mechanisms:activity-feed"),
            ]
    paths += [reverse("api:record-list", args=[name]) for name in collections()]
    return paths


def detail_prefixes():
    with translation.override("en"):
        return [
            *(reverse(f"{kind.url_name_prefix}-list") for kind in registry),
            reverse("directory:country-list"),
            reverse("directory:sdg-list"),
            reverse("directory:source-list"),
            reverse("mechanisms:organisation-list"),
            reverse("mechanisms:person-list"),
            *(reverse("api:record-list", args=[name]) for name in collections()),
        ]


@FUZZ
@given(path=st.sampled_from(public_lists()), query=QUERIES)
def test_no_query_string_makes_a_server_error(client, path, query):
    response = client.get(f"{path}?{urlencode(query)}")
    assert response.status_code < 500, (path, query)


@FUZZ
@given(prefix=st.sampled_from(detail_prefixes()), key=st.one_of(TEXT, VALUES))
def test_no_address_makes_a_server_error(client, prefix, key):
    response = client.get(f"{prefix}{quote(key, safe='')}/")
    assert response.status_code < 500, (prefix, key)
