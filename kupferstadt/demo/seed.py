"""The original notice of the Sozialplanung, verbatim, as structured content.

Source: shared/seed/000_94c2d3e9f30f4a8d.txt. Nothing here is invented: every
sentence a citizen reads is taken from that notice.
"""

import datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")

PINNWAND_TITLE = "Pinnwand"
PINNWAND_INTRO = "Infos über weitere Angebote in Stadt und Städteregion"

EVENT_TITLE = "Fünf Jahre Soziale Kupferstadt 2030"
EVENT_SUBTITLE = "Forum – Dialog und Begegnung"
EVENT_START = datetime.datetime(2020, 5, 13, 17, 0, tzinfo=BERLIN)
EVENT_END = datetime.datetime(2020, 5, 13, 21, 0, tzinfo=BERLIN)

VENUE = {
    "name": "Industriemuseum Zinkhütter Hof",
    "street": "Cockerillstraße 90",
    "postal_code": "52222",
    "city": "Stolberg",
}

SALUTATION = "Sehr geehrte Damen und Herren,"

LEADING_QUESTIONS = [
    "(Wie) Kann man das Soziale vor Ort planen und gestalten?",
    "Welche Projekte und Prozesse wurden in den vergangenen fünf Jahren in Stolberg angestoßen?",
    "Wie wollen wir in Zukunft gemeinsam weiter an der „Sozialen Kupferstadt 2030“ bauen?",
]

LEITBILD_SENTENCE = (
    "Mit der Zielsetzung, sozialer Ungleichheit entgegenzuwirken, Stadtteile lebenswerter "
    "und familiengerechter zu entwickeln, den Zusammenhalt in der Stadt zu fördern und die "
    "Lebensqualität für alle Bürgerinnen und Bürger zu heben, bildet das Leitbild „Soziale "
    "Kupferstadt 2030“ den Rahmen der strategischen und integrierten Sozial- und Stadtplanung."
)

PROCESSES_PARAGRAPH = (
    "In den vergangenen fünf Jahren wurden deshalb zahlreiche Schlüsselprozesse in der "
    "Kupferstadt Stolberg angestoßen: Ein erster kommunaler Sozialbericht wurde veröffentlicht, "
    "ein Aktionsplan Inklusion erarbeitet, mit dem Integrierten Handlungskonzept (IHKo) „Berg- "
    "und Talachse“ eine umfangreiche Erneuerungsstrategie für drei städtebaulich und sozial "
    "belastete Stadtteile entwickelt. Dort zieht das Engagement von Initiativen und "
    "Stadtteilprojekten immer weitere Kreise, fördert das Zusammenleben, die Identifikation und "
    "Selbstorganisation in den Vierteln. Weitere Meilensteine wie der Auditprozess "
    "„Familiengerechte Kommune“ und die umfassende Modernisierung der Stolberger "
    "Bildungslandschaft prägen und verändern das soziale Gesicht der gesamten Kupferstadt "
    "nachhaltig."
)

MOTTO = "aufeinander zugehen, voneinander lernen, miteinander leben"

FORUM_PARAGRAPH = (
    "Unter unserem Leitmotiv „aufeinander zugehen, voneinander lernen, miteinander leben“ "
    "möchten wir die Veranstaltung dazu nutzen, gemeinsam mit Ihnen Bilanz zu ziehen und einen "
    "Ausblick auf die nächste 5-Jahres-Etappe der „Sozialen Kupferstadt 2030“ zu wagen. Die "
    "verschiedenen Programmteile bieten Ihnen Möglichkeiten des Erfahrungsaustauschs, des "
    "Dialogs und der Begegnung zwischen haupt- und ehrenamtlichen Akteuren sowie externen "
    "Fachleuten. So hat das Ministerium für Arbeit, Gesundheit und Soziales (MAGS NRW) seine "
    "Teilnahme und Unterstützung bereits zugesagt."
)

INVITATION_PARAGRAPH = (
    "Im Namen des Bürgermeisters Herrn Patrick Haas laden wir Sie herzlich ein und freuen uns, "
    "wenn Sie sich den Termin vormerken.\n"
    "Gerne können Sie den Termin auch an weitere Interessierte weiterleiten."
)

PROGRAMME_NOTE = "Die Einladung und das Programm gehen Ihnen im Ende März zu."

