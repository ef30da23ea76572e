"""Page routing that costs every language the same, and once per content version."""

import pickle

from django.apps import apps
from django.conf import settings
from django.db import models
from django.http import Http404
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from . import frame
from .i18n import localized_home


class LocalizedRoutingMiddleware:
    """Routes a page request from ``localized_home``. Wagtail's own routing
    (``Page.route_for_request``) finds the home page in the visitor's language in one
    query and loads it as its page type in another, which German skips; so every other
    language paid one query more per page. Wagtail reads the route it keeps on the
    request (``_wagtail_route_for_request``, its documented cache), so serving, page
    privacy and previews stay Wagtail's.

    Where the request has a site frame (``kupferstadt/frame.py``), the page an address
    leads to is kept in it for the generation, first as its route, then as the page itself
    with the snippets, pages and rows it names (``load_page``): later requests read it in
    the frame's round trip instead of one or two queries per level of the tree. The page's
    own ``route()`` still decides (live, begun, sub-pages of a routable page), on every
    request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        # Wagtail's address pattern hands the path over positionally.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        components = [part for part in path.split("/") if part]
        site_frame = frame.of(request)
        known = site_frame.parts["page"].get("route") if site_frame else None
        if known is not None:
            request._wagtail_route_for_request = route_known(request, site_frame, known, components)
            return None
        home = localized_home(request)
        if home is None:
            return None
        try:
            route = home.route(request, components)
        except Http404:
            route = None
        request._wagtail_route_for_request = route
        if route is not None and site_frame is not None:
            page = route[0]
            site_frame.get(
                "page",
                "route",
                lambda: (page._meta.label, page.pk, page.depth - home.depth),
            )
        return None


def route_known(request, site_frame, known, components):
    """The route of an address whose page is known: the page as ``load_page`` loads it,
    kept in the frame for the generation, then asked to route what follows its own
    address (a routable page's sub-pages)."""
    label, page_id, consumed = known
    page = kept_page(request, site_frame, apps.get_model(label), page_id)
    if page is None:
        return None
    try:
        return page.route(request, components[consumed:])
    except Http404:
        return None


def kept_page(request, site_frame, model, page_id):
    """``load_page``, kept in the frame for visitors without a session. Editors (and
    anyone with a session) always get the page fresh from the database, as the page cache
    never answers them either. Kept pickled, as loaded: every request unpickles a copy of
    its own, so nothing a request computes on its page (cached properties, attributes set
    while rendering) reaches another request."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return load_page(model, page_id)
    loaded = site_frame.get(
        "page",
        "page",
        lambda: pickle.dumps(load_page(model, page_id), pickle.HIGHEST_PROTOCOL),
    )
    return pickle.loads(loaded)


def load_page(model, page_id):
    """The page with what its template reads of it: the locale, the snippets, images and
    pages it points to (one join each), its many-to-many relations and the inline rows
    named in ``prefetch_on_page`` (one query each)."""
    related, many = ["locale"], []
    for field in model._meta.get_fields():
        if field.model is Page or getattr(field, "parent_link", False):
            continue
        if field.is_relation and field.concrete and (field.many_to_one or field.one_to_one):
            related.append(field.name)
        elif isinstance(field, (ParentalManyToManyField, models.ManyToManyField)):
            many.append(field.name)
    # Inline rows the page reads more than once (a notice's hours: table and JSON-LD).
    many += getattr(model, "prefetch_on_page", [])
    # Unordered: one page by its key needs no ORDER BY, and Django's compiler would hash
    # every selected column (a hundred with the joins) to resolve one.
    pages = model.objects.filter(pk=page_id).order_by().select_related(*related)
    return next(iter(pages.prefetch_related(*many)[:1]), None)
