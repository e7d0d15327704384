"""Export and import of 10,000 records: ours against dumpdata and loaddata, in one run.

    .venv/bin/python benchmarks/fixtures_10k.py
    .venv/bin/python benchmarks/fixtures_10k.py --postgres postgres://postgres@127.0.0.1:5432
    .venv/bin/python benchmarks/fixtures_10k.py --exports-only   # minutes less
    .venv/bin/python benchmarks/fixtures_10k.py --records 100000 --ours-only

On SQLite (the default) the databases are files in a scratch directory; with --postgres,
scratch databases `fixtures_10k_*` are created on that server and dropped at the end.
The script generates 10,000 published records (2,000 mechanisms with 4 activities each;
`--records` for another number) with their parts and taxonomies, then measures, each
step in its own process so that its peak memory (ru_maxrss) is its own:

- export: the streamed fixture of the list of every record (`mechanisms.list_fixtures`),
  against `dumpdata --natural-foreign --natural-primary` of the same models;
- import, into an empty migrated database: `import_fixtures` of our file, against
  `loaddata` of dumpdata's file.

Every step runs with the production settings (DEBUG off, whatever the environment
says) and a throwaway SECRET_KEY. It prints wall time and peak memory of each step as it
ends, then the ratios ours / Django's. `--ours-only` leaves Django's tools out (for our
figures at a size where `loaddata` would take hours). Stopped (Ctrl-C, SIGTERM), it
stops the step running and drops its scratch databases. It is a script, not a test:
pytest never collects it.
"""

import argparse
import json
import os
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RECORDS = int(os.environ.get("FIXTURES_BENCHMARK_RECORDS", 10_000))  # set by --records
ACTIVITIES_PER_MECHANISM = 4
DUMPED_MODELS = [
    "mechanisms.source",
    "mechanisms.sdg",
    "mechanisms.country",
    "mechanisms.theme",
    "mechanisms.type",
    "mechanisms.framework",
    "mechanisms.organisation",
    "mechanisms.person",
    "mechanisms.record",
    "mechanisms.section",
    "mechanisms.point",
    "mechanisms.quote",
    "mechanisms.figure",
    "mechanisms.involvement",
    "mechanisms.contact",
]


