"""How the suite is spread over pytest-xdist's workers (`tests/conftest.py`, pyproject)."""

import pytest


@pytest.mark.xdist_group("suite_order")
def test_tests_marked_for_one_worker_are_grouped(request):
    """The scale-out tests share two app servers started once per module: spread over two
    workers, each starts its own. pytest 9.2 with pytest-xdist 3.8 silently stopped the
    grouping (pytest-xdist issue #1386), so pytest stays below 9.2 for now.

    xdist's workers mark a grouped test by its node id; this test is grouped too, so the
    check holds when it runs alone. In one process (`-n 0`) nothing is spread."""
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("not spread over xdist workers with --dist loadgroup")
    grouped = [item for item in request.session.items if item.get_closest_marker("xdist_group")]
    ungrouped = [item.nodeid for item in grouped if "@" not in item.nodeid]
    assert request.node in grouped
    assert not ungrouped, f"pytest-xdist did not group: {ungrouped[:3]}"
