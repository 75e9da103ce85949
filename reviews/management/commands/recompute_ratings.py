from django.core.management.base import BaseCommand

from catalogue.models import Service
from reviews.services import service_rating_recompute


class Command(BaseCommand):
    help = (
        "Recompute every service's rating and total_ratings from its reviews, "
        "and report each drift corrected."
    )

    def handle(self, *args, **options):
        checked = corrected = 0
        for service_id in Service.objects.order_by("pk").values_list("pk", flat=True).iterator():
            change = service_rating_recompute(service_id=service_id)
            if change is None:  # deleted since the listing
                continue
            checked += 1
            if change.changed:
                corrected += 1
                self.stdout.write(
                    f"Service {service_id}: rating {change.old_rating} -> {change.new_rating}, "
                    f"total_ratings {change.old_total} -> {change.new_total}"
                )
        style = self.style.WARNING if corrected else self.style.SUCCESS
        self.stdout.write(style(f"Corrected {corrected} of {checked} services."))
