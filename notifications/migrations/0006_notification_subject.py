"""A notification's order or booking becomes its generic subject: the new
columns, and every existing row's link carried over to them. The old keys
go in 0007, in a transaction of their own."""

from django.db import migrations, models
from django.db.models import F


def carry_links_over(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    # No kind links both; were a row to, its order would be kept.
    Notification.objects.filter(order__isnull=False).update(
        subject_type="order", subject_id=F("order_id")
    )
    Notification.objects.filter(order__isnull=True, booking__isnull=False).update(
        subject_type="booking", subject_id=F("booking_id")
    )


def links_back(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    Order = apps.get_model("orders", "Order")
    Booking = apps.get_model("bookings", "Booking")
    Notification.objects.filter(
        subject_type="order", subject_id__in=Order.objects.values("pk")
    ).update(order=F("subject_id"))
    Notification.objects.filter(
        subject_type="booking", subject_id__in=Booking.objects.values("pk")
    ).update(booking=F("subject_id"))


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0001_initial"),
        ("orders", "0002_initial"),
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
        migrations.RunPython(carry_links_over, links_back),
    ]
