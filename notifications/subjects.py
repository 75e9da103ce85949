"""The cascade a generic subject (``Notification.subject_type`` and
``subject_id``) has no foreign key to do for it: a deleted order or booking
takes its notifications with it."""

from django.db.models.signals import post_delete

from notifications.models import SUBJECT_MODELS, Notification


def forget_subject(sender, instance, **kwargs) -> None:
    """Delete the notifications about ``instance`` (and, by their own cascade,
    their emails) in the transaction of its delete, as the foreign keys'
    ``on_delete=CASCADE`` did. Kept out of the list's path: the list never
    looks the subject up, so it could not fail on one that is gone either."""
    Notification.objects.about(instance).delete()


def connect() -> None:
    """Called once the apps are ready; the dispatch uid keeps it idempotent."""
    for label in SUBJECT_MODELS.values():
        post_delete.connect(forget_subject, sender=label, dispatch_uid=f"notifications:{label}")
