"""What citizens search for, so editors can see what is asked and what is missing."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchTermLog(models.Model):
    """How often a term was searched on a day, and how often it found nothing."""

    term = models.CharField(_("Suchbegriff"), max_length=200)
    day = models.DateField(_("Tag"), default=timezone.localdate)
    searches = models.PositiveIntegerField(_("Suchen"), default=0)
    zero_hits = models.PositiveIntegerField(_("Ohne Treffer"), default=0)

    class Meta:
        verbose_name = _("Suchbegriff")
        verbose_name_plural = _("Suchbegriffe")
        constraints = [
            models.UniqueConstraint(fields=["term", "day"], name="unique_search_term_per_day")
        ]

    def __str__(self):
        return f"{self.term} ({self.day})"

    @classmethod
    def record(cls, term, found):
        """Counts one search: a single UPDATE, except for a term's first search of the day."""
        today = cls.objects.filter(term=term.lower()[:200], day=timezone.localdate())
        counts = {
            "searches": F("searches") + 1,
            "zero_hits": F("zero_hits") + (0 if found else 1),
        }
        if not today.update(**counts):
            cls.objects.get_or_create(term=term.lower()[:200], day=timezone.localdate())
            today.update(**counts)

    @classmethod
    def report(cls, days=30, limit=50):
        """``(most searched, searched without result)`` of the last ``days`` days."""
        since = timezone.localdate() - timezone.timedelta(days=days)
        totals = (
            cls.objects.filter(day__gte=since)
            .values("term")
            .annotate(total=models.Sum("searches"), empty=models.Sum("zero_hits"))
        )
        frequent = list(totals.order_by("-total", "term")[:limit])
        missing = list(totals.filter(empty__gt=0).order_by("-empty", "term")[:limit])
        return frequent, missing

    @classmethod
    def popular_terms(cls, limit=5, days=30):
        """Terms people often searched with success: suggestions when nothing is found."""
        since = timezone.localdate() - timezone.timedelta(days=days)
        return list(
            cls.objects.filter(day__gte=since)
            .values("term")
            .annotate(total=models.Sum("searches"), empty=models.Sum("zero_hits"))
            .filter(total__gt=F("empty"))
            .order_by("-total", "term")
            .values_list("term", flat=True)[:limit]
        )
