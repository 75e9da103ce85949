import django.db.models.deletion
from django.db import migrations, models

# On SQLite, adding a unique column rebuilds the table, and a rebuild would
# recreate the PostgreSQL-only exclusion constraint and drop the overlap
# triggers (bookings/db.py). So the database gets a plain nullable column
# (SQLite's ALTER TABLE ADD COLUMN) and a unique index of its own; the model
# state is the OneToOne they amount to.
UNIQUE_INDEX = "bookings_booking_payment_id_key"


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0001_initial"),
        ("payments", "0001_payments"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AddField(
                    model_name="booking",
                    name="payment",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="payments.payment",
                    ),
                ),
                migrations.RunSQL(
                    f"CREATE UNIQUE INDEX {UNIQUE_INDEX} ON bookings_booking (payment_id)",
                    f"DROP INDEX {UNIQUE_INDEX}",
                ),
            ],
            state_operations=[
                migrations.AddField(
                    model_name="booking",
                    name="payment",
                    field=models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="booking",
                        to="payments.payment",
                    ),
                ),
            ],
        ),
        migrations.AlterField(
            model_name="bookingevent",
            name="kind",
            field=models.CharField(
                choices=[("made", "Made"), ("status_changed", "Status changed"), ("paid", "Paid")],
                max_length=20,
            ),
        ),
    ]
