"""The handbook's pictures, taken while walking every task it describes in the real admin
with the demo accounts (German admin). Each step is checked, so a step that no longer
works fails here – and the handbook page describing it needs a look.

The pictures go to a temporary folder; with HANDBOOK_WRITE=1 (``make handbook``) into
``kupferstadt/static/kupferstadt/handbook/``, where the handbook shows them from.
"""

import datetime
import io
import os
from pathlib import Path

import polib
import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from PIL import Image
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, TaskState
from wagtail.users.models import UserProfile

from events.models import EventPage
from home.models import NoticePage, OfferSubmission, OfferSubmissionPage, PinnwandPage
from home.roles import ensure_dev_accounts
from kupferstadt.handbook.pages import PICTURE_FOLDER, ROLE_BY_SLUG, all_pictures
from kupferstadt.models import BarrierReport, CustomImage
from kupferstadt.translation import ensure_translator_account
from projects.models import ProjectPage
from search.models import SearchTermLog

PASSWORD = "handbuch-kennwort"
VIEWPORT = {"width": 1280, "height": 800}
# The admin's content beside the menu, from the top of the page.
MAIN_AREA = {"x": 200, "y": 0, "width": 1080, "height": 800}
STATIC_FOLDER = Path(django_settings.BASE_DIR) / "kupferstadt" / "static" / PICTURE_FOLDER
NOTICE_TITLE = "Nähcafé im Frankentaler Hof"


class Camera:
    """Takes the handbook's pictures: cropped to an element, reduced to 256 colours (the
    admin has few), and remembers which it took."""

    def __init__(self, folder):
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.taken = set()

    def _path(self, name):
        assert name in all_pictures(), f"Kein Bild „{name}“ in kupferstadt/handbook/pages.py"
        return self.folder / f"{name}.png"

    def shoot(self, locator, name, max_height=None):
        """The element ``locator``, its top ``max_height`` pixels for a long one."""
        path = self._path(name)
        locator.screenshot(path=str(path), animations="disabled", caret="hide")
        self._shrink(path, name, max_height)

    def shoot_area(self, page, name, clip, from_top=False):
        """A part of the window; ``from_top``: scrolled back to the top first, for a form
        longer than the window (an element screenshot would hide its first fields under
        the admin's sticky header)."""
        if from_top:
            page.evaluate(
                "() => { document.activeElement?.blur();"
                " document.querySelectorAll('*').forEach(e => { e.scrollTop = 0; });"
                " window.scrollTo(0, 0); }"
            )
        path = self._path(name)
        page.screenshot(path=str(path), clip=clip, animations="disabled", caret="hide")
        self._shrink(path, name)

    def shoot_together(self, page, name, *locators, margin=8):
        """The smallest area showing all of ``locators`` – say the editor's footer with
        its open menu, which floats outside it."""
        boxes = [locator.bounding_box() for locator in locators]
        left = max(min(box["x"] for box in boxes) - margin, 0)
        top = max(min(box["y"] for box in boxes) - margin, 0)
        right = max(box["x"] + box["width"] for box in boxes) + margin
        bottom = max(box["y"] + box["height"] for box in boxes) + margin
        clip = {"x": left, "y": top, "width": right - left, "height": bottom - top}
        self.shoot_area(page, name, clip)

    def _shrink(self, path, name, max_height=None):
        with Image.open(path) as image:
            if max_height and image.height > max_height:
                image = image.crop((0, 0, image.width, max_height))
            reduced = image.convert("RGB").quantize(colors=256)
        buffer = io.BytesIO()
        reduced.save(buffer, format="PNG", optimize=True)
        path.write_bytes(buffer.getvalue())
        self.taken.add(name)

    def assert_took_every_picture_of(self, *role_slugs):
        wanted = {
            picture.name
            for slug in role_slugs
            for page in ROLE_BY_SLUG[slug].pages
            for picture in page.pictures
        }
        assert wanted - self.taken == set(), "Diese Bilder des Handbuchs fehlen noch"


