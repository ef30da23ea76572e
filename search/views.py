"""The search page and its autocomplete endpoint, one per language."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from kupferstadt.listing import paginate
from kupferstadt.models import Topic
from kupferstadt.page_cache import count_hits_with
from kupferstadt.stemming import clean_query

from .engine import MAX_QUERY_LENGTH, SiteSearch, searchable_pages
from .models import SearchTermLog

RESULTS_PER_PAGE = 10


def _param(request, name):
    """A filter parameter as text a database takes: PostgreSQL refuses NUL characters in
    a query, so one stands as "�" and the value is reported as unknown."""
    return request.GET.get(name, "").replace("\x00", "\ufffd")


def search(request):
    raw = request.GET.get("q")
    query, cut = clean_query(raw, MAX_QUERY_LENGTH)
    site_search = SiteSearch(
        query=query,
        locale=Locale.get_active(),
        type=_param(request, "type"),
        topic_slug=_param(request, "topic"),
        archive=request.GET.get("archive") == "1",
    )
    messages = list(site_search.messages)
    if cut:
        messages.append(_("Ihr Suchbegriff war sehr lang und wurde gekürzt."))
    context = {"search": site_search, "search_query": query, "messages_list": messages}
    if raw is not None and not site_search.has_words:
        messages.append(_("Bitte geben Sie einen Suchbegriff mit Buchstaben oder Ziffern ein."))
    if site_search.has_words:
        page, page_message = paginate(request, site_search.results(), RESULTS_PER_PAGE)
        if page_message:
            messages.append(page_message)
        found = page.paginator.count > 0
        SearchTermLog.record(query, found)
        context.update(
            results=page,
            type_counts=site_search.type_counts(),
            topic_counts=site_search.topic_counts(),
            promotions=site_search.promotions(),
        )
        if not found:
            context["suggestions"] = {
                "topics": Topic.objects.filter(locale=site_search.locale),
                "terms": SearchTermLog.popular_terms(),
            }
    response = TemplateResponse(request, "search/search.html", context)
    if site_search.has_words:
        # Every search counts, also one the page cache answers.
        count_hits_with(response, SearchTermLog.record, query, found)
    return response


def autocomplete(request):
    """Up to eight page titles that start like the typed words (JSON)."""
    query, _cut = clean_query(request.GET.get("q"), MAX_QUERY_LENGTH)
    suggestions = []
    if len(query) >= 2:
        pages = searchable_pages(Locale.get_active()).autocomplete(query)[:8]
        suggestions = [{"title": page.title, "url": page.get_url(request)} for page in pages]
    return JsonResponse({"query": query, "suggestions": suggestions})


def search_terms_report(request):
    """Admin report: the most frequent searches and those that found nothing."""
    frequent, missing = SearchTermLog.report()
    return TemplateResponse(
        request,
        "search/admin/search_terms_report.html",
        {"frequent": frequent, "missing": missing, "days": 30},
    )
