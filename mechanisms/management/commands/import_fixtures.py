from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mechanisms.fixture_files import Conflict, FixtureRefused, load_files


class Command(BaseCommand):
    help = (
        "Import fixture files into the directory, all or nothing. Every object is "
        "validated before anything is written; each error names its file, object and "
        "field. An object that exists with other content is refused unless --update is "
        "given, which prints every change. Stricter than loaddata, which validates nothing "
        "and overwrites silently."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, help="Fixture files (JSON).")
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite existing objects whose content differs, printing each change.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check everything and report what would change, but write nothing.",
        )
        parser.add_argument(
            "--allow-empty",
            action="store_true",
            help="Succeed when the files hold no object (by default that is an error).",
        )

    def handle(
        self, *args, files, update=False, dry_run=False, allow_empty=False, verbosity=1, **options
    ):
        conflict = Conflict.UPDATE if update else Conflict.REFUSE
        try:
            report = load_files(files, conflict=conflict, dry_run=dry_run)
        except FixtureRefused as refused:
            raise CommandError(refused.summary("Nothing was imported")) from None
        if not report.objects_read:
            names = ", ".join(str(path) for path in files)
            message = (
                f"Nothing was imported: {names} {'holds' if len(files) == 1 else 'hold'} no object."
            )
            if not allow_empty:
                raise CommandError(message + " Give --allow-empty to accept that.")
            self.stdout.write(message)
            return
        for item, differences in report.updated:
            self.stdout.write(f"{item.file}, object {item.index} ({item.label} {item.key}):")
            for name, old, new in differences:
                self.stdout.write(f"  {name}: {old!r} → {new!r}")
        if verbosity >= 2:
            for item in report.created:
                self.stdout.write(f"new: {item.label} {item.key}")
        verb = "would be" if dry_run else "were"
        summary = (
            f"{len(report.created)} objects {verb} created, {len(report.updated)} {verb} "
            f"updated, {report.unchanged} already up to date."
        )
        if dry_run:
            self.stdout.write(summary + " Dry run: nothing was written.")
        else:
            self.stdout.write(self.style.SUCCESS(summary))
