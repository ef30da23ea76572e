"""404 and 500 pages in the site's look, in German."""

from django.template.loader import render_to_string


def test_unknown_page_gives_german_404_in_site_layout(client, home):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.text
    assert 'class="site-header"' in response.text
    assert 'href="#main"' in response.text


def test_500_page_renders_without_database_or_context():
    html = render_to_string("500.html")
    assert "Technischer Fehler" in html
    assert 'lang="de"' in html
    assert "/static/css/site.css" in html