@pytest.fixture
def camera(tmp_path):
    if os.environ.get("HANDBOOK_WRITE") == "1":
        return Camera(STATIC_FOLDER)
    return Camera(tmp_path / "handbuch")


@pytest.fixture
def demo(transactional_db, live_server, settings):
    """The demo site with the development accounts of every role and an English translator
    who reads the admin in German (as the handbook shows it)."""
    settings.KUPFERSTADT_FORM_MIN_SECONDS = 0
    call_command("load_demo", notices=4, events=2)
    # The live server outlives the database of a test, and the demo adds languages after
    # some were cached: Wagtail's caches (site root paths, the names of the languages by
    # id) start afresh, as after a deployment.
    cache.clear()
    # From now on the machine translates what is published (the dummy reverses the words).
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    ensure_dev_accounts(PASSWORD)
    translator = ensure_translator_account("en", PASSWORD)
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "de"
    profile.save()

    class Demo:
        @staticmethod
        def url(path):
            return live_server.url + path

    return Demo


def log_in(browser, demo, username):
    context = browser.new_context(locale="de-DE", viewport=VIEWPORT)
    page = context.new_page()
    page.goto(demo.url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(demo.url("/admin/"))
    return context, page


def panel(page, heading):
    return page.get_by_role("region", name=heading, exact=True)


def more_actions(page):
    """Opens "Mehr Aktionen" in the editor's footer; returns the footer."""
    page.get_by_role("button", name="Mehr Aktionen").click()
    return page.get_by_role("navigation", name="Aktionen (Fußzeile)")


def shoot_footer(camera, page, footer, name):
    """The footer with its open "Mehr Aktionen" menu."""
    camera.shoot_together(page, name, footer, footer.get_by_role("tooltip"))


def dialog_box(page):
    return page.locator(".w-dialog__box:visible, .modal-content:visible").first


def success_message(page):
    page.locator(".messages li").first.wait_for()
    return page.locator(".messages")


def german(model, **filters):
    return model.objects.get(locale__language_code="de", **filters)


# Partner and Freigabe: the walk a new partner makes with only the handbook. -------------


def test_partner_submits_freigabe_asks_for_changes_then_approves(demo, browser, camera):
    """Pages "Einen Aushang einreichen", "Den Stand der Freigabe sehen", "Änderungen nach
    einer Rückfrage" (Partner-Redaktion) and "prüfen", "zurückweisen", "freigeben"
    (Freigabe Sozialplanung), step by step as they stand there."""
    # Partner: log in; the start page; the handbook from the help menu.
    context, page = log_in(browser, demo, "partner")
    camera.shoot(page.locator("body"), "partner-startseite")
    page.get_by_role("button", name="Hilfe").click()
    help_menu = page.get_by_role("navigation", name="Hauptmenü").get_by_role("link")
    assert help_menu.filter(has_text="Handbuch").first.inner_text().strip() == "Handbuch"
    camera.shoot_area(page, "hilfe-menue", {"x": 0, "y": 0, "width": 420, "height": 520})
    page.get_by_role("link", name="Handbuch", exact=True).click()
    page.get_by_role("link", name="Partner-Redaktion").click()
    page.get_by_role("link", name="Einen Aushang einreichen").click()
    page.get_by_role("heading", name="Einen Aushang einreichen").wait_for()
    page.goto(demo.url("/admin/"))

    # "Einen Aushang einreichen": Seiten → Soziale Kupferstadt (Deutsch) → Pinnwand → ⊕.
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Seiten", exact=True).click()
    explorer = page.get_by_role("dialog", name="Seitenübersicht")
    explorer.get_by_role("link", name="Soziale Kupferstadt Deutsch").wait_for()
    camera.shoot_area(page, "partner-seiten-menue", {"x": 0, "y": 0, "width": 690, "height": 380})
    explorer.locator(f'a[href="{german_home_url()}"]').first.click()
    row = page.get_by_role("row").filter(has_text="Pinnwand").last
    camera.shoot(row, "partner-pinnwand-zeile")
    row.get_by_role("link", name="Unterseiten von ‚Pinnwand‘ durchsehen").click()
    page.get_by_role("heading", name="Erkunden: Pinnwand").wait_for()
    camera.shoot(page.locator("header").first, "partner-pinnwand")
    page.get_by_role("link", name="Unterseite hinzufügen").click()
    page.get_by_role("heading", name="Neu: Aushang").wait_for()
    page.locator("#id_title").fill(NOTICE_TITLE)
    page.locator("#id_teaser").fill("Jeden Mittwoch gemeinsam nähen und flicken.")
    page.locator("#id_region").select_option(label="Stadt Stolberg")
    camera.shoot(page.locator("form .w-form-width").first, "partner-aushang-formular", 700)
    footer = more_actions(page)
    shoot_footer(camera, page, footer, "partner-einreichen")
    footer.get_by_role("button", name="In Freigabe Pinnwand einreichen").click()
    assert "zur Moderation eingereicht" in success_message(page).inner_text()
    notice = german(NoticePage, title=NOTICE_TITLE)
    assert notice.workflow_in_progress and not notice.live

    # "Den Stand der Freigabe sehen": Meine Aushänge says "In Freigabe".
    page.goto(demo.url("/admin/"))
    mine = panel(page, "Meine Aushänge")
    assert mine.get_by_role("row", name=NOTICE_TITLE).get_by_text("In Freigabe").is_visible()
    camera.shoot(mine, "partner-in-freigabe")
    context.close()

    # Freigabe: "prüfen" – Zur Freigabe, open, preview.
    context, page = log_in(browser, demo, "freigabe")
    waiting = panel(page, "Zur Freigabe")
    assert waiting.get_by_role("link", name=NOTICE_TITLE).is_visible()
    camera.shoot(page.locator("main"), "freigabe-startseite")
    camera.shoot(waiting, "freigabe-zur-freigabe")
    waiting.get_by_role("link", name=NOTICE_TITLE).click()
    page.get_by_role("button", name="Vorschau umschalten").click()
    preview = page.frame_locator("iframe[title]").first
    preview.get_by_role("heading", name=NOTICE_TITLE).wait_for()
    camera.shoot(page.locator("main"), "freigabe-vorschau")
    page.get_by_role("button", name="Vorschau umschalten").click()

    # "zurückweisen": Änderungen anfordern with a comment.
    footer = more_actions(page)
    footer.get_by_role("button", name="Änderungen anfordern").click()
    dialog = page.get_by_role("dialog").filter(
        has=page.get_by_role("heading", name="Änderungen anfordern")
    )
    dialog.get_by_label("Kommentar").fill("Bitte ergänzen Sie, bis wann das Nähcafé stattfindet.")
    camera.shoot(dialog_box(page), "freigabe-kommentar")
    dialog.get_by_role("button", name="Änderungen anfordern").click()
    assert "wurde aktualisiert" in success_message(page).inner_text()
    task = TaskState.objects.get(workflow_state__object_id=str(notice.pk))
    assert task.status == TaskState.STATUS_REJECTED and "Nähcafé" in task.comment
    context.close()

    # Partner: "Änderungen nach einer Rückfrage".
    context, page = log_in(browser, demo, "partner")
    mine = panel(page, "Meine Aushänge")
    assert mine.get_by_role("row", name=NOTICE_TITLE).get_by_text("Änderungen erbeten").is_visible()
    camera.shoot(mine, "partner-aenderungen-erbeten")
    mine.get_by_role("link", name=NOTICE_TITLE).click()
    page.get_by_role("button", name="Status umschalten").click()
    page.get_by_role("button", name="Details anschauen").click()
    history = page.get_by_role("dialog").filter(has_text="Bitte ergänzen Sie, bis wann")
    camera.shoot(dialog_box(page), "partner-kommentar")
    history.get_by_role("button", name="Schließen").click()
    page.locator("#id_valid_until").fill(
        (timezone.localdate() + datetime.timedelta(days=60)).strftime("%d.%m.%Y")
    )
    footer = more_actions(page)
    resubmit = footer.get_by_role(
        "button", name="Erneut in Freigabe durch die Sozialplanung einreichen"
    )
    shoot_footer(camera, page, footer, "partner-erneut-einreichen")
    resubmit.click()
    success_message(page)
    notice.refresh_from_db()
    assert notice.workflow_in_progress
    assert notice.get_latest_revision_as_object().valid_until is not None
    context.close()

    # Freigabe: "freigeben".
    context, page = log_in(browser, demo, "freigabe")
    panel(page, "Zur Freigabe").get_by_role("link", name=NOTICE_TITLE).click()
    footer = more_actions(page)
    shoot_footer(camera, page, footer, "freigabe-freigeben")
    footer.get_by_role("button", name="Freigeben und Veröffentlichen").click()
    success_message(page)
    notice.refresh_from_db()
    assert notice.live and notice.valid_until is not None
    context.close()

    # Partner: the status is now "Veröffentlicht"; citizens see the notice.
    context, page = log_in(browser, demo, "partner")
    mine = panel(page, "Meine Aushänge")
    assert mine.get_by_role("row", name=NOTICE_TITLE).get_by_text("Veröffentlicht").is_visible()
    camera.shoot(mine, "partner-veroeffentlicht")
    page.goto(demo.url("/de/pinnwand/"))
    assert page.get_by_role("link", name=NOTICE_TITLE).is_visible()
    context.close()

    camera.assert_took_every_picture_of("partner", "freigabe")
    assert "hilfe-menue" in camera.taken


# Redaktion ------------------------------------------------------------------------------

OFFER = {
    "title": "Repair-Café im Bürgerhaus",
    "teaser": "Jeden ersten Samstag reparieren wir gemeinsam kaputte Geräte.",
    "description": "Bringen Sie mit, was repariert werden soll.",
    "provider": "Bürgerverein Atsch",
    "region": "city",
    "valid_from": None,
    "valid_until": None,
    "topics": [],
    "name": "Erika Muster",
    "email": "erika.muster@example.org",
    "phone": "02402 12345",
    "image": None,
    "pdf": None,
    "image_alt": "",
}
EVENT_TITLE = "Stadtteilfest Münsterbusch"
SERIES_TITLE = "Elterncafé im Stadtteilbüro"
MISSING_TERM = "schuldnerberatung"


def german_home_url():
    """The German home page in the admin: "Soziale Kupferstadt" marked "Deutsch" in the
    page explorer. Found by its address: in the second test of a run the explorer showed
    no language marks (a test artefact; the first test and a real server show them)."""
    return f"/admin/pages/{german(Page, depth=2).pk}/"


def open_children(page, demo, title):
    """Seiten → Soziale Kupferstadt (Deutsch) → the arrow at the end of the row ``title``."""
    # The sidebar is drawn by a script: it opens the page explorer once the page has loaded.
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Seiten", exact=True).click()
    explorer = page.get_by_role("dialog", name="Seitenübersicht")
    explorer.locator(f'a[href="{german_home_url()}"]').first.click()
    page.get_by_role("link", name=f"Unterseiten von ‚{title}‘ durchsehen").click()
    page.get_by_role("heading", name=f"Erkunden: {title}").wait_for()


def small_png():
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (184, 115, 51)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_editor_tasks(demo, browser, camera):
    """The pages of the Redaktion, each task walked as it stands there."""
    today = timezone.localdate()
    expired = (
        NoticePage.objects.filter(locale__language_code="de", slug__startswith="beispiel")
        .order_by("pk")
        .first()
    )
    expired.valid_until = today - datetime.timedelta(days=3)
    expired.save_revision().publish()
    offer_page = german(OfferSubmissionPage)
    OFFER["valid_from"] = today
    offer_notice = offer_page.receive_offer(dict(OFFER))
    BarrierReport.objects.create(
        page_url="/de/veranstaltungen/",
        description="Die Termine im Kalender lassen sich mit der Tastatur nicht öffnen.",
        name="Hans Beispiel",
        email="hans.beispiel@example.org",
    )
    citizen = browser.new_page()
    for _ in range(2):
        citizen.goto(demo.url(f"/de/suche/?q={MISSING_TERM}"))
    citizen.close()
    assert SearchTermLog.objects.filter(term=MISSING_TERM).exists()

    context, page = log_in(browser, demo, "redaktion")
    camera.shoot(page.locator("body"), "redaktion-startseite")

    # "Einen Aushang verlängern".
    expired_panel = panel(page, "Abgelaufen")
    row = expired_panel.get_by_role("row", name=expired.title)
    camera.shoot(expired_panel, "redaktion-abgelaufen")
    row.get_by_role("button", name="Um 30 Tage verlängern").click()
    message = success_message(page)
    assert "hängt wieder bis" in message.inner_text()
    camera.shoot(message, "redaktion-verlaengert")
    expired.refresh_from_db()
    assert expired.valid_until == today + datetime.timedelta(days=30)

    # "Einen Aushang anlegen", "befristen", "anheften".
    open_children(page, demo, "Pinnwand")
    camera.shoot(page.locator("header").first, "redaktion-pinnwand")
    page.get_by_role("link", name="Unterseite hinzufügen").click()
    page.get_by_role("heading", name="Neu: Aushang").wait_for()
    page.locator("#id_title").fill("Offene Sprechstunde Schuldnerberatung")
    page.locator("#id_teaser").fill("Jeden Dienstag beraten wir ohne Termin.")
    page.locator("#id_region").select_option(label="Stadt Stolberg")
    camera.shoot(page.locator("form .w-form-width").first, "redaktion-aushang-formular", 700)
    until = today + datetime.timedelta(days=45)
    page.locator("#id_valid_until").fill(until.strftime("%d.%m.%Y"))
    page.locator("#id_valid_until").press("Escape")
    running = page.get_by_role("region", name="Laufzeit auf der Pinnwand")
    camera.shoot(running, "redaktion-aushang-befristen")
    page.locator("#id_pinned").check()
    camera.shoot(
        page.locator(".w-field__wrapper").filter(has=page.locator("#id_pinned")),
        "redaktion-aushang-anheften",
    )
    footer = more_actions(page)
    shoot_footer(camera, page, footer, "redaktion-aushang-veroeffentlichen")
    footer.get_by_role("button", name="Veröffentlichen", exact=True).click()
    success_message(page)
    notice = german(NoticePage, title="Offene Sprechstunde Schuldnerberatung")
    assert notice.live and notice.pinned and notice.valid_until == until

    # "Eine Veranstaltung anlegen": open end, then cancelled.
    open_children(page, demo, "Veranstaltungen")
    page.get_by_role("link", name="Unterseite hinzufügen").click()
    page.locator("#id_title").fill(EVENT_TITLE)
    start = timezone.localtime() + datetime.timedelta(days=20)
    page.locator("#id_start").fill(start.strftime("%d.%m.%Y 15:00"))
    page.locator("#id_start").press("Escape")
    page.locator("#id_open_end").check()
    page.locator("#id_status").select_option(label="Einladung und Programm veröffentlicht")
    camera.shoot(page.get_by_role("region", name="Termin"), "redaktion-veranstaltung-termin")
    page.locator("#id_online_url").fill("https://example.org/stadtteilfest")
    footer = more_actions(page)
    footer.get_by_role("button", name="Veröffentlichen", exact=True).click()
    success_message(page)
    event = german(EventPage, title=EVENT_TITLE)
    assert event.live and event.open_end and event.end is None
    page.goto(demo.url(f"/admin/pages/{event.pk}/edit/"))
    page.locator("#id_status").select_option(label="Abgesagt")
    camera.shoot(
        page.locator(".w-field__wrapper").filter(has=page.locator("#id_status")),
        "redaktion-veranstaltung-stand",
    )
    more_actions(page).get_by_role("button", name="Veröffentlichen", exact=True).click()
    success_message(page)
    citizen = browser.new_page()
    citizen.goto(demo.url(german(EventPage, title=EVENT_TITLE).url))
    assert "Abgesagt" in citizen.locator("main").inner_text()
    citizen.close()

    # "Wiederkehrende Termine": a weekly series; the panel shows its next dates while editing.
    open_children(page, demo, "Veranstaltungen")
    page.get_by_role("link", name="Unterseite hinzufügen").click()
    page.locator("#id_title").fill(SERIES_TITLE)
    first = today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)  # next Tuesday
    for field, time in (("#id_start", "15:00"), ("#id_end", "17:00")):
        page.locator(field).fill(f"{first:%d.%m.%Y} {time}")
        page.locator(field).press("Escape")
    page.locator("#id_online_url").fill("https://example.org/elterncafe")
    page.locator("#id_repeat").select_option(label="wöchentlich")
    page.locator("#id_repeat_weekdays_1").check()  # Dienstag
    page.locator("#id_skip_public_holidays").check()
    output = page.locator("[data-series-preview-output]")
    output.get_by_text("Wöchentlich am Dienstag, 15:00–17:00 Uhr, außer an Feiertagen").wait_for()
    assert output.locator(".event-dates__item").count() == 10
    camera.shoot(output, "redaktion-veranstaltung-wiederholung")
    more_actions(page).get_by_role("button", name="Veröffentlichen", exact=True).click()
    success_message(page)
    series = german(EventPage, title=SERIES_TITLE)
    assert series.live and series.is_series and series.occurrences.count() > 10

    # "Eine Initiative pflegen".
    initiative = german(ProjectPage, title="Sozialbericht")
    open_children(page, demo, "Soziale Kupferstadt 2030")
    page.get_by_role("link", name="Sozialbericht", exact=True).click()
    page.locator("#id_status").select_option(label="abgeschlossen")
    camera.shoot(page.locator("form .w-form-width").first, "redaktion-initiative", 610)
    more_actions(page).get_by_role("button", name="Veröffentlichen", exact=True).click()
    success_message(page)
    initiative.refresh_from_db()
    assert initiative.status == "completed"

    # "Bilder mit Alternativtext hochladen".
    page.get_by_role("link", name="Bilder", exact=True).click()
    page.get_by_role("link", name="Ein Bild hinzufügen").click()
    page.locator("input[type=file]").set_input_files(
        {"name": "naehcafe.png", "mimeType": "image/png", "buffer": small_png()}
    )
    upload = page.locator("#upload-list li").first
    alt = upload.get_by_label("Alternativtext (Bildbeschreibung)")
    alt.fill("Fünf Frauen nähen an einem langen Tisch.")
    camera.shoot(upload, "redaktion-bild-alternativtext")
    with page.expect_response(lambda response: response.request.method == "POST"):
        upload.get_by_role("button", name="Update").click()
    assert CustomImage.objects.get().description == "Fünf Frauen nähen an einem langen Tisch."

    # "Angebotsmeldungen prüfen und übernehmen" (the decision by the Freigabe).
    page.get_by_role("link", name="Angebotsmeldungen").click()
    camera.shoot(page.locator("main"), "redaktion-angebotsmeldungen", 260)
    page.get_by_role("link", name=OFFER["name"]).click()
    assert OFFER["email"] in page.locator("main").inner_text()
    camera.shoot(page.locator("main"), "redaktion-angebotsmeldung", 470)
    context.close()
    context, approver = log_in(browser, demo, "freigabe")
    waiting = panel(approver, "Zur Freigabe")
    assert "(Angebot melden)" in waiting.get_by_role("row", name=OFFER["title"]).inner_text()
    waiting.get_by_role("link", name=OFFER["title"]).click()
    approver.get_by_role("checkbox", name="Sozialplanung", exact=True).check()
    more_actions(approver).get_by_role("button", name="Freigeben und Veröffentlichen").click()
    success_message(approver)
    assert OfferSubmission.objects.get(notice=offer_notice).decided_at is not None
    context.close()
    context, page = log_in(browser, demo, "redaktion")

    # "Barriere-Meldungen beantworten".
    page.get_by_role("link", name="Barriere-Meldungen").click()
    page.get_by_role("link", name="Die Termine im Kalender").click()
    page.locator("#id_handled").check()
    camera.shoot_area(page, "redaktion-barriere-meldung", MAIN_AREA, from_top=True)
    page.get_by_role("button", name="Speichern").click()
    success_message(page)
    assert BarrierReport.objects.get().handled

    # "Suchanfragen ohne Treffer lesen und Suchempfehlungen anlegen".
    page.get_by_role("button", name="Berichte").click()
    page.get_by_role("link", name="Suchanfragen").click()
    missing = page.locator("main table").first
    assert MISSING_TERM in missing.inner_text()
    camera.shoot(page.locator("main"), "redaktion-suchanfragen", 420)
    page.get_by_role("button", name="Einstellungen").click()
    page.get_by_role("link", name="Hervorgehobene Suchergebnisse").click()
    page.get_by_role("link", name="Neues hervorgehobenes Suchergebnis hinzufügen").click()
    page.get_by_label("Suchbegriffe/Phrase").fill(MISSING_TERM)
    page.get_by_role("button", name="Empfohlenes Ergebnis hinzufügen").click()
    page.get_by_role("button", name="Seite auswählen").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_label("Suchbegriff").fill("Sozialbericht")
    chooser.get_by_role("row").filter(has_text="Deutsch").get_by_role(
        "link", name="Sozialbericht"
    ).click()
    page.get_by_role("textbox", name="Beschreibung").fill(
        "Zahlen und Angebote zur sozialen Lage in Stolberg."
    )
    camera.shoot_area(page, "redaktion-suchempfehlung", MAIN_AREA, from_top=True)
    page.get_by_role("button", name="Erstellen").click()
    success_message(page)
    assert SearchPromotion.objects.filter(query__query_string=MISSING_TERM).exists()
    context.close()
    citizen = browser.new_page()
    citizen.goto(demo.url(f"/de/suche/?q={MISSING_TERM}"))
    assert "Sozialbericht" in citizen.locator("main").inner_text()
    citizen.close()

    camera.assert_took_every_picture_of("redaktion")


