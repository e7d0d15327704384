"""Keep each record's search vector in the record's row (PostgreSQL's STORAGE MAIN).

A search for a common word matches most records, so PostgreSQL scans the table and
tests every row's vector, once for the results and once per facet. With the default
storage, a row longer than 2 kB has its largest values compressed or moved to the TOAST
table, the vector among them, and every test of such a row reads and decompresses it
again: at 10,000 records, "migration" (96% of them) took 30-45 ms a scan. With MAIN, the
long texts (summaries, search documents) leave the row first and the vector stays in it,
uncompressed unless the row is still too long: 10 ms. The planner does not count the
cost of reading a TOASTed value, so it keeps choosing the scan.

Rewriting the vectors moves the existing ones under the new storage. SQLite has no such
storage: nothing to do there.
"""

from django.db import migrations

KEEP_INLINE = [
    "ALTER TABLE mechanisms_record ALTER COLUMN search_vector SET STORAGE MAIN",
    "UPDATE mechanisms_record SET search_vector = search_vector || ''::tsvector"
    " WHERE search_vector IS NOT NULL",
]

DEFAULT_STORAGE = "ALTER TABLE mechanisms_record ALTER COLUMN search_vector SET STORAGE EXTENDED"


def keep_inline(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in KEEP_INLINE:
            schema_editor.execute(statement)


def default_storage(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DEFAULT_STORAGE)


class Migration(migrations.Migration):
    dependencies = [("mechanisms", "0002_editorial_roles")]

    operations = [migrations.RunPython(keep_inline, default_storage, elidable=False)]
