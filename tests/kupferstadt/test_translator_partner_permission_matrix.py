"""Who may do what in the admin's translation tools, one case per role, action and
language, through the real admin views (security issue #13, items 1, 2 and 7a).

A translator creates, edits, disables and publishes in their own language only, whatever
the request says; updating all translations from the German source is for the German
editorial side; the snippet API of wagtail-localize lists only models one may see, so no
partner or translator reads who sent an offer or a barrier report."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.models import OfferSubmission
from home.roles import EDITORS, PARTNERS, setup_roles
from kupferstadt.models import BarrierReport, FooterText, Topic
from kupferstadt.translation import TRANSLATOR_GROUPS, synchronise_trees

from ..factories import NoticePageFactory, TopicFactory

DRAFTAIL_TEXT = (
    '{"blocks": [{"key": "a1b2c", "text": "Nur für Deutschland?", "type": "unstyled", '
    '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}'
)

NEXT = "/admin/snippets/kupferstadt/topic/"


def translate(instance, locales, publish=True):
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translations = {}
    for code in locales:
        translation = Translation.objects.create(source=source, target_locale=locales[code])
        translation.save_target(publish=publish)
        translations[code] = translation
    return source, translations


@pytest.fixture
def world(pinnwand, languages, django_user_model, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }
    setup_roles()

    def member(name, group):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "geheim")
        user.groups.add(Group.objects.get(name=group))
        return user

    users = {
        "translator_en": member("uebersetzung-en", TRANSLATOR_GROUPS["en"]),
        "translator_tr": member("uebersetzung-tr", TRANSLATOR_GROUPS["tr"]),
        "partner": member("partner", PARTNERS),
        # A partner association's volunteer who also translates into English.
        "partner_translator_en": member("partner-uebersetzung-en", PARTNERS),
        "editor": member("redaktion", EDITORS),
        "admin": django_user_model.objects.create_superuser("admin", "admin@example.org", "geheim"),
    }
    notice = NoticePageFactory(parent=pinnwand, title="Sprachcafé", slug="sprachcafe")
    notice.save_revision().publish()
    synchronise_trees()
    targets = {code: languages[code] for code in ("en", "tr")}
    page_source, page_translations = translate(notice, targets)
    topic = TopicFactory(name="Familie", slug="familie")
    topic_source, topic_translations = translate(topic, targets)
    OfferSubmission.objects.create(name="Erika Mustermann", email="erika@example.org")
    BarrierReport.objects.create(page_url="/de/", description="Die Rampe am Rathaus fehlt.")
    users["partner_translator_en"].groups.add(Group.objects.get(name=TRANSLATOR_GROUPS["en"]))
    return {
        "users": users,
        "languages": languages,
        "notice": notice,
        "page_source": page_source,
        "page_translations": page_translations,
        "topic": topic,
        "topic_source": topic_source,
        "topic_translations": topic_translations,
    }


def in_locale(obj, code):
    return type(obj).objects.get(translation_key=obj.translation_key, locale__language_code=code)


# Each action does one thing as the logged-in user and returns the response and whether
# it took effect (what a citizen or editor would then see).


def create_footer_text_claiming(world, client, code):
    """POST to the add view without ?locale=, naming a language in the form only."""
    before = set(FooterText.objects.values_list("pk", flat=True))
    response = client.post(
        "/admin/snippets/kupferstadt/footertext/add/", {"text": DRAFTAIL_TEXT, "locale": code}
    )
    created = FooterText.objects.exclude(pk__in=before)
    return response, created.exists()


def create_topic_claiming(world, client, code):
    before = set(Topic.objects.values_list("pk", flat=True))
    response = client.post(
        "/admin/snippets/kupferstadt/topic/add/",
        {"name": "Nachbarschaft", "slug": "nachbarschaft", "locale": code},
    )
    return response, Topic.objects.exclude(pk__in=before).exists()


def create_topic_in(world, client, code):
    before = set(Topic.objects.values_list("pk", flat=True))
    response = client.post(
        f"/admin/snippets/kupferstadt/topic/add/?locale={code}",
        {"name": "Nachbarschaft", "slug": "nachbarschaft"},
    )
    created = Topic.objects.exclude(pk__in=before)
    return response, created.filter(locale__language_code=code).exists()


def copy_topic_of(world, client, code):
    """Posts to the copy view of a language's topic, the form naming English (Wagtail's
    copy view saves the form onto the topic it copies)."""
    original = in_locale(world["topic"], code)
    response = client.post(
        f"/admin/snippets/kupferstadt/topic/copy/{original.pk}/",
        {"name": "Kopie", "slug": "kopie", "locale": "en"},
    )
    return response, Topic.objects.filter(name="Kopie").exists()


def update_all_translations(world, client, code):
    """ "Sync translated pages" of the German notice, publishing at once, while the
    Turkish translator's draft of the title is not reviewed yet."""
    source = world["page_source"]
    segment = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=world["languages"]["tr"],
        context=segment.context,
        data="Dil kafesi (taslak)",
    )
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    turkish = in_locale(world["notice"], "tr")
    return response, turkish.title == "Dil kafesi (taslak)"


def open_update_translations(world, client, code):
    source = world["page_source"]
    response = client.get(reverse("wagtail_localize:update_translations", args=[source.pk]))
    return response, response.status_code == 200


def edit_topic_string(world, client, code):
    translation = world["topic_translations"][code]
    segment = StringSegment.objects.get(source=world["topic_source"], context__path="name")
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "Geändert"}),
        content_type="application/x-www-form-urlencoded",
    )
    changed = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id, data="Geändert"
    ).exists()
    return response, changed


