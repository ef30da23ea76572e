"""Choices shared by models, demo content and tests."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Conformance(models.TextChoices):
    """How far a website meets the BITV NRW (Stand der Vereinbarkeit)."""

    FULL = "full", _("vollständig vereinbar")
    PARTIAL = "partial", _("teilweise vereinbar")
    NONE = "none", _("nicht vereinbar")


class MachineTranslationState(models.TextChoices):
    # The machine's text waits in the translation editor for the language's translator;
    # visitors still read the German original.
    DRAFT = "draft", _("Entwurf wartet auf Durchsicht")
    # The machine's text is live, marked "maschinell übersetzt" with a link to the German
    # original, until a person edits it.
    PUBLISHED = "published", _("maschinell übersetzt veröffentlicht")
    # The engine failed; ``error`` says why. The German original stays shown.
    FAILED = "failed", _("fehlgeschlagen")
