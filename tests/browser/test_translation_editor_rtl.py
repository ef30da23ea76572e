"""The Arabic translator works in wagtail-localize's translation editor with the admin in
Arabic, right to left: the German source segments read left to right and are marked as
German, what they type and what they translated reads right to left, marked Arabic."""

from events.models import EventPage
from kupferstadt.translation import ensure_translator_account

ARABIC_TITLE = "مثال: حفلة الحي"
SEGMENT = ".js-translation-editor li:is(.complete, .incomplete, .errored)"
SOURCE = f"{SEGMENT} > p"
TARGET = f"{SEGMENT} > div"


def log_in_as_arabic_translator(site, browser):
    ensure_translator_account("ar", "uebersetzen-2030")
    page = browser.new_context().new_page()
    page.goto(site.url("/admin/login/"))
    page.fill("#id_username", "uebersetzung-ar")
    page.fill("#id_password", "uebersetzen-2030")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def test_arabic_translator_reads_german_left_to_right_and_writes_right_to_left(site, browser):
    event = EventPage.objects.filter(locale__language_code="de", slug__startswith="beispiel")[0]
    page = log_in_as_arabic_translator(site, browser)
    assert page.locator("html").get_attribute("dir") == "rtl"

    page.goto(site.url(f"/admin/localize/submit/page/{event.pk}/"))
    page.check('input[name="locales"]')
    page.click("main input[type=submit]")
    page.wait_for_url("**/edit/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"

    # Every German source segment, the title first, is German and left to right.
    title = page.locator(SOURCE, has_text=event.title).first
    title.wait_for()
    sources = page.locator(SOURCE)
    assert sources.count() > 3
    for i in range(sources.count()):
        source = sources.nth(i)
        assert source.get_attribute("lang") == "de", source.inner_text()
        assert source.get_attribute("dir") == "ltr", source.inner_text()
    assert title.evaluate("p => getComputedStyle(p).direction") == "ltr"

    # The translator types Arabic right to left, and reads it so once saved.
    # (Its class goes from "incomplete" to "complete" once saved.)
    segment = page.locator(SEGMENT, has_text=event.title).first
    segment.locator("button").first.click()
    textarea = segment.locator("textarea")
    textarea.wait_for()
    assert textarea.get_attribute("lang") == "ar"
    assert textarea.get_attribute("dir") == "rtl"
    assert textarea.evaluate("t => getComputedStyle(t).direction") == "rtl"
    textarea.fill(ARABIC_TITLE)
    textarea.press("Enter")
    translated = segment.locator(":scope > div > p", has_text=ARABIC_TITLE)
    translated.wait_for()
    assert translated.get_attribute("lang") == "ar"
    assert translated.get_attribute("dir") == "rtl"
    # The source stays German after React rendered the segment again.
    assert segment.locator(":scope > p").get_attribute("lang") == "de"
    assert segment.locator(":scope > p").get_attribute("dir") == "ltr"

    # Not translated yet: the translation's place is Arabic as well.
    targets = page.locator(TARGET)
    for i in range(targets.count()):
        for text in targets.nth(i).locator("p, textarea").all():
            assert text.get_attribute("dir") == "rtl"
