"""A generated, clearly marked sample set ("Beispiel") dated relative to today.

The seed's dates lie in 2020; these pages let a newcomer see a living board. The
same generator feeds the tests and the benchmarks (``load_demo --notices 10000``).
Every sample's title starts with "Beispiel" and its text says it is an example.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventPage, EventStatus, rebuild_many
from home.models import NoticePage, Region
from kupferstadt.models import Venue
from search.indexing import deferred_indexing, index_pages

from .loader import ensure_reference_data, paragraph
from .series import create_demo_series

SAMPLE_MARK = "Beispiel"
SAMPLE_NOTE = (
    "Dies ist ein Beispiel-Aushang für die Vorführung der Website. Er beschreibt kein "
    "echtes Angebot."
)

# (title, topic, audience) – kinds of offers a city's Pinnwand typically carries.
NOTICE_KINDS = [
    ("Offener Familientreff", "Familie", "Familien"),
    ("Sprechstunde Seniorenberatung", "Beratung", "Senioren"),
    ("Hausaufgabenhilfe", "Bildung", "Jugendliche"),
    ("Sprachcafé", "Bildung", "Zugewanderte"),
    ("Inklusive Sportgruppe", "Inklusion", "Menschen mit Behinderung"),
    ("Ehrenamtsbörse", "Ehrenamt", "Fachkräfte und Ehrenamt"),
    ("Elterncafé", "Familie", "Familien"),
    ("Computerkurs", "Bildung", "Senioren"),
    ("Beratung zur Teilhabe", "Inklusion", "Menschen mit Behinderung"),
    ("Nachbarschaftstreff", "Stadtteilentwicklung", "Familien"),
]

EVENT_KINDS = [
    ("Stadtteilfest", "Stadtteilentwicklung"),
    ("Infoabend Familienzentrum", "Familie"),
    ("Workshop Inklusion", "Inklusion"),
    ("Treffen der Ehrenamtlichen", "Ehrenamt"),
    ("Bildungsmesse", "Bildung"),
    ("Sprechstunde Sozialplanung", "Beratung"),
]


def _sample_venue():
    venue, _ = Venue.objects.get_or_create(
        name="Beispiel-Treffpunkt",
        locale=Locale.get_default(),
        defaults={
            "street": "Beispielstraße 1",
            "postal_code": "52222",
            "city": "Stolberg",
            "accessibility_notes": "Beispielangabe: stufenloser Zugang über den Hof.",
            "step_free_access": True,
        },
    )
    return venue


def notice_slug(number):
    return f"beispiel-aushang-{number:05d}"


def _add_missing(parent, model, count, slug, build):
    """Pages 1..count under ``parent`` that do not exist yet (by ``slug(number)``), built
    by ``build(number)``; they skip the search index on save and are indexed together at
    the end. Returns how many were added."""
    prefix = slug(0).rstrip("0")
    existing = set(
        model.objects.child_of(parent)
        .filter(slug__startswith=prefix)
        .values_list("slug", flat=True)
    )
    created = []
    with deferred_indexing():
        for number in range(1, count + 1):
            if slug(number) in existing:
                continue
            page = build(number)
            page.slug = slug(number)
            parent.add_child(instance=page)
            created.append(page.pk)
    index_pages(model, created)
    return len(created)


@transaction.atomic
def create_sample_notices(pinnwand, count, today=None):
    """Notices 1..count under ``pinnwand``; existing ones are kept. Every fifth has
    expired (archive), one in seven runs without end, the first is pinned."""
    today = today or timezone.localdate()
    ref = ensure_reference_data()
    districts = list(ref["districts"].values())
    return _add_missing(
        pinnwand,
        NoticePage,
        count,
        notice_slug,
        lambda number: _sample_notice(number, today, ref, districts),
    )


def _sample_notice(number, today, ref, districts):
    """One sample notice; every fifth has expired, one in seven has no end."""
    title, topic, audience = NOTICE_KINDS[(number - 1) % len(NOTICE_KINDS)]
    district = districts[(number - 1) % len(districts)]
    region = Region.DISTRICT if number % 4 == 0 else Region.CITY
    valid_from = today - datetime.timedelta(days=(number * 3) % 60 + 1)
    if number % 5 == 0:
        valid_until = today - datetime.timedelta(days=number % 10 + 1)
    elif number % 7 == 0:
        valid_until = None
    else:
        valid_until = today + datetime.timedelta(days=30 + number % 90)
    where = district.name if region == Region.CITY else "Städteregion Aachen"
    return NoticePage(
        title=f"{SAMPLE_MARK}: {title} ({where}) Nr. {number}",
        teaser=f"{SAMPLE_NOTE} Thema: {topic}, für {audience}.",
        body=[paragraph(SAMPLE_NOTE)],
        region=region,
        valid_from=valid_from,
        valid_until=valid_until,
        pinned=number == 1,
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
        topics=[ref["topics"][topic]],
        audiences=[ref["audiences"][audience]],
        districts=[district] if region == Region.CITY else [],
    )


def event_slug(number):
    return f"beispiel-veranstaltung-{number:03d}"


@transaction.atomic
def create_sample_events(event_index, count, now=None):
    """Upcoming events 1..count, one a week from next week; one whole-day, one open-end."""
    now = timezone.localtime(now)
    ref = ensure_reference_data()
    venue = _sample_venue()
    added = _add_missing(
        event_index,
        EventPage,
        count,
        event_slug,
        lambda number: _sample_event(number, now, ref, venue),
    )
    # Created live without a publish: their dates as rows, as a publish writes them.
    missing = EventPage.objects.child_of(event_index).live().filter(occurrences=None)
    rebuild_many(missing.prefetch_related("extra_dates", "excluded_dates", "occurrence_changes"))
    if count:
        create_demo_series(event_index)
    return added


def _sample_event(number, now, ref, venue):
    """One sample event, a week after the one before; one in six whole-day or open-end."""
    title, topic = EVENT_KINDS[(number - 1) % len(EVENT_KINDS)]
    day = (now + datetime.timedelta(weeks=number)).date()
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(17, 0)))
    event = EventPage(
        title=f"{SAMPLE_MARK}: {title} Nr. {number}",
        subtitle=SAMPLE_MARK,
        start=start,
        end=start + datetime.timedelta(hours=2),
        all_day=number % 6 == 3,
        open_end=number % 6 == 4,
        status=EventStatus.SCHEDULED,
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
        venue=venue,
        body=[paragraph(f"Dies ist eine {SAMPLE_MARK}-Veranstaltung für die Vorführung.")],
        topics=[ref["topics"][topic]],
    )
    if event.open_end:
        event.end = None
    return event
