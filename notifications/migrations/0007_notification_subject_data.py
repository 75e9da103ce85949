"""Every notification's order or booking, carried over to its subject (and
back, for a rollback of the release)."""

from django.db import migrations
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
        ("notifications", "0006_notification_subject"),
    ]

    operations = [migrations.RunPython(carry_links_over, links_back)]
