"""The per-domain keys go, now that 0007 carried them over to the subject;
the subject gets its index and a check that it is whole."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0007_notification_subject_data"),
    ]

    operations = [
        migrations.RemoveField(model_name="notification", name="order"),
        migrations.RemoveField(model_name="notification", name="booking"),
        migrations.AddIndex(
            model_name="notification",
            index=models.Index(
                condition=models.Q(("subject_id__isnull", False)),
                fields=["subject_type", "subject_id"],
                name="notification_subject",
            ),
        ),
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("subject_id__isnull", True), ("subject_type", "")),
                    models.Q(
                        models.Q(("subject_type", ""), _negated=True),
                        ("subject_id__isnull", False),
                    ),
                    _connector="OR",
                ),
                name="notification_subject_whole",
            ),
        ),
    ]
