"""Pagination shared by every listing page: bad page numbers never raise."""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _


def paginate(request, queryset, per_page):
    """Return ``(page, message)`` for ``?page=`` of ``queryset``.

    A page number that is not a number, or lies outside the listing, shows the
    nearest page that exists and a message that says so, instead of an error.
    """
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page", "1")
    message = ""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
        message = _("„%(value)s“ ist keine gültige Seitenzahl. Sie sehen die erste Seite.") % {
            "value": raw[:20]
        }
    if number < 1:
        number = 1
        message = message or _("Die Seitenzahl muss mindestens 1 sein. Sie sehen die erste Seite.")
    elif number > paginator.num_pages:
        message = _("Seite %(number)s gibt es nicht. Sie sehen die letzte Seite (%(last)s).") % {
            "number": number,
            "last": paginator.num_pages,
        }
        number = paginator.num_pages
    return paginator.page(number), message


def visible_page(page):
    """``page`` if a citizen may see it (live, no view restriction on it or above), else
    ``None``: links between pages must not reveal drafts or private pages."""
    if page is None or not page.live or page.get_view_restrictions().exists():
        return None
    return page
