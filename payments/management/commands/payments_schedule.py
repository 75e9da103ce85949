from django.core.management.base import BaseCommand

from payments import tasks


class Command(BaseCommand):
    help = (
        "Start the recurring payment jobs on the task queue (hold expiry every "
        f"{tasks.EXPIRY_EVERY_SECONDS} s, reconciliation daily), unless already queued. "
        "Each run re-enqueues itself, so a worker (manage.py db_worker) keeps them going."
    )

    def handle(self, *args, **options):
        for job in (tasks.holds_expire_tick, tasks.reconcile_tick):
            if tasks.is_queued(job):
                self.stdout.write(f"{job.name}: already queued")
            else:
                job.enqueue()
                self.stdout.write(f"{job.name}: queued")
