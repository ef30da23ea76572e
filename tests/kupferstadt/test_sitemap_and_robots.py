"""sitemap.xml (Wagtail's sitemap module) and robots.txt."""

import xml.etree.ElementTree as ET

from wagtail.models import PageViewRestriction

from ..factories import NoticePageFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {loc.text for loc in root.findall("s:url/s:loc", NS)}


def test_sitemap_lists_live_public_pages_only(client, pinnwand):
    live = NoticePageFactory(parent=pinnwand, title="Öffentlich")
    draft = NoticePageFactory(parent=pinnwand, title="Entwurf")
    draft.unpublish()
    private = NoticePageFactory(parent=pinnwand, title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    locations = sitemap_locations(client)
    assert "http://testserver/de/" in locations
    assert "http://testserver" + live.url in locations
    assert "http://testserver" + pinnwand.url in locations
    assert not any("entwurf" in loc or "intern" in loc for loc in locations)


def test_robots_txt_names_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text
