"""Imports the partner feeds that are due (run from cron, e.g. hourly)."""

from django.core.management.base import BaseCommand

from home.feed_import.sync import import_due_feeds


class Command(BaseCommand):
    help = (
        "Ruft die fälligen Partner-Feeds ab und legt neue oder geänderte Einträge als "
        "Entwürfe zur Freigabe an (für cron, z. B. stündlich). Mit --feed ID nur diesen "
        "Feed, fällig oder nicht."
    )

    def add_arguments(self, parser):
        parser.add_argument("--feed", type=int, action="append", dest="feeds", default=[])

    def handle(self, *args, feeds, **options):
        results = import_due_feeds(feed_ids=feeds or None)
        for feed, counts in results.items():
            if counts is None:
                self.stderr.write(f"{feed}: {feed.last_error}")
            else:
                self.stdout.write(f"{feed}: {feed.result_summary()}")
        if not results:
            self.stdout.write("Keine fälligen Feeds.")
