"""Admin: the report of what citizens search for (under Berichte)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("suchanfragen/", views.search_terms_report, name="search_terms_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return MenuItem(
        _("Suchanfragen"), reverse("search_terms_report"), icon_name="search", order=900
    )
