"""Deletes personal data after its retention period (run daily):

- "Angebot melden": sender's name, e-mail and phone KUPFERSTADT_SUBMISSION_RETENTION_DAYS
  days after the decision, at the latest KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS days after
  receipt;
- "Barriere melden": the report KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS days after it was
  marked handled, at the latest KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS days after receipt.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from home.submissions import purge_submissions
from kupferstadt.models import BarrierReport


class Command(BaseCommand):
    help = (
        "Löscht personenbezogene Daten nach der Aufbewahrungsfrist (täglich ausführen): "
        "Absenderdaten aus „Angebot melden“ KUPFERSTADT_SUBMISSION_RETENTION_DAYS Tage nach "
        "der Entscheidung, spätestens KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS Tage nach Eingang; "
        "Barriere-Meldungen KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS Tage nach „Erledigt“, "
        "spätestens KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS Tage nach Eingang."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        submissions = purge_submissions(now)
        reports, _ = BarrierReport.objects.past_retention(now).delete()
        self.stdout.write(
            f"{submissions} Angebotsmeldungen gelöscht "
            f"({settings.KUPFERSTADT_SUBMISSION_RETENTION_DAYS} Tage nach der Entscheidung, "
            f"höchstens {settings.KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS} Tage alt); "
            f"{reports} Barriere-Meldungen gelöscht "
            f"({settings.KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS} Tage nach „Erledigt“, "
            f"höchstens {settings.KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS} Tage alt)."
        )
