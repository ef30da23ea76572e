"""A notice's region is stored in English ("city", "city_region"): migrating converts the
German values stored before in the page rows, their revisions and the translation sources,
so the board filters, old revisions and translations keep a valid region."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail_localize.models import TranslationSource

from home.models import NoticePage

from ..factories import NoticePageFactory

BEFORE = [("home", "0009_noticepage_current_index")]
AFTER = [("home", "0010_region_values_in_english")]


@pytest.fixture
def migrate(transactional_db):
    """Migrates the database to ``targets``; afterwards back to the latest state."""
    executor = MigrationExecutor(connection)

    def to(targets=None):
        """``None``: the latest state, which today's models read."""
        executor.loader.build_graph()
        targets = targets or executor.loader.graph.leaf_nodes()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    yield to
    to(executor.loader.graph.leaf_nodes())


def test_german_region_values_become_english_in_rows_revisions_and_sources(
    client, pinnwand, migrate
):
    # Rows written by today's code (later migrations add columns the old schema lacks),
    # then the schema taken back to before the conversion, with the German values of then.
    aachen = NoticePageFactory(parent=pinnwand, title="Beratung Aachen", region="city_region")
    stolberg = NoticePageFactory(parent=pinnwand, title="Treff Stolberg")
    revision = aachen.save_revision()
    revision.publish()
    source, _created = TranslationSource.get_or_create_from_instance(aachen)
    old_apps = migrate(BEFORE)
    OldNoticePage = old_apps.get_model("home", "NoticePage")
    OldNoticePage.objects.filter(pk=aachen.pk).update(region="staedteregion")
    OldNoticePage.objects.filter(pk=stolberg.pk).update(region="stadt")
    revision.refresh_from_db()
    revision.content["region"] = "staedteregion"
    revision.save(update_fields=["content"])
    source.refresh_from_db()
    source.content_json = source.content_json.replace('"city_region"', '"staedteregion"')
    source.save(update_fields=["content_json"])
    migrate(AFTER)
    migrate()

    assert NoticePage.objects.get(pk=aachen.pk).region == "city_region"
    assert NoticePage.objects.get(pk=stolberg.pk).region == "city"
    revision.refresh_from_db()
    assert revision.content["region"] == "city_region"
    assert revision.as_object().get_region_display() == "Städteregion Aachen"
    source.refresh_from_db()
    assert source.as_instance().region == "city_region"
    response = client.get(pinnwand.url, {"region": "city_region"})
    assert [n.title for n in response.context["notices"]] == ["Beratung Aachen"]
    assert "Städteregion Aachen" in response.text


def test_migrating_back_restores_the_german_values(pinnwand, migrate):
    notice = NoticePageFactory(parent=pinnwand, title="Treff", region="city")
    revision = notice.save_revision()
    old_apps = migrate(BEFORE)

    assert old_apps.get_model("home", "NoticePage").objects.get(pk=notice.pk).region == "stadt"
    revision.refresh_from_db()
    assert revision.content["region"] == "stadt"
