"""Our German catalogue addresses citizens formally and is compiled as committed."""

from pathlib import Path

import polib
import pytest
from django import forms
from django.utils import translation

import kupferstadt

LOCALE = Path(kupferstadt.__file__).parent / "locale"


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


def public_template_entries(po):
    """Entries used by a template citizens see (not the admin's)."""
    return [
        entry
        for entry in po
        if any("/templates/" in path and "/admin/" not in path for path, _ in entry.occurrences)
    ]


def translated(entry):
    if entry.msgid_plural:
        return all(entry.msgstr_plural.values())
    return bool(entry.msgstr) and "fuzzy" not in entry.flags


def test_english_catalogue_is_complete():
    po = polib.pofile(LOCALE / "en/LC_MESSAGES/django.po")
    assert len(po) > 400
    assert [entry.msgid for entry in po if not translated(entry)] == []


@pytest.mark.parametrize("code", ["en", "tr", "ar", "uk"])
def test_every_public_template_text_is_translated(code):
    po = polib.pofile(LOCALE / f"{code}/LC_MESSAGES/django.po")
    entries = public_template_entries(po)
    assert len(entries) > 150
    assert [entry.msgid for entry in entries if not translated(entry)] == []


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
