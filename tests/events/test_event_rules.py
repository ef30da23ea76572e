"""Event validation in the admin, whole-day and open-end events, upcoming vs. past."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.models import EventPage, EventStatus, Registration

from ..factories import EventPageFactory, VenueFactory
from ..utils import visible_text

NOW = timezone.now


def unsaved_event(**kwargs):
    start = timezone.now() + datetime.timedelta(days=3)
    defaults = {
        "title": "Test",
        "slug": "test",
        "start": start,
        "end": start + datetime.timedelta(hours=1),
        "venue": VenueFactory(),
    }
    defaults.update(kwargs)
    return EventPage(**defaults)


@pytest.mark.django_db
def test_end_before_start_is_a_clear_validation_error():
    event = unsaved_event()
    event.end = event.start - datetime.timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert error.value.message_dict["end"] == ["Das Ende muss nach dem Beginn liegen."]


@pytest.mark.django_db
def test_missing_end_requires_open_end():
    with pytest.raises(ValidationError, match="Ende offen"):
        unsaved_event(end=None).clean()
    unsaved_event(end=None, open_end=True).clean()


@pytest.mark.django_db
def test_place_and_registration_details_are_required_when_chosen():
    with pytest.raises(ValidationError) as error:
        unsaved_event(
            venue=None, registration=Registration.EMAIL, status=EventStatus.MOVED_ONLINE
        ).clean()
    assert set(error.value.message_dict) == {"venue", "online_url", "registration_email"}


def test_admin_shows_the_validation_error_in_german(client, admin_user, event_index):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": "Falsch herum",
            "slug": "falsch-herum",
            "start": "2026-05-13 21:00",
            "end": "2026-05-13 17:00",
            "status": "save_the_date",
            "venue": VenueFactory().pk,
            "registration": "none",
            "leading_questions": streamfield([]),
            "body": streamfield([]),
            "programme": streamfield([]),
            "intro": rich_text(""),
        }
    )
    response = client.post(f"/admin/pages/add/events/eventpage/{event_index.pk}/", data)
    assert response.status_code == 200
    assert "Das Ende muss nach dem Beginn liegen." in response.text
    assert not EventPage.objects.filter(slug="falsch-herum").exists()


def test_whole_day_event_spans_its_days(event_index):
    start = timezone.make_aware(datetime.datetime(2026, 7, 4, 15, 30))
    event = EventPageFactory(parent=event_index, start=start, end=start, all_day=True)
    local_start, local_end = event.local_start, event.local_end
    assert (local_start.hour, local_start.minute) == (0, 0)
    assert local_end.date() == datetime.date(2026, 7, 4) and local_end.hour == 23


def test_upcoming_and_past(event_index):
    now = NOW()
    running = EventPageFactory(
        parent=event_index,
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )
    past = EventPageFactory(
        parent=event_index,
        start=now - datetime.timedelta(days=2),
        end=now - datetime.timedelta(days=2) + datetime.timedelta(hours=1),
    )
    open_end_today = EventPageFactory(
        parent=event_index,
        start=timezone.localtime(now).replace(hour=0, minute=1),
        end=None,
        open_end=True,
    )
    upcoming = set(EventPage.objects.upcoming())
    assert running in upcoming and open_end_today in upcoming and past not in upcoming
    assert set(EventPage.objects.past()) == {past}
    assert past.is_past and not running.is_past and not open_end_today.is_past


def test_event_time_is_shown_in_german(client, event_index):
    start = timezone.make_aware(datetime.datetime(2026, 12, 24, 16, 0))
    event = EventPageFactory(
        parent=event_index, start=start, end=start + datetime.timedelta(hours=2)
    )
    assert "Donnerstag, 24. Dezember 2026, 16:00 – 18:00 Uhr" in visible_text(
        client.get(event.url).text
    )
