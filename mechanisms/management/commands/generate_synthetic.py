import time

from django.core.management.base import BaseCommand, CommandError

from mechanisms.synthetic import (
    MIN_RECORDS,
    MissingReferenceData,
    SyntheticDataPresent,
    generate_directory,
)


class Command(BaseCommand):
    help = (
        "Add N invented records to the database, for benchmarks: every kind of record "
        "(mostly activities, under mechanisms, working groups and areas of work; networks "
        "with national networks, sub-structures and outputs), spread over the 22 Arab "
        "States, the 17 SDGs, themes, types and frameworks, with synthetic organisations "
        "and people in roles, sections, list items, quotes and figures. The same seed "
        "gives the same data. Everything cites one synthetic source (synthetic-<seed>) "
        "and has a slug starting with 'synthetic-'; export_fixtures refuses to write it "
        "into fixtures/. Written in bulk: no history versions are recorded. Needs the "
        "reference data: run `manage.py setup_directory` first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--records", type=int, required=True, help="How many records to add (N)."
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="The random seed (default 1): same seed, same data."
        )

    def handle(self, *args, records, seed, verbosity=1, **options):
        if records < MIN_RECORDS:
            raise CommandError(f"--records must be at least {MIN_RECORDS}.")

        def progress(message):
            if verbosity >= 2:
                self.stdout.write(f"  {message}")

        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            report = generate_directory(records=records, seed=seed, progress=progress)
        except MissingReferenceData as missing:
            raise CommandError(
                f"The reference data is not loaded ({missing}). "
                "Run `manage.py setup_directory` first."
            ) from None
        except SyntheticDataPresent as present:
            raise CommandError(str(present)) from None
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        if verbosity >= 1:
            kinds = ", ".join(f"{count} {kind}" for kind, count in report.kinds.items())
            steps = ", ".join(f"{name} {value:.1f} s" for name, value in report.seconds.items())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Generated {records} records (source {report.source.slug}) in "
                    f"{seconds:.1f} s ({cpu_seconds:.1f} s of CPU in this process): {kinds}; "
                    f"{report.organisations} organisations, "
                    f"{report.people} people, {report.parts} parts, {report.links} "
                    f"taxonomy links. Steps: {steps}."
                )
            )
