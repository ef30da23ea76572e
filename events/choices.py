"""Choices of an event, shared by its model, calendar, feeds and structured data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    SAVE_THE_DATE = "save_the_date", _("Save the date")
    SCHEDULED = "scheduled", _("Einladung und Programm veröffentlicht")
    POSTPONED = "postponed", _("Verschoben")
    CANCELLED = "cancelled", _("Abgesagt")
    MOVED_ONLINE = "moved_online", _("Findet online statt")


class Registration(models.TextChoices):
    NONE = "none", _("Keine Anmeldung nötig")
    LINK = "link", _("Anmeldung über einen Link")
    EMAIL = "email", _("Anmeldung per E-Mail")
