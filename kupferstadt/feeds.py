"""RSS 2.0 and Atom feeds of a listing page, built with Django's syndication framework."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .i18n import text_language

FEED_LENGTH = 50


class LanguageAtomFeed(Atom1Feed):
    """Atom with ``xml:lang`` on an entry whose text is in another language than the feed
    (a German original standing in for a missing translation)."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item["language"] != self.feed["language"]:
            attributes["xml:lang"] = item["language"]
        return attributes


class LanguageRssFeed(Rss201rev2Feed):
    """RSS 2.0 with each item's language as Dublin Core ``dc:language`` (RSS itself names
    only the channel's language)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": "http://purl.org/dc/elements/1.1/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("dc:language", item["language"])


class PageListingFeed(Feed):
    """The items of one listing page (the Pinnwand or the calendar) as a feed."""

    def __init__(self, page, items, atom=False):
        super().__init__()
        self.page = page
        self._items = items
        self.feed_type = LanguageAtomFeed if atom else LanguageRssFeed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.language = self.page.locale.language_code
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.page.title} – Soziale Kupferstadt Stolberg"

    def link(self):
        return self.page.get_url(self.request)

    def description(self):
        return self.page.meta_description()

    subtitle = description

    def items(self):
        return self._items[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_description(self, item):
        return item.meta_description()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_extra_kwargs(self, item):
        return {"language": text_language(item)}

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]
