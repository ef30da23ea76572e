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


class Repeat(models.TextChoices):
    """How an event repeats (events/recurrence.py turns it into a dateutil rule)."""

    NONE = "none", _("einmalig")
    DAILY = "daily", _("täglich")
    WEEKLY = "weekly", _("wöchentlich")
    MONTHLY_DAY = "monthly_day", _("monatlich am selben Tag")
    MONTHLY_WEEKDAY = "monthly_weekday", _("monatlich am n-ten Wochentag")


class Weekday(models.TextChoices):
    """Weekdays by their iCalendar names, as ``EventPage.repeat_weekdays`` stores them."""

    MO = "MO", _("Montag")
    TU = "TU", _("Dienstag")
    WE = "WE", _("Mittwoch")
    TH = "TH", _("Donnerstag")
    FR = "FR", _("Freitag")
    SA = "SA", _("Samstag")
    SU = "SU", _("Sonntag")


class WeekOfMonth(models.IntegerChoices):
    FIRST = 1, _("ersten")
    SECOND = 2, _("zweiten")
    THIRD = 3, _("dritten")
    FOURTH = 4, _("vierten")
    FIFTH = 5, _("fünften")
    LAST = -1, _("letzten")
