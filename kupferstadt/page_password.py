"""Passwords of protected pages (Wagtail's password view restriction) cannot be guessed:
after ``PAGE_PASSWORD_FAILURE_LIMIT`` wrong passwords for one restriction from one client
address, further tries are refused for ``PAGE_PASSWORD_LOCKOUT_SECONDS`` (as logins are,
through django-axes).

The count is kept per restriction, not per page: every page below a protected page shares
its password, and counting per page would give a guesser five tries for each of them.
Wagtail's view checks the password; this one wraps it and sits at the same address.
"""

import hashlib

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from .security import client_ip

PAGE_PASSWORD_FAILURE_LIMIT = 5
PAGE_PASSWORD_LOCKOUT_SECONDS = 60 * 60


class LockedPasswordForm(PasswordViewRestrictionForm):
    """The password form while tries are refused: the password is not even compared."""

    def clean_password(self):
        return self.cleaned_data["password"]

    def clean(self):
        raise ValidationError(
            _(
                "Zu viele falsche Passwörter. Aus Sicherheitsgründen können Sie es erst "
                "in einer Stunde noch einmal versuchen."
            ),
            code="locked",
        )


def _failures_key(request, restriction_id):
    raw = f"{client_ip(request)}|{restriction_id}"
    return "kupferstadt:page-password:" + hashlib.sha256(raw.encode()).hexdigest()


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's ``authenticate_with_password``, refused after too many wrong passwords."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    key = _failures_key(request, page_view_restriction_id)
    if cache.get(key, 0) >= PAGE_PASSWORD_FAILURE_LIMIT:
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        form = LockedPasswordForm(request.POST, instance=restriction)
        form.is_valid()
        action_url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
        )
        response = page.serve_password_required_response(request, form, action_url)
        response.status_code = 429
        response["Retry-After"] = str(PAGE_PASSWORD_LOCKOUT_SECONDS)
        return response
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 302:
        cache.delete(key)
    elif response.status_code == 200:
        # The form again: the password was wrong. The hour counts from the last failure.
        cache.set(key, cache.get(key, 0) + 1, PAGE_PASSWORD_LOCKOUT_SECONDS)
    return response
