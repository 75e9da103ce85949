"""Bookings' Idempotency-Key rows move to the one table of purchases (scope
"booking"), keeping their user, key, fingerprint, booking and age; then the
old table goes. Backwards, the booking keys come back (those whose booking
still exists)."""

from django.db import migrations

SCOPE = "booking"


def keys_to_purchases(apps, schema_editor):
    old = apps.get_model("bookings", "BookingIdempotencyKey")
    new = apps.get_model("purchases", "IdempotencyKey")
    new.objects.bulk_create(
        new(
            user_id=row.user_id,
            scope=SCOPE,
            key=row.key,
            request_fingerprint=row.request_fingerprint,
            purchase_id=row.booking_id,
            created_at=row.created_at,
        )
        for row in old.objects.iterator()
    )


def keys_from_purchases(apps, schema_editor):
    old = apps.get_model("bookings", "BookingIdempotencyKey")
    new = apps.get_model("purchases", "IdempotencyKey")
    bookings = set(apps.get_model("bookings", "Booking").objects.values_list("id", flat=True))
    rows = [
        old(
            user_id=row.user_id,
            key=row.key,
            request_fingerprint=row.request_fingerprint,
            booking_id=row.purchase_id,
            created_at=row.created_at,
        )
        for row in new.objects.filter(scope=SCOPE).iterator()
        if row.purchase_id is None or row.purchase_id in bookings
    ]
    ages = {(row.user_id, row.key): row.created_at for row in rows}
    old.objects.bulk_create(rows)
    # auto_now_add stamped them now: put back their age.
    for (user_id, key), created_at in ages.items():
        old.objects.filter(user_id=user_id, key=key).update(created_at=created_at)
    new.objects.filter(scope=SCOPE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0002_booking_payment"),
        ("purchases", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(keys_to_purchases, keys_from_purchases),
        migrations.DeleteModel(name="BookingIdempotencyKey"),
    ]
