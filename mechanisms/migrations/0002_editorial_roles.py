"""The Editor and Publisher groups (see mechanisms/roles.py for what each may do)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DIRECTORY_APPS = ("mechanisms", "network")
EDITOR_ACTIONS = ("add", "change", "view")
PUBLISHER_ACTIONS = (*EDITOR_ACTIONS, "delete")


def directory_permissions(Permission, actions):
    """Permissions on the directory's models and kinds, not on their history tables."""
    return Permission.objects.filter(
        content_type__app_label__in=DIRECTORY_APPS,
        codename__regex=rf"^({'|'.join(actions)})_",
    ).exclude(content_type__model__startswith="historical")


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editor, _ = Group.objects.get_or_create(name="Editor")
    editor.permissions.set(directory_permissions(Permission, EDITOR_ACTIONS))
    publisher, _ = Group.objects.get_or_create(name="Publisher")
    publisher.permissions.set(
        directory_permissions(Permission, PUBLISHER_ACTIONS)
        | Permission.objects.filter(content_type__app_label="mechanisms", codename="publish_record")
    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editor", "Publisher"]).delete()


class Migration(migrations.Migration):
    replaces = [("mechanisms", "0004_editorial_roles")]

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("mechanisms", "0001_squashed_0013_initial"),
        ("network", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
