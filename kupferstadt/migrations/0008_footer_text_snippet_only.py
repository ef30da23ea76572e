"""The footer text has one source: the translatable FooterText snippet. The text of the
site settings becomes the German snippet where there is none yet (with one, the settings'
text was never shown), then the settings field goes."""

import uuid

from django.conf import settings
from django.db import migrations
from wagtail.coreutils import get_supported_content_language_variant


def german_locale(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Locale.objects.get_or_create(language_code=code)[0]


def settings_text_into_snippet(apps, schema_editor):
    SiteSettings = apps.get_model("kupferstadt", "SiteSettings")
    FooterText = apps.get_model("kupferstadt", "FooterText")
    # The default site's text first: the snippet holds one text for every site.
    texts = (
        SiteSettings.objects.exclude(footer_text="")
        .order_by("-site__is_default_site", "pk")
        .values_list("footer_text", flat=True)
    )
    text = next((text for text in texts if text.strip()), None)
    if text is None:
        return
    locale = german_locale(apps)
    if not FooterText.objects.filter(locale=locale).exists():
        FooterText.objects.create(text=text, locale=locale, translation_key=uuid.uuid4())


def snippet_into_settings_text(apps, schema_editor):
    SiteSettings = apps.get_model("kupferstadt", "SiteSettings")
    FooterText = apps.get_model("kupferstadt", "FooterText")
    german = FooterText.objects.filter(locale=german_locale(apps)).first()
    if german is not None:
        SiteSettings.objects.filter(footer_text="").update(footer_text=german.text)


class Migration(migrations.Migration):
    dependencies = [
        ("kupferstadt", "0007_barrier_report_handled_at"),
    ]

    operations = [
        migrations.RunPython(settings_text_into_snippet, snippet_into_settings_text),
        migrations.RemoveField(model_name="sitesettings", name="footer_text"),
    ]