def disable_topic_translation(world, client, code):
    translation = world["topic_translations"][code]
    response = client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"next": NEXT}
    )
    translation.refresh_from_db()
    return response, not translation.enabled


def download_topic_po(world, client, code):
    translation = world["topic_translations"][code]
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    return response, response.status_code == 200 and b"Familie" in response.content


def machine_translate_topic(world, client, code):
    translation = world["topic_translations"][code]
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": NEXT}
    )
    machine = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )
    return response, machine.exists()


def submit_topic_translation(world, client, code):
    Translation.objects.filter(
        source=world["topic_source"], target_locale__language_code=code
    ).delete()
    in_locale(world["topic"], code).delete()
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["kupferstadt", "topic", world["topic"].pk],
        ),
        {"locales": [world["languages"][code].pk]},
    )
    return response, Topic.objects.filter(
        translation_key=world["topic"].translation_key, locale__language_code=code
    ).exists()


def convert_notice_to_alias(world, client, code):
    page = in_locale(world["notice"], code)
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
    return response, Page.objects.get(pk=page.pk).alias_of_id is not None


def list_offer_submissions(world, client, code):
    response = client.get(
        reverse("wagtail_localize:snippets_api_listing", args=["home", "offersubmission"])
    )
    return response, "Mustermann" in response.content.decode()


def list_barrier_reports(world, client, code):
    response = client.get(
        reverse("wagtail_localize:snippets_api_listing", args=["kupferstadt", "barrierreport"])
    )
    return response, "Rampe" in response.content.decode()


def show_barrier_report(world, client, code):
    report = BarrierReport.objects.get()
    response = client.get(
        reverse(
            "wagtail_localize:snippets_api_detail",
            args=["kupferstadt", "barrierreport", report.pk],
        )
    )
    return response, "Rampe" in response.content.decode()


SNIPPET_VIEWS = {create_footer_text_claiming, create_topic_claiming, create_topic_in, copy_topic_of}

# (role, action, language, allowed). "hole" marks the cases the original code allowed.
MATRIX = [
    # Item 1: the locale a new snippet gets, not what the form claims.
    ("translator_en", create_footer_text_claiming, "en", False),  # hole
    ("translator_tr", create_footer_text_claiming, "tr", False),  # hole
    ("translator_en", create_topic_claiming, "en", False),  # hole
    ("translator_en", create_topic_in, "en", True),
    ("translator_en", create_topic_in, "tr", False),
    ("translator_en", create_topic_in, "de", False),
    ("translator_en", copy_topic_of, "de", False),  # hole
    ("translator_en", copy_topic_of, "en", True),
    ("editor", create_topic_claiming, "en", True),
    # Item 2: wagtail-localize's views act in the translator's language only.
    ("translator_en", update_all_translations, "de", False),  # hole
    ("translator_en", open_update_translations, "de", False),  # hole
    ("translator_tr", update_all_translations, "de", False),  # hole
    ("admin", update_all_translations, "de", True),
    ("translator_en", edit_topic_string, "tr", False),  # hole
    ("translator_en", edit_topic_string, "en", True),
    ("translator_tr", edit_topic_string, "en", False),  # hole
    ("translator_tr", edit_topic_string, "tr", True),
    ("translator_en", disable_topic_translation, "tr", False),  # hole
    ("translator_en", disable_topic_translation, "en", True),
    ("translator_en", download_topic_po, "tr", False),  # hole
    ("translator_en", download_topic_po, "en", True),
    ("translator_en", machine_translate_topic, "tr", False),  # hole
    ("translator_en", machine_translate_topic, "en", True),
    ("translator_en", submit_topic_translation, "tr", False),
    ("translator_en", submit_topic_translation, "en", True),
    ("translator_en", convert_notice_to_alias, "tr", False),
    ("translator_en", convert_notice_to_alias, "en", True),
    # Item 7a: the snippet API shows only models one may see.
    ("partner_translator_en", update_all_translations, "de", False),  # hole
    ("partner_translator_en", edit_topic_string, "tr", False),  # hole
    ("partner_translator_en", disable_topic_translation, "tr", False),  # hole
    ("partner_translator_en", edit_topic_string, "en", True),
    ("partner", list_offer_submissions, "de", False),  # hole
    ("partner", list_barrier_reports, "de", False),  # hole
    ("partner", show_barrier_report, "de", False),  # hole
    ("translator_en", list_offer_submissions, "de", False),  # hole
    ("translator_en", list_barrier_reports, "de", False),  # hole
    ("editor", list_offer_submissions, "de", True),
    ("editor", list_barrier_reports, "de", True),
]


@pytest.mark.parametrize(
    ("role", "action", "code", "allowed"),
    MATRIX,
    ids=[
        f"{role}-{action.__name__}-{code}-{'allowed' if allowed else 'denied'}"
        for role, action, code, allowed in MATRIX
    ],
)
def test_permission_matrix(client, world, role, action, code, allowed):
    client.force_login(world["users"][role])
    response, took_effect = action(world, client, code)
    if allowed:
        assert response.status_code in (200, 201, 302), response.status_code
        if response.status_code == 302:
            assert response["Location"] != "/admin/"
        assert took_effect
    elif action is submit_topic_translation:
        # The form offers a translator only their languages and refuses any other.
        assert response.status_code == 200
        assert "locales" in response.context["form"].errors
        assert not took_effect
    elif action in SNIPPET_VIEWS:
        # Wagtail's snippet views answer a refusal with a redirect to the dashboard.
        assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))
        assert not took_effect
    else:
        assert response.status_code == 403, response.status_code
        assert not took_effect
