"""Demo series among the sample events (clearly marked "Beispiel-Terminreihe") and the
NRW school holidays 2026/27 as demo data: editors check them against the official dates
of the Schulministerium before they rely on them."""

import datetime

from django.utils import timezone

from events.models import (
    EventOccurrenceChange,
    EventPage,
    EventStatus,
    Repeat,
    SchoolHoliday,
)

from .loader import ensure_child, ensure_reference_data, paragraph

SERIES_NOTE = (
    "Dies ist eine Beispiel-Terminreihe für die Vorführung der Website. Sie beschreibt kein "
    "echtes Angebot."
)

# Demo data, as best known when written: check against schulministerium.nrw before use.
SCHOOL_HOLIDAYS_NRW = [
    ("Weihnachtsferien 2025/26", (2025, 12, 22), (2026, 1, 6)),
    ("Osterferien 2026", (2026, 3, 30), (2026, 4, 11)),
    ("Pfingstferien 2026", (2026, 5, 26), (2026, 5, 26)),
    ("Sommerferien 2026", (2026, 7, 20), (2026, 9, 1)),
    ("Herbstferien 2026", (2026, 10, 17), (2026, 10, 31)),
    ("Weihnachtsferien 2026/27", (2026, 12, 23), (2027, 1, 6)),
    ("Osterferien 2027", (2027, 3, 22), (2027, 4, 3)),
    ("Pfingstferien 2027", (2027, 5, 18), (2027, 5, 18)),
    ("Sommerferien 2027", (2027, 7, 19), (2027, 8, 31)),
    ("Herbstferien 2027", (2027, 10, 23), (2027, 11, 6)),
]


def ensure_school_holidays():
    for name, first, last in SCHOOL_HOLIDAYS_NRW:
        SchoolHoliday.objects.get_or_create(
            name=f"{name} (Beispieldaten)",
            defaults={"first_day": datetime.date(*first), "last_day": datetime.date(*last)},
        )


def _next_weekday(today, weekday):
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7)


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def create_demo_series(event_index, today=None):
    """Three series: the Elterncafé (weekly Tuesday 15–17 Uhr, not in the school holidays,
    one date cancelled), the Computerkurs für Ältere (first Monday of the month, not on
    public holidays) and the Sprachcafé (fortnightly Thursday). Existing ones are kept."""
    today = today or timezone.localdate()
    ensure_school_holidays()
    ref = ensure_reference_data()
    venue = EventPage.objects.child_of(event_index).exclude(venue=None).first()
    venue = venue.venue if venue else None
    tuesday = _next_weekday(today, 1)
    first_monday = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    first_monday = _next_weekday(first_monday, 0)
    thursday = _next_weekday(today, 3)
    common = {"status": EventStatus.SCHEDULED, "venue": venue, "subtitle": "Beispiel-Terminreihe"}
    ensure_child(
        event_index,
        EventPage,
        "elterncafe",
        title="Elterncafé",
        start=_at(tuesday, 15),
        end=_at(tuesday, 17),
        repeat=Repeat.WEEKLY,
        repeat_weekdays="TU",
        skip_school_holidays=True,
        skip_public_holidays=True,
        occurrence_changes=[
            EventOccurrenceChange(
                original_date=tuesday + datetime.timedelta(weeks=2), cancelled=True
            )
        ],
        body=[
            paragraph("Austausch bei Kaffee und Kuchen, Kinderbetreuung im Nebenraum."),
            paragraph(SERIES_NOTE),
        ],
        topics=[ref["topics"]["Familie"]],
        **common,
    )
    ensure_child(
        event_index,
        EventPage,
        "computerkurs-fuer-aeltere",
        title="Computerkurs für Ältere",
        start=_at(first_monday, 10),
        end=_at(first_monday, 12),
        repeat=Repeat.MONTHLY_WEEKDAY,
        repeat_week_of_month=1,
        skip_public_holidays=True,
        body=[
            paragraph("E-Mail, Videotelefonie und Online-Termine in Ruhe erklärt."),
            paragraph(SERIES_NOTE),
        ],
        topics=[ref["topics"]["Bildung"]],
        **common,
    )
    ensure_child(
        event_index,
        EventPage,
        "sprachcafe",
        title="Sprachcafé",
        start=_at(thursday, 18),
        end=_at(thursday, 20),
        repeat=Repeat.WEEKLY,
        repeat_interval=2,
        repeat_weekdays="TH",
        body=[paragraph("Deutsch sprechen üben, in lockerer Runde."), paragraph(SERIES_NOTE)],
        topics=[ref["topics"]["Bildung"]],
        **common,
    )
