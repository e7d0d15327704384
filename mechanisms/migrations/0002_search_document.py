from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models

# The expression of mechanisms.models.search_vector(), frozen here as migrations must be.
SEARCH_INDEX = GinIndex(
    SearchVector("title", weight="A", config="english")
    + SearchVector("search_document", weight="B", config="english"),
    name="record_search_vector",
)


def create_search_index(apps, schema_editor):
    """GIN indexes exist on PostgreSQL only; SQLite searches without one."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("mechanisms", "Record"), SEARCH_INDEX)


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("mechanisms", "Record"), SEARCH_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("mechanisms", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="record",
            name="search_document",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="Derived from the record and its parts; rebuilt, never edited.",
                verbose_name="search text",
            ),
        ),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
