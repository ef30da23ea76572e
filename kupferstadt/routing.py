"""Page routing that costs every language the same."""

from django.http import Http404
from wagtail.views import serve as wagtail_serve

from .i18n import localized_home


class LocalizedRoutingMiddleware:
    """Routes a page request from ``localized_home``. Wagtail's own routing
    (``Page.route_for_request``) finds the home page in the visitor's language in one
    query and loads it as its page type in another, which German skips; so every other
    language paid one query more per page. Wagtail reads the route it keeps on the
    request (``_wagtail_route_for_request``, its documented cache), so serving, page
    privacy and previews stay Wagtail's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        home = localized_home(request)
        if home is None:
            return None
        # Wagtail's address pattern hands the path over positionally.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        components = [part for part in path.split("/") if part]
        try:
            request._wagtail_route_for_request = home.route(request, components)
        except Http404:
            request._wagtail_route_for_request = None
        return None
