"""Choices of a notice, shared by its model, the board's filters and the offer form."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    CITY = "stadt", _("Stadt Stolberg")
    DISTRICT = "staedteregion", _("Städteregion Aachen")
