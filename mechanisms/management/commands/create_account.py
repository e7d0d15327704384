import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mechanisms.roles import ROLES


class Command(BaseCommand):
    help = (
        "Create a staff account in an editorial role: 'editor' adds and changes records; "
        "'publisher' may also publish, archive and delete. Without --password a random "
        "password is generated and printed once; a given one must pass the password "
        "validators (AUTH_PASSWORD_VALIDATORS)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="The password (default: a generated one).")

    @transaction.atomic
    def handle(self, *args, username, role, email, password=None, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"An account named “{username}” exists already.")
        try:
            group = Group.objects.get(name=ROLES[role])
        except Group.DoesNotExist:
            raise CommandError(
                f"The group “{ROLES[role]}” is missing: run `manage.py migrate` first."
            ) from None
        generated = password is None
        password = password or secrets.token_urlsafe(18)
        user = User(
            username=User.normalize_username(username),
            email=User.objects.normalize_email(email),
            is_staff=True,
        )
        try:
            validate_password(password, user)
        except ValidationError as refusal:
            raise CommandError("The password is refused: " + " ".join(refusal.messages)) from None
        user.set_password(password)
        user.save()
        user.groups.add(group)
        self.stdout.write(self.style.SUCCESS(f"Created {username} ({ROLES[role]})."))
        if generated:
            self.stdout.write(f"Password (shown once): {password}")
