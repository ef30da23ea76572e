from django.utils.formats import date_format

from kupferstadt.feeds import PageListingFeed


class EventFeed(PageListingFeed):
    """Upcoming events of the calendar, soonest first, with its filters applied."""

    def __init__(self, event_index, events, atom=False):
        super().__init__(event_index, events.for_listing(), atom=atom)

    def item_description(self, item):
        fmt = "DATE_FORMAT" if item.all_day else "DATETIME_FORMAT"
        when = date_format(item.local_start, "l") + ", " + date_format(item.local_start, fmt)
        parts = [when, str(item.place), item.get_status_display(), item.meta_description()]
        return " · ".join(part for part in parts if part)
