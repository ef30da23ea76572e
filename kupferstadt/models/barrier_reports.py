"""Barriers reported by citizens, kept only as long as they are needed."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class BarrierReportQuerySet(models.QuerySet):
    def past_retention(self, now):
        """Reports to delete (they may hold a name and an e-mail address): handled more
        than KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS days ago, or received more than
        KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS days ago, handled or not."""
        handled_cutoff = now - datetime.timedelta(
            days=settings.KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS
        )
        received_cutoff = now - datetime.timedelta(
            days=settings.KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS
        )
        return self.filter(
            models.Q(handled=True, handled_at__lt=handled_cutoff)
            | models.Q(created_at__lt=received_cutoff)
        )


class BarrierReport(models.Model):
    """A barrier reported by a citizen through the "Barriere melden" form. Editors tick
    "Erledigt" once it is dealt with; ``manage.py purge_personal_data`` deletes it
    KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS days later, and at the latest
    KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS days after it came in."""

    page_url = models.CharField(
        _("Betroffene Seite"),
        max_length=500,
        blank=True,
        help_text=_("Adresse oder Name der Seite, auf der die Barriere ist."),
    )
    description = models.TextField(
        _("Beschreibung der Barriere"),
        max_length=5000,
        help_text=_("Was hat nicht funktioniert? Welche Hilfsmittel nutzen Sie?"),
    )
    name = models.CharField(_("Name"), max_length=200, blank=True, help_text=_("Freiwillig"))
    email = models.EmailField(
        _("E-Mail für eine Antwort"), blank=True, help_text=_("Freiwillig, für eine Antwort")
    )
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)
    handled = models.BooleanField(
        _("Erledigt"),
        default=False,
        help_text=_(
            "Haken setzen, wenn die Meldung bearbeitet ist. Erledigte Meldungen werden nach "
            "der Aufbewahrungsfrist automatisch gelöscht."
        ),
    )
    handled_at = models.DateTimeField(_("Erledigt am"), null=True, blank=True, editable=False)

    objects = BarrierReportQuerySet.as_manager()

    panels = [
        FieldPanel("page_url", read_only=True),
        FieldPanel("description", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("handled"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Barriere-Meldung")
        verbose_name_plural = _("Barriere-Meldungen")

    def __str__(self):
        return Truncator(self.description).chars(60)

    def save(self, *args, **kwargs):
        # The retention period runs from the moment the report was marked handled.
        if self.handled != (self.handled_at is not None):
            self.handled_at = timezone.now() if self.handled else None
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "handled_at"}
        super().save(*args, **kwargs)
