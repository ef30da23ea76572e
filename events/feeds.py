from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kupferstadt.feeds import PageListingFeed

from .choices import Repeat


class EventFeed(PageListingFeed):
    """Upcoming events of the calendar, soonest first, with its filters applied. A series
    appears once, at its next date (``with_next_occurrence()`` of the calendar's items):
    in its title and at the head of its description, with its rule in words."""

    def __init__(self, event_index, events, atom=False):
        super().__init__(event_index, events.for_listing(), atom=atom)

    @staticmethod
    def is_series(item):
        """As the calendar's card decides it, without a query."""
        return item.repeat != Repeat.NONE

    def item_title(self, item):
        if self.is_series(item):
            return f"{item.title} – {date_format(item.listing_start, 'DATE_FORMAT')}"
        return item.title

    def item_description(self, item):
        start = item.listing_start
        fmt = "DATE_FORMAT" if item.all_day else "DATETIME_FORMAT"
        when = date_format(start, "l") + ", " + date_format(start, fmt)
        sentence = ""
        if self.is_series(item):
            if getattr(item, "next_cancelled", False):
                when = _("Nächster Termin fällt aus: %(date)s") % {"date": when}
            else:
                when = _("Nächster Termin: %(date)s") % {"date": when}
            sentence = capfirst(item.series_sentence())
        parts = [
            when,
            sentence,
            str(item.place),
            item.get_status_display(),
            item.meta_description(),
        ]
        return " · ".join(part for part in parts if part)
