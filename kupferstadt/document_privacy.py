"""Documents used on private pages stay private.

Wagtail protects documents through their collection; editors, however, think in pages: a
document attached to a page that only logged-in users or password holders may see must
not be downloadable by anyone who guesses its address. Wagtail's reference index knows
which pages use a document, so its download view asks those pages.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.models import Page, ReferenceIndex


def pages_using(document):
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return Page.objects.filter(
        pk__in=[int(pk) for pk in references.values_list("object_id", flat=True)]
    )


def visible_to(page, request):
    return page.live and all(r.accept_request(request) for r in page.get_view_restrictions())


def editable_by(page, user):
    """Whether the user may open the page in the admin: edit it (also as its owner or in
    a workflow task) or, where a group has it, view it."""
    if not user.is_authenticated:
        return False
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() or "view" in getattr(permissions, "permissions", ())


def keep_documents_of_private_pages_private(document, request):
    """A document used by pages is served only if one of them is live and open to this
    request (public, or its password or login given), or if the user may work on one of
    them in the admin. Access to the admin alone is not enough: a partner may not read
    the documents of pages that are not theirs."""
    pages = list(pages_using(document))
    if not pages:
        return None
    if any(visible_to(page, request) or editable_by(page, request.user) for page in pages):
        return None
    # As if it did not exist: no hint that a private page holds such a document.
    raise Http404
