"""The admin of the partner feeds: the feeds with their last fetch, result and error, a
"Jetzt abrufen" button that queues the import, and the imported items, where editors see
what partners removed or cancelled and mark an item "nicht mehr importieren"."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .feed_import.tasks import import_feed_task
from .models import ImportedItem, PartnerFeed

FETCH_URL_NAME = "kupferstadt_fetch_feed"


@permission_required("home.change_partnerfeed", raise_exception=True)
def fetch_feed(request, feed_id):
    """GET asks, POST queues the import of one feed (the worker runs it; without a
    worker's queue, e.g. in tests, it runs at once)."""
    feed = get_object_or_404(PartnerFeed, pk=feed_id)
    if request.method == "POST":
        result = import_feed_task.enqueue(feed.pk)
        if not result.is_finished:
            messages.success(
                request, _("„%(feed)s“ wird im Hintergrund abgerufen.") % {"feed": feed}
            )
        else:
            feed.refresh_from_db()
            if feed.last_error:
                messages.error(
                    request, _("Abruf fehlgeschlagen: %(error)s") % {"error": feed.last_error}
                )
            else:
                messages.success(
                    request,
                    _("„%(feed)s“ abgerufen: %(result)s")
                    % {"feed": feed, "result": feed.result_summary()},
                )
        return redirect(reverse("wagtailsnippets_home_partnerfeed:list"))
    return TemplateResponse(request, "home/admin/fetch_feed.html", {"feed": feed})


def fetch_button(snippet, user, next_url=None):
    """ "Jetzt abrufen" beside every feed in the listing."""
    if isinstance(snippet, PartnerFeed) and user.has_perm("home.change_partnerfeed"):
        yield ListingButton(
            _("Jetzt abrufen"),
            url=reverse(FETCH_URL_NAME, args=[snippet.pk]),
            icon_name="download",
            priority=5,
        )


class PartnerFeedViewSet(SnippetViewSet):
    model = PartnerFeed
    icon = "download"
    menu_label = gettext_lazy("Partner-Feeds")
    list_display = [
        "organisation",
        "url",
        "target",
        "active",
        "last_fetched_at",
        Column("result_summary", label=gettext_lazy("Ergebnis")),
        "last_error",
    ]
    list_filter = ["active", "target"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "organisation",
        "url",
        "kind",
        "target",
        "active",
        "interval_hours",
        "last_fetched_at",
        "count_new",
        "count_changed",
        "count_unchanged",
        "count_removed",
        "count_rejected",
        "last_error",
    ]


class ImportedItemViewSet(SnippetViewSet):
    """Imported items; flagged ones ("Nicht mehr im Feed", "Vom Partner abgesagt") first."""

    model = ImportedItem
    icon = "list-ul"
    menu_label = gettext_lazy("Importierte Einträge")
    list_display = ["title", "feed", "state", "page", "link", "updated_at"]
    list_filter = ["state", "feed"]

    def get_queryset(self, request):
        return ImportedItem.objects.select_related("feed__organisation", "page")


class FeedViewSetGroup(SnippetViewSetGroup):
    items = (PartnerFeedViewSet, ImportedItemViewSet)
    menu_icon = "download"
    menu_label = gettext_lazy("Partner-Feeds")
    menu_name = "partner_feeds"
    menu_order = 330