def setup_django(database_url):
    """Django with the production settings, as the commands run in production: DEBUG
    off, which also keeps Django from writing out every query with its parameters (on
    SQLite a query of its own per statement, half a second of a 10,000-record import)."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def generate():
    """10,000 published records with parts and taxonomies, written in bulk."""
    from django.conf import settings

    from mechanisms.fixture_files import fixture_paths, load_files
    from mechanisms.models import (
        SDG,
        Contact,
        Country,
        Figure,
        Involvement,
        Organisation,
        Person,
        Point,
        Record,
        Section,
        Source,
        Theme,
    )
    from mechanisms.synthetic import refresh_written_tables

    reference = [p for p in fixture_paths(settings.FIXTURES_DIR) if p.parent.name == "reference"]
    load_files(reference)
    source = Source.objects.order_by("slug").first()
    countries = list(Country.objects.filter(is_arab_state=True))
    sdgs = list(SDG.objects.all())
    themes = list(Theme.objects.all())
    organisations = list(Organisation.objects.all())
    people = Person.objects.bulk_create(
        Person(slug=f"person-{n}", name=f"Person {n}", source=source, email=f"p{n}@example.org")
        for n in range(1000)
    )
    mechanisms = Record.objects.bulk_create(
        Record(
            kind="mechanism",
            slug=f"mechanism-{n}",
            title=f"Mechanism {n}: coordination on migration",
            summary="A regional mechanism. " * 5,
            source=source,
            geographic_focus="the Arab States",
            publication="published",
        )
        for n in range(RECORDS // (1 + ACTIVITIES_PER_MECHANISM))
    )
    activities = Record.objects.bulk_create(
        Record(
            kind="activity",
            slug=f"{mechanism.slug}-activity-{n}",
            title=f"Activity {n} of {mechanism.title}",
            source=source,
            parent=mechanism,
            position=n,
            activity_type="meeting",
            status="completed",
            year=2013,
            date_text="December 2013",
            publication="published",
        )
        for mechanism in mechanisms
        for n in range(1, ACTIVITIES_PER_MECHANISM + 1)
    )
    records = mechanisms + activities
    through = Record.countries.through
    through.objects.bulk_create(
        through(record=r, country=countries[(i + k) % len(countries)])
        for i, r in enumerate(records)
        for k in range(2)
    )
    Record.sdgs.through.objects.bulk_create(
        Record.sdgs.through(record=r, sdg=sdgs[i % len(sdgs)]) for i, r in enumerate(records)
    )
    Record.themes.through.objects.bulk_create(
        Record.themes.through(record=r, theme=themes[i % len(themes)])
        for i, r in enumerate(records)
    )
    Section.objects.bulk_create(
        Section(record=r, position=1, heading="About", body="What it does. " * 20) for r in records
    )
    Point.objects.bulk_create(
        Point(record=r, position=1, kind="function", text="Coordinates.") for r in mechanisms
    )
    Figure.objects.bulk_create(
        Figure(record=r, position=1, value=100, unit="pledges", label="pledges made")
        for r in mechanisms
    )
    Involvement.objects.bulk_create(
        Involvement(
            record=r, position=1, organisation=organisations[i % len(organisations)], role="partner"
        )
        for i, r in enumerate(records)
    )
    Contact.objects.bulk_create(
        Contact(record=r, position=1, person=people[i % len(people)], role="focal-point")
        for i, r in enumerate(mechanisms)
    )
    # Fresh statistics, so that the exports do not depend on when autovacuum runs.
    refresh_written_tables("default")
    return Record.objects.count()


def count_records():
    from mechanisms.models import Record

    return Record.objects.count()


def export_ours(path):
    from mechanisms.list_fixtures import record_fixture_objects, stream_dump
    from mechanisms.models import Record

    with open(path, "w", encoding="utf-8") as out:
        for chunk in stream_dump(record_fixture_objects(Record.objects.published())):
            out.write(chunk)


def export_dumpdata(path):
    from django.core.management import call_command

    call_command(
        "dumpdata",
        *DUMPED_MODELS,
        natural_foreign=True,
        natural_primary=True,
        output=str(path),
        verbosity=0,
    )


def import_ours(path):
    from django.core.management import call_command

    call_command("import_fixtures", str(path), verbosity=0)


def import_loaddata(path):
    from django.core.management import call_command

    call_command("loaddata", str(path), verbosity=0)


def migrate():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


EXPORTS = {"export", "dumpdata"}
STEPS = {
    "migrate": lambda path: migrate(),
    "generate": lambda path: generate(),
    "baseline": lambda path: None,
    "count": lambda path: count_records(),
    "export": export_ours,
    "dumpdata": export_dumpdata,
    "import_fixtures": import_ours,
    "loaddata": import_loaddata,
}


def run_step(step, database_url, path):
    """In a child process: set Django up, run the step, report time and peak memory."""
    setup_django(database_url)
    start = time.perf_counter()
    result = STEPS[step](path)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "result": result}))


def child(step, database_url, path=""):
    """Run a step in its own process (stopped with this one) and return its figures."""
    command = [sys.executable, __file__, "--step", step, "--url", database_url, "--file", path]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=BASE_DIR
    ) as process:
        try:
            stdout, stderr = process.communicate()
        except BaseException:
            process.kill()
            raise
    if process.returncode:
        sys.exit(f"step {step} failed:\n{stderr}")
    return json.loads(stdout.strip().splitlines()[-1])


def measure(step, database_url, path, results):
    """Run a measured step and print its figures at once, so that an interrupted run
    still reports the steps it finished."""
    figures = results[step] = child(step, database_url, str(path))
    size = f", file {path.stat().st_size / 1e6:.1f} MB" if step in EXPORTS else ""
    print(
        f"{step:>16}: {figures['seconds']:7.2f} s, peak {figures['peak_mb']:6.0f} MB{size}",
        flush=True,
    )


def stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


class SQLiteDatabases:
    def __init__(self, directory):
        self.directory = directory

    def url(self, name):
        return f"sqlite:///{self.directory / (name + '.sqlite3')}"

    def copy(self, template, name):
        shutil.copy(self.directory / f"{template}.sqlite3", self.directory / f"{name}.sqlite3")

    def drop_all(self):
        pass


class PostgresDatabases:
    def __init__(self, server):
        import psycopg

        self.server = server.rstrip("/")
        self.connection = psycopg.connect(f"{self.server}/postgres", autocommit=True)
        self.names = []

    def url(self, name):
        return f"{self.server}/fixtures_10k_{name}"

    def create(self, name, template=None):
        self.connection.execute(f"DROP DATABASE IF EXISTS fixtures_10k_{name}")
        template_sql = f" TEMPLATE fixtures_10k_{template}" if template else ""
        self.connection.execute(f"CREATE DATABASE fixtures_10k_{name}{template_sql}")
        self.names.append(name)

    def copy(self, template, name):
        self.create(name, template)

    def drop_all(self):
        for name in reversed(self.names):
            self.connection.execute(f"DROP DATABASE IF EXISTS fixtures_10k_{name}")


def report_ratios(results, pairs):
    for ours, theirs in pairs:
        time_ratio = results[ours]["seconds"] / results[theirs]["seconds"]
        memory_ratio = results[ours]["peak_mb"] / results[theirs]["peak_mb"]
        print(f"{ours} / {theirs}: time x {time_ratio:.2f}, peak memory x {memory_ratio:.2f}")


def main(postgres=None, exports_only=False, ours_only=False):
    directory = Path(tempfile.mkdtemp(prefix="fixtures_10k_"))
    databases = PostgresDatabases(postgres) if postgres else SQLiteDatabases(directory)
    try:
        if postgres:
            databases.create("empty")
        child("migrate", databases.url("empty"))
        databases.copy("empty", "source")
        count = child("generate", databases.url("source"))["result"]
        print(f"{count} records generated ({'PostgreSQL' if postgres else 'SQLite'})", flush=True)
        baseline = child("baseline", databases.url("empty"))
        print(
            f"baseline: Django set up, nothing done: peak {baseline['peak_mb']:.0f} MB", flush=True
        )
        ours_file, dump_file = directory / "ours.json", directory / "dumpdata.json"
        results = {}
        measure("export", databases.url("source"), ours_file, results)
        if not ours_only:
            measure("dumpdata", databases.url("source"), dump_file, results)
        if exports_only:
            if not ours_only:
                report_ratios(results, [("export", "dumpdata")])
            return
        databases.copy("empty", "ours")
        measure("import_fixtures", databases.url("ours"), ours_file, results)
        if not ours_only:
            databases.copy("empty", "theirs")
            measure("loaddata", databases.url("theirs"), dump_file, results)
        for name in ("ours",) if ours_only else ("ours", "theirs"):
            imported = child("count", databases.url(name))["result"]
            if imported != count:
                sys.exit(f"{name}: {imported} records imported of {count}; no ratios reported")
        if ours_only:
            return
        report_ratios(results, [("export", "dumpdata"), ("import_fixtures", "loaddata")])
    finally:
        databases.drop_all()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--postgres", help="a PostgreSQL server URL, without database name")
    parser.add_argument(
        "--exports-only",
        action="store_true",
        help="measure the exports only (the imports take minutes)",
    )
    parser.add_argument("--records", type=int, help=f"records to generate ({RECORDS})")
    parser.add_argument("--ours-only", action="store_true", help="leave dumpdata and loaddata out")
    parser.add_argument("--step", choices=STEPS, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.step:
        run_step(arguments.step, arguments.url, arguments.file)
    else:
        signal.signal(signal.SIGTERM, stop_on_sigterm)
        try:
            if arguments.records:
                # Read by each step's process as RECORDS.
                os.environ["FIXTURES_BENCHMARK_RECORDS"] = str(arguments.records)
            main(
                arguments.postgres,
                exports_only=arguments.exports_only,
                ours_only=arguments.ours_only,
            )
        except KeyboardInterrupt:
            sys.exit("Interrupted: the step running was stopped and the scratch databases dropped.")
