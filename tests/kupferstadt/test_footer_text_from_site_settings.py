"""The footer text has one source, the translatable snippet: the text an installation
kept in its website settings becomes the German snippet when it migrates, so the footer
shows the same text in every language as before."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Site

from kupferstadt.models import FooterText

BEFORE = [("kupferstadt", "0007_barrier_report_handled_at")]
AFTER = [("kupferstadt", "0008_footer_text_snippet_only")]


@pytest.fixture
def migrate(transactional_db):
    """Migrates the database to ``targets``; afterwards back to the latest state."""
    executor = MigrationExecutor(connection)

    def to(targets=None):
        """``None``: the latest state, which the pages of today's code need."""
        executor.loader.build_graph()
        targets = targets or executor.loader.graph.leaf_nodes()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    yield to
    to()


def store_settings_footer(old_apps, text):
    SiteSettings = old_apps.get_model("kupferstadt", "SiteSettings")
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(site_id=site.pk, defaults={"footer_text": text})


def footer(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser").select_one(".site-footer__text").text


def test_settings_footer_text_becomes_the_german_footer_in_every_language(
    client, languages, migrate
):
    store_settings_footer(migrate(BEFORE), "<p>Sozialplanung im Rathaus.</p>")
    migrate(AFTER)
    migrate()

    assert [text.locale.language_code for text in FooterText.objects.all()] == ["de"]
    assert "Sozialplanung im Rathaus." in footer(client, "/de/")
    assert "Sozialplanung im Rathaus." in footer(client, "/en/")


def test_an_existing_german_footer_snippet_stays_the_only_one(client, home, migrate):
    FooterText.objects.create(text="<p>Ein Angebot der Stadt Stolberg.</p>")
    store_settings_footer(migrate(BEFORE), "<p>Sozialplanung im Rathaus.</p>")
    migrate(AFTER)
    migrate()

    assert FooterText.objects.count() == 1
    shown = footer(client, "/de/")
    assert "Ein Angebot der Stadt Stolberg." in shown
    assert "Sozialplanung" not in shown


def test_without_any_footer_text_none_is_created(client, home, migrate):
    store_settings_footer(migrate(BEFORE), "")
    migrate(AFTER)
    migrate()

    assert not FooterText.objects.exists()
    response = client.get("/de/")
    assert response.status_code == 200
    assert "site-footer__text" not in response.text
