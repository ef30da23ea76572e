"""Admin registration of the events app: the school holidays series can skip, and the
live preview of a series' dates while editing."""

from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.staticfiles import versioned_static
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import SchoolHoliday


class SchoolHolidayViewSet(SnippetViewSet):
    """The school holidays of Nordrhein-Westfalen, kept by editors for the series marked
    "nicht in den Schulferien"."""

    model = SchoolHoliday
    icon = "date"
    menu_label = _("Schulferien")
    list_display = ["name", "first_day", "last_day"]
    search_fields = ["name"]


register_snippet(SchoolHolidayViewSet)


@hooks.register("register_admin_urls")
def register_series_preview_url():
    return [
        path(
            "events/series-preview/",
            require_admin_access(views.series_preview),
            name="events_series_preview",
        )
    ]


@hooks.register("insert_editor_js")
def series_preview_js():
    return format_html(
        '<script src="{}" defer></script>', versioned_static("events/admin/series-preview.js")
    )