# Übersetzung ----------------------------------------------------------------------------

MACHINE_NOTICE = "Sprachcafé am Freitag"
# The dummy engine of development and tests reverses the words.
MACHINE_SUGGESTION = "Freitag am Sprachcafé"


def test_translator_tasks(demo, browser, camera, tmp_path):
    """The pages of the Übersetzung, with the English translator (admin in German)."""
    # The Redaktion publishes a notice; the machine translates it at once (tests run the
    # machine translation in the same process).
    pinnwand = german(PinnwandPage, slug="pinnwand")
    notice = NoticePage(
        title=MACHINE_NOTICE,
        teaser="Jeden Freitag Deutsch üben, bei Kaffee und Kuchen.",
        region="city",
        valid_from=timezone.localdate(),
    )
    pinnwand.add_child(instance=notice)
    notice.save_revision().publish()

    context, page = log_in(browser, demo, "uebersetzung-en")
    page.goto(demo.url("/admin/account/"))
    camera.shoot(page.get_by_role("region", name="Locale"), "uebersetzung-konto")
    assert page.get_by_label("Bevorzugte Sprache").input_value() == "de"
    page.get_by_role("link", name="Dashboard").click()

    # "Was auf Sie wartet" and "Eine Seite übersetzen" (the Impressum).
    waiting = panel(page, "Wartet auf Übersetzung")
    waiting.get_by_role("link", name="Hilfe – Wartet auf Übersetzung").wait_for()
    camera.shoot(waiting, "uebersetzung-wartet")
    waiting.get_by_role("row", name="Impressum").get_by_role("link", name="übersetzen").click()
    page.get_by_role("heading", name="Seite übersetzen").wait_for()
    camera.shoot(page.locator("main"), "uebersetzung-absenden", 360)
    page.get_by_role("button", name="Absenden").click()
    title = page.locator("li", has=page.locator("h3", has_text="Titel")).first
    title.get_by_role("button", name="Übersetzen").click()
    title.locator("textarea").fill("Imprint")
    camera.shoot(title, "uebersetzung-abschnitt")
    title.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state("networkidle")
    footer = page.get_by_role("navigation", name="Aktionen")
    camera.shoot(footer, "uebersetzung-veroeffentlichen")
    footer.get_by_role("button", name="Veröffentlichen in English").click()
    success_message(page)
    imprint = german(Page, slug="impressum")
    english = Page.objects.get(translation_key=imprint.translation_key, locale__language_code="en")
    assert english.title == "Imprint" and english.alias_of_id is None and english.live

    # "Den Übersetzungsstand lesen": only what the machine translated.
    page.get_by_role("button", name="Berichte").click()
    page.get_by_role("link", name="Übersetzungsstand").click()
    page.get_by_label("Stand").select_option(label="maschinell")
    page.get_by_role("button", name="Anzeigen").click()
    row = page.get_by_role("row").filter(has_text=MACHINE_NOTICE)
    assert "maschinell" in row.inner_text().lower()
    camera.shoot_area(page, "uebersetzung-stand", {**MAIN_AREA, "height": 520})

    # "Maschinelle Vorschläge prüfen".
    row.get_by_role("link", name="bearbeiten").click()
    page.wait_for_load_state("networkidle")
    # As the handbook says: a page still mirroring the German one is translated first.
    if page.get_by_role("link", name="Diese Seite übersetzen").is_visible():
        page.get_by_role("link", name="Diese Seite übersetzen").click()
        page.wait_for_load_state("networkidle")
    if page.get_by_role("heading", name="Seite übersetzen").is_visible():
        page.get_by_role("button", name="Absenden").click()
    title = page.locator("li", has=page.locator("h3", has_text="Titel")).first
    title.wait_for()
    assert MACHINE_SUGGESTION in title.inner_text()
    camera.shoot(title, "uebersetzung-maschinell")
    title.get_by_role("button", name="Bearbeiten").click()
    title.locator("textarea").fill("Language café on Fridays")
    title.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state("networkidle")

    # "PO-Datei herunter- und hochladen": the teaser through a PO file.
    content = page.get_by_role("tabpanel", name="Inhalt")
    po_area = content.get_by_text("PO Datei herunterladen").first.locator("xpath=../..")
    camera.shoot(po_area, "uebersetzung-po-datei")
    with page.expect_download() as download:
        content.get_by_role("link", name="PO Datei herunterladen").first.click()
    po_path = tmp_path / "aushang.po"
    download.value.save_as(po_path)
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if e.msgid.startswith("Jeden Freitag"))
    entry.msgstr = "Practise German every Friday, with coffee and cake."
    po.save(str(po_path))
    content.locator("input[type=file]").first.set_input_files(str(po_path))
    success_message(page)
    page.get_by_role("button", name="Veröffentlichen in English").click()
    success_message(page)
    english_notice = Page.objects.get(
        translation_key=notice.translation_key, locale__language_code="en"
    ).specific
    assert english_notice.title == "Language café on Fridays"
    assert english_notice.teaser == "Practise German every Friday, with coffee and cake."
    context.close()

    camera.assert_took_every_picture_of("uebersetzung")
