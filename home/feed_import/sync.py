"""One import run of a partner feed: fetch, parse, and bring the drafts up to date.

- A new item becomes a draft page and goes into the approval workflow "Freigabe Pinnwand".
- A changed item (its content hash differs) gets a new revision on its page and goes back
  into moderation; what is live stays live and unchanged until the approval.
- An item that is no longer in the feed, or that the partner cancelled, is flagged on its
  ``ImportedItem`` for the editors; its page is neither deleted nor unpublished.
- An item an editor rejected ("nicht mehr importieren") is skipped for good.
- An unchanged item is left alone: running the import twice changes nothing.

Whatever goes wrong while fetching or reading the feed, the feed gets its German
``last_error`` and nothing imported before is touched; other feeds go on."""

import logging
from collections import Counter

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..choices import ImportedItemState
from ..models import ImportedItem, PartnerFeed
from .fetch import FeedError, fetch
from .pages import apply_item, import_user, new_page, submit, target_parent
from .parse import parse

logger = logging.getLogger(__name__)


def import_feed(feed):
    """Fetches and imports ``feed``; returns the counts of this run (a Counter) or None
    when the feed failed (then ``feed.last_error`` says why)."""
    feed.last_fetched_at = timezone.now()
    try:
        result = fetch(
            feed.url,
            allow_http=feed.allow_http,
            etag=feed.etag,
            last_modified=feed.last_modified,
        )
        if result.not_modified:
            counts = _counts_unchanged(feed)
        else:
            items = parse(result.content, result.content_type, feed.kind)
            with transaction.atomic():
                counts = sync_items(feed, items)
            feed.etag, feed.last_modified = result.etag[:200], result.last_modified[:100]
    except FeedError as error:
        return _failed(feed, str(error))
    except Exception as error:  # a bug or a library's surprise must not stop other feeds
        logger.exception("Feed %s could not be imported", feed.pk)
        return _failed(
            feed,
            _("Unerwarteter Fehler beim Einlesen: %(error)s") % {"error": str(error)[:300]},
        )
    feed.last_error = ""
    _store_counts(feed, counts)
    feed.save()
    return counts


def _failed(feed, message):
    feed.last_error = message
    PartnerFeed.objects.filter(pk=feed.pk).update(
        last_error=message, last_fetched_at=feed.last_fetched_at
    )
    return None


def _store_counts(feed, counts):
    feed.count_new = counts["new"]
    feed.count_changed = counts["changed"]
    feed.count_unchanged = counts["unchanged"]
    feed.count_removed = counts["removed"]
    feed.count_rejected = counts["rejected"]


def _counts_unchanged(feed):
    """The feed says "not modified": every item is as it was."""
    states = Counter(feed.items.values_list("state", flat=True))
    return Counter(
        unchanged=states[ImportedItemState.ACTIVE] + states[ImportedItemState.CANCELLED],
        removed=states[ImportedItemState.REMOVED],
        rejected=states[ImportedItemState.REJECTED],
    )


def sync_items(feed, items):
    """Brings the drafts of ``feed`` in line with ``items`` (parsed, in feed order)."""
    counts = Counter(new=0, changed=0, unchanged=0, removed=0, rejected=0)
    known = {item.key: item for item in feed.items.select_related("page")}
    user = import_user()
    parent = None
    seen = set()
    now = timezone.now()
    for item in items:
        if item.key in seen or not item.matches(feed.keyword):
            continue
        seen.add(item.key)
        record = known.get(item.key)
        digest = item.content_hash()
        if record is not None and (
            record.state == ImportedItemState.REJECTED or record.page_id is None
        ):
            # Rejected for good, or an editor deleted the page: not imported again.
            counts["rejected"] += 1
            continue
        if record is None:
            if item.cancelled:
                continue  # nothing to announce
            parent = parent or target_parent(feed)
            page = new_page(feed, item, parent)
            submit(page, user)
            ImportedItem.objects.create(
                feed=feed,
                key=item.key,
                page=page,
                title=item.title,
                link=item.link,
                content_hash=digest,
                ends_at=item.end or item.start,
                state=ImportedItemState.ACTIVE,
            )
            counts["new"] += 1
            continue
        state = ImportedItemState.CANCELLED if item.cancelled else ImportedItemState.ACTIVE
        if record.content_hash == digest:
            if record.state != state:
                record.state = state
                record.save(update_fields=["state", "updated_at"])
            counts["unchanged"] += 1
            continue
        draft = record.page.specific.get_latest_revision_as_object()
        apply_item(draft, feed, item)
        submit(draft, user)
        record.title, record.link, record.content_hash = item.title, item.link, digest
        record.ends_at = item.end or item.start
        record.state = state
        record.save()
        counts["changed"] += 1
    for record in known.values():
        if record.key in seen or record.state == ImportedItemState.REJECTED:
            continue
        if record.ends_at is not None and record.ends_at < now:
            continue  # over: it left the calendar's window, it was not withdrawn
        if record.state != ImportedItemState.REMOVED:
            record.state = ImportedItemState.REMOVED
            record.save(update_fields=["state", "updated_at"])
        counts["removed"] += 1
    counts["rejected"] = feed.items.filter(state=ImportedItemState.REJECTED).count()
    return counts


def import_due_feeds(now=None, feed_ids=None):
    """Imports every active feed whose interval has passed (or the feeds ``feed_ids``,
    due or not); one failing feed does not stop the others. Returns {feed: counts}."""
    feeds = PartnerFeed.objects.select_related("organisation", "default_venue")
    if feed_ids:
        chosen = list(feeds.filter(pk__in=feed_ids))
    else:
        chosen = [feed for feed in feeds.filter(active=True) if feed.is_due(now)]
    return {feed: import_feed(feed) for feed in chosen}
