"""The pages every German public-sector site needs: Impressum, Datenschutz, Erklärung zur
Barrierefreiheit, Barriere melden, Leichte Sprache and Gebärdensprache.

Legal texts are the city's own: the demo fills them with clearly marked placeholders.
"""

import datetime

from django.utils import timezone
from django.utils.html import escape

from kupferstadt.models import (
    AccessibilityStatementPage,
    BarrierReportPage,
    Conformance,
    EasyLanguagePage,
    SignLanguagePage,
    SiteSettings,
    StandardPage,
)

PLACEHOLDER = "[Platzhalter – hier steht der verbindliche Text der Stadt Stolberg]"


def _callout(title, text):
    return {
        "type": "callout",
        "value": {"kind": "important", "title": title, "text": f"<p>{escape(text)}</p>"},
    }


def _paragraphs(*texts):
    return [{"type": "paragraph", "value": f"<p>{escape(text)}</p>"} for text in texts]


def _heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


EASY_LANGUAGE = [
    _heading("Was steht auf dieser Website?"),
    *_paragraphs(
        "Diese Website ist von der Stadt Stolberg.",
        "Hier schreibt die Sozial-Planung der Stadt.",
        "Die Sozial-Planung hilft mit: Alle Menschen in Stolberg sollen gut leben können.",
    ),
    _heading("Die Pinnwand"),
    *_paragraphs(
        "Auf der Pinnwand stehen Angebote.",
        "Zum Beispiel: Beratung, Kurse und Treffen.",
        "Die Angebote sind in Stolberg und in der Städte-Region Aachen.",
        "Sie können die Angebote sortieren. Zum Beispiel nach einem Thema.",
    ),
    _heading("Veranstaltungen"),
    *_paragraphs(
        "Hier stehen Termine.",
        "Zum Beispiel: ein Treffen oder ein Fest.",
        "Sie können einen Termin in Ihren Kalender übernehmen.",
    ),
    _heading("Soziale Kupferstadt 2030"),
    *_paragraphs(
        "Das ist ein Plan für Stolberg.",
        "Der Plan hat viele Teile. Jeder Teil hat eine eigene Seite.",
    ),
    _heading("So finden Sie sich zurecht"),
    *_paragraphs(
        "Oben auf jeder Seite ist ein Menü.",
        "Dort können Sie auch suchen.",
        "Unten auf jeder Seite stehen: Kontakt, Impressum und Datenschutz.",
        "Sie können die Website auch mit der Tastatur bedienen.",
    ),
    _heading("Ist die Website barrierefrei?"),
    *_paragraphs(
        "Wir möchten: Alle Menschen können die Website gut benutzen.",
        "Das klappt noch nicht überall.",
        "Finden Sie eine Barriere? Dann schreiben Sie uns.",
        "Dafür gibt es unten auf jeder Seite den Link: Barriere melden.",
    ),
]


PINNWAND_GUIDE_TITLE = "So funktioniert die Pinnwand"
PINNWAND_GUIDE_INTRO = (
    "Auf der Pinnwand stehen Angebote für Stolberg und die Städteregion Aachen: Beratung, "
    "Kurse, Treffen und vieles mehr. So finden Sie, was Sie suchen – und so kommt Ihr "
    "eigenes Angebot auf die Pinnwand."
)
PINNWAND_GUIDE_TEXTS = {
    "filter_heading": "Angebote finden",
    "filter": (
        "Über den Aushängen steht „Aushänge filtern“. Wählen Sie ein Thema, eine Zielgruppe, "
        "die Region (Stadt Stolberg oder Städteregion Aachen) oder einen Stadtteil und "
        "klicken Sie auf „Anzeigen“. Mit „Filter zurücksetzen“ sehen Sie wieder alle "
        "Aushänge."
    ),
    "search": "Sie suchen etwas Bestimmtes? Nutzen Sie die Suche oben auf jeder Seite.",
    "archive_heading": "Das Archiv",
    "archive": (
        "Jeder Aushang hängt bis zu seinem letzten Tag. Danach steht er im Archiv. Den Link "
        "„Zum Archiv abgelaufener Aushänge“ finden Sie auf der Pinnwand."
    ),
    "subscribe_heading": "Nichts verpassen",
    "subscribe_feed": (
        "Unten auf der Pinnwand steht „Pinnwand abonnieren“. Mit den Links RSS oder Atom "
        "holen Sie neue Aushänge in Ihren Feed-Reader – auch nur die, die zu Ihrer "
        "Auswahl passen: Filtern Sie zuerst, dann abonnieren Sie."
    ),
    "subscribe_calendar": (
        "Veranstaltungen können Sie in Ihren Kalender übernehmen: Unter „Veranstaltungen“ "
        "steht „Kalender abonnieren“. Neue und geänderte Termine erscheinen dann von "
        "selbst in Ihrem Kalenderprogramm."
    ),
    "offer_heading": "Ein eigenes Angebot melden",
    "offer": (
        "Sie haben ein Angebot für Menschen in Stolberg, zum Beispiel einen Kurs, eine "
        "Beratung oder ein Treffen? Schicken Sie es uns über das Formular „Angebot melden“. "
        "Die Sozialplanung prüft es und hängt es an die Pinnwand. Sie bekommen eine E-Mail, "
        "sobald entschieden ist."
    ),
}


