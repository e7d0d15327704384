"""The benchmark command keeps working: a smoke run of `benchmarks/run.py` (CI runs it).

Not a timed test: a few hundred records and a second per page, to check that the run
loads its data, serves every page with 200 and reports each of them.
"""

import subprocess
import sys
from urllib.parse import quote

import pytest
from django.conf import settings

pytestmark = pytest.mark.benchmark_smoke

PAGES = [
    "floor",
    "home",
    "list, two facets",
    "full list, first page",
    "full list, last page",
    "search, selective word",
    "search, common word",
    "country page",
    "SDG page",
    "detail page",
    "CSV export, every record",
]


def database_arguments():
    """The smoke run measures the database the suite runs on; CI runs the suite on both."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        return ["--databases", "sqlite"]
    credentials = quote(database["USER"] or "")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"])
    server = f"postgres://{credentials}@{database['HOST']}:{database['PORT'] or 5432}"
    return ["--databases", "postgres", "--postgres-server", server]


@pytest.mark.slow
def test_the_benchmark_command_reports_every_page(tmp_path, collected_static):
    command = [
        *(sys.executable, "benchmarks/run.py", "--smoke", "--scratch-dir", str(tmp_path)),
        *("--static-root", str(collected_static)),
    ]
    done = subprocess.run(
        command + database_arguments(),
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    for page in PAGES[:-1]:
        assert any(row.startswith(f"| {page} |") for row in rows), page
    assert f"{PAGES[-1]} (`" in done.stdout
    assert "FAILED" not in done.stdout
    assert "gunicorn.access" not in done.stdout, "the access log belongs in the run's files"
    assert not list(tmp_path.iterdir()), "the run left files behind"


def test_static_files_not_collected_are_refused_before_anything_starts(tmp_path):
    done = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--smoke", "--static-root", str(tmp_path)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 2
    assert f"--static-root {tmp_path} holds no staticfiles.json" in done.stderr
    assert "manage.py collectstatic" in done.stderr
    assert not done.stdout
