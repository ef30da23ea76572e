"""Images uploaded by editors, with the alternative text BITV requires."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """Images uploaded by editors; the description is the alternative text."""

    # Required (BITV 2.0): every image carries its alternative text from the upload on.
    description = models.CharField(
        _("Alternativtext (Bildbeschreibung)"),
        max_length=255,
        default="",
        help_text=_(
            "Pflichtfeld: Was ist auf dem Bild zu sehen? Für Menschen, die es nicht sehen können."
        ),
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")


class Rendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
