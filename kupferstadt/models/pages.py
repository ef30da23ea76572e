"""What every public page shares (``SitePage``), and the mixins of lead images, feeds and
printed notices that page types combine with it."""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import camelcase_to_underscore
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from .. import frame
from ..frame import per_generation
from ..i18n import shown_in_q, text_language, trees_q
from ..indexing import index_saved_page
from ..stemming import stemmed_text


def view_restriction_paths():
    """The tree paths of the private sections (Wagtail's view restrictions), read once
    per generation and process (``kupferstadt.frame.per_generation``): every listing of
    public pages asks for them."""
    return per_generation(
        "view-restriction-paths",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", "page__depth"))),
    )


def _known_result(queryset, objects):
    """``queryset`` with its result already known: iterating, ``exists()`` and ``len()``
    ask the database nothing; a further ``filter()`` asks it as usual."""
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    return queryset


class SitePageQuerySet(PageQuerySet):
    def private_q(self):
        """Wagtail's, from the paths read once per generation instead of a query per
        listing."""
        q = Q()
        for section, depth in view_restriction_paths():
            q |= Q(path__startswith=section, depth__gte=depth)
        return q if q else Q(pk__in=[])

    def with_language(self):
        """With what a card says about its text's language, in the same query: the
        locale ("nur auf Deutsch") and the machine's translation ("maschinell übersetzt")."""
        return self.select_related("locale", "machine_translation")

    def in_tree_order(self):
        """In the order of the German tree, whatever language each page is in: German
        originals standing in for translations sort among them, not before them."""
        original = Page.objects.filter(
            translation_key=OuterRef("translation_key"),
            locale__language_code=settings.LANGUAGE_CODE,
        )
        return self.order_by(Coalesce(Subquery(original.values("path")[:1]), "path"))

    def shown_below(self, page, children=False):
        """The live, public pages below ``page`` (``children``: one level down) as a
        visitor of the page's language reads them: the language's own translations, else
        the German originals (``kupferstadt.i18n.shown_in_q``). Every listing reads its
        items through this."""
        language = page.locale.language_code
        return self.live().public().filter(trees_q(page, children), shown_in_q(language))

    def shown_in(self, language_code):
        """These pages as a visitor of ``language_code`` reads them (``shown_in_q``)."""
        return self.filter(shown_in_q(language_code))


