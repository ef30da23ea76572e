"""Notices with regular hours (the shared factories stay in tests/factories.py)."""

import datetime

import factory

from home.models import OpeningHours

from ..factories import NoticePageFactory


def hours(weekdays, opens, closes):
    """One row of regular hours: ``hours("1234", "09:00", "12:00")``."""
    return OpeningHours(
        weekdays=weekdays,
        opens=datetime.time.fromisoformat(opens),
        closes=datetime.time.fromisoformat(closes),
    )


class NoticeWithHoursFactory(NoticePageFactory):
    """A Sprechstunde: Monday to Thursday 9–12, Friday 9–11, closed on public holidays."""

    opening_hours = factory.LazyFunction(
        lambda: [hours("1234", "09:00", "12:00"), hours("5", "09:00", "11:00")]
    )
    closed_on_public_holidays = True
