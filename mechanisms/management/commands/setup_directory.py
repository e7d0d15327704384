from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from mechanisms.fixture_files import (
    Conflict,
    FixtureRefused,
    directory_tables,
    fixture_paths,
    load_files,
    refresh_statistics,
)


class Command(BaseCommand):
    help = (
        "Bring a database up to date in one step: apply migrations, load every fixture "
        "file, then refresh the planner's statistics of the directory's tables. Objects "
        "already present are left as they are (an editor's change is never overwritten), "
        "so running it twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixtures",
            default=None,
            help="Directory of fixture files (default: the project's fixtures/).",
        )

    def handle(self, *args, fixtures=None, verbosity=1, **options):
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        paths = fixture_paths(fixtures or settings.FIXTURES_DIR)
        if not paths:
            raise CommandError(f"No fixture files found in {fixtures or settings.FIXTURES_DIR}.")
        try:
            report = load_files(paths, conflict=Conflict.KEEP)
        except FixtureRefused as refused:
            raise CommandError(refused.summary("Nothing was loaded")) from None
        refresh_statistics(directory_tables(), DEFAULT_DB_ALIAS)
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {len(paths)} fixture files: {len(report.created)} objects created, "
                f"{report.unchanged} already up to date."
            )
        )
        if report.kept:
            self.stdout.write(
                f"{len(report.kept)} objects differ from the fixtures and were kept as they are "
                "in the database."
            )
            if verbosity >= 2:
                for item, differences in report.kept:
                    names = ", ".join(name for name, _old, _new in differences)
                    self.stdout.write(f"  {item.file}, object {item.index}: {names}")
