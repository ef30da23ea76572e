"""Partner feeds come in as drafts in "Freigabe Pinnwand", de-duplicated: a second run
changes nothing, a changed item goes back into moderation while the live version stays,
removed and cancelled items are flagged, rejected ones stay out."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, WorkflowState

from events.models import EventPage
from home.choices import FeedTarget, ImportedItemState
from home.feed_import.sync import import_due_feeds, import_feed
from home.models import NoticePage
from home.roles import APPROVERS

from ..factories import PartnerFeedFactory, TopicFactory, VenueFactory
from . import feed_samples


@pytest.fixture
def approver(django_user_model, pinnwand):
    user = django_user_model.objects.create_user("freigabe", "freigabe@stolberg.example", "x")
    user.groups.add(Group.objects.get(name=APPROVERS))
    return user


def in_moderation(page):
    return WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()


def notices():
    return NoticePage.objects.order_by("title")


def test_rss_items_become_drafts_in_moderation_naming_their_source(feeds, pinnwand, approver):
    topic = TopicFactory(name="Beratung")
    feed = PartnerFeedFactory(url=feeds.serve("/awo.xml", feed_samples.rss()), allow_http=True)
    feed.topics.set([topic])

    counts = import_feed(feed)

    assert counts["new"] == 2
    assert [n.title for n in notices()] == [
        "Schuldnerberatung",
        "Sprechstunde & Beratung für Seniorinnen",
    ]
    notice = notices().get(title__startswith="Sprechstunde")
    assert not notice.live
    assert in_moderation(notice)
    assert notice.get_parent().specific == pinnwand
    assert notice.owner.username == "feed-import"
    assert notice.provider.name == "AWO Stolberg"
    assert notice.source_url == "https://awo.example/aktuelles/sprechstunde"
    assert list(notice.topics.all()) == [topic]
    body = str(notice.body)
    assert "<b>ohne Termin</b>" in body
    assert "pixel.gif" not in body and "script" not in body and "javascript" not in body
    assert "onclick" not in body and 'href="https://awo.example/kontakt"' in body
    feed.refresh_from_db()
    assert feed.last_error == ""
    assert feed.count_new == 2


def test_a_second_import_changes_nothing(feeds, pinnwand, approver):
    feed = PartnerFeedFactory(url=feeds.serve("/awo.xml", feed_samples.rss()), allow_http=True)
    import_feed(feed)
    revisions = {n.pk: n.latest_revision_id for n in notices()}
    states = WorkflowState.objects.count()

    counts = import_feed(feed)

    assert counts["new"] == 0 and counts["changed"] == 0 and counts["unchanged"] == 2
    assert {n.pk: n.latest_revision_id for n in notices()} == revisions
    assert WorkflowState.objects.count() == states


def test_not_modified_answer_counts_everything_unchanged(feeds, pinnwand, approver):
    url = feeds.serve("/awo.xml", feed_samples.rss(), etag='"v1"')
    feed = PartnerFeedFactory(url=url, allow_http=True)
    import_feed(feed)
    feed.refresh_from_db()
    assert feed.etag == '"v1"'

    counts = import_feed(feed)

    assert counts["unchanged"] == 2 and counts["new"] == 0
    assert notices().count() == 2


def test_a_changed_item_goes_back_into_moderation_while_the_live_version_stays(
    feeds, pinnwand, approver
):
    url = feeds.serve("/awo.xml", feed_samples.rss())
    feed = PartnerFeedFactory(url=url, allow_http=True)
    import_feed(feed)
    notice = notices().get(title="Schuldnerberatung")
    notice.current_workflow_state.cancel(user=approver)
    notice.get_latest_revision().publish(user=approver)
    notice.refresh_from_db()
    assert notice.live

    feeds.serve("/awo.xml", feed_samples.rss(second_title="Schuldner- und Insolvenzberatung"))
    counts = import_feed(feed)

    assert counts["changed"] == 1 and counts["unchanged"] == 1
    notice.refresh_from_db()
    assert notice.live and notice.title == "Schuldnerberatung"
    assert notice.has_unpublished_changes
    assert notice.get_latest_revision_as_object().title == "Schuldner- und Insolvenzberatung"
    assert in_moderation(notice)


def test_removed_item_is_flagged_not_deleted_and_rejected_item_stays_out(feeds, pinnwand, approver):
    url = feeds.serve("/awo.xml", feed_samples.rss())
    feed = PartnerFeedFactory(url=url, allow_http=True)
    import_feed(feed)
    rejected = feed.items.get(title="Schuldnerberatung")
    rejected.state = ImportedItemState.REJECTED
    rejected.save()
    third = """<item><title>Neu: Tanzcafé</title><guid>awo-9</guid>
    <link>https://awo.example/tanz</link><description>Tanzen</description></item>"""
    feeds.serve("/awo.xml", feed_samples.rss(second_title="Schulden?", extra_item=third))
    import_feed(feed)

    feeds.serve("/awo.xml", feed_samples.rss())
    counts = import_feed(feed)

    assert counts["removed"] == 1 and counts["rejected"] == 1
    removed = feed.items.get(key="awo-9")
    assert removed.state == ImportedItemState.REMOVED
    assert Page.objects.filter(pk=removed.page_id).exists()
    assert notices().filter(title="Schulden?").count() == 0
    assert notices().get(pk=rejected.page_id).latest_revision.as_object().title == (
        "Schuldnerberatung"
    )


