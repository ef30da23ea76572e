"""The Redaktion registers a partner feed, fetches it with "Jetzt abrufen", sees the result
and the last error in the listing, and marks an item "nicht mehr importieren"; approved
imports name their source on the page."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from events.models import EventPage
from home.choices import FeedTarget, ImportedItemState
from home.feed_import.sync import import_feed
from home.models import NoticePage, PartnerFeed
from home.roles import APPROVERS, EDITORS

from ..factories import OrganisationFactory, PartnerFeedFactory, VenueFactory
from . import feed_samples


@pytest.fixture
def editor(django_user_model, pinnwand):
    user = django_user_model.objects.create_user("redaktion", "redaktion@example.org", "x")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def approver(django_user_model, pinnwand):
    user = django_user_model.objects.create_user("freigabe", "freigabe@example.org", "x")
    user.groups.add(Group.objects.get(name=APPROVERS))
    return user


def test_editor_registers_a_feed_and_fetches_it(client, editor, approver, feeds):
    awo = OrganisationFactory(name="AWO Stolberg")
    url = feeds.serve("/awo.xml", feed_samples.rss())
    client.force_login(editor)

    response = client.post(
        reverse("wagtailsnippets_home_partnerfeed:add"),
        {
            "organisation": awo.pk,
            "url": url,
            "allow_http": "on",
            "kind": "detect",
            "target": "pinnwand",
            "region": "city_region",
            "active": "on",
            "interval_hours": 24,
            "keyword": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    feed = PartnerFeed.objects.get()

    listing = client.get(reverse("wagtailsnippets_home_partnerfeed:list")).text
    fetch_url = reverse("kupferstadt_fetch_feed", args=[feed.pk])
    assert fetch_url in listing and "Jetzt abrufen" in listing
    assert "Feed jetzt abrufen" in client.get(fetch_url).text
    response = client.post(fetch_url, follow=True)

    assert "2 neu, 0 geändert, 0 unverändert, 0 entfernt, 0 abgelehnt" in response.text
    assert NoticePage.objects.filter(live=False).count() == 2
    client.force_login(approver)
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert "Zur Freigabe" in dashboard and "Schuldnerberatung" in dashboard


def test_http_address_needs_the_editors_confirmation(client, editor):
    awo = OrganisationFactory(name="AWO Stolberg")
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_home_partnerfeed:add"),
        {
            "organisation": awo.pk,
            "url": "http://awo.example/feed.xml",
            "kind": "detect",
            "target": "pinnwand",
            "region": "city_region",
            "active": "on",
            "interval_hours": 24,
        },
    )
    assert response.status_code == 200
    assert "Unverschlüsseltes http erlauben" in response.text
    assert not PartnerFeed.objects.exists()


def test_listing_shows_the_last_error_in_german(client, editor, feeds):
    feed = PartnerFeedFactory(url=feeds.serve("/kaputt", b"", status=500), allow_http=True)
    import_feed(feed)
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_home_partnerfeed:list")).text
    assert "Der Server des Feeds antwortete mit dem Fehler 500." in listing


def test_editor_rejects_an_item_for_good(client, editor, approver, feeds, pinnwand):
    feed = PartnerFeedFactory(url=feeds.serve("/awo.xml", feed_samples.rss()), allow_http=True)
    import_feed(feed)
    item = feed.items.get(key="awo-4711")
    client.force_login(editor)
    items = client.get(reverse("wagtailsnippets_home_importeditem:list")).text
    assert "Sprechstunde" in items

    response = client.post(
        reverse("wagtailsnippets_home_importeditem:edit", args=[item.pk]),
        {"state": ImportedItemState.REJECTED},
    )
    assert response.status_code == 302
    feeds.serve("/awo.xml", feed_samples.rss().replace(b"ohne Termin", b"mit Termin"))
    counts = import_feed(feed)
    assert counts["rejected"] == 1 and counts["changed"] == 0
    assert "ohne Termin" in str(NoticePage.objects.get(pk=item.page_id).body)


def test_approved_import_names_its_source_on_the_board(client, approver, feeds, pinnwand):
    feed = PartnerFeedFactory(url=feeds.serve("/awo.xml", feed_samples.rss()), allow_http=True)
    import_feed(feed)
    notice = NoticePage.objects.get(title="Schuldnerberatung")
    task_state = notice.current_workflow_task_state
    client.force_login(approver)
    response = client.post(
        f"/admin/pages/workflow/action/{notice.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code == 302
    client.logout()

    assert "Schuldnerberatung" in client.get(pinnwand.url).text
    page = client.get(notice.url).text
    assert "Quelle" in page and "AWO Stolberg, <a" in page
    assert 'href="https://awo.example/aktuelles/schulden"' in page
    assert "Original ansehen" in page


def test_published_imported_event_names_its_source(client, feeds, event_index, approver):
    feed = PartnerFeedFactory(
        organisation=OrganisationFactory(name="Familienzentrum Mühle"),
        url=feeds.serve("/fz.ics", feed_samples.ical()),
        allow_http=True,
        target=FeedTarget.EVENTS,
        default_venue=VenueFactory(name="Stadtgebiet"),
    )
    import_feed(feed)
    fest = EventPage.objects.get(title="Familienfest")
    fest.current_workflow_state.cancel()
    fest.get_latest_revision().publish()

    page = client.get(fest.url).text

    assert "Familienzentrum Mühle, <a" in page
    assert 'href="https://familienzentrum.example/fest"' in page
    assert "Original ansehen" in page
