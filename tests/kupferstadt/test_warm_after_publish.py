"""Publishing renders the pages the change touches (the page, its listing, the home page)
into the new generation of the page cache: the next anonymous visitor gets them from the
cache, without a single database query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..factories import NoticePageFactory

pytestmark = pytest.mark.usefixtures("page_cache")


def visit(client, page):
    site = page.get_site()
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(page.url, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode(), len(ctx.captured_queries)


def test_after_a_publish_the_next_visitor_gets_page_listing_and_home_from_the_cache(
    client, home, pinnwand, django_capture_on_commit_callbacks
):
    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé")
    notice.title = "Elterncafé im Rathaus"
    with django_capture_on_commit_callbacks(execute=True):
        notice.save_revision().publish()
    for page in (notice, pinnwand, home):
        html, queries = visit(client, page)
        assert "Elterncafé im Rathaus" in html
        assert queries == 0, page.url
