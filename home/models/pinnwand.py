"""The Pinnwand (bulletin board): its current notices and their archive."""

from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

from kupferstadt.listing_page import ListingPage

from ..feeds import NoticeFeed
from ..filters import NoticeFilter
from .notice import NoticePage
from .offer_form import OfferSubmissionPage


class PinnwandPage(ListingPage):
    """The bulletin board: lists its current notices, newest first with pinned ones on top,
    filterable by topic, audience, region and district; expired notices go to the archive."""

    intro = RichTextField(
        _("Einleitung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Erscheint über der Liste der Aushänge."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NoticePage"]

    filterset_class = NoticeFilter
    feed_class = NoticeFeed
    items_name = "notices"

    class Meta:
        verbose_name = _("Pinnwand")
        verbose_name_plural = _("Pinnwände")

    def offer_page(self):
        """The public "Angebot melden" form next to this board, if there is one."""
        return OfferSubmissionPage.objects.live().public().sibling_of(self).first()

    def notices(self, archive=False):
        notices = NoticePage.objects.shown_below(self, children=True)
        if archive:
            # Last day, latest first; then the notice added last: notice_archive_order_idx.
            return notices.expired().order_by("-valid_until", "-page_ptr_id")
        return notices.on_board().board_order()

    items = notices
