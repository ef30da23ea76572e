"""The pages of the handbook: for each role an overview and one page per task, each with
the pictures it shows and their alternative texts. The handbook is German only, so its
titles and texts are plain German, not catalogue entries.

The pictures are screenshots of the real admin, taken by the browser test
``tests/browser/test_handbook.py`` while it walks each task (``make handbook`` writes them
to ``kupferstadt/static/kupferstadt/handbook/``). A page's text is its template
``kupferstadt/handbook/<slug>.html``; it shows a picture with ``{% picture "<name>" %}``.
"""

from dataclasses import dataclass

PICTURE_FOLDER = "kupferstadt/handbook"


@dataclass(frozen=True)
class Picture:
    name: str
    alt: str

    @property
    def static_path(self):
        return f"{PICTURE_FOLDER}/{self.name}.png"


@dataclass(frozen=True)
class HandbookPage:
    slug: str
    title: str
    role: str
    pictures: tuple = ()

    @property
    def template_name(self):
        return f"kupferstadt/handbook/{self.slug}.html"

    def picture(self, name):
        for picture in self.pictures:
            if picture.name == name:
                return picture
        raise KeyError(f"Die Handbuchseite „{self.slug}“ kennt kein Bild „{name}“.")


@dataclass(frozen=True)
class Role:
    slug: str
    title: str
    overview: HandbookPage
    tasks: tuple

    @property
    def pages(self):
        return (self.overview, *self.tasks)


def _page(slug, title, role, *pictures):
    return HandbookPage(slug, title, role, tuple(Picture(*picture) for picture in pictures))


REDAKTION, PARTNER, FREIGABE, UEBERSETZUNG = "redaktion", "partner", "freigabe", "uebersetzung"