def test_atom_entries_keep_only_allowed_html(feeds, pinnwand, approver):
    feed = PartnerFeedFactory(url=feeds.serve("/vhs.atom", feed_samples.atom()), allow_http=True)
    import_feed(feed)
    (notice,) = notices()
    assert notice.title == "Deutschkurs A1 am Abend"
    body = str(notice.body)
    assert "<li><i>kostenlos</i></li>" in body
    assert "iframe" not in body
    assert notice.source_url == "https://vhs.example/kurse/a1"


def test_ical_recurring_event_becomes_one_event_per_occurrence(feeds, event_index, approver):
    venue = VenueFactory(name="Familienzentrum Mühle")
    feed = PartnerFeedFactory(
        url=feeds.serve("/fz.ics", feed_samples.ical()),
        allow_http=True,
        target=FeedTarget.EVENTS,
        default_venue=VenueFactory(name="Stadtgebiet"),
    )

    counts = import_feed(feed)

    assert counts["new"] == 4, feed.last_error
    events = EventPage.objects.order_by("start")
    treffs = [e for e in events if e.title == "Offener Elterntreff"]
    assert [e.local_start.date() for e in treffs] == [
        feed_samples.day(10),
        feed_samples.day(17),
        feed_samples.day(24),
    ]
    assert all(e.local_start.hour == 9 and e.local_start.minute == 30 for e in treffs)
    assert all(e.venue == venue and e.host == feed.organisation for e in treffs)
    fest = events.get(title="Familienfest")
    assert fest.all_day and fest.venue == feed.default_venue
    assert all(not e.live and in_moderation(e) for e in events)
    assert import_feed(feed)["unchanged"] == 4


def test_cancelled_event_is_flagged_and_its_draft_says_cancelled(feeds, event_index, approver):
    feed = PartnerFeedFactory(
        url=feeds.serve("/fz.ics", feed_samples.ical()),
        allow_http=True,
        target=FeedTarget.EVENTS,
        default_venue=VenueFactory(name="Stadtgebiet"),
    )
    import_feed(feed)

    feeds.serve("/fz.ics", feed_samples.ical(status="CANCELLED"))
    counts = import_feed(feed)

    assert counts["changed"] == 1
    item = feed.items.get(key="sommerfest-2026@familienzentrum.example")
    assert item.state == ImportedItemState.CANCELLED
    fest = EventPage.objects.get(title="Familienfest")
    assert fest.get_latest_revision_as_object().status == "cancelled"
    assert in_moderation(fest)


def test_ical_to_the_pinnwand_names_date_and_place(feeds, pinnwand, approver):
    feed = PartnerFeedFactory(url=feeds.serve("/fz.ics", feed_samples.ical()), allow_http=True)
    import_feed(feed)
    notice = notices().filter(title="Offener Elterntreff").order_by("valid_until").first()
    assert notice.valid_until == feed_samples.day(10)
    assert "Ort: Familienzentrum Mühle" in str(notice.body)
    assert "Ohne Anmeldung." in str(notice.body)


def test_keyword_filter_imports_only_matching_items(feeds, pinnwand, approver):
    feed = PartnerFeedFactory(
        url=feeds.serve("/awo.xml", feed_samples.rss()), allow_http=True, keyword="senioren"
    )
    import_feed(feed)
    assert [n.title for n in notices()] == ["Sprechstunde & Beratung für Seniorinnen"]


def test_command_imports_due_feeds_and_skips_the_others(feeds, pinnwand, approver):
    due = PartnerFeedFactory(url=feeds.serve("/awo.xml", feed_samples.rss()), allow_http=True)
    inactive = PartnerFeedFactory(
        url=feeds.serve("/vhs.atom", feed_samples.atom()), allow_http=True, active=False
    )
    call_command("import_feeds")
    due.refresh_from_db()
    inactive.refresh_from_db()
    assert due.count_new == 2 and due.last_fetched_at is not None
    assert inactive.last_fetched_at is None
    # Fetched just now: not due again.
    assert import_due_feeds() == {}
    call_command("import_feeds", feed=[inactive.pk])
    inactive.refresh_from_db()
    assert inactive.count_new == 1
