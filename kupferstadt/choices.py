"""Choices shared by models, demo content and tests."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Conformance(models.TextChoices):
    """How far a website meets the BITV NRW (Stand der Vereinbarkeit)."""

    FULL = "full", _("vollständig vereinbar")
    PARTIAL = "partial", _("teilweise vereinbar")
    NONE = "none", _("nicht vereinbar")
