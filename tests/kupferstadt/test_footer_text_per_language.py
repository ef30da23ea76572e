"""The footer text is a translatable snippet: each language shows its own, the German
one where no translation exists yet."""

from bs4 import BeautifulSoup
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from kupferstadt.models import FooterText


def footer(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser").select_one(".site-footer__text").text


def test_footer_text_in_each_language(client, languages):
    german = FooterText.objects.create(text="<p>Ein Angebot der Stadt Stolberg.</p>")
    source, _ = TranslationSource.get_or_create_from_instance(german)
    translation = Translation.objects.create(source=source, target_locale=languages["en"])
    segment = StringSegment.objects.get(source=source)
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=languages["en"],
        context=segment.context,
        data="A service of the town of Stolberg.",
    )
    translation.save_target()

    assert "A service of the town of Stolberg." in footer(client, "/en/")
    assert "Ein Angebot der Stadt Stolberg." in footer(client, "/de/")
    assert "Ein Angebot der Stadt Stolberg." in footer(client, "/tr/")
