"""The mark "maschinell übersetzt" on a page whose text the machine wrote."""

from django import template
from django.conf import settings
from django.utils import translation

from kupferstadt.models import MachineTranslation, MachineTranslationState

register = template.Library()


@register.simple_tag
def machine_translated_from(page):
    """The live German original of ``page`` if visitors read the machine's text there,
    else None. No query on German pages and aliases."""
    if page is None or getattr(page, "alias_of_id", None) or not getattr(page, "pk", None):
        return None
    if translation.get_language() == settings.LANGUAGE_CODE:
        return None
    row = (
        MachineTranslation.objects.filter(page_id=page.pk, state=MachineTranslationState.PUBLISHED)
        .select_related("source")
        .first()
    )
    if row is None or not row.source.live:
        return None
    return row.source
