"""Every text of the site has its translation in every catalogue, with the placeholders
the code fills in; our German catalogue addresses citizens formally; all compiled as
committed."""

import re
from pathlib import Path

import polib
import pytest
from django import forms
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

import kupferstadt

from ..factories import EventPageFactory

LOCALE = Path(kupferstadt.__file__).parent / "locale"
TRANSLATED = ["en", "tr", "ar", "uk"]

# %(name)s, %s, %d, %.1f ... (not %%) and {name}, {} (not {{ or }}).
PERCENT = re.compile(r"%(?:\((\w+)\))?[#0\- +]*(?:\d+|\*)?(?:\.\d+)?([diouxXeEfFgGcrsa%])")
BRACE = re.compile(r"(?<!\{)\{(\w*)(?:[!:][^{}]*)?\}(?!\})")


def catalogue(code):
    return polib.pofile(LOCALE / code / "LC_MESSAGES/django.po")


def placeholders(text):
    percent = [f"%({name})" if name else f"%{conv}" for name, conv in PERCENT.findall(text)]
    return sorted([p for p in percent if p != "%%"] + [f"{{{n}}}" for n in BRACE.findall(text)])


def translated(entry, nplurals):
    if "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        return sorted(forms) == list(range(nplurals)) and all(forms.values())
    return bool(entry.msgstr)


def test_compiled_catalogues_match_their_sources():
    for po_path in LOCALE.glob("*/LC_MESSAGES/django.po"):
        # Untranslated entries are not compiled (as with msgfmt).
        source = {
            (e.msgid, e.msgstr or str(e.msgstr_plural))
            for e in polib.pofile(po_path)
            if e.translated()
        }
        compiled = polib.mofile(po_path.with_suffix(".mo"))
        assert {(e.msgid, e.msgstr or str(e.msgstr_plural)) for e in compiled} == source, (
            f"{po_path} changed: compile it (see README)"
        )


def test_form_errors_use_the_formal_sie():
    class Form(forms.Form):
        email = forms.EmailField()

    with translation.override("de"):
        errors = Form({"email": "x"}).errors["email"]
    assert errors == ["Bitte geben Sie eine gültige E-Mail-Adresse ein."]


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_text_is_translated(code):
    """Admin labels, help texts and messages as well as what citizens read: an entry left
    empty or fuzzy shows German to an editor or citizen of that language."""
    po = catalogue(code)
    nplurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    assert len(po) > 500
    current = [entry for entry in po if not entry.obsolete]
    assert [entry.msgid for entry in current if not translated(entry, nplurals)] == []


@pytest.mark.parametrize("code", ["tr", "ar", "uk"])
def test_every_catalogue_knows_the_texts_the_english_one_knows(code):
    english = {entry.msgid for entry in catalogue("en") if not entry.obsolete}
    assert sorted(english - {entry.msgid for entry in catalogue(code)}) == []


@pytest.mark.parametrize("code", ["de", *TRANSLATED])
def test_translations_keep_the_placeholders_of_the_german_text(code):
    """A placeholder the code does not fill (or a positional one too few) is a 500 at
    runtime; a lost one drops a name, a date or a link from the sentence."""
    wrong = []
    for entry in catalogue(code):
        if entry.msgid_plural:
            named = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural))
            for form, text in entry.msgstr_plural.items():
                source = placeholders(entry.msgid_plural if form else entry.msgid)
                got = placeholders(text)
                # A plural form may leave out the named count ("فعالية واحدة"), never add.
                positional = [p for p in got if not p.startswith("%(")]
                if not set(got) <= named or positional != [
                    p for p in source if not p.startswith("%(")
                ]:
                    wrong.append((entry.msgid, form, text))
        elif entry.msgstr and placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append((entry.msgid, entry.msgstr))
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seite %(number)s von %(total)s", ["%(number)", "%(total)"]),
        ("%s und %d, 100 %%", ["%d", "%s"]),
        ("In unserer {link}, {{nicht}}", ["{link}"]),
    ],
)
def test_placeholders_are_recognised(text, expected):
    assert placeholders(text) == expected


@pytest.mark.parametrize(
    ("code", "labels"),
    [
        ("en", ["Subtitle", "Open end", "Registration deadline"]),
        ("tr", ["Alt başlık", "Bitiş saati belirsiz", "Son kayıt tarihi"]),
        ("ar", ["العنوان الفرعي", "نهاية مفتوحة", "آخر موعد للتسجيل"]),
        ("uk", ["Підзаголовок", "Без визначеного завершення", "Кінцевий термін реєстрації"]),
    ],
)
def test_the_event_editor_speaks_the_editors_language(
    admin_client, admin_user, event_index, code, labels
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = code
    profile.save()
    event = EventPageFactory(parent=event_index)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert response.status_code == 200
    assert f'lang="{code}"' in response.text
    for label in labels:
        assert label in response.text
    assert "Anmeldeschluss" not in response.text
    assert "Untertitel" not in response.text


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("en", "Skip to content"),
        ("tr", "İçeriğe geç"),
        ("ar", "الانتقال إلى المحتوى"),
        ("uk", "Перейти до вмісту"),
    ],
)
def test_pages_speak_the_language_of_their_address(client, languages, code, text):
    response = client.get(f"/{code}/")
    assert text in response.text
    assert "Zum Inhalt springen" not in response.text
