"""Signal handlers of the events app, connected in ``EventsConfig.ready()``."""

from .models import EventCalendarState


def record_calendar_change(sender, instance, **kwargs):
    """On every publish: SEQUENCE rises when time, place or status changed, so subscribed
    calendars take the new version; the previous start date serves "rescheduled"."""
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
