"""Creates or completes the editorial groups and the workflow "Freigabe Pinnwand"."""

from django.core.management.base import BaseCommand

from home.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Legt die Gruppen Redaktion, Partner-Redaktion und Freigabe Sozialplanung mit ihren "
        "Rechten sowie den Workflow „Freigabe Pinnwand“ an (mehrfach ausführbar)."
    )

    def handle(self, *args, **options):
        groups, workflow = setup_roles()
        self.stdout.write(f"Rollen bereit: {', '.join(groups)}; Workflow „{workflow.name}“.")
