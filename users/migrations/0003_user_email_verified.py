from django.db import migrations, models


def existing_accounts_are_verified(apps, schema_editor):
    """Accounts made before verification existed were never sent a link; they
    count as verified, so turning REQUIRE_VERIFIED_EMAIL on locks nobody out."""
    apps.get_model("users", "User").objects.update(email_verified=True)


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0002_user_inactive_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="email_verified",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(existing_accounts_are_verified, migrations.RunPython.noop),
    ]
