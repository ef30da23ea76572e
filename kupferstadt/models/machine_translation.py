"""What the machine translator did with a German page for one language: the first draft
a translator starts from, the mark "maschinell übersetzt" on a page nobody has read yet,
and the engine's error when it failed (shown in the Übersetzungsstand)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import MachineTranslationState


class MachineTranslation(models.Model):
    """One German page in one target language, as far as the machine translated it. The
    row goes away when a person edits and publishes the translation: from then on it is
    a human translation like any other."""

    source = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Deutsches Original"),
        on_delete=models.CASCADE,
        related_name="machine_translations",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("Sprache"), on_delete=models.CASCADE, related_name="+"
    )
    # The page in the target language once it exists (it may still be an alias while the
    # machine's text only waits as a draft).
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("Übersetzte Seite"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="machine_translation",
    )
    state = models.CharField(_("Stand"), max_length=20, choices=MachineTranslationState.choices)
    engine = models.CharField(_("Übersetzungsdienst"), max_length=100, blank=True)
    error = models.TextField(_("Fehler"), blank=True)
    updated_at = models.DateTimeField(_("Zuletzt"), auto_now=True)

    class Meta:
        verbose_name = _("Maschinelle Übersetzung")
        verbose_name_plural = _("Maschinelle Übersetzungen")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "locale"], name="machine_translation_source_locale_uniq"
            )
        ]

    def __str__(self):
        return f"{self.source_id} → {self.locale_id}: {self.get_state_display()}"
