from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from payments.reconciliation import reconcile


class Command(BaseCommand):
    help = (
        "Compare the provider's successful charges of a date range (local dates, "
        "default yesterday and today) with ours; report every mismatch and fix the "
        "safe ones (a charge we missed is applied as its webhook would be)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="first", type=date.fromisoformat)
        parser.add_argument("--to", dest="last", type=date.fromisoformat)
        parser.add_argument("--dry-run", action="store_true", help="Report only.")

    def handle(self, *args, first=None, last=None, dry_run=False, **options):
        last = last or timezone.localdate()
        first = first or last - timedelta(days=1)
        if first > last:
            raise CommandError("--from must be on or before --to.")
        report = reconcile(first=first, last=last, fix=not dry_run)
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(
            f"{report.checked} provider charges checked, {len(report.mismatches)} mismatches, "
            f"{len(report.fixed)} fixed."
        )
