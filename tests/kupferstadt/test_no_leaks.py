"""Drafts, withdrawn pages, unpublished revisions, private pages and previews never reach
an anonymous visitor: not as a page, not in search or suggestions, feeds, the calendar,
the sitemap or the open data API.

Every hidden page carries a code word in its title and body; each channel is fetched
anonymously and must not contain any of them, while a public control page does appear,
so the test cannot pass by showing nothing.
"""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from ..factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NoticePageFactory,
    PinnwandPageFactory,
    ProjectPageFactory,
)

PUBLIC = "Kontrollwort"
HIDDEN = {
    "draft": "Entwurfswort",
    "withdrawn": "Rueckzugswort",
    "revision": "Revisionswort",
    "login": "Anmeldewort",
    "password": "Passwortwort",
    "private_section": "Bereichswort",
}


def restrict(page, kind):
    if kind == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    else:
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="kupfer"
        )


def pair(pinnwand, event_index, word, **kwargs):
    """A notice and an event with ``word`` in title and text."""
    notice = NoticePageFactory(
        parent=pinnwand, title=f"Geheimsache {word}", teaser=f"Text {word}.", **kwargs
    )
    event = EventPageFactory(
        parent=event_index, title=f"Termin Geheimsache {word}", subtitle=word, **kwargs
    )
    return notice, event


@pytest.fixture
def tree(home, pinnwand, event_index, leitbild):
    pages = {"public": pair(pinnwand, event_index, PUBLIC)}
    pages["draft"] = pair(pinnwand, event_index, HIDDEN["draft"], live=False)
    pages["withdrawn"] = pair(pinnwand, event_index, HIDDEN["withdrawn"])
    for page in pages["withdrawn"]:
        page.unpublish()
    # A live page whose newer, unpublished revision holds the secret.
    pages["revision"] = pair(pinnwand, event_index, "Liveversion")
    for page in pages["revision"]:
        page.title = page.title.replace("Liveversion", HIDDEN["revision"])
        page.save_revision()
    for kind in ("login", "password"):
        pages[kind] = pair(pinnwand, event_index, HIDDEN[kind])
        for page in pages[kind]:
            restrict(page, kind)
    inner_pinnwand = PinnwandPageFactory(parent=home, title="Intern", slug="intern")
    inner_events = EventIndexPageFactory(parent=home, title="Interne Termine", slug="termine")
    for section in (inner_pinnwand, inner_events):
        restrict(section, "login")
    pages["private_section"] = pair(inner_pinnwand, inner_events, HIDDEN["private_section"])
    # A public notice pointing at a hidden event and a hidden initiative.
    hidden_project = ProjectPageFactory(parent=leitbild, title="Geheimsache Anmeldewort Initiative")
    restrict(hidden_project, "login")
    pages["pointer"] = (
        NoticePageFactory(
            parent=pinnwand,
            title="Hinweis auf Geheimsache",
            event=pages["draft"][1],
            project=hidden_project,
        ),
    )
    pages["pointer"] += (
        EventPageFactory(
            parent=event_index, title="Termin mit Hinweis", related_projects=[hidden_project]
        ),
    )
    return {
        "pages": pages,
        "feeds": [
            pinnwand.url + "rss/",
            pinnwand.url + "atom/",
            event_index.url + "rss/",
            event_index.url + "ical/",
            inner_pinnwand.url + "rss/",
            inner_events.url + "ical/",
        ],
    }


def traces(word):
    """How a hidden page would show: its title, its text, its address (slug)."""
    return [f"geheimsache {word}", f"text {word}", f"geheimsache-{word}"]


def assert_nothing_hidden(text, where):
    text = text.lower()
    found = [w for w in HIDDEN.values() if any(t in text for t in traces(w.lower()))]
    assert found == [], f"{where} zeigt {found}"


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def channel_pages(client, tree):
    shown = []
    for case, pages in tree["pages"].items():
        for page in pages:
            response = client.get(page.url)
            # The address the visitor typed may come back (login or password form).
            text = body(response).replace(page.url, "")
            assert_nothing_hidden(text, page.url)
            if case in ("public", "revision", "pointer"):
                assert response.status_code == 200, page.url
                shown.append(text)
            else:
                assert response.status_code in (302, 401, 404) or "password" in text, page.url
    return "".join(shown)


def channel_search(client, tree):
    texts = [
        body(client.get("/de/suche/", {"q": "Geheimsache"})),
        body(client.get("/de/suche/", {"q": "Geheimsache", "type": "events"})),
        body(client.get("/de/suche/", {"q": "Geheimsache", "archive": "1"})),
        body(client.get(reverse("search_autocomplete"), {"q": "Geheimsache"})),
    ]
    for word in HIDDEN.values():
        texts.append(body(client.get("/de/suche/", {"q": word})))
    text = "".join(texts)
    assert_nothing_hidden(text, "Suche")
    return text


def channel_feeds(client, tree):
    texts = [body(client.get(url)) for url in tree["feeds"]]
    text = "".join(texts)
    assert_nothing_hidden(text, "Feeds")
    return text


def channel_sitemap(client, tree):
    text = body(client.get("/sitemap.xml"))
    assert_nothing_hidden(text, "Sitemap")
    return text


def channel_api(client, tree):
    texts = [
        body(client.get("/api/v2/pages/", {"limit": 100, "fields": "title"})),
        body(client.get("/api/v2/pages/", {"search": "Geheimsache", "fields": "title"})),
    ]
    for case, pages in tree["pages"].items():
        for page in pages:
            response = client.get(f"/api/v2/pages/{page.pk}/", follow=True)
            if case not in ("public", "revision", "pointer"):
                assert response.status_code == 404, (case, page.pk)
            texts.append(body(response))
    text = "".join(texts)
    assert_nothing_hidden(text, "API")
    return text


def channel_preview(client, tree):
    texts = []
    for pages in tree["pages"].values():
        for page in pages:
            for url in (
                reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
                reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
                reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
            ):
                response = client.get(url)
                assert response.status_code == 302 and "/admin/login/" in response["Location"]
                texts.append(body(response))
    assert_nothing_hidden("".join(texts), "Vorschau")
    # A control that does not depend on the admin: the public page shows the live title.
    return body(client.get(tree["pages"]["public"][0].url))


CHANNELS = {
    "Seiten": channel_pages,
    "Suche": channel_search,
    "Feeds und Kalender": channel_feeds,
    "Sitemap": channel_sitemap,
    "API": channel_api,
    "Vorschau": channel_preview,
}


@pytest.mark.parametrize("channel", CHANNELS)
def test_hidden_content_never_leaks(client, tree, channel):
    shown = CHANNELS[channel](client, tree)
    # The control proves the channel works and lists public content.
    assert any(trace in shown.lower() for trace in traces(PUBLIC.lower()))
