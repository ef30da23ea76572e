"""The site frame (navigation, language links, footer, site settings, breadcrumbs) is
built once per content version and language and read from the cache with the generation;
a publish shows the new frame at once, and the frame carries nothing personal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kupferstadt.models import FooterText, SiteSettings

from ..factories import NoticePageFactory, StandardPageFactory


def queries_of(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), ctx.captured_queries


def frame_queries(queries, site_wide_only=False):
    """Queries for what only the frame needs: site, settings, footer text, menu and (of
    the page itself) language links and breadcrumbs."""
    tables = ('"wagtailcore_site"', '"kupferstadt_sitesettings"', '"kupferstadt_footertext"')
    conditions = ['"show_in_menus"']
    if not site_wide_only:
        conditions += ['"translation_key" =', '"depth" > 1']
    found = []
    for query in queries:
        source, _, where = query["sql"].partition(" FROM ")[2].partition(" WHERE ")
        if source.startswith(tables) or any(condition in where for condition in conditions):
            found.append(query["sql"])
    return found


@pytest.fixture
def site(home, pinnwand):
    StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns", show_in_menus=True)
    FooterText.objects.create(text="<p>Ein Angebot der Sozialplanung</p>")
    return home


def test_another_page_reads_the_site_wide_frame_without_queries(client, site, pinnwand):
    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé")
    client.get(site.url)
    html, queries = queries_of(client, notice.url)
    assert "Über uns" in html
    assert "Ein Angebot der Sozialplanung" in html
    assert frame_queries(queries, site_wide_only=True) == []


def test_second_view_of_a_page_reads_its_whole_frame_without_queries(client, site, pinnwand):
    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé")
    client.get(notice.url)
    html, queries = queries_of(client, notice.url)
    assert '<a href="/de/pinnwand/">Pinnwand</a>' in html  # breadcrumbs
    assert 'hreflang="de"' in html
    assert frame_queries(queries) == []


def test_publishing_a_menu_page_shows_it_in_the_navigation_at_once(client, site, pinnwand):
    client.get(pinnwand.url)
    client.get(pinnwand.url)
    page = StandardPageFactory(parent=site, title="Sprechstunde", show_in_menus=True)
    page.save_revision().publish()
    html, _queries = queries_of(client, pinnwand.url)
    assert '<a href="/de/sprechstunde/">Sprechstunde</a>' in html
    html, queries = queries_of(client, pinnwand.url)
    assert "Sprechstunde" in html
    assert frame_queries(queries) == []


def test_changed_site_settings_show_in_the_footer_at_once(client, site):
    client.get(site.url)
    client.get(site.url)
    settings = SiteSettings.for_site(site.get_site())
    settings.organisation_name = "Sozialplanung der Kupferstadt"
    settings.save()
    html, _queries = queries_of(client, site.url)
    assert "<strong>Sozialplanung der Kupferstadt</strong>" in html
    html, queries = queries_of(client, site.url)
    assert "<strong>Sozialplanung der Kupferstadt</strong>" in html
    # The home page's own listings (events at their next date) match the page-level
    # heuristic; the settings and footer are site-wide.
    assert frame_queries(queries, site_wide_only=True) == []


def test_a_logged_in_visit_leaves_nothing_personal_in_the_frame(
    client, site, pinnwand, django_user_model
):
    editor = django_user_model.objects.create_superuser("redakteurin", "r@example.org", "geheim")
    client.force_login(editor)
    assert client.get(pinnwand.url).status_code == 200
    client.logout()
    html, queries = queries_of(client, pinnwand.url)
    assert frame_queries(queries) == []
    assert "redakteurin" not in html
    assert "wagtail-userbar" not in html


def test_a_page_takes_its_links_site_from_the_frame(client, site, pinnwand, monkeypatch):
    """Every link of a page (its own share link and canonical address included) is built
    from the site root paths the frame keeps; none asks Wagtail's cache for them again."""
    from wagtail.models import Site

    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé")
    urls = (notice.url, notice.url + "druckansicht/", pinnwand.url)
    client.get(notice.url)
    calls = []
    original = Site.get_site_root_paths

    def counted():
        calls.append(1)
        return original()

    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(counted))
    for url in urls:
        assert client.get(url).status_code == 200
    assert calls == []