CLOSING = "Mit freundlichen Grüßen"
SIGNATURE = "i.A.\nLeo Jansen (Sozialplaner) & Lukas Franzen (Inklusionsbeauftragter)"

NOTICE_TITLE = "SAVE THE DATE: Forum „Fünf Jahre Soziale Kupferstadt 2030“"
NOTICE_KICKER = "- SAVE THE DATE -"
NOTICE_TEASER = (
    "Forum – Dialog und Begegnung „Fünf Jahre Soziale Kupferstadt 2030“ am 13. Mai 2020 "
    "(17 – 21 Uhr) im Industriemuseum Zinkhütter Hof, (Cockerillstraße 90, 52222 Stolberg)"
)

CITY = "Kupferstadt Stolberg"
MINISTRY = "Ministerium für Arbeit, Gesundheit und Soziales (MAGS NRW)"
CONTACTS = [
    {"name": "Leo Jansen", "role": "Sozialplaner"},
    {"name": "Lukas Franzen", "role": "Inklusionsbeauftragter"},
]

LEITBILD_TITLE = "Soziale Kupferstadt 2030"
GOALS = [
    "sozialer Ungleichheit entgegenzuwirken",
    "Stadtteile lebenswerter und familiengerechter zu entwickeln",
    "den Zusammenhalt in der Stadt zu fördern",
    "die Lebensqualität für alle Bürgerinnen und Bürger zu heben",
]

_MILESTONES_SENTENCE = (
    "Weitere Meilensteine wie der Auditprozess „Familiengerechte Kommune“ und die umfassende "
    "Modernisierung der Stolberger Bildungslandschaft prägen und verändern das soziale Gesicht "
    "der gesamten Kupferstadt nachhaltig."
)

# One entry per initiative; "status" follows the tense the notice uses for it.
INITIATIVES = [
    {
        "slug": "sozialbericht",
        "title": "Sozialbericht",
        "summary": "Ein erster kommunaler Sozialbericht wurde veröffentlicht.",
        "body": [],
        "status": "completed",
        "topics": ["Sozialplanung"],
    },
    {
        "slug": "aktionsplan-inklusion",
        "title": "Aktionsplan Inklusion",
        "summary": "Ein Aktionsplan Inklusion wurde erarbeitet.",
        "body": [],
        "status": "completed",
        "topics": ["Inklusion"],
    },
    {
        "slug": "ihko-berg-und-talachse",
        "title": "Integriertes Handlungskonzept (IHKo) „Berg- und Talachse“",
        "summary": (
            "Mit dem Integrierten Handlungskonzept (IHKo) „Berg- und Talachse“ wurde eine "
            "umfangreiche Erneuerungsstrategie für drei städtebaulich und sozial belastete "
            "Stadtteile entwickelt."
        ),
        "body": [
            "Dort zieht das Engagement von Initiativen und Stadtteilprojekten immer weitere "
            "Kreise, fördert das Zusammenleben, die Identifikation und Selbstorganisation in "
            "den Vierteln."
        ],
        "status": "running",
        "topics": ["Stadtteilentwicklung", "Ehrenamt"],
    },
    {
        "slug": "familiengerechte-kommune",
        "title": "Auditprozess „Familiengerechte Kommune“",
        "summary": _MILESTONES_SENTENCE,
        "body": [],
        "status": "running",
        "topics": ["Familie"],
    },
    {
        "slug": "bildungslandschaft",
        "title": "Modernisierung der Stolberger Bildungslandschaft",
        "summary": _MILESTONES_SENTENCE,
        "body": [],
        "status": "running",
        "topics": ["Bildung"],
    },
]

TOPICS = [
    "Familie",
    "Inklusion",
    "Bildung",
    "Beratung",
    "Ehrenamt",
    "Sozialplanung",
    "Stadtteilentwicklung",
]
AUDIENCES = [
    "Familien",
    "Senioren",
    "Jugendliche",
    "Menschen mit Behinderung",
    "Zugewanderte",
    "Fachkräfte und Ehrenamt",
]
# Stadtteile of Stolberg (reference data for the filters, not content of the notice).
DISTRICTS = [
    "Altstadt",
    "Atsch",
    "Breinig",
    "Büsbach",
    "Donnerberg",
    "Gressenich",
    "Mausbach",
    "Münsterbusch",
    "Oberstolberg",
    "Unterstolberg",
    "Velau",
    "Vicht",
    "Zweifall",
]
