"""Full-text search for services, on PostgreSQL only.

A stored generated ``search_document`` column holds each service's tsvector,
with a GIN index on it: a search reads the index and the stored vectors
instead of recomputing ``to_tsvector`` for every row it walks (measured in
docs/BENCHMARKS.md). The model does not declare the column, so SQLite, which
has no full-text search, never sees it; ``catalogue.selectors.service_search``
is the one place that reads it.
"""

from django.db import migrations

FORWARD = """
ALTER TABLE catalogue_service ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig,
            COALESCE(service_name, '') || ' ' || COALESCE(description, '') || ' '
            || COALESCE(location, ''))
    ) STORED;
CREATE INDEX service_search_document_gin ON catalogue_service USING gin (search_document);
"""

BACKWARD = """
DROP INDEX IF EXISTS service_search_document_gin;
ALTER TABLE catalogue_service DROP COLUMN IF EXISTS search_document;
"""


def run_on_postgresql(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_initial")]

    operations = [migrations.RunPython(run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD))]
