from django.db.models import Q, QuerySet

from notifications.models import Notification


def notification_list(*, user, unread: bool = False) -> QuerySet[Notification]:
    """The user's own notifications, newest first."""
    queryset = Notification.objects.filter(recipient=user).order_by("-id")
    if unread:
        queryset = queryset.filter(read_at__isnull=True)
    return queryset


def notification_unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_for_stream(*, user_id: int, after_id: int, since, exclude: set[int], limit: int):
    """What a stream has not sent yet, oldest first: every notification after
    ``after_id``, plus recent ones with a lower id that committed late (ids are
    handed out at insert, not at commit, so two racing transactions can commit
    out of order). ``exclude`` holds the recent ids already sent."""
    return list(
        Notification.objects.filter(recipient_id=user_id)
        .filter(Q(id__gt=after_id) | Q(created_at__gte=since))
        .exclude(id__in=exclude)
        .order_by("id")[:limit]
    )
