"""Template tags for the parts every page shares: navigation and breadcrumbs."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page of the current site in the language being viewed."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    return root.localized if root else None


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    home = home_page(context)
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    current = context.get("page")
    return {
        "request": context.get("request"),
        "home": home,
        "items": items,
        "current_path": current.path if current else "",
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    ancestors = page.get_ancestors().filter(depth__gt=1).live() if page and page.depth > 2 else []
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


@register.filter
def starts_with(value, prefix):
    return bool(prefix) and str(value).startswith(str(prefix))
