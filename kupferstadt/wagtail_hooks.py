"""Admin registration of the shared snippets, grouped under "Stammdaten", and of the
translation tools."""

from django.conf import settings
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.staticfiles import versioned_static
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSetGroup
from wagtail.snippets.views.snippets import SnippetViewSet as WagtailSnippetViewSet

from . import admin_views, document_privacy, machine_translation, translator_panel
from .handbook import wagtail_hooks as handbook_hooks  # noqa: F401 (the handbook's hooks)
from .handbook.views import with_help
from .models import (
    Audience,
    BarrierReport,
    District,
    FooterText,
    GlossaryTerm,
    Organisation,
    Person,
    Topic,
    Venue,
)
from .page_creation import KupferstadtPageViewSet
from .translation import may_work_in, translator_locale_ids


class SnippetViewSet(WagtailSnippetViewSet):
    """Snippet views that save a translatable snippet only in a translator's languages,
    checked on the instance itself (see also the hooks at the end of this module)."""

    add_view_class = admin_views.LocaleCheckedCreateView
    copy_view_class = admin_views.LocaleCheckedCopyView
    edit_view_class = admin_views.LocaleCheckedEditView


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "url"]
    search_fields = ["name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "role", "organisation", "email"]
    search_fields = ["name", "role"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "home"
    list_display = ["name", "street", "city"]
    search_fields = ["name", "street"]


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "doc-full"
    list_display = ["__str__"]


class GlossaryTermViewSet(SnippetViewSet):
    """Terms the machine translation leaves untranslated (kupferstadt/machine_translation.py)."""

    model = GlossaryTerm
    icon = "openquote"
    menu_label = _("Glossar")
    list_display = ["term", "note"]


class MasterDataGroup(SnippetViewSetGroup):
    menu_label = _("Stammdaten")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (
        TopicViewSet,
        AudienceViewSet,
        DistrictViewSet,
        OrganisationViewSet,
        PersonViewSet,
        VenueViewSet,
        FooterTextViewSet,
        GlossaryTermViewSet,
    )


register_snippet(MasterDataGroup)


class BarrierReportViewSet(SnippetViewSet):
    model = BarrierReport
    icon = "warning"
    menu_label = _("Barriere-Meldungen")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = with_help(IndexView, "barriere-meldungen")
    list_display = ["__str__", "page_url", "created_at", "handled"]
    list_filter = ["handled"]
    inspect_view_enabled = True


register_snippet(BarrierReportViewSet)


# The page editor's create view, safe against its own autosave (kupferstadt/page_creation.py);
# after Wagtail's base viewset (order -1), which it replaces for every page type.
@hooks.register("register_admin_viewset")
def register_page_viewset():
    return KupferstadtPageViewSet()


# Translation: the Übersetzungsstand report, and every view of wagtail-localize limited
# to a translator's languages. These URLs come before wagtail-localize's own (this app is
# listed first, and the hook's order says so), so the same addresses reach the limited views.
@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return [
        path(
            "localize/",
            include(
                (admin_views.limited_localize_urls(), "kupferstadt_localize"),
                namespace="kupferstadt_localize",
            ),
        ),
        path(
            "berichte/uebersetzungsstand/",
            admin_views.TranslationStatusView.as_view(),
            name="translation_status",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.user_may_see_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Übersetzungsstand"),
        reverse("translation_status"),
        icon_name="wagtail-localize-language",
        order=800,
    )


# Translators find on the start page what waits for them (kupferstadt/translator_panel.py).
hooks.register("construct_homepage_panels", translator_panel.translator_panels)


@hooks.register("insert_editor_js")
def translation_editor_directions():
    """The German source left to right and marked German, the translation in its own
    direction, in wagtail-localize's translation editor (the script acts only there)."""
    return format_html(
        '<link rel="stylesheet" href="{}"><script src="{}" data-rtl-languages="{}"></script>',
        versioned_static("kupferstadt/admin/translation-editor.css"),
        versioned_static("kupferstadt/admin/translation-editor.js"),
        " ".join(settings.LANGUAGES_BIDI),
    )


def _forbidden_locale(request, locale_id):
    if not may_work_in(request.user, locale_id):
        raise PermissionDenied


@hooks.register("before_edit_page", order=-1)
@hooks.register("before_delete_page", order=-1)
@hooks.register("before_publish_page", order=-1)
@hooks.register("before_unpublish_page", order=-1)
def limit_page_to_translators_language(request, page):
    _forbidden_locale(request, page.locale_id)


@hooks.register("before_create_page", order=-1)
def limit_new_page_to_translators_language(request, parent_page, page_class):
    # As Wagtail's create view: the parent's locale, below the root the one requested.
    locale_id = parent_page.locale_id
    if parent_page.is_root():
        code = request.GET.get("locale") or request.POST.get("locale")
        if code:
            locale_id = Locale.objects.filter(language_code=code).values_list("pk", flat=True)
            locale_id = locale_id.first()
    if locale_id is not None:
        _forbidden_locale(request, locale_id)


@hooks.register("before_edit_snippet", order=-1)
@hooks.register("before_delete_snippet", order=-1)
def limit_snippet_to_translators_language(request, instance):
    for obj in instance if isinstance(instance, list | tuple) else [instance]:
        if isinstance(obj, TranslatableMixin):
            _forbidden_locale(request, obj.locale_id)


def new_snippet_locale_id(request, model):
    """The locale Wagtail's snippet views give a new snippet: the copied snippet's in the
    copy view, else the ``?locale=`` of the address, else German; never the form's. None
    where Wagtail answers 404 anyway."""
    match = request.resolver_match
    if match is not None and "pk" in match.kwargs:
        copied = model._default_manager.filter(pk=unquote(str(match.kwargs["pk"])))
        return copied.values_list("locale_id", flat=True).first()
    code = request.GET.get("locale")
    if code:
        return Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()
    return Locale.get_default().pk


@hooks.register("before_create_snippet", order=-1)
def limit_new_snippet_to_translators_language(request, model):
    if issubclass(model, TranslatableMixin) and translator_locale_ids(request.user) is not None:
        locale_id = new_snippet_locale_id(request, model)
        if locale_id is not None:
            _forbidden_locale(request, locale_id)


@hooks.register("before_bulk_action", order=-1)
def limit_bulk_actions_to_translators_language(request, action_type, objects, action):
    for obj in objects:
        if isinstance(obj, TranslatableMixin):
            _forbidden_locale(request, obj.locale_id)


# Documents of private pages stay private (kupferstadt/document_privacy.py).
hooks.register("before_serve_document", document_privacy.keep_documents_of_private_pages_private)


# A page created and published at once gets its aliases in every language from
# wagtail-localize's own after_create_page hook; the machine translation runs (again) once
# they exist, so that it publishes into them instead of beside them.
@hooks.register("after_create_page", order=100)
def machine_translation_for_new_page(request, page):
    machine_translation.queue_machine_translation(type(page), page)
