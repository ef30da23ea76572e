"""A translator translates an event into English in wagtail-localize's editor and
publishes it; the English page shows the translated title and links back to German."""

from events.models import EventPage
from kupferstadt.translation import ensure_translator_account

ENGLISH_TITLE = "Example: neighbourhood party"


def test_translator_translates_and_publishes_an_event(site, browser):
    ensure_translator_account("en", "uebersetzen-2030")
    event = EventPage.objects.filter(locale__language_code="de", slug__startswith="beispiel")[0]
    page = browser.new_context().new_page()

    page.goto(site.url("/admin/login/"))
    page.fill("#id_username", "uebersetzung-en")
    page.fill("#id_password", "uebersetzen-2030")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    # Only English is offered to an English translator.
    page.goto(site.url(f"/admin/localize/submit/page/{event.pk}/"))
    assert page.locator('input[name="locales"]').count() == 1
    page.check('input[name="locales"]')
    page.click("main input[type=submit]")
    page.wait_for_url("**/edit/")

    # wagtail-localize's editor (a React app): translate the title segment, publish.
    title = page.locator("li", has=page.locator("h3", has_text="Title")).first
    title.get_by_role("button", name="Translate").click()
    title.locator("textarea").fill(ENGLISH_TITLE)
    title.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Publish in English").click()
    page.wait_for_load_state("networkidle")

    page.goto(site.url("/en/veranstaltungen/"))
    page.get_by_role("link", name=ENGLISH_TITLE).click()
    assert page.locator("h1").inner_text() == ENGLISH_TITLE
    assert page.locator("html").get_attribute("lang") == "en"
    back = page.locator('nav.language-switcher a[hreflang="de"]')
    assert back.get_attribute("href") == event.url
    back.click()
    assert page.locator("h1").inner_text() == event.title
