"""The site search: one page per language, live and public pages of that language."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from kupferstadt.listing import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()
    message = ""
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        message = _("Ihr Suchbegriff war sehr lang und wurde gekürzt.")
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
        Query.get(query).add_hit()
    page, page_message = paginate(request, results, 10) if query else (None, "")
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": page,
            "message": message or page_message,
        },
    )
