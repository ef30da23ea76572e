"""Translators work in their own language only: they translate into, edit and publish
it, and cannot change the German source or another language."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from kupferstadt.models import Topic
from kupferstadt.translation import TRANSLATOR_GROUPS, synchronise_trees

from ..factories import NoticePageFactory, TopicFactory


@pytest.fixture
def notice(pinnwand, languages):
    page = NoticePageFactory(parent=pinnwand, title="Sprachcafé", slug="sprachcafe")
    page.save_revision().publish()
    synchronise_trees()
    return page


def in_locale(page, code):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_set_up_creates_one_group_per_language(languages):
    names = set(Group.objects.values_list("name", flat=True))
    assert set(TRANSLATOR_GROUPS.values()) <= names
    assert "Übersetzung Ukrainisch" in names


def test_translator_opens_pages_of_their_language_only(client, translator, notice):
    client.force_login(translator)
    assert client.get(edit_url(in_locale(notice, "en"))).status_code == 200
    for code in ("de", "tr", "ar"):
        response = client.get(edit_url(in_locale(notice, code)))
        assert response.status_code in (302, 403), code
        assert response.status_code != 200


def test_translator_cannot_change_the_german_source(client, translator, notice):
    client.force_login(translator)
    response = client.post(
        edit_url(notice), {"title": "Geändert", "slug": "sprachcafe", "action-publish": "1"}
    )
    assert response.status_code in (302, 403)
    notice.refresh_from_db()
    assert notice.title == "Sprachcafé"


def test_translator_is_offered_only_their_language_to_translate_into(
    client, translator, notice, languages
):
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[notice.pk])
    soup = BeautifulSoup(client.get(url).text, "html.parser")
    offered = {box["value"] for box in soup.select('input[name="locales"]')}
    assert offered == {str(languages["en"].pk)}
    response = client.post(url, {"locales": [languages["tr"].pk]})
    assert response.status_code == 200  # the form refuses the choice
    assert in_locale(notice, "tr").alias_of_id == notice.pk
    response = client.post(url, {"locales": [languages["en"].pk]})
    assert response.status_code == 302
    assert in_locale(notice, "en").alias_of_id is None


def test_translator_publishes_in_their_language(client, translator, notice, languages):
    client.force_login(translator)
    url = reverse("wagtail_localize:submit_page_translation", args=[notice.pk])
    client.post(url, {"locales": [languages["en"].pk]})
    english = in_locale(notice, "en").specific
    assert english.permissions_for_user(translator).can_publish()
    assert not notice.permissions_for_user(translator).can_publish()
    assert not in_locale(notice, "tr").permissions_for_user(translator).can_edit()


def test_translator_edits_snippets_of_their_language_only(client, translator, languages):
    german = TopicFactory(name="Familie")
    english = german.copy_for_translation(languages["en"])
    english.name = "Family"
    english.save()
    turkish = german.copy_for_translation(languages["tr"])
    turkish.save()
    client.force_login(translator)

    def snippet_edit(topic):
        return reverse("wagtailsnippets_kupferstadt_topic:edit", args=[topic.pk])

    assert client.get(snippet_edit(english)).status_code == 200
    # Wagtail answers a refused admin view with a redirect to the dashboard.
    for other in (german, turkish):
        response = client.get(snippet_edit(other))
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    client.post(snippet_edit(german), {"name": "Verändert", "slug": "familie"})
    assert Topic.objects.get(pk=german.pk).name == "Familie"


def test_editors_outside_translator_groups_are_not_limited(admin_client, notice):
    assert admin_client.get(edit_url(in_locale(notice, "tr"))).status_code == 200
    assert admin_client.get(edit_url(notice)).status_code == 200


@pytest.mark.parametrize(
    ("code", "word"),
    [("en", "Pages"), ("tr", "Sayfalar"), ("ar", "الصفحات"), ("uk", "Перейти до основного вмісту")],
)
def test_translator_admin_speaks_their_language(client, languages, code, word):
    from kupferstadt.translation import ensure_translator_account

    user = ensure_translator_account(code, "geheim-geheim")
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert f'lang="{code}"' in response.text
    assert word in response.text


def test_new_translator_gets_the_admin_in_their_language(client, languages):
    """Any account put into a translator group, not only the demo's: the admin speaks
    the group's language unless the person chose another one."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    User = get_user_model()
    new = User.objects.create_user("aylin", password="geheim-geheim")
    new.groups.add(Group.objects.get(name=TRANSLATOR_GROUPS["tr"]))
    client.force_login(new)
    assert 'lang="tr"' in client.get("/admin/").text
    chosen = User.objects.create_user("olena", password="geheim-geheim")
    UserProfile.objects.create(user=chosen, preferred_language="de")
    chosen.groups.add(Group.objects.get(name=TRANSLATOR_GROUPS["uk"]))
    assert UserProfile.get_for_user(chosen).preferred_language == "de"


def test_migrate_sets_up_languages_and_groups(db):
    """The test database is built by ``migrate``: no further set-up step is needed."""
    from wagtail.models import Locale

    assert set(Locale.objects.values_list("language_code", flat=True)) == {
        "de",
        "en",
        "tr",
        "ar",
        "uk",
    }
    group = Group.objects.get(name="Übersetzung Arabisch")
    assert {"access_admin", "submit_translation", "change_venue"} <= set(
        group.permissions.values_list("codename", flat=True)
    )
