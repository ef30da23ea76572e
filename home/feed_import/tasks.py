"""The background task that imports one partner feed (the admin's "jetzt abrufen", or a
scheduler that queues them); ``manage.py import_feeds`` runs the due feeds from cron."""

from django.conf import settings
from django_tasks import task

from ..models import PartnerFeed
from .sync import import_feed


@task(backend=settings.FEED_IMPORT_TASKS)
def import_feed_task(feed_id):
    """Fetches and imports the feed ``feed_id``; its result and error land on the feed."""
    feed = PartnerFeed.objects.select_related("organisation", "default_venue").filter(pk=feed_id)
    feed = feed.first()
    if feed is not None:
        import_feed(feed)
