"""Choices of a notice, shared by its model, the board's filters and the offer form.

Stored values are English (like every identifier); labels are German."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    CITY = "city", _("Stadt Stolberg")
    DISTRICT = "city_region", _("Städteregion Aachen")

    @classmethod
    def from_value(cls, value):
        """The value as stored today; the German values of before (``stadt``,
        ``staedteregion``, still in old links and bookmarks) become their English ones,
        anything else is returned unchanged."""
        return OLD_REGION_VALUES.get(value, value)


# The German values stored before (home migration 0010 converted them).
OLD_REGION_VALUES = {"stadt": Region.CITY.value, "staedteregion": Region.DISTRICT.value}


# Partner feeds (home/feed_import): what a feed is, where its items go, what became of them.
class FeedKind(models.TextChoices):
    DETECT = "detect", _("Automatisch erkennen")
    ICAL = "ical", _("iCal (Kalender)")
    RSS = "rss", _("RSS")
    ATOM = "atom", _("Atom")


class FeedTarget(models.TextChoices):
    PINNWAND = "pinnwand", _("Pinnwand (Aushänge)")
    EVENTS = "events", _("Veranstaltungen")


class ImportedItemState(models.TextChoices):
    ACTIVE = "active", _("Im Feed")
    REMOVED = "removed", _("Nicht mehr im Feed")
    CANCELLED = "cancelled", _("Vom Partner abgesagt")
    REJECTED = "rejected", _("Nicht mehr importieren")
