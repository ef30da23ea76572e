"""The page editor's create view, safe against its own autosave.

Wagtail's autosave posts the create form in the background (``Accept: application/json``)
and creates the page; only when its answer arrives does the form learn the new page's edit
address. A click on "Veröffentlichen" before that posts the create form a second time. If
that second request passes the form's slug check before the autosave has stored the page,
``add_child()`` then fails in ``Page.full_clean()`` (slug already in use), or on the tree
path both computed, and Wagtail answered with a server error. Here the page is created
in a savepoint; when another request took the slug or the path in the meantime, the form
is checked again: the editor gets the form back with Wagtail's slug message and everything
typed, and a pointer to the draft the autosave made.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, PageSubscription

# A draft of the same editor under the same slug this young is taken for the autosave's.
AUTOSAVED_DRAFT_AGE = timedelta(minutes=10)


def _lost_race(error):
    """Whether saving failed because another request created a page here meanwhile."""
    if isinstance(error, IntegrityError):
        return True  # the tree path another new sibling took
    return "slug" in getattr(error, "error_dict", {})


class CreatePageView(CreateView):
    """Wagtail's create view; a page that cannot be stored because a concurrent request
    (the editor's own autosave) created one under the same slug meanwhile gives the form
    back with its errors instead of a server error."""

    retried = False

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except (IntegrityError, ValidationError) as error:
            if self.retried or not _lost_race(error):
                raise
        # Validate and save once more, with a fresh page: the slug check now sees the
        # page the other request stored, and a path taken by another slug is computed anew.
        self.retried = True
        self.page = self.page_class(owner=self.request.user, locale_id=self.page.locale_id)
        self.subscription = PageSubscription(
            page=self.page, user=self.request.user, comment_notifications=True
        )
        return self.post(self.request)

    def form_invalid(self, form):
        if not self.expects_json_response and "slug" in form.errors:
            draft = self.autosaved_draft(form.data.get("slug"))
            if draft is not None:
                messages.warning(
                    self.request,
                    _(
                        "Diese Seite wurde inzwischen automatisch als Entwurf „%(title)s“ "
                        "gespeichert. Ihre Eingaben stehen unten unverändert. Öffnen Sie den "
                        "Entwurf, um ihn zu veröffentlichen, oder ändern Sie den Kurztitel, "
                        "um eine weitere Seite anzulegen."
                    )
                    % {"title": draft.get_admin_display_title()},
                    buttons=[
                        messages.button(
                            reverse("wagtailadmin_pages:edit", args=(draft.pk,)),
                            _("Entwurf öffnen"),
                        )
                    ],
                )
        return super().form_invalid(form)

    def autosaved_draft(self, slug):
        """The editor's own never published page of this type under the slug, saved
        moments ago: what the autosave of this form has created."""
        if not slug:
            return None
        return (
            self.parent_page.get_children()
            .filter(
                slug=slug,
                content_type=self.page_content_type,
                owner=self.request.user,
                first_published_at__isnull=True,
                latest_revision_created_at__gte=timezone.now() - AUTOSAVED_DRAFT_AGE,
            )
            .first()
        )


class KupferstadtPageViewSet(PageViewSet):
    """The views of every page type, with the create view above. Registered for ``Page``
    after Wagtail's own base viewset, so it replaces that one; a viewset for a single page
    type would have to set ``add_view_class = CreatePageView`` as well."""

    model = Page
    name = "kupferstadt_pages"
    add_view_class = CreatePageView
