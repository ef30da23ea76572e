"""The daily task moves every series' rows forward to the horizon."""

import datetime
import io

import time_machine
from django.core.management import call_command

from events.models import EventOccurrence, Repeat

from ..factories import EventPageFactory
from .series_helpers import NOW, berlin, series


def test_extend_occurrences_moves_the_horizon_forward(event_index, settings):
    settings.KUPFERSTADT_OCCURRENCE_HORIZON_DAYS = 60
    with time_machine.travel(NOW, tick=False):
        event = series(event_index, berlin(2026, 9, 1, 15), repeat=Repeat.DAILY)
        single = EventPageFactory(parent=event_index, start=berlin(2026, 9, 5, 15))
        EventOccurrence.objects.filter(event=single).delete()  # e.g. created before rows
    later = NOW + datetime.timedelta(days=30)
    with time_machine.travel(later, tick=False):
        call_command("extend_occurrences", stdout=io.StringIO())
    horizon = later + datetime.timedelta(days=60)
    last = event.occurrences.order_by("-start").first().start
    assert horizon - datetime.timedelta(days=1) <= last <= horizon
    assert single.occurrences.count() == 1