def pinnwand_guide_body(offer_page=None):
    """The body of "So funktioniert die Pinnwand"; links to the "Angebot melden" form."""
    texts = PINNWAND_GUIDE_TEXTS
    offer = _paragraphs(texts["offer"])
    if offer_page is not None:
        offer.append(
            {
                "type": "paragraph",
                "value": f'<p><a linktype="page" id="{offer_page.pk}">Angebot melden</a></p>',
            }
        )
    return [
        _heading(texts["filter_heading"]),
        *_paragraphs(texts["filter"], texts["search"]),
        _heading(texts["archive_heading"]),
        *_paragraphs(texts["archive"]),
        _heading(texts["subscribe_heading"]),
        *_paragraphs(texts["subscribe_feed"], texts["subscribe_calendar"]),
        _heading(texts["offer_heading"]),
        *offer,
    ]


def ensure_pinnwand_guide(home, ensure_child, offer_page=None):
    """The public page "So funktioniert die Pinnwand" under ``home``."""
    guide, _ = ensure_child(
        home,
        StandardPage,
        "so-funktioniert-die-pinnwand",
        title=PINNWAND_GUIDE_TITLE,
        intro=PINNWAND_GUIDE_INTRO,
        body=pinnwand_guide_body(offer_page),
    )
    return guide


def ensure_service_pages(home, ensure_child):
    """Create the service pages under ``home`` and link them in the site settings."""
    imprint, _ = ensure_child(
        home,
        StandardPage,
        "impressum",
        title="Impressum",
        intro="Angaben nach § 5 Digitale-Dienste-Gesetz (DDG).",
        body=[
            _callout("Platzhalter", "Der verbindliche Text des Impressums fehlt noch."),
            _heading("Herausgeber"),
            *_paragraphs(PLACEHOLDER),
            _heading("Vertreten durch"),
            *_paragraphs(PLACEHOLDER),
            _heading("Verantwortlich für den Inhalt"),
            *_paragraphs(PLACEHOLDER),
        ],
    )
    privacy, _ = ensure_child(
        home,
        StandardPage,
        "datenschutz",
        title="Datenschutzerklärung",
        intro="Wie die Stadt Stolberg auf dieser Website mit Ihren Daten umgeht.",
        body=[
            _callout("Platzhalter", "Der verbindliche Text der Datenschutzerklärung fehlt noch."),
            _heading("Verantwortliche Stelle"),
            *_paragraphs(PLACEHOLDER),
            _heading("Keine Dienste Dritter"),
            *_paragraphs(
                "Diese Website lädt keine Schriften, Skripte, Karten oder Videos von anderen "
                "Servern. Es werden keine Cookies zur Analyse oder Werbung gesetzt."
            ),
            _heading("Formulare"),
            *_paragraphs(PLACEHOLDER),
            _heading("Ihre Rechte"),
            *_paragraphs(PLACEHOLDER),
        ],
    )
    report, _ = ensure_child(
        home,
        BarrierReportPage,
        "barriere-melden",
        title="Barriere melden",
        intro="<p>Sie sind auf eine Barriere gestoßen? Beschreiben Sie uns bitte, was nicht "
        "funktioniert hat. Name und E-Mail-Adresse sind freiwillig.</p>",
    )
    today = timezone.localdate()
    statement, _ = ensure_child(
        home,
        AccessibilityStatementPage,
        "barrierefreiheit",
        title="Erklärung zur Barrierefreiheit",
        scope="<p>Die Stadt Stolberg ist bemüht, ihre Website im Einklang mit dem "
        "Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW) und der "
        "Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW) "
        "barrierefrei zugänglich zu machen. Diese Erklärung gilt für diese Website.</p>",
        conformance=Conformance.PARTIAL,
        non_accessible_content=[
            {
                "type": "item",
                "value": {
                    "content": "Video in Deutscher Gebärdensprache",
                    "reason": f"{PLACEHOLDER} Das Video wird noch erstellt.",
                    "alternative": "Der Inhalt steht als Text auf der Seite Gebärdensprache "
                    "und in Leichter Sprache.",
                },
            },
            {
                "type": "item",
                "value": {
                    "content": "Ältere PDF-Dokumente",
                    "reason": PLACEHOLDER,
                    "alternative": "Auf Anfrage erhalten Sie die Inhalte in barrierefreier Form.",
                },
            },
        ],
        prepared_on=today - datetime.timedelta(days=30),
        reviewed_on=today,
        assessment_method=f"Selbstbewertung {PLACEHOLDER}",
        feedback_contact=f"<p>{escape(PLACEHOLDER)}</p>",
    )
    easy, _ = ensure_child(
        home,
        EasyLanguagePage,
        "leichte-sprache",
        title="Leichte Sprache",
        intro="Hier erklären wir die Website in Leichter Sprache.",
        body=EASY_LANGUAGE,
    )
    sign, _ = ensure_child(
        home,
        SignLanguagePage,
        "gebaerdensprache",
        title="Gebärdensprache",
        intro="Auf dieser Seite erklären wir die Website in Deutscher Gebärdensprache (DGS).",
        transcript="<p>Diese Website ist von der Sozialplanung der Stadt Stolberg. Auf der "
        "Pinnwand stehen Angebote in Stolberg und in der Städteregion Aachen. Unter "
        "Veranstaltungen finden Sie Termine. Unter „Soziale Kupferstadt 2030“ steht, woran "
        "die Stadt arbeitet, damit alle gut in Stolberg leben können.</p>",
    )
    site_settings = SiteSettings.for_site(home.get_site())
    links = {
        "imprint_page": imprint,
        "privacy_page": privacy,
        "accessibility_page": statement,
        "barrier_report_page": report,
        "easy_language_page": easy,
        "sign_language_page": sign,
    }
    changed = False
    for name, page in links.items():
        if getattr(site_settings, f"{name}_id") is None:
            setattr(site_settings, name, page)
            changed = True
    if changed:
        site_settings.save()
    return links
