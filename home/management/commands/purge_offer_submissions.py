"""Deletes the personal data of "Angebot melden" senders after the retention period."""

from django.conf import settings
from django.core.management.base import BaseCommand

from home.submissions import purge_submissions


class Command(BaseCommand):
    help = (
        "Löscht Name und E-Mail der Absender von „Angebot melden“, deren Entscheidung länger "
        "als KUPFERSTADT_SUBMISSION_RETENTION_DAYS Tage zurückliegt (täglich ausführen)."
    )

    def handle(self, *args, **options):
        count = purge_submissions()
        days = settings.KUPFERSTADT_SUBMISSION_RETENTION_DAYS
        self.stdout.write(f"{count} Angebotsmeldungen gelöscht (älter als {days} Tage).")
