"""sitemap.xml over every language's tree, each page with its translations as hreflang
alternates. wagtail-localize's aliases (untranslated copies of German pages) are left
out: their text is the German page's."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .i18n import has_own_text


class TranslatedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots.only("path"):
            in_a_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_a_tree, has_own_text())
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        translations = (
            Page.objects.live()
            .public()
            .filter(translation_key__in={item.translation_key for item in items})
            .filter(has_own_text())
            .select_related("locale")
            .order_by("locale__language_code")
        )
        alternates = defaultdict(list)
        for other in translations:
            alternates[other.translation_key].append(
                {
                    "lang_code": other.locale.language_code,
                    "location": other.get_full_url(self.request),
                }
            )
        urls, last_mods = [], set()
        for item in items:
            for url_info in item.get_sitemap_urls(self.request):
                if len(alternates[item.translation_key]) > 1:
                    url_info["alternates"] = alternates[item.translation_key]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
