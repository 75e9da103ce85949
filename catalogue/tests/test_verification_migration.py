"""Migration catalogue/0005: profiles verified before statuses existed become
``verified``; the others ``unverified``."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from users.tests.factories import VendorFactory

BEFORE = [("catalogue", "0004_service_schedule_settings")]
AFTER = [("catalogue", "0005_vendor_verification")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_verified_profiles_become_verified():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    verified_vendor, other_vendor = VendorFactory(), VendorFactory()
    try:
        old = migrate(BEFORE).get_model("catalogue", "VendorProfile")
        old.objects.create(user_id=verified_vendor.pk, business_name="Old", is_verified=True)
        old.objects.create(user_id=other_vendor.pk, business_name="New", is_verified=False)

        new = migrate(AFTER).get_model("catalogue", "VendorProfile")
        statuses = dict(new.objects.values_list("business_name", "verification_status"))
        assert statuses == {"Old": "verified", "New": "unverified"}
    finally:
        migrate(latest)
