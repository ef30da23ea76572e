"""Machine translation is chosen by environment variables, with the key from the
environment; without a key it is off (the dummy translator only in development)."""

from django.utils.module_loading import import_string
from wagtail_localize.machine_translators import get_machine_translator

from kupferstadt.settings.base import machine_translator


def test_deepl_with_its_key_from_the_environment():
    config = machine_translator({"DEEPL_API_KEY": "abc:fx"})
    translator = import_string(config["CLASS"])(config["OPTIONS"])
    assert translator.display_name == "DeepL"
    assert translator.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"


def test_libretranslate_as_the_self_hosted_alternative():
    config = machine_translator(
        {"LIBRETRANSLATE_URL": "https://uebersetzen.intern", "LIBRETRANSLATE_API_KEY": "k"}
    )
    translator = import_string(config["CLASS"])(config["OPTIONS"])
    assert translator.get_api_endpoint() == "https://uebersetzen.intern"


def test_without_a_key_machine_translation_is_off(settings):
    assert machine_translator({}) is None
    assert get_machine_translator() is None  # the test settings have no key


def test_dummy_translator_only_in_development():
    from kupferstadt.settings import dev

    assert dev.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith("dummy.DummyTranslator")
    assert dev.DEBUG
