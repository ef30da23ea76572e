"""One shape for every listing page (the Pinnwand, the calendar): its current items and
their archive, filtered, paginated and offered as RSS and Atom feeds."""

from django.conf import settings
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page
from wagtail.search import index

from .listing import paginate
from .models import ListingFeedsMixin, SitePage


class ListingPage(ListingFeedsMixin, SitePage):
    """A page that lists its live, public children: the current ones at its address, the
    past ones under ``archiv/``, both filterable (``filterset_class``) and paginated; the
    current ones also as feeds. Subclasses declare an ``intro`` field, ``items()`` and
    ``feed_class``; their template extends ``kupferstadt/listing_page.html``."""

    filterset_class = None
    feed_class = None
    # The page's own name for its items in the template ("notices", "events").
    items_name = "items"

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = ["intro"]

    schema_type = "CollectionPage"
    lists_content = True

    class Meta:
        abstract = True

    def description_text(self):
        """The introduction describes the page."""
        return self.intro

    @path("", name="current")
    def current_items(self, request):
        return self.render(request)

    @path("archiv/", name="archive")
    def archived_items(self, request):
        return self.render(request, archive=True)

    def items(self, archive=False):
        """The live, public children in the language of the page, current or archived,
        in the listing's order."""
        raise NotImplementedError

    def filtered(self, request, items=None):
        """The filter set of ``?topic=...`` etc. over ``items`` (the current ones by
        default); unknown values are reported at their field, not fatal."""
        items = self.items() if items is None else items
        return self.filterset_class(request.GET, queryset=items, request=request)

    def feed(self, request, atom):
        return self.feed_class(self, self.filtered(request).qs, atom=atom)(request)

    def get_context(self, request, *args, archive=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.filtered(request, self.items(archive))
        page, page_message = paginate(
            request, filters.qs.for_cards(), settings.KUPFERSTADT_PAGE_SIZE
        )
        context.update(archive=archive, filters=filters, listing=page, page_message=page_message)
        context[self.items_name] = page
        return context
