"""Queues the daily task that extends the occurrence rows of the event series (cron)."""

from django.core.management.base import BaseCommand

from events.tasks import extend_occurrence_horizon


class Command(BaseCommand):
    help = (
        "Schreibt die Termine aller veröffentlichten Terminreihen bis zum Horizont neu "
        "(für cron, täglich)."
    )

    def handle(self, *args, **options):
        result = extend_occurrence_horizon.enqueue()
        self.stdout.write(f"Aufgabe eingereiht: {result.id} ({result.status})")
