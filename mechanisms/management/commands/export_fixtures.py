from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mechanisms.fixture_files import export_directory
from mechanisms.synthetic import holds_synthetic_data


class Command(BaseCommand):
    help = (
        "Write the directory's data back into fixture files (reference/*.json and one "
        "documents/<slug>.json per source document). Only directory data: no users, "
        "sessions or history. Refuses to write synthetic data (generate_synthetic) into "
        "the project's fixtures/."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            nargs="?",
            type=Path,
            help="Where to write (default: the project's fixtures/ directory).",
        )

    def handle(self, *args, directory=None, **options):
        directory = directory or settings.FIXTURES_DIR
        into_project = Path(directory).resolve() == Path(settings.FIXTURES_DIR).resolve()
        if into_project and holds_synthetic_data():
            raise CommandError(
                "This database holds synthetic data (generate_synthetic), which must "
                f"never be written into {settings.FIXTURES_DIR}; nothing was written. "
                "Export into another directory: manage.py export_fixtures DIR."
            )
        written = export_directory(directory)
        if options["verbosity"] >= 2:
            for path in written:
                self.stdout.write(f"  {path}")
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(written)} files into {directory}."))
