"""The "Wiederholung" panel's preview while editing: the rule as a German sentence and the
next ten dates. The panel renders the stored rule (works without JavaScript); a small
script (static/events/admin/series-preview.js) posts the form to the admin view
``events.views.series_preview`` and replaces the panel's output with the answer."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.panels import Panel

PREVIEW_LENGTH = 10


def preview_context(page):
    """Sentence, next dates and the rule's errors of ``page`` (saved or not)."""
    if page.start is None:
        return {"message": _("Bitte geben Sie zuerst den Beginn an.")}
    recurrence = page.recurrence
    errors = recurrence.errors()
    return {
        "sentence": recurrence.sentence(),
        "is_series": recurrence.is_series,
        "dates": [] if errors else recurrence.next_slots(limit=PREVIEW_LENGTH),
        "all_day": page.all_day,
        "errors": list(errors.values()),
    }


class SeriesPreviewPanel(Panel):
    """Shows the stored rule's sentence and next dates; the script keeps it current."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/series_preview_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["preview_url"] = reverse("events_series_preview")
            page = self.instance
            context.update(preview_context(page) if page.start else {})
            return context
