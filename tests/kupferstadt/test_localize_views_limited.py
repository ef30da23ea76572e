"""Every admin view of wagtail-localize reaches our limited version, refuses a translator
with a German 403 page outside their language, and the translations report lists only
their language."""

import pytest
from django.contrib.auth.models import Group
from django.urls import resolve, reverse
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import Translation, TranslationSource

from kupferstadt.translation import TRANSLATOR_GROUPS

from ..factories import TopicFactory


def example_path(pattern):
    """An address of the pattern with made-up values."""
    route = str(pattern.pattern)
    for converter, value in (("int", "1"), ("slug", "kupferstadt"), ("str", "x")):
        while f"<{converter}:" in route:
            start = route.index(f"<{converter}:")
            route = route[:start] + value + route[route.index(">", start) + 1 :]
    return f"/admin/localize/{route}"


LOCALIZE_PATTERNS = localize_hooks.register_admin_urls()[0].url_patterns


@pytest.mark.parametrize("pattern", LOCALIZE_PATTERNS, ids=[p.name for p in LOCALIZE_PATTERNS])
def test_every_wagtail_localize_address_reaches_the_limited_view(pattern):
    assert resolve(example_path(pattern)).namespace == "kupferstadt_localize"


@pytest.fixture
def translations(languages):
    topic = TopicFactory(name="Familie", slug="familie")
    source, _ = TranslationSource.get_or_create_from_instance(topic)
    result = {}
    for code in ("en", "tr"):
        translation = Translation.objects.create(source=source, target_locale=languages[code])
        translation.save_target()
        result[code] = translation
    return source, result


def test_refusal_is_a_403_page_in_the_translators_admin_language(client, translator, translations):
    """The English translator's admin speaks English (joining the group set it); the
    German text is the source of the message."""
    source, _ = translations
    client.force_login(translator)
    response = client.get(reverse("wagtail_localize:update_translations", args=[source.pk]))
    assert response.status_code == 403
    assert "You may only work in your own language here. Nothing has been changed." in (
        response.text
    )


def test_turkish_translator_may_not_update_all_translations_either(
    client, django_user_model, translations
):
    source, _ = translations
    user = django_user_model.objects.create_user("aylin", password="geheim-geheim")
    user.groups.add(Group.objects.get(name=TRANSLATOR_GROUPS["tr"]))
    client.force_login(user)
    response = client.get(reverse("wagtail_localize:update_translations", args=[source.pk]))
    assert response.status_code == 403


def test_translations_report_lists_the_translators_language_only(
    client, translator, translations, languages
):
    client.force_login(translator)
    response = client.get(reverse("wagtail_localize:translations_report"))
    assert response.status_code == 200
    listed = {
        translation.target_locale.language_code for translation in response.context["object_list"]
    }
    assert listed == {"en"}


def test_administrators_see_every_language_in_the_report(admin_client, translations):
    response = admin_client.get(reverse("wagtail_localize:translations_report"))
    listed = {
        translation.target_locale.language_code for translation in response.context["object_list"]
    }
    assert listed == {"en", "tr"}
