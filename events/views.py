"""Admin views of the events app: the live preview of a series' dates while editing
(see events/panels.py)."""

from django import forms
from django.forms.models import construct_instance
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from .models import EventExcludedDate, EventExtraDate, EventOccurrenceChange, EventPage
from .panels import preview_context

RULE_FIELDS = [
    "start",
    "end",
    "all_day",
    "open_end",
    "repeat",
    "repeat_interval",
    "repeat_weekdays",
    "repeat_week_of_month",
    "repeat_until",
    "repeat_count",
    "skip_public_holidays",
    "skip_school_holidays",
]


class SeriesRuleForm(forms.ModelForm):
    """The rule fields as the edit form posts them (the same widgets and formats)."""

    class Meta:
        model = EventPage
        fields = RULE_FIELDS

    def _post_clean(self):
        # Only the fields' own validation: the page's clean() wants title, venue, ...
        construct_instance(self, self.instance, self._meta.fields)


class DateForm(forms.Form):
    date = forms.DateField(required=False)


class ChangeForm(forms.Form):
    original_date = forms.DateField(required=False)
    cancelled = forms.BooleanField(required=False)
    new_start = forms.DateTimeField(required=False)
    new_end = forms.DateTimeField(required=False)
    note = forms.CharField(required=False, max_length=200)


def _inline(data, prefix, form_class):
    """The cleaned, not deleted rows of an inline panel's formset in ``data``."""
    try:
        total = min(int(data.get(f"{prefix}-TOTAL_FORMS", 0)), 1000)
    except ValueError:
        total = 0
    rows = []
    for number in range(total):
        row_prefix = f"{prefix}-{number}"
        if data.get(f"{row_prefix}-DELETE"):
            continue
        form = form_class(data, prefix=row_prefix)
        if not form.is_valid():
            raise forms.ValidationError(list(form.errors.values())[0])
        rows.append(form.cleaned_data)
    return rows


def page_from_post(data):
    """An unsaved ``EventPage`` with the rule and inline dates of the posted form, or a
    ``forms.ValidationError`` with the editor's first mistake."""
    form = SeriesRuleForm(data)
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        label = form.fields[field].label if field in form.fields else ""
        raise forms.ValidationError(f"{label}: {errors[0]}" if label else errors[0])
    page = form.instance
    page.extra_dates = [
        EventExtraDate(date=row["date"])
        for row in _inline(data, "extra_dates", DateForm)
        if row["date"]
    ]
    page.excluded_dates = [
        EventExcludedDate(date=row["date"])
        for row in _inline(data, "excluded_dates", DateForm)
        if row["date"]
    ]
    page.occurrence_changes = [
        EventOccurrenceChange(**row)
        for row in _inline(data, "occurrence_changes", ChangeForm)
        if row["original_date"]
    ]
    return page


@require_POST
def series_preview(request):
    """The preview fragment for the posted edit form; 400 with a German message when the
    input or the rule is wrong. Admin only (``register_admin_urls``), CSRF-protected."""
    try:
        page = page_from_post(request.POST)
    except forms.ValidationError as error:
        html = render_to_string(
            "events/admin/series_preview.html", {"errors": error.messages}, request=request
        )
        return HttpResponseBadRequest(html)
    context = preview_context(page)
    html = render_to_string("events/admin/series_preview.html", context, request=request)
    if context.get("errors") or context.get("message"):
        return HttpResponseBadRequest(html)
    return HttpResponse(html)
