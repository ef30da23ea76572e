"""Terms the machine translator must leave as they are: place and project names
(Kupferstadt, Stolberg, Zinkhütter Hof, Städteregion) kept by the editors in the admin,
and, without anyone listing them, the names of the people and organisations in the
master data."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .snippets import Organisation, Person


class GlossaryTerm(models.Model):
    """A word or name that stays German in every machine translation, e.g. "Zinkhütter
    Hof". Editors keep the list under Stammdaten → Glossar; people and organisations need
    no entry, their names are protected anyway."""

    editorial = True

    term = models.CharField(
        _("Begriff"),
        max_length=200,
        unique=True,
        help_text=_(
            "Wird von der maschinellen Übersetzung unverändert übernommen, "
            "z. B. „Zinkhütter Hof“. Groß- und Kleinschreibung wie im Text."
        ),
    )
    note = models.CharField(
        _("Hinweis"),
        max_length=300,
        blank=True,
        help_text=_("Optional: warum der Begriff nicht übersetzt wird."),
    )

    panels = [FieldPanel("term"), FieldPanel("note")]

    class Meta:
        verbose_name = _("Glossarbegriff")
        verbose_name_plural = _("Glossar")
        ordering = ["term"]

    def __str__(self):
        return self.term


def protected_terms():
    """Every term the machine translator must not translate: the glossary and the names
    of people and organisations, longest first (so "Zinkhütter Hof" wins over "Hof")."""
    terms = set(GlossaryTerm.objects.values_list("term", flat=True))
    terms.update(Organisation.objects.values_list("name", flat=True))
    terms.update(Person.objects.values_list("name", flat=True))
    return sorted({term.strip() for term in terms if term and term.strip()}, key=len, reverse=True)
