"""Full-text search index for services, on PostgreSQL only.

The index is on the exact expression ``catalogue.selectors.SEARCH_VECTOR``
builds, so PostgreSQL uses it for ``?search=``. Other databases have no
full-text search; the selector falls back to substring matching there.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = GinIndex(
    SearchVector("service_name", "description", "location", config="english"),
    name="service_search_gin",
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("catalogue", "Service"), INDEX)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("catalogue", "Service"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
