# The notice's region stored in English ("city", "city_region") instead of German ("stadt",
# "staedteregion"): the page rows, their revisions (so reverting to an old one keeps a valid
# value) and wagtail-localize's translation sources (whose copy of the field is synchronised
# into the translations).

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models

FORWARD = {"stadt": "city", "staedteregion": "city_region"}
BACKWARD = {new: old for old, new in FORWARD.items()}


def convert(apps, mapping):
    NoticePage = apps.get_model("home", "NoticePage")
    for old, new in mapping.items():
        NoticePage.objects.filter(region=old).update(region=new)

    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="home", model="noticepage").first()
    if content_type is None:
        return  # a new database: no revisions or translation sources yet

    Revision = apps.get_model("wagtailcore", "Revision")
    changed = []
    for revision in Revision.objects.filter(content_type_id=content_type.pk).only("content"):
        value = revision.content.get("region") if isinstance(revision.content, dict) else None
        if value in mapping:
            revision.content["region"] = mapping[value]
            changed.append(revision)
    Revision.objects.bulk_update(changed, ["content"], batch_size=500)

    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    changed = []
    sources = TranslationSource.objects.filter(specific_content_type_id=content_type.pk)
    for source in sources.only("content_json"):
        content = json.loads(source.content_json)
        if content.get("region") in mapping:
            content["region"] = mapping[content["region"]]
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            changed.append(source)
    TranslationSource.objects.bulk_update(changed, ["content_json"], batch_size=500)


def to_english(apps, schema_editor):
    convert(apps, FORWARD)


def to_german(apps, schema_editor):
    convert(apps, BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0009_noticepage_current_index"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.AlterField(
            model_name="noticepage",
            name="region",
            field=models.CharField(
                choices=[("city", "Stadt Stolberg"), ("city_region", "Städteregion Aachen")],
                default="city",
                help_text="Ist das Angebot in Stolberg oder in der Städteregion Aachen?",
                max_length=20,
                verbose_name="Region",
            ),
        ),
        migrations.RunPython(to_english, to_german),
    ]
