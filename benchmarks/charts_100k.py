"""The map and the charts at 100,000 records: their queries, the pages, with and without cache.

    DEBUG=1 .venv/bin/python benchmarks/charts_100k.py
    DEBUG=1 .venv/bin/python benchmarks/charts_100k.py --postgres postgres://postgres@127.0.0.1:5432/charts_100k

On SQLite (the default) the database is a file in a scratch directory; with --postgres
the named database is created (dropped first if it exists) and dropped at the end. The
script loads the reference fixtures and writes 100,000 records in bulk (60% activities,
dated from 1990 to 2025 or undated, the rest of every other kind; 90% published), each
naming one to three countries, zero to three SDGs and zero or one of ten types. Then it
measures, as the median of 5 runs:

- each aggregate query behind the map and the charts (and prints PostgreSQL's plan);
- the statistics, home and countries pages rendered afresh (cache off), and served from
  the cache (the second visit: one query for the data version).

It is a script, not a test: pytest never collects it.
"""

import argparse
import os
import random
import shutil
import statistics as stats
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RECORDS = 100_000
RUNS = 5


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def generate():
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from mechanisms.fixture_files import fixture_paths, load_files
    from mechanisms.kinds import registry
    from mechanisms.models import SDG, Country, Record, Source, Type

    call_command("migrate", verbosity=0)
    load_files([p for p in fixture_paths(settings.FIXTURES_DIR) if p.parent.name == "reference"])
    random.seed(13)
    source = Source.objects.order_by("slug").first()
    countries = list(Country.objects.all())
    sdgs = list(SDG.objects.all())
    types = list(Type.objects.all()) + Type.objects.bulk_create(
        Type(slug=f"type-{n}", name=f"Type {n}") for n in range(9)
    )
    others = [kind.value for kind in registry if kind.value != "activity"]
    records = []
    for n in range(RECORDS):
        activity = n % 10 < 6
        year = random.choice([None, *range(1990, 2026)]) if activity else None
        records.append(
            Record(
                kind="activity" if activity else others[n % len(others)],
                slug=f"record-{n}",
                title=f"Record {n}",
                source=source,
                year=year,
                publication="published" if n % 10 else "draft",
            )
        )
    records = Record.objects.bulk_create(records, batch_size=2000)
    for relation, terms, most in [
        ("countries", countries, 3),
        ("sdgs", sdgs, 3),
        ("types", types, 1),
    ]:
        through = getattr(Record, relation).through
        field = Record._meta.get_field(relation).m2m_reverse_field_name()
        rows = [
            through(record=record, **{field: term})
            for record in records
            for term in random.sample(
                terms, random.randint(0 if relation != "countries" else 1, most)
            )
        ]
        through.objects.bulk_create(rows, batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give them


def median_time(function):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return stats.median(times) * 1000


def measure(postgres):
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from mechanisms.models import SDG, Activity, Country, Record, Type

    published = Record.objects.published()
    print(f"{Record.objects.count():,} records, {published.count():,} published")
    queries = {
        "countries": lambda: list(Country.objects.with_record_counts()),
        "SDGs": lambda: list(SDG.objects.with_record_counts()),
        "types": lambda: list(Type.objects.with_record_counts()),
        "kinds": lambda: Record.objects.published().count_by_kind(),
        "years": lambda: Activity.objects.published().count_by_year(),
    }
    print("\nquery                          median ms")
    for name, query in queries.items():
        print(f"{name:30} {median_time(query):9.1f}")
        if postgres:
            reset_queries()
            with CaptureQueriesContext(connection) as captured:
                query()
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN ANALYZE " + captured[-1]["sql"])
                plan = [row[0] for row in cursor.fetchall()]
            print(
                "    "
                + "\n    ".join(line for line in plan if "Execution" in line or "Scan" in line)
            )

    client = Client(HTTP_HOST="localhost")
    pages = {"statistics": "/en/statistics/", "home": "/en/", "countries": "/en/countries/"}
    print("\npage            afresh ms  queries   cached ms  queries")
    for name, url in pages.items():
        with override_settings(DIRECTORY_CACHE=False):
            afresh = median_time(lambda url=url: client.get(url))
            reset_queries()  # DEBUG keeps the last 9,000 queries: a full log counts none
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            fresh_queries = len(captured)  # read now: the log is cleared below
        with override_settings(DIRECTORY_CACHE=True):
            cache.clear()
            client.get(url)
            cached = median_time(lambda url=url: client.get(url))
            reset_queries()
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            cached_queries = len(captured)
        print(f"{name:15} {afresh:9.1f} {fresh_queries:8} {cached:11.1f} {cached_queries:8}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--postgres", help="URL of a scratch PostgreSQL database to (re)create")
    arguments = parser.parse_args()
    if arguments.postgres:
        import psycopg

        server, name = arguments.postgres.rsplit("/", 1)
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        database_url = arguments.postgres
    else:
        scratch = tempfile.mkdtemp(prefix="charts_100k_")
        database_url = f"sqlite:///{scratch}/db.sqlite3"
    setup_django(database_url)
    start = time.perf_counter()
    generate()
    print(f"generated in {time.perf_counter() - start:.0f} s on {database_url}")
    try:
        measure(postgres=bool(arguments.postgres))
    finally:
        from django.db import connections

        connections.close_all()
        if arguments.postgres:
            with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        else:
            shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
