"""Admin registration of the shared snippets, grouped under "Stammdaten", and of the
translation tools."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import (
    Audience,
    BarrierReport,
    District,
    FooterText,
    Organisation,
    Person,
    Topic,
    Venue,
)
from .translation import may_work_in, translator_locale_ids


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
    )


register_snippet(MasterDataGroup)


class BarrierReportViewSet(SnippetViewSet):
    model = BarrierReport
    icon = "warning"
    menu_label = _("Barriere-Meldungen")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__", "page_url", "created_at", "handled"]
    list_filter = ["handled"]
    inspect_view_enabled = True


register_snippet(BarrierReportViewSet)


# Translation: the Übersetzungsstand report, and translators limited to their languages.
# These URLs come before wagtail-localize's own (this app is listed first), so the same
# addresses reach the limited views.
@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            admin_views.LimitedSubmitPageTranslationView.as_view(),
            name="kupferstadt_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            admin_views.LimitedSubmitSnippetTranslationView.as_view(),
            name="kupferstadt_submit_snippet_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            admin_views.upload_pofile,
            name="kupferstadt_upload_pofile",
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
    _forbidden_locale(request, parent_page.locale_id)


@hooks.register("before_edit_snippet", order=-1)
@hooks.register("before_delete_snippet", order=-1)
def limit_snippet_to_translators_language(request, instance):
    for obj in instance if isinstance(instance, list | tuple) else [instance]:
        if isinstance(obj, TranslatableMixin):
            _forbidden_locale(request, obj.locale_id)


@hooks.register("before_create_snippet", order=-1)
def limit_new_snippet_to_translators_language(request, model):
    if issubclass(model, TranslatableMixin) and translator_locale_ids(request.user) is not None:
        code = request.GET.get("locale") or request.POST.get("locale") or ""
        locale = Locale.objects.filter(language_code=code).first() or Locale.get_default()
        _forbidden_locale(request, locale.pk)


# Registers the download check for documents of private pages.
from . import document_privacy  # noqa: E402, F401
