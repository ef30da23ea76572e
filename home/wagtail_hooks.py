"""Admin hooks of the Pinnwand: dashboard panels, the "verlängern" action and the
partners' view of the explorer."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from kupferstadt.handbook.views import with_help

from .dashboard import extend_notice, pinnwand_panels
from .feed_admin import FETCH_URL_NAME, FeedViewSetGroup, fetch_button, fetch_feed
from .models import NoticePage, OfferSubmission
from .roles import PARTNERS

hooks.register("construct_homepage_panels", pinnwand_panels)
hooks.register("register_snippet_listing_buttons", fetch_button)


@hooks.register("register_admin_urls")
def pinnwand_admin_urls():
    return [
        path(
            "aushang/<int:page_id>/verlaengern/",
            extend_notice,
            name="kupferstadt_extend_notice",
        ),
        path("partner-feeds/<int:feed_id>/abrufen/", fetch_feed, name=FETCH_URL_NAME),
    ]


@hooks.register("construct_explorer_page_queryset")
def partners_see_their_own_notices(parent_page, pages, request):
    """Partners only find their own notices in the explorer: they may not touch the
    others' (Wagtail's "add" permission), so listing them would only confuse."""
    user = request.user
    if user.is_superuser or not user.groups.filter(name=PARTNERS).exists():
        return pages
    if user.groups.exclude(name=PARTNERS).exists():
        return pages
    other_notices = NoticePage.objects.exclude(owner=user).values("pk")
    return pages.exclude(pk__in=other_notices)


class OfferSubmissionViewSet(SnippetViewSet):
    model = OfferSubmission
    icon = "mail"
    menu_label = _("Angebotsmeldungen")
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = with_help(IndexView, "angebotsmeldungen")
    list_display = ["name", "notice", "created_at", "decided_at"]
    inspect_view_enabled = True


register_snippet(OfferSubmissionViewSet)
register_snippet(FeedViewSetGroup)
