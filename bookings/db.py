"""The one-student-no-overlap rule in the database, on both engines we run.

PostgreSQL holds it with the model's exclusion constraint (btree_gist for the
equality parts). SQLite has no exclusion constraints, so the same rule is a
pair of triggers that abort the insert or update with an integrity error: the
service then sees one kind of failure on either engine. SQLite has a single
writer (and our transactions begin IMMEDIATE), so the triggers' lookup cannot
race another writer.
"""

from django.db.migrations.operations import AddConstraint

TABLE = "bookings_booking"
NAME = "booking_no_overlap_per_customer"

# Built from the constants above only; no input reaches this SQL.
_OVERLAPPING = f"""
    SELECT RAISE(ABORT, '{NAME}') WHERE EXISTS (
        SELECT 1 FROM {TABLE} AS b
        WHERE b.customer_id = NEW.customer_id AND b.service_id = NEW.service_id
          AND b.booking_status = 'confirmed'
          AND b.start < NEW."end" AND b."end" > NEW.start
          AND b.id IS NOT NEW.id
    );
"""  # noqa: S608

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER {NAME}_insert BEFORE INSERT ON {TABLE}
        WHEN NEW.booking_status = 'confirmed'
        BEGIN {_OVERLAPPING} END""",
    f"""CREATE TRIGGER {NAME}_update
        BEFORE UPDATE OF booking_status, start, "end", customer_id, service_id ON {TABLE}
        WHEN NEW.booking_status = 'confirmed'
        BEGIN {_OVERLAPPING} END""",
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {NAME}_insert", f"DROP TRIGGER IF EXISTS {NAME}_update"]


class AddOverlapConstraint(AddConstraint):
    """``AddConstraint`` of the exclusion constraint on PostgreSQL, its
    triggers on SQLite; the migration state is the same either way."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        elif vendor == "sqlite":
            for statement in SQLITE_TRIGGERS:
                schema_editor.execute(statement)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
        elif vendor == "sqlite":
            for statement in SQLITE_DROP:
                schema_editor.execute(statement)
