"""A translator downloads a page's translation as PO, edits it in any PO editor and
uploads it back; the English page is then published. Broken or foreign files change
nothing and say why."""

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from kupferstadt.translation import synchronise_trees

from ..factories import EventPageFactory

ENGLISH = {
    "Forum Soziale Kupferstadt": "Social Copper Town forum",
    "forum": "forum",
    "Dialog und Begegnung": "Dialogue and encounter",
}


@pytest.fixture
def translation(client, event_index, languages, translator):
    event = EventPageFactory(
        parent=event_index,
        title="Forum Soziale Kupferstadt",
        slug="forum",
        subtitle="Dialog und Begegnung",
    )
    event.save_revision().publish()
    synchronise_trees()
    client.force_login(translator)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[event.pk]),
        {"locales": [languages["en"].pk]},
    )
    assert response.status_code == 302
    return Translation.objects.get(
        source__object_id=event.translation_key, target_locale=languages["en"]
    )


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    return polib.pofile(response.content.decode("utf-8"))


def upload(client, translation, content, name="forum-en.po"):
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile(name, content), "next": "/admin/"},
    )


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_po_round_trip_publishes_the_translated_event(client, translation):
    po = download(client, translation)
    assert {entry.msgid for entry in po} >= {"Forum Soziale Kupferstadt", "Dialog und Begegnung"}
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]
    response = upload(client, translation, str(po).encode("utf-8"))
    assert response.status_code == 302
    translation.save_target(publish=True)

    page = client.get("/en/veranstaltungen/forum/")
    assert page.status_code == 200
    assert "Social Copper Town forum" in page.text
    assert "Dialogue and encounter" in page.text
    assert '<a href="/de/veranstaltungen/forum/" lang="de"' in page.text


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\x00garbage\x00",
        b'this is not a po file at all\n"',
        b'msgid "Forum Soziale Kupferstadt"\nmsgstr "Fremd"\n',
    ],
)
def test_invalid_or_foreign_po_file_is_refused_and_changes_nothing(client, translation, content):
    response = upload(client, translation, content)
    assert response.status_code == 302
    # The translator of "Übersetzung Englisch" works in an English admin.
    assert any("Nothing has been changed" in m for m in messages_of(response))
    assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()


def test_po_file_of_another_translation_is_refused(client, translation, languages):
    po = download(client, translation)
    po.metadata["X-WagtailLocalize-TranslationID"] = "00000000-0000-0000-0000-000000000000"
    for entry in po:
        entry.msgstr = "Fremd"
    response = upload(client, translation, str(po).encode("utf-8"))
    assert any("does not belong to this translation" in m for m in messages_of(response))
    assert not StringTranslation.objects.filter(locale=translation.target_locale).exists()
