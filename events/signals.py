"""Signal handlers of the events app, connected in ``EventsConfig.ready()``."""

from .models import EventCalendarState, EventOccurrence, rebuild_occurrences


def record_calendar_change(sender, instance, **kwargs):
    """On every publish: SEQUENCE rises when time, place, status or the rule of a series
    changed, so subscribed calendars take the new version; the previous start date serves
    "rescheduled"."""
    fingerprint = instance.calendar_fingerprint()
    state = EventCalendarState.objects.filter(event=instance).first()
    if state is None:
        EventCalendarState.objects.create(
            event=instance, fingerprint=fingerprint, published_start=instance.start
        )
        return
    if state.fingerprint == fingerprint:
        return
    state.sequence += 1
    state.fingerprint = fingerprint
    if state.published_start != instance.start:
        state.previous_start = state.published_start
        state.published_start = instance.start
    state.save()


def rebuild_rows_on_publish(sender, instance, **kwargs):
    """Every live event (each translation and alias on its own) has its occurrence rows,
    rebuilt in one transaction from the published version."""
    rebuild_occurrences(instance)


def drop_rows_on_unpublish(sender, instance, **kwargs):
    """An unpublished event has no dates in listings, feeds or the API."""
    EventOccurrence.objects.filter(event_id=instance.pk).delete()
