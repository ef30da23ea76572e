"""What subscribed calendars last saw of an event."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventCalendarState(models.Model):
    """What subscribed calendars last saw of an event: kept apart from the page so that
    revisions and drafts cannot turn it back. SEQUENCE rises with every publish that
    changes time, place or status; the previous start date serves "rescheduled"."""

    event = models.OneToOneField(
        "events.EventPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="calendar_state",
    )
    sequence = models.PositiveIntegerField(default=0)
    fingerprint = models.CharField(max_length=64)
    published_start = models.DateTimeField()
    previous_start = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Kalenderstand einer Veranstaltung")
        verbose_name_plural = _("Kalenderstände der Veranstaltungen")

    def __str__(self):
        return f"{self.event} (SEQUENCE {self.sequence})"
