"""Machine translation as the first draft: a German notice published, the machine's text
waits for each language's translator (or is published at once, marked, where the site
settings say so); a person's edit removes the mark; a failing engine loses nothing."""

import re

import pytest
import requests
from django.utils import translation
from wagtail.blocks.base import BlockField
from wagtail.models import Page, Site
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from home.models import NoticePage
from kupferstadt.demo.translations import translate
from kupferstadt.models import (
    GlossaryTerm,
    MachineTranslation,
    MachineTranslationLanguagePolicy,
    MachineTranslationPolicy,
    SiteSettings,
)
from kupferstadt.translation import synchronise_trees

from ..factories import NoticePageFactory, OrganisationFactory, PersonFactory
from ..utils import block_data, field_data

DUMMY = "wagtail_localize.machine_translators.dummy.DummyTranslator"
HERE = "tests.kupferstadt.test_machine_translation"


class ShoutingTranslator(BaseMachineTranslator):
    """Translates by shouting: every word outside tags in capitals, so a word that was
    left alone is easy to see."""

    display_name = "Shouting"

    def translate(self, source_locale, target_locale, strings):
        return {
            string: StringValue(
                "".join(
                    part if part.startswith("<") else part.upper()
                    for part in re.split(r"(<[^>]*>)", string.data)
                )
            )
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return source_locale != target_locale


class FailingTranslator(ShoutingTranslator):
    display_name = "Ausfall"

    def translate(self, source_locale, target_locale, strings):
        raise requests.Timeout("Zeitüberschreitung nach 30 s")


@pytest.fixture
def engine(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": DUMMY}


def set_policy(**policies):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for code, policy in policies.items():
        MachineTranslationLanguagePolicy.objects.create(
            site_settings=site_settings, language_code=code, policy=policy
        )


def publish(page, capture):
    """The editor's publish; the queued task runs once the publish is committed."""
    with capture(execute=True):
        page.save_revision().publish()


@pytest.fixture
def notice(pinnwand, languages):
    page = NoticePageFactory(
        parent=pinnwand,
        title="Nachbarschaftsfest im Park",
        slug="nachbarschaftsfest-im-park",
        teaser="Alle sind herzlich eingeladen.",
    )
    synchronise_trees()
    return page


def in_language(page, code):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


def machine_strings(page, code):
    source = TranslationSource.objects.get_for_instance(page)
    return set(
        StringTranslation.objects.filter(
            locale__language_code=code,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            translation_of__segments__source=source,
        ).values_list("data", flat=True)
    )


def test_a_published_notice_waits_as_a_machine_draft_for_each_languages_translator(
    client, engine, notice, django_capture_on_commit_callbacks
):
    publish(notice, django_capture_on_commit_callbacks)

    for code in ("en", "tr", "ar", "uk"):
        # The translator finds the machine's text pre-filled in the translation editor ...
        assert "Park im Nachbarschaftsfest" in machine_strings(notice, code)
        row = MachineTranslation.objects.get(source=notice, locale__language_code=code)
        assert row.state == "draft"
        assert row.engine == "Dummyübersetzer"  # in German, as the admin shows it
        # ... while visitors still read the German original, unmarked.
        target = in_language(notice, code)
        assert target.alias_of_id == notice.pk
        response = client.get(target.url)
        assert response.status_code == 200
        assert "Nachbarschaftsfest im Park" in response.text
        assert "Park im Nachbarschaftsfest" not in response.text
        assert "machine-translation-note" not in response.text


def test_republishing_the_german_notice_keeps_the_draft_an_alias(
    engine, notice, django_capture_on_commit_callbacks
):
    publish(notice, django_capture_on_commit_callbacks)
    notice.teaser = "Alle Nachbarn sind herzlich eingeladen."
    publish(notice, django_capture_on_commit_callbacks)

    arabic = in_language(notice, "ar")
    assert arabic.alias_of_id == notice.pk
    assert not arabic.specific.teaser.startswith("eingeladen.")
    assert "eingeladen. herzlich sind Nachbarn Alle" in machine_strings(notice, "ar")


def test_publish_policy_publishes_the_machine_text_marked_with_a_link_to_the_original(
    client, engine, notice, django_capture_on_commit_callbacks
):
    set_policy(tr=MachineTranslationPolicy.PUBLISH)
    publish(notice, django_capture_on_commit_callbacks)

    turkish = in_language(notice, "tr").specific
    assert turkish.alias_of_id is None and turkish.live
    assert turkish.title == "Park im Nachbarschaftsfest"
    assert MachineTranslation.objects.get(source=notice, locale__language_code="tr").page == (
        Page.objects.get(pk=turkish.pk)
    )
    response = client.get(turkish.url)
    with translation.override("tr"):
        note = translation.gettext("Maschinell übersetzt.")
        link = translation.gettext("Zum deutschen Original")
    assert note in response.text
    assert f'<a href="{notice.url}" hreflang="de">{link}</a>' in response.text
    # Arabic (no rule: review first) stays German.
    assert in_language(notice, "ar").alias_of_id == notice.pk
    assert "machine-translation-note" not in client.get(notice.url).text


def test_a_translators_edit_and_publish_removes_the_mark(
    client, engine, notice, django_user_model, django_capture_on_commit_callbacks
):
    set_policy(tr=MachineTranslationPolicy.PUBLISH)
    publish(notice, django_capture_on_commit_callbacks)
    turkish = in_language(notice, "tr")
    translator = django_user_model.objects.create_user("ceviri", password="geheim-geheim")

    # As wagtail-localize's editor saves an edited segment, then "Publish in Turkish".
    edited = StringTranslation.objects.get(
        locale__language_code="tr", data="Park im Nachbarschaftsfest"
    )
    edited.data = "Parkta mahalle şenliği"
    edited.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    edited.last_translated_by = translator
    edited.save()
    record = Translation.objects.get(
        source__object_id=notice.translation_key, target_locale__language_code="tr"
    )
    with django_capture_on_commit_callbacks(execute=True):
        record.save_target(user=translator, publish=True)

    assert not MachineTranslation.objects.filter(source=notice, locale=turkish.locale).exists()
    response = client.get(in_language(notice, "tr").url)
    assert "Parkta mahalle şenliği" in response.text
    assert "machine-translation-note" not in response.text


def test_translate_this_page_with_untouched_machine_text_is_marked_as_machine_made(
    client, engine, notice, django_user_model, django_capture_on_commit_callbacks
):
    """wagtail-localize's "Translate this page" publishes the waiting text at once: what
    visitors then read is the machine's, so it carries the mark until a person edits."""
    publish(notice, django_capture_on_commit_callbacks)
    translator = django_user_model.objects.create_user("mutarjim", password="geheim-geheim")
    record = Translation.objects.get(
        source__object_id=notice.translation_key, target_locale__language_code="ar"
    )
    with django_capture_on_commit_callbacks(execute=True):
        record.save_target(user=translator, publish=True)

    row = MachineTranslation.objects.get(source=notice, locale__language_code="ar")
    assert row.state == "published"
    assert "machine-translation-note" in client.get(in_language(notice, "ar").url).text


def test_a_failing_engine_stores_its_error_and_the_german_notice_stays_published(
    client, settings, notice, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": f"{HERE}.FailingTranslator"}
    notice.teaser = "Neu: mit Musik."
    publish(notice, django_capture_on_commit_callbacks)

    notice.refresh_from_db()
    assert notice.live and notice.teaser == "Neu: mit Musik."
    assert client.get(notice.url).status_code == 200
    for code in ("en", "tr", "ar", "uk"):
        row = MachineTranslation.objects.get(source=notice, locale__language_code=code)
        assert row.state == "failed"
        assert "Ausfall" in row.error and "Zeitüberschreitung nach 30 s" in row.error
        assert in_language(notice, code).alias_of_id == notice.pk


def test_glossary_terms_and_names_of_people_and_organisations_stay_untranslated(
    settings, pinnwand, languages, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": f"{HERE}.ShoutingTranslator"}
    GlossaryTerm.objects.create(term="Zinkhütter Hof")
    GlossaryTerm.objects.create(term="Kupferstadt")
    PersonFactory(name="Maria Muster")
    OrganisationFactory(name="Caritasverband")
    notice = NoticePageFactory(
        parent=pinnwand,
        title="Treffen im Zinkhütter Hof",
        teaser="Maria Muster vom Caritasverband lädt in die Kupferstadt ein, Hofcafé inklusive.",
    )
    synchronise_trees()
    publish(notice, django_capture_on_commit_callbacks)

    strings = machine_strings(notice, "uk")
    assert "TREFFEN IM Zinkhütter Hof" in strings
    # Whole words only: "Hofcafé" is not the term "Hof".
    assert (
        "Maria Muster VOM Caritasverband LÄDT IN DIE Kupferstadt EIN, HOFCAFÉ INKLUSIVE." in strings
    )


def test_nothing_is_queued_without_an_engine(settings, notice, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {
        **settings.TASKS,
        settings.MACHINE_TRANSLATION_TASKS: {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    publish(notice, django_capture_on_commit_callbacks)

    # Warming the published pages (kupferstadt/warm.py) may share the queue.
    assert not DBTaskResult.objects.filter(task_path__endswith=".machine_translate_page").exists()
    assert not MachineTranslation.objects.exists()
    assert not Translation.objects.exists()


def test_with_the_database_backend_the_worker_translates_what_the_publish_queued(
    settings, engine, notice, django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker closes connections it thinks stale; inside the test's transaction that
    # would close the test's own connection (PostgreSQL). A real worker has its own.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    settings.TASKS = {
        **settings.TASKS,
        settings.MACHINE_TRANSLATION_TASKS: {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    publish(notice, django_capture_on_commit_callbacks)
    assert DBTaskResult.objects.filter(task_path__endswith=".machine_translate_page").count() == 1
    assert not MachineTranslation.objects.exists()  # the editor's publish did not wait

    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--backend",
        settings.MACHINE_TRANSLATION_TASKS,
    )

    assert MachineTranslation.objects.filter(source=notice).count() == 4
    assert "Park im Nachbarschaftsfest" in machine_strings(notice, "ar")


def test_a_persons_translation_is_left_to_its_translator(
    engine, notice, languages, django_capture_on_commit_callbacks
):
    set_policy(en=MachineTranslationPolicy.PUBLISH)
    translate(
        notice,
        languages["en"],
        {
            "Nachbarschaftsfest im Park": "Neighbourhood party in the park",
            "nachbarschaftsfest-im-park": "neighbourhood-party-in-the-park",
            "Alle sind herzlich eingeladen.": "Everyone is welcome.",
        },
    )
    notice.title = "Großes Nachbarschaftsfest im Park"
    publish(notice, django_capture_on_commit_callbacks)
    # Once more: a German publish synchronises the translation with what is stored.
    publish(notice, django_capture_on_commit_callbacks)

    english = NoticePage.objects.get(translation_key=notice.translation_key, locale=languages["en"])
    assert english.teaser == "Everyone is welcome."  # the person's text stays live
    machine_title = "Park im Nachbarschaftsfest Großes"
    assert english.title != machine_title
    assert english.get_latest_revision_as_object().title != machine_title
    assert not MachineTranslation.objects.filter(source=notice, locale=languages["en"]).exists()
    machine_made = StringTranslation.objects.filter(
        locale=languages["en"], translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert not machine_made.exists()


def test_a_notice_created_and_published_in_the_admin_is_published_into_its_new_aliases(
    client, admin_user, engine, pinnwand, languages, django_capture_on_commit_callbacks
):
    """The task runs right after the publish, before wagtail-localize makes the new page's
    aliases; it must not create pages of its own there, and runs again once they exist."""
    set_policy(uk=MachineTranslationPolicy.PUBLISH)
    client.force_login(admin_user)
    draft = NoticePage(
        title="Sprachcafé am Markt", slug="sprachcafe-am-markt", teaser="Jeden Freitag."
    )
    form = draft.get_edit_handler().get_form_class()(
        instance=draft, parent_page=pinnwand, for_user=admin_user
    )
    data = {"action-publish": "action-publish"}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, BlockField):
            data.update(block_data(field.block, value, name))
        else:
            data.update(field_data(field.widget, value, name))
    for prefix, formset in form.formsets.items():
        data.update({f"{prefix}-{k}": v for k, v in formset.management_form.initial.items()})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/add/home/noticepage/{pinnwand.pk}/", data)
    assert response.status_code == 302

    notice = NoticePage.objects.get(slug="sprachcafe-am-markt", locale__language_code="de")
    ukrainian = in_language(notice, "uk").specific
    assert ukrainian.alias_of_id is None and ukrainian.live
    assert ukrainian.title == "Markt am Sprachcafé"
    assert in_language(notice, "ar").alias_of_id == notice.pk
    assert MachineTranslation.objects.get(source=notice, locale=languages["uk"]).page_id == (
        ukrainian.pk
    )
