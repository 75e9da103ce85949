"""A notification's order or booking becomes its generic subject: the new
columns. 0007 carries every row's link over and 0008 drops the old keys, each
in a transaction of its own (on PostgreSQL, rows updated under a deferred
foreign key block any ALTER TABLE in the same transaction)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0005_email_outbox_due_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="subject_type",
            field=models.CharField(
                blank=True,
                choices=[("order", "Order"), ("booking", "Booking")],
                default="",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="notification",
            name="subject_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
    ]
