"""The handbook's admin URLs and its place at the top of the help menu; imported by
``kupferstadt/wagtail_hooks.py`` (Wagtail loads hooks from apps, and this is a package of
the ``kupferstadt`` app)."""

import copy

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import HandbookView

# Wagtail's own help items start at 1000 ("What's new", then its English editor guide).
HANDBOOK_MENU_ORDER = 100


@hooks.register("register_admin_urls")
def register_handbook_urls():
    return [
        path("handbuch/", HandbookView.as_view(), name="kupferstadt_handbook"),
        path("handbuch/<slug:slug>/", HandbookView.as_view(), name="kupferstadt_handbook_page"),
    ]


@hooks.register("register_help_menu_item")
def register_handbook_menu_item():
    return MenuItem(
        _("Handbuch"),
        reverse("kupferstadt_handbook"),
        name="handbuch",
        icon_name="help",
        order=HANDBOOK_MENU_ORDER,
    )


@hooks.register("construct_help_menu")
def name_wagtails_guide_english(request, menu_items):
    """Wagtail's guide stays below ours, named for what it is: general and in English."""
    for index, item in enumerate(menu_items):
        if item.name == "editor-guide":
            # A copy: Wagtail keeps its menu items for all requests.
            renamed = copy.copy(item)
            renamed.label = _("Wagtail-Handbuch (englisch)")
            menu_items[index] = renamed
