"""Our German catalogue addresses citizens formally and is compiled as committed."""

from pathlib import Path

import polib
from django import forms
from django.utils import translation

import kupferstadt

LOCALE = Path(kupferstadt.__file__).parent / "locale"


def test_compiled_catalogues_match_their_sources():
    for po_path in LOCALE.glob("*/LC_MESSAGES/django.po"):
        source = {(e.msgid, e.msgstr or str(e.msgstr_plural)) for e in polib.pofile(po_path)}
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
