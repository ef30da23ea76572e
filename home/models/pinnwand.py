"""The Pinnwand (bulletin board): its current notices and their archive."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from kupferstadt.listing import paginate
from kupferstadt.models import ListingFeedsMixin, SitePage

from ..feeds import NoticeFeed
from ..filters import NoticeFilter
from .notice import NoticePage
from .offer_form import OfferSubmissionPage


class PinnwandPage(ListingFeedsMixin, SitePage):
    """The bulletin board: lists its current notices, newest first with pinned ones on top,
    filterable by topic, audience, region and district; expired notices go to the archive."""

    intro = RichTextField(
        _("Einleitung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Erscheint über der Liste der Aushänge."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NoticePage"]

    description_field = "intro"
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("Pinnwand")
        verbose_name_plural = _("Pinnwände")

    @path("")
    def current_notices(self, request):
        return self.render(request)

    @path("archiv/", name="archive")
    def archived_notices(self, request):
        return self.render(request, archive=True)

    def feed(self, request, atom):
        filters = NoticeFilter(request.GET, queryset=self.notices(), request=request)
        return NoticeFeed(self, filters, atom=atom)(request)

    def offer_page(self):
        """The public "Angebot melden" form next to this board, if there is one."""
        return OfferSubmissionPage.objects.live().public().sibling_of(self).first()

    def notices(self, archive=False):
        notices = NoticePage.objects.live().public().child_of(self).translated()
        if archive:
            # Last day, latest first; then the notice added last: notice_archive_order_idx.
            return notices.expired().order_by("-valid_until", "-page_ptr_id")
        return notices.current().board_order()

    def get_context(self, request, *args, archive=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = NoticeFilter(request.GET, queryset=self.notices(archive), request=request)
        page, page_message = paginate(
            request, filters.qs.for_listing(), settings.KUPFERSTADT_PAGE_SIZE
        )
        context.update(archive=archive, filters=filters, notices=page, page_message=page_message)
        return context