class SitePage(Page):
    """What every public page of the site shares: its description for search engines and
    link previews, its structured data (schema.org JSON-LD) and its share link."""

    # Whether the printed Aushang starts with that description.
    print_description = True
    # Whether search_text_parts() reads many-to-many relations (see save()).
    search_related_names = False
    schema_type = "WebPage"
    # A page that lists other pages (home, Pinnwand, calendar, Leitbild). As an alias it
    # keeps the visitor's language around its items and marks only its own German text;
    # any other alias page reads as one German text (base.html).
    lists_content = False

    objects = PageManager.from_queryset(SitePageQuerySet)()

    class Meta:
        abstract = True

    def description_text(self):
        """The text (or rich text) that describes the page when no search description is
        set: its introduction, summary or teaser. Page types override this."""
        return ""

    def plain_description(self):
        """``description_text()`` without markup."""
        return strip_tags(str(self.description_text() or ""))

    def meta_description(self):
        text = self.search_description or self.plain_description()
        return Truncator(" ".join(text.split())).chars(200)

    def body_paragraphs(self):
        """The plain text of the body's paragraphs, read from the raw data (no queries)."""
        body = getattr(self, "body", None)
        return [
            " ".join(strip_tags(block["value"]).split())
            for block in (body.raw_data if body is not None else [])
            if block["type"] == "paragraph"
        ]

    def search_text_parts(self):
        """The texts a citizen may find this page by; page types add related names."""
        parts = [self.title, self.search_description, self.plain_description()]
        return parts + self.body_paragraphs()

    def save(self, *args, **kwargs):
        self._search_stems = None
        result = super().save(*args, **kwargs)
        # Wagtail indexes a page in post_save, before modelcluster stores the
        # many-to-many relations (topics, districts, contacts) that search_stems reads;
        # index once more now that they are stored (never a draft: kupferstadt/indexing.py).
        if self.pk and self.search_related_names:
            self._search_stems = None
            index_saved_page(self, kwargs.get("update_fields"))
        return result

    def shown_related(self, manager):
        """The live, public pages of a reverse relation (``self.events``, ``self.notices``)
        as a visitor of this page's language reads them: the pages that name this page or
        any translation of it, each once, in the visitor's language where translated,
        else the German original (``kupferstadt.i18n.shown_in_q``)."""
        field = getattr(manager, "query_field_name", None) or manager.field.name
        pages = manager.model.objects.live().public()
        pages = pages.filter(**{f"{field}__translation_key": self.translation_key})
        # An alias reads as its German original (base.html): so do the pages it lists.
        return pages.filter(shown_in_q(text_language(self)))

    def get_view_restrictions(self):
        """Wagtail's, read once per generation and process: serving a page checks them
        on every request."""
        restrictions = per_generation(
            ("view-restrictions", self.pk, self.path, self.alias_of_id),
            lambda: list(super(SitePage, self).get_view_restrictions()),
        )
        return _known_result(
            PageViewRestriction.objects.filter(pk__in=[r.pk for r in restrictions]),
            restrictions,
        )

    def search_stems(self):
        # The indexer asks once per index column; compute once per save.
        if getattr(self, "_search_stems", None) is None:
            self._search_stems = stemmed_text(
                " ".join(filter(None, self.search_text_parts())), self.locale.language_code
            )
        return self._search_stems

    def essential_text(self, words=110):
        """Plain paragraphs for the printed Aushang: the page's summary, then its body text,
        cut to fit one A4 page."""
        paragraphs = [self.meta_description()] if self.print_description else []
        paragraphs += self.body_paragraphs()
        result, remaining = [], words
        for text in filter(None, paragraphs):
            if remaining <= 0:
                break
            result.append(Truncator(text).words(remaining))
            remaining -= len(text.split())
        return result

    def meta_image(self):
        """The image for link previews, if the page has one."""
        return getattr(self, "image", None)

    def share_lines(self):
        """Lines of the e-mail a citizen sends to pass the page on."""
        return [self.title]

    def share_mailto(self, request):
        url = self.get_full_url(request)
        body = "\n".join([*self.share_lines(), "", url])
        return "mailto:?" + urlencode({"subject": self.title, "body": body}, quote_via=quote)

    def json_ld(self, request):
        """The schema.org description of this page (without breadcrumbs)."""
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": text_language(self),
        }
        if description := self.meta_description():
            data["description"] = description
        return data

    def breadcrumbs_json_ld(self, request):
        pages = [*frame.ancestors(request, self), self]
        return {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": gettext("Start") if page.depth == 2 else page.title,
                    "item": page.get_full_url(request),
                }
                for position, page in enumerate(pages, start=1)
            ],
        }

    def structured_data(self, request):
        return [self.json_ld(request), self.breadcrumbs_json_ld(request)]


class PageImageMixin(models.Model):
    """An optional lead image of a page, with the alternative text BITV requires."""

    image = models.ForeignKey(
        "kupferstadt.CustomImage",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional; erscheint oben auf der Seite und in Vorschauen geteilter Links."),
    )
    image_alt = models.CharField(
        _("Alternativtext des Bildes"),
        max_length=255,
        blank=True,
        help_text=_("Pflicht, wenn ein Bild gewählt ist: Was ist auf dem Bild zu sehen?"),
    )

    class Meta:
        abstract = True

    def image_errors(self):
        if self.image and not self.image_alt.strip():
            return {"image_alt": _("Bitte beschreiben Sie das Bild mit einem Alternativtext.")}
        return {}


class ListingFeedsMixin(RoutablePageMixin):
    """Listing pages whose items are also offered as RSS 2.0 and Atom feeds."""

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return self.feed(request, atom=False)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return self.feed(request, atom=True)

    def feed(self, request, atom):
        raise NotImplementedError


class PrintableMixin(RoutablePageMixin):
    """Pages that print as a one-page A4 Aushang with a QR code linking back to them."""

    # The template of the printed sheet, e.g. "events/event_page_print.html"; page types
    # declare it. Without one, the page type's template name (as Wagtail derives it) with
    # "_print".
    print_template = None

    def get_print_template(self, request):
        if self.print_template:
            return self.print_template
        name = camelcase_to_underscore(type(self).__name__)
        return f"{self._meta.app_label}/{name}_print.html"

    @path("druckansicht/", name="print")
    def print_view(self, request):
        return self.render(request, template=self.get_print_template(request))