ROLES = (
    Role(
        REDAKTION,
        "Redaktion",
        _page(
            REDAKTION,
            "Handbuch für die Redaktion",
            REDAKTION,
            (
                "redaktion-startseite",
                (
                    "Die Startseite der Verwaltung für die Redaktion: links das Menü mit "
                    "Seiten, Bilder, Barriere-Meldungen, Angebotsmeldungen und Berichte, "
                    "rechts der Bereich „Abgelaufen“ mit Aushängen."
                ),
            ),
        ),
        (
            _page(
                "aushang-anlegen",
                "Einen Aushang anlegen",
                REDAKTION,
                (
                    "redaktion-pinnwand",
                    (
                        "Die Pinnwand im Seitenbaum. Oben neben dem Titel „Pinnwand“ steht der "
                        "runde Knopf mit dem Pluszeichen: „Unterseite hinzufügen“."
                    ),
                ),
                (
                    "redaktion-aushang-formular",
                    (
                        "Das Formular „Neu: Aushang“ mit den ausgefüllten Feldern Titel und "
                        "Kurztext."
                    ),
                ),
                (
                    "redaktion-aushang-veroeffentlichen",
                    (
                        "Die Leiste unten im Formular mit geöffnetem Menü „Mehr Aktionen“: "
                        "„Veröffentlichen“ und „In Freigabe Pinnwand einreichen“."
                    ),
                ),
            ),
            _page(
                "aushang-anheften",
                "Einen Aushang oben anheften",
                REDAKTION,
                (
                    "redaktion-aushang-anheften",
                    (
                        "Der Bereich „Laufzeit auf der Pinnwand“ mit dem angehakten Feld "
                        "„Oben anheften“."
                    ),
                ),
            ),
            _page(
                "aushang-befristen",
                "Einen Aushang befristen",
                REDAKTION,
                (
                    "redaktion-aushang-befristen",
                    (
                        "Die Felder „Aushang ab“ und „Aushang bis“; in „Aushang bis“ steht ein "
                        "Datum."
                    ),
                ),
            ),
            _page(
                "aushang-verlaengern",
                "Einen Aushang verlängern",
                REDAKTION,
                (
                    "redaktion-abgelaufen",
                    (
                        "Der Bereich „Abgelaufen“ auf der Startseite: eine Tabelle mit Aushang, "
                        "Aushang bis, Erstellt von und je Zeile dem Knopf „Um 30 Tage "
                        "verlängern“."
                    ),
                ),
                (
                    "redaktion-verlaengert",
                    "Die grüne Meldung: Der Aushang hängt wieder bis zu einem neuen Datum.",
                ),
            ),
            _page(
                "veranstaltung-anlegen",
                "Eine Veranstaltung anlegen",
                REDAKTION,
                (
                    "redaktion-veranstaltung-termin",
                    (
                        "Der Bereich „Termin“ im Formular einer Veranstaltung: Beginn, Ende, "
                        "die Felder „Ganztägig“ und „Ende offen“ und die Auswahl „Stand“."
                    ),
                ),
                (
                    "redaktion-veranstaltung-stand",
                    "Das Feld „Stand“ einer Veranstaltung mit dem gewählten Eintrag „Abgesagt“.",
                ),
                (
                    "redaktion-veranstaltung-wiederholung",
                    (
                        "Die Vorschau im Bereich „Wiederholung“: die Regel als Satz, "
                        "„Wöchentlich am Dienstag, 15:00–17:00 Uhr, außer an Feiertagen“, und "
                        "die nächsten zehn Termine."
                    ),
                ),
            ),
            _page(
                "initiative-pflegen",
                "Eine Initiative pflegen",
                REDAKTION,
                (
                    "redaktion-initiative",
                    (
                        "Das Formular einer Initiative: Titel, Zusammenfassung und der Bereich "
                        "„Stand und Zeitraum“ mit der Auswahl „Stand“, Beginn und Ende."
                    ),
                ),
            ),
            _page(
                "bilder-alternativtext",
                "Bilder mit Alternativtext hochladen",
                REDAKTION,
                (
                    "redaktion-bild-alternativtext",
                    (
                        "Ein hochgeladenes Bild mit den Feldern „Titel“ und „Alternativtext "
                        "(Bildbeschreibung)“ und dem Knopf „Update“."
                    ),
                ),
            ),
            _page(
                "angebotsmeldungen",
                "Angebotsmeldungen prüfen und übernehmen",
                REDAKTION,
                (
                    "redaktion-angebotsmeldungen",
                    (
                        "Die Liste „Angebotsmeldungen“ mit den Spalten Name, Aushang, "
                        "Eingegangen am und Entschieden am."
                    ),
                ),
                (
                    "redaktion-angebotsmeldung",
                    (
                        "Eine einzelne Angebotsmeldung: Aushang, Name, E-Mail, Telefon und "
                        "Eingangsdatum."
                    ),
                ),
            ),
            _page(
                "barriere-meldungen",
                "Barriere-Meldungen beantworten",
                REDAKTION,
                (
                    "redaktion-barriere-meldung",
                    (
                        "Eine Barriere-Meldung: betroffene Seite, Beschreibung, Name, E-Mail "
                        "für eine Antwort und das Feld „Erledigt“."
                    ),
                ),
            ),
            _page(
                "suchanfragen",
                "Suchanfragen ohne Treffer lesen und Suchempfehlungen anlegen",
                REDAKTION,
                (
                    "redaktion-suchanfragen",
                    (
                        "Der Bericht „Suchanfragen“ mit der Tabelle „Ohne Treffer“: "
                        "Suchbegriff, Suchen ohne Treffer, Suchen insgesamt."
                    ),
                ),
                (
                    "redaktion-suchempfehlung",
                    (
                        "Das Formular für ein hervorgehobenes Suchergebnis: oben der "
                        "Suchbegriff, darunter die empfohlene Seite."
                    ),
                ),
            ),
        ),
    ),
    Role(
        PARTNER,
        "Partner-Redaktion",
        _page(
            PARTNER,
            "Handbuch für die Partner-Redaktion",
            PARTNER,
            (
                "partner-startseite",
                (
                    "Die Startseite der Verwaltung für Partner: links das Menü mit Seiten, "
                    "Bilder und Dokumente, rechts der Bereich „Meine Aushänge“."
                ),
            ),
        ),
        (
            _page(
                "aushang-einreichen",
                "Einen Aushang einreichen",
                PARTNER,
                (
                    "partner-seiten-menue",
                    (
                        "Das geöffnete Menü „Seiten“ mit den Startseiten der Sprachen; "
                        "„Soziale Kupferstadt Deutsch“ ist die deutsche Website."
                    ),
                ),
                (
                    "partner-pinnwand-zeile",
                    (
                        "Die Zeile „Pinnwand“ in der Liste der Seiten; ganz rechts der Pfeil "
                        "„Unterseiten durchsehen“."
                    ),
                ),
                (
                    "partner-pinnwand",
                    (
                        "Die Pinnwand im Seitenbaum. Oben neben dem Titel „Pinnwand“ steht der "
                        "runde Knopf mit dem Pluszeichen: „Unterseite hinzufügen“."
                    ),
                ),
                (
                    "partner-aushang-formular",
                    "Das Formular „Neu: Aushang“ mit ausgefülltem Titel und Kurztext.",
                ),
                (
                    "partner-einreichen",
                    (
                        "Die Leiste unten im Formular mit geöffnetem Menü „Mehr Aktionen“ und "
                        "dem Eintrag „In Freigabe Pinnwand einreichen“."
                    ),
                ),
            ),
            _page(
                "stand-der-freigabe",
                "Den Stand der Freigabe sehen",
                PARTNER,
                (
                    "partner-in-freigabe",
                    (
                        "Der Bereich „Meine Aushänge“ auf der Startseite: der eingereichte "
                        "Aushang mit dem Status „In Freigabe“."
                    ),
                ),
                (
                    "partner-veroeffentlicht",
                    (
                        "Der Bereich „Meine Aushänge“ nach der Freigabe: derselbe Aushang mit "
                        "dem Status „Veröffentlicht“."
                    ),
                ),
            ),
            _page(
                "aenderungen-nach-rueckfrage",
                "Änderungen nach einer Rückfrage",
                PARTNER,
                (
                    "partner-aenderungen-erbeten",
                    (
                        "Der Bereich „Meine Aushänge“: der Aushang mit dem Status "
                        "„Änderungen erbeten“."
                    ),
                ),
                (
                    "partner-kommentar",
                    (
                        "Der Verlauf der Freigabe: „Freigabe durch die Sozialplanung“ mit dem "
                        "Vermerk „Änderungen angefordert“ und dem Kommentar der Sozialplanung."
                    ),
                ),
                (
                    "partner-erneut-einreichen",
                    (
                        "Die Leiste unten im Formular mit geöffnetem Menü „Mehr Aktionen“ und "
                        "dem Eintrag „Erneut in Freigabe durch die Sozialplanung einreichen“."
                    ),
                ),
            ),
        ),
    ),
    Role(
        FREIGABE,
        "Freigabe Sozialplanung",
        _page(
            FREIGABE,
            "Handbuch für die Freigabe Sozialplanung",
            FREIGABE,
            (
                "freigabe-startseite",
                (
                    "Die Startseite der Verwaltung für die Freigabe: oben der Bereich „Zur "
                    "Freigabe“ mit einem eingereichten Aushang."
                ),
            ),
        ),
        (
            _page(
                "pruefen",
                "Einen eingereichten Aushang prüfen",
                FREIGABE,
                (
                    "freigabe-zur-freigabe",
                    (
                        "Der Bereich „Zur Freigabe“: ein Aushang mit Titel, Aushang bis und "
                        "„Erstellt von“ mit dem Namen der Partnerin oder des Partners."
                    ),
                ),
                (
                    "freigabe-vorschau",
                    (
                        "Der geöffnete Aushang mit der Vorschau rechts: so sieht er auf der "
                        "Website aus."
                    ),
                ),
            ),
            _page(
                "freigeben",
                "Einen Aushang freigeben",
                FREIGABE,
                (
                    "freigabe-freigeben",
                    (
                        "Die Leiste unten im Aushang mit geöffnetem Menü „Mehr Aktionen“: "
                        "„Änderungen anfordern“, „Freigeben und Veröffentlichen“ und „Mit "
                        "Kommentar genehmigen und Veröffentlichen“."
                    ),
                ),
            ),
            _page(
                "zurueckweisen",
                "Einen Aushang mit Kommentar zurückweisen",
                FREIGABE,
                (
                    "freigabe-kommentar",
                    (
                        "Das Fenster „Änderungen anfordern“ mit dem ausgefüllten Feld "
                        "„Kommentar“ und dem Knopf „Änderungen anfordern“."
                    ),
                ),
            ),
        ),
    ),
    Role(
        UEBERSETZUNG,
        "Übersetzung",
        _page(
            UEBERSETZUNG,
            "Handbuch für die Übersetzung",
            UEBERSETZUNG,
            (
                "uebersetzung-konto",
                (
                    "Die Einstellungen im Benutzerkonto: das Feld „Bevorzugte Sprache“ für die "
                    "Sprache der Verwaltung."
                ),
            ),
        ),
        (
            _page(
                "was-wartet",
                "Was auf Sie wartet",
                UEBERSETZUNG,
                (
                    "uebersetzung-wartet",
                    (
                        "Der Bereich „Wartet auf Übersetzung“ auf der Startseite: je Zeile "
                        "Titel, Art, der Stand in Ihrer Sprache und der Link „übersetzen“."
                    ),
                ),
            ),
            _page(
                "seite-uebersetzen",
                "Eine Seite übersetzen",
                UEBERSETZUNG,
                (
                    "uebersetzung-absenden",
                    (
                        "Die Seite „Seite übersetzen“ mit Ihrer Sprache angehakt und dem Knopf "
                        "„Absenden“."
                    ),
                ),
                (
                    "uebersetzung-abschnitt",
                    (
                        "Ein Abschnitt im Übersetzungs-Editor: oben der deutsche Text, darunter "
                        "das Eingabefeld mit der Übersetzung und der Knopf „Speichern“."
                    ),
                ),
                (
                    "uebersetzung-veroeffentlichen",
                    "Die Leiste unten im Editor mit dem Knopf „Veröffentlichen in English“.",
                ),
            ),
            _page(
                "maschinelle-vorschlaege",
                "Maschinelle Vorschläge prüfen",
                UEBERSETZUNG,
                (
                    "uebersetzung-maschinell",
                    (
                        "Ein Abschnitt mit maschinellem Vorschlag im Übersetzungs-Editor: der "
                        "deutsche Text, darunter der Vorschlag und der Knopf „Bearbeiten“."
                    ),
                ),
            ),
            _page(
                "po-datei",
                "PO-Datei herunter- und hochladen",
                UEBERSETZUNG,
                (
                    "uebersetzung-po-datei",
                    (
                        "Oben im Übersetzungs-Editor: die Knöpfe „PO Datei herunterladen“ und "
                        "„PO Datei hochladen“."
                    ),
                ),
            ),
            _page(
                "uebersetzungsstand",
                "Den Übersetzungsstand lesen",
                UEBERSETZUNG,
                (
                    "uebersetzung-stand",
                    (
                        "Der Bericht „Übersetzungsstand“: oben die Auswahl nach Sprache, "
                        "Bereich und Stand, darunter die Übersicht mit den Zahlen für fehlt, "
                        "maschinell, veraltet und aktuell."
                    ),
                ),
            ),
        ),
    ),
)

INDEX = _page(
    "",
    "Handbuch",
    "",
    (
        "hilfe-menue",
        (
            "Das geöffnete Menü „Hilfe“ links unten in der Verwaltung mit dem Eintrag "
            "„Handbuch“ ganz oben."
        ),
    ),
)

PAGES = {page.slug: page for role in ROLES for page in role.pages}
ROLE_BY_SLUG = {role.slug: role for role in ROLES}


def all_pages():
    """The index and every page of every role."""
    return [INDEX, *PAGES.values()]


def all_pictures():
    return {picture.name: picture for page in all_pages() for picture in page.pictures}
