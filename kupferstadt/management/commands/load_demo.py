"""Loads the demo content: the original notice (verbatim) and a marked sample set.

Idempotent: a second run keeps everything and adds nothing that exists.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from home.roles import ensure_dev_accounts, setup_roles
from kupferstadt.demo.loader import load_seed
from kupferstadt.demo.samples import create_sample_events, create_sample_notices
from kupferstadt.demo.translations import translate_demo
from kupferstadt.translation import (
    ensure_languages,
    ensure_translator_account,
    synchronise_trees,
    translator_group_name,
)


class Command(BaseCommand):
    help = "Lädt die Demo-Inhalte (Aushang der Sozialplanung und Beispiel-Aushänge)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--notices", type=int, default=20, help="Anzahl der Beispiel-Aushänge (Standard 20)"
        )
        parser.add_argument(
            "--events",
            type=int,
            default=6,
            help="Anzahl der Beispiel-Veranstaltungen (Standard 6)",
        )
        parser.add_argument(
            "--without-languages",
            dest="languages",
            action="store_false",
            help="Ohne die Sprachfassungen (nur für schnelle Tests).",
        )
        parser.add_argument(
            "--dev-login",
            metavar="NAME:PASSWORT",
            help="Legt ein Entwicklungs-Konto mit Administratorrechten an (nur mit DEBUG).",
        )

    def handle(self, *args, notices, events, dev_login, languages=True, **options):
        if notices < 0 or events < 0:
            raise CommandError("Die Anzahl darf nicht negativ sein.")
        pages = load_seed()
        setup_roles()
        new_notices = create_sample_notices(pages["pinnwand"], notices)
        new_events = create_sample_events(pages["events"], events)
        if languages:
            # Every language's tree mirrors the German one; translator groups get their
            # tree; the central pages are in English from the first start.
            ensure_languages()
            synchronise_trees()
            ensure_languages()
            translate_demo(pages)
        self.stdout.write(
            f"Demo-Inhalte bereit: {new_notices} neue Beispiel-Aushänge, "
            f"{new_events} neue Beispiel-Veranstaltungen."
        )
        if dev_login:
            self._ensure_dev_login(dev_login)

    def _ensure_dev_login(self, value):
        if not settings.DEBUG:
            raise CommandError("Ein Entwicklungs-Konto wird nur mit DEBUG angelegt.")
        username, _, password = value.partition(":")
        if not username or not password:
            raise CommandError("--dev-login erwartet NAME:PASSWORT.")
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username, f"{username}@example.org", password)
            self.stdout.write(f"Entwicklungs-Konto „{username}“ angelegt.")
        for name in ensure_dev_accounts(password):
            self.stdout.write(f"Entwicklungs-Konto „{name}“ (Rolle) angelegt.")
        # One translator per language, with the admin in that language.
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            if (
                code != settings.LANGUAGE_CODE
                and Group.objects.filter(name=translator_group_name(code)).exists()
            ):
                ensure_translator_account(code, password)
