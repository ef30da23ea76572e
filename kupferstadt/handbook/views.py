"""The handbook's admin views, and a "Hilfe" button for the admin views it explains."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from . import handbook_url
from .pages import INDEX, PAGES, ROLE_BY_SLUG, ROLES


class HandbookView(WagtailAdminTemplateMixin, TemplateView):
    """A page of the handbook; every user of the admin may read every page."""

    header_icon = "help"

    def setup(self, request, *args, slug="", **kwargs):
        super().setup(request, *args, **kwargs)
        if slug and slug not in PAGES:
            raise Http404
        self.handbook_page = PAGES[slug] if slug else INDEX
        self.role = ROLE_BY_SLUG.get(self.handbook_page.role)

    def get_template_names(self):
        return (
            [self.handbook_page.template_name] if self.role else ["kupferstadt/handbook/index.html"]
        )

    def get_page_title(self):
        return self.handbook_page.title

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if self.role is None:
            return [*items, {"url": "", "label": INDEX.title}]
        items.append({"url": handbook_url(), "label": INDEX.title})
        if self.handbook_page is not self.role.overview:
            items.append({"url": handbook_url(self.role.slug), "label": self.role.title})
        return [*items, {"url": "", "label": self.handbook_page.title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tasks = self.role.tasks if self.role else ()
        position = tasks.index(self.handbook_page) if self.handbook_page in tasks else None
        context.update(
            handbook_page=self.handbook_page,
            role=self.role,
            roles=ROLES,
            next_task=(
                tasks[position + 1] if position is not None and position + 1 < len(tasks) else None
            ),
        )
        return context


def help_button(slug):
    return HeaderButton(
        _("Hilfe"), url=handbook_url(slug), icon_name="help", attrs={"data-handbook": slug}
    )


class HelpButtonMixin:
    """Adds a "Hilfe" button to a generic admin view's header, leading to the handbook
    page ``handbook_slug``."""

    handbook_slug = ""

    def get_header_buttons(self):
        return [*super().get_header_buttons(), help_button(self.handbook_slug)]


def with_help(view_class, slug):
    """``view_class`` with a "Hilfe" button to the handbook page ``slug``."""
    if slug not in PAGES:  # fails at start-up, not when the button is shown
        raise KeyError(f"Keine Handbuchseite „{slug}“.")
    return type(view_class.__name__, (HelpButtonMixin, view_class), {"handbook_slug": slug})
