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
