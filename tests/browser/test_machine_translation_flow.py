"""A German editor publishes a notice; the machine translation worker runs; the notice
appears on the Turkish Pinnwand machine-translated and marked (policy: publish at once),
on the Arabic one in German (policy: review first); the Arabic translator finds the
machine's text in the translation editor, edits it and publishes: the Arabic notice is a
human translation, without the mark."""

import pytest
from django.core.management import call_command
from django.utils.translation.trans_real import DjangoTranslation
from wagtail.models import Page, Site

from home.models import NoticePage, PinnwandPage
from home.roles import ensure_dev_accounts, setup_roles
from kupferstadt.demo.loader import ensure_child, ensure_site
from kupferstadt.models import (
    MachineTranslation,
    MachineTranslationLanguagePolicy,
    MachineTranslationPolicy,
    SiteSettings,
)
from kupferstadt.translation import ensure_languages, ensure_translator_account, synchronise_trees

PASSWORD = "browser-test-kennwort"
TITLE = "Sprachcafé am Freitag"
# The dummy engine of development and tests reverses the words.
MACHINE_TITLE = "Freitag am Sprachcafé"
ARABIC_TITLE = "مقهى اللغة يوم الجمعة"


@pytest.fixture
def site(transactional_db, live_server, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    # Queued in the database and run by the worker, as in production.
    settings.TASKS = {
        **settings.TASKS,
        settings.MACHINE_TRANSLATION_TASKS: {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    setup_roles()
    ensure_child(ensure_site(), PinnwandPage, "pinnwand", title="Pinnwand")
    ensure_languages()
    synchronise_trees()
    ensure_languages()
    ensure_dev_accounts(PASSWORD)
    ensure_translator_account("ar", PASSWORD)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    MachineTranslationLanguagePolicy.objects.create(
        site_settings=site_settings, language_code="tr", policy=MachineTranslationPolicy.PUBLISH
    )

    class Site_:
        @staticmethod
        def url(path):
            return live_server.url + path

    return Site_


def log_in(browser, site, username):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.goto(site.url("/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(site.url("/admin/"))
    return context, page


def run_worker(settings):
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--backend",
        settings.MACHINE_TRANSLATION_TASKS,
    )


def test_machine_translation_from_publish_to_the_translators_edit(site, browser, settings):
    pinnwand = PinnwandPage.objects.get(slug="pinnwand", locale__language_code="de")

    # The German editor writes and publishes a notice.
    context, page = log_in(browser, site, "redaktion")
    page.goto(site.url(f"/admin/pages/add/home/noticepage/{pinnwand.pk}/"))
    page.fill("#id_title", TITLE)
    page.fill("#id_teaser", "Jeden Freitag Deutsch üben, bei Kaffee und Kuchen.")
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen").click()
    page.wait_for_url(lambda url: "/add/" not in url, timeout=15_000)
    context.close()
    notice = NoticePage.objects.get(title=TITLE, locale__language_code="de")
    assert notice.live

    run_worker(settings)

    citizen = browser.new_page()
    # Turkish: the machine's text, marked, with a link to the German original.
    citizen.goto(site.url("/tr/pinnwand/"))
    citizen.get_by_role("link", name=MACHINE_TITLE).click()
    assert citizen.locator("h1").inner_text() == MACHINE_TITLE
    note = citizen.locator(".machine-translation-note")
    assert note.count() == 1
    original = note.locator('a[hreflang="de"]')
    assert original.get_attribute("href") == notice.url
    original.click()
    assert citizen.locator("h1").inner_text() == TITLE

    # Arabic: review first, so the German original, unmarked.
    citizen.goto(site.url("/ar/pinnwand/"))
    assert citizen.get_by_role("link", name=TITLE).count() == 1
    assert citizen.get_by_role("link", name=MACHINE_TITLE).count() == 0
    arabic = Page.objects.get(translation_key=notice.translation_key, locale__language_code="ar")
    assert arabic.alias_of_id == notice.pk
    citizen.goto(site.url(arabic.url))
    assert citizen.locator("h1").inner_text() == TITLE
    assert citizen.locator(".machine-translation-note").count() == 0

    # The Arabic translator (admin in Arabic) opens the notice and translates it.
    labels = DjangoTranslation("ar", domain="djangojs")
    context, page = log_in(browser, site, "uebersetzung-ar")
    page.goto(site.url(f"/admin/pages/{arabic.pk}/edit/"))
    page.locator('a[href*="/localize/submit/page/"]').click()
    page.locator("main input[type=submit]").click()
    page.wait_for_url("**/edit/")
    # The machine's draft waits pre-filled; the translator corrects the title.
    title = page.locator("li.complete").filter(has_text=TITLE).first
    assert title.inner_text().count(MACHINE_TITLE) == 1
    title.get_by_role("button", name=labels.gettext("Edit")).click()
    title.locator("textarea").fill(ARABIC_TITLE)
    title.get_by_role("button", name=labels.gettext("Save")).click()
    page.wait_for_load_state("networkidle")
    page.locator('button[name="action"][value="publish"]').click()
    page.wait_for_load_state("networkidle")
    context.close()

    citizen.goto(site.url("/ar/pinnwand/"))
    citizen.get_by_role("link", name=ARABIC_TITLE).click()
    assert citizen.locator("h1").inner_text() == ARABIC_TITLE
    assert citizen.locator(".machine-translation-note").count() == 0
    assert not MachineTranslation.objects.filter(source=notice, locale__language_code="ar").exists()
    citizen.close()
