"""The German handbook in the admin: one page per task and role, with pictures from the
real admin (see ``pages.py``), reached from the help menu and from a "Hilfe" link in the
panels and reports it explains."""

from django.urls import reverse

from .pages import PAGES


def handbook_url(slug=""):
    """The address of the handbook page ``slug`` (the index without one)."""
    if not slug:
        return reverse("kupferstadt_handbook")
    if slug not in PAGES:
        raise KeyError(f"Keine Handbuchseite „{slug}“.")
    return reverse("kupferstadt_handbook_page", args=[slug])
