"""A notice with regular hours describes its offer in JSON-LD as a schema.org Service whose
hoursAvailable are OpeningHoursSpecification items (an Article itself has no hours)."""

import json
import re

from ..factories import NoticePageFactory, OrganisationFactory
from .factories_hours import NoticeWithHoursFactory


def article(client, notice):
    html = client.get(notice.url).text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    (found,) = [data for data in map(json.loads, blocks) if data["@type"] == "Article"]
    return found


def test_the_hours_are_opening_hours_specifications_of_the_offer(client, pinnwand):
    provider = OrganisationFactory(name="Caritas Stolberg")
    notice = NoticeWithHoursFactory(parent=pinnwand, title="Sprechstunde", provider=provider)
    service = article(client, notice)["mainEntity"]
    assert service["@type"] == "Service"
    assert service["name"] == "Sprechstunde"
    assert service["provider"]["name"] == "Caritas Stolberg"
    assert service["hoursAvailable"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [
                "https://schema.org/Monday",
                "https://schema.org/Tuesday",
                "https://schema.org/Wednesday",
                "https://schema.org/Thursday",
            ],
            "opens": "09:00",
            "closes": "12:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Friday"],
            "opens": "09:00",
            "closes": "11:00",
        },
        # Closed on public holidays, in schema.org's words.
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/PublicHolidays",
            "opens": "00:00",
            "closes": "00:00",
        },
    ]
    # Without hours the notice is an Article only, holiday rule or not.
    without_hours = NoticePageFactory(parent=pinnwand, closed_on_public_holidays=True)
    assert "mainEntity" not in article(client, without_hours)
