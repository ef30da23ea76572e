"""Two sample offers with regular hours, so the demo board shows what an editor's rows
become: a Sprechstunde in the morning (closed on public holidays) and a Beratung in the
afternoon with a note. Marked as examples in title and text; their titles and slugs do not
start with "Beispiel", which marks the generated set of ``samples.py`` (``--notices``)."""

import datetime

from django.utils import timezone

from home.models import NoticePage, OpeningHours, Region
from kupferstadt.models import Organisation

from .seed import CITY

NOTE = (
    "Dies ist ein Beispiel-Aushang für die Vorführung der Website. Er beschreibt kein "
    "echtes Angebot."
)

OFFERS = [
    {
        "slug": "sprechstunde-sozialberatung-beispiel",
        "title": "Offene Sprechstunde der Sozialberatung (Beispiel)",
        "teaser": (
            "Beispiel-Aushang: Fragen zu Anträgen, Wohngeld und Grundsicherung – ohne "
            "Termin, zu den regelmäßigen Sprechzeiten."
        ),
        "closed_on_public_holidays": True,
        "hours_note": "",
        # (weekdays as ISO numbers, opens, closes)
        "hours": [("1234", (9, 0), (12, 0)), ("5", (9, 0), (11, 0))],
    },
    {
        "slug": "beratung-am-nachmittag-beispiel",
        "title": "Beratung für Familien am Nachmittag (Beispiel)",
        "teaser": (
            "Beispiel-Aushang: Beratung rund um Kita, Schule und Familienleistungen, "
            "am Dienstag- und Donnerstagnachmittag."
        ),
        "closed_on_public_holidays": True,
        "hours_note": "außer in den Schulferien",
        "hours": [("24", (14, 0), (17, 30))],
    },
]


def ensure_opening_hours_offers(pinnwand, ensure_child):
    """The two offers under ``pinnwand``, created and published if missing (``ensure_child``
    of the loader, passed in because the loader calls this)."""
    city, _ = Organisation.objects.get_or_create(name=CITY)
    pages = []
    for offer in OFFERS:
        page, _ = ensure_child(
            pinnwand,
            NoticePage,
            offer["slug"],
            title=offer["title"],
            teaser=offer["teaser"],
            body=[{"type": "paragraph", "value": f"<p>{NOTE}</p>"}],
            provider=city,
            region=Region.CITY,
            valid_from=timezone.localdate(),
            closed_on_public_holidays=offer["closed_on_public_holidays"],
            hours_note=offer["hours_note"],
            opening_hours=[
                OpeningHours(
                    weekdays=weekdays,
                    opens=datetime.time(*opens),
                    closes=datetime.time(*closes),
                )
                for weekdays, opens, closes in offer["hours"]
            ],
        )
        pages.append(page)
    return pages
