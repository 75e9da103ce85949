from datetime import datetime, time, timedelta

from django.utils import timezone

BOOKINGS_URL = "/api/bookings/"


def booking_url(booking_id) -> str:
    return f"{BOOKINGS_URL}{booking_id}/"


def status_url(booking_id) -> str:
    return f"{BOOKINGS_URL}{booking_id}/update_status/"


def local_at(days_ahead: int, hhmm: str) -> datetime:
    """An aware instant: ``hhmm`` local time, ``days_ahead`` local dates from today."""
    zone = timezone.get_current_timezone()
    day = timezone.localdate() + timedelta(days=days_ahead)
    return datetime.combine(day, time.fromisoformat(hhmm), tzinfo=zone)


def tomorrow_at(hhmm: str) -> datetime:
    return local_at(1, hhmm)


def iso(instant: datetime) -> str:
    """As the API writes an instant: local time, ``Z`` for UTC."""
    text = timezone.localtime(instant).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
