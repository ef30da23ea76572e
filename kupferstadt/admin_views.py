"""Admin views around wagtail-localize: the Übersetzungsstand report, every view of
wagtail-localize limited to a translator's languages (and its snippet API to models one may
see), a PO upload that checks the file before anything changes, and snippet views that save
only in a translator's language."""

import contextlib
import functools
import os
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import aging_pages
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)

from .handbook.views import HelpButtonMixin
from .i18n import has_own_text
from .translation import localize_locale_ids, may_work_in, translator_locale_ids
from .translation_status import STATES, TranslationStatus

MAX_PO_SIZE = 5 * 1024 * 1024


def user_may_see_translation_status(user):
    return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


def query_value(request, name, old_name):
    """A query parameter by its English name, or by the German one used before (old
    bookmarks keep working)."""
    return request.GET.get(name, request.GET.get(old_name, ""))


class TranslationStatusView(HelpButtonMixin, WagtailAdminTemplateMixin, TemplateView):
    """Berichte → Übersetzungsstand."""

    handbook_slug = "uebersetzungsstand"
    template_name = "kupferstadt/admin/translation_status.html"
    page_title = gettext_lazy("Übersetzungsstand")
    header_icon = "wagtail-localize-language"
    rows_per_page = 50

    def dispatch(self, request, *args, **kwargs):
        if not user_may_see_translation_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        all_locales = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("pk")
        allowed = translator_locale_ids(self.request.user)
        if allowed is not None:
            all_locales = all_locales.filter(pk__in=allowed)
        language = query_value(self.request, "language", "sprache")
        locales = [loc for loc in all_locales if language in ("", loc.language_code)]
        status = TranslationStatus(locales, section=query_value(self.request, "section", "bereich"))
        sections = status.sections()
        if status.section not in ("", *(value for value, _label in sections)):
            status.section = ""
        state = query_value(self.request, "state", "stand")
        # One screen of rows at a time, in the report's order (``?p=``, Wagtail's paging);
        # only the screen's rows are read and built.
        rows = status.rows(self.request.user, state)
        paginator = WagtailPaginator(rows, self.rows_per_page)
        page_obj = paginator.get_page(self.request.GET.get("p"))
        context.update(
            page_obj=page_obj,
            elided_page_range=paginator.get_elided_page_range(page_obj.number),
            all_locales=all_locales,
            locales=locales,
            language=language,
            sections=sections,
            section=status.section,
            states=STATES,
            state=state,
            rows=page_obj.object_list,
            summary=status.summary(),
            source_language=status.source_locale.language_code,
        )
        return context


class LocaleLimitedFormMixin:
    """Translators choose only among their own languages."""

    def get_form(self):
        form = super().get_form()
        allowed = translator_locale_ids(self.request.user)
        if allowed is not None:
            field = form.fields["locales"]
            field.queryset = field.queryset.filter(pk__in=allowed)
        return form


class LimitedSubmitPageTranslationView(LocaleLimitedFormMixin, SubmitPageTranslationView):
    pass


class LimitedSubmitSnippetTranslationView(LocaleLimitedFormMixin, SubmitSnippetTranslationView):
    pass


def _po_file_error(upload, translation):
    """A German message if the upload is not a PO file of this translation, else None."""
    if upload is None:
        return _("Bitte wählen Sie eine PO-Datei aus.")
    if upload.size > MAX_PO_SIZE:
        return _("Die Datei ist zu groß für eine PO-Datei.")
    content = upload.read()
    upload.seek(0)
    # polib reads a path or a text; a temporary file keeps it from ever reading a path
    # named in the upload.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(content)
    try:
        content.decode("utf-8")
        po = polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError):
        return _("Die Datei ist keine gültige PO-Datei. Es wurde nichts geändert.")
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        return _(
            "Die PO-Datei gehört nicht zu dieser Übersetzung. Bitte laden Sie die Datei hoch, "
            "die Sie für diese Seite und Sprache heruntergeladen haben. Es wurde nichts geändert."
        )
    if not len(po):
        return _("Die PO-Datei enthält keine Texte. Es wurde nichts geändert.")
    return None


@require_POST
def upload_pofile(request, translation_id):
    """wagtail-localize's PO upload, after checking that the file is a readable PO file
    made for this translation (wagtail-localize fails on files without its header)."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not may_work_in(request.user, translation.target_locale_id):
        raise PermissionDenied
    error = _po_file_error(request.FILES.get("file"), translation)
    if error:
        messages.error(request, error)
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
    return edit_translation.upload_pofile(request, translation_id)


class LimitedTranslationsReportView(TranslationsReportView):
    """Reports → Translations, listing a translator's languages only."""

    def get_queryset(self):
        queryset = super().get_queryset()
        allowed = translator_locale_ids(self.request.user)
        if allowed is not None:
            queryset = queryset.filter(target_locale_id__in=allowed)
        # wagtail-localize leaves it unordered, which pages unreliably.
        return queryset if queryset.ordered else queryset.order_by("pk")


# Forbidden actions answer 403 with a German page (Wagtail's own answer would be a
# redirect to the dashboard).
FORBIDDEN_LANGUAGE = gettext_lazy(
    "Sie dürfen hier nur in Ihrer eigenen Sprache arbeiten. Es wurde nichts geändert."
)
FORBIDDEN_MODEL = gettext_lazy("Sie dürfen diese Einträge nicht sehen.")


class ForbiddenView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "kupferstadt/admin/forbidden.html"
    page_title = gettext_lazy("Keine Berechtigung")
    header_icon = "warning"
    message = FORBIDDEN_LANGUAGE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["message"] = self.message
        return context


def forbidden(request, message=FORBIDDEN_LANGUAGE):
    if request.headers.get("x-requested-with") == "XMLHttpRequest" or (
        request.method not in ("GET", "HEAD", "POST")
    ):
        return JsonResponse({"detail": str(message)}, status=403)
    view = ForbiddenView(message=message)
    view.setup(request)
    response = view.get(request)
    response.status_code = 403
    return response


def user_may_see_snippet_model(user, model):
    """Whether a user may see a snippet model's entries in the admin at all: a view,
    change or add permission for it (wagtail-localize's snippet API asks for nothing)."""
    meta = model._meta
    return any(
        user.has_perm(f"{meta.app_label}.{action}_{meta.model_name}")
        for action in ("view", "change", "add")
    )


def localize_target_locale_ids(name, kwargs):
    """The languages an action of wagtail-localize's admin changes or shows, read from the
    address: a translation's target language; for a translation source (updating its
    translations) every language it is translated into; for a page converted back to an
    alias the page's language. (A submission's form offers a translator only their
    languages: ``LocaleLimitedFormMixin``.)"""
    if "translation_id" in kwargs:
        return set(
            Translation.objects.filter(pk=kwargs["translation_id"]).values_list(
                "target_locale_id", flat=True
            )
        )
    if "translation_source_id" in kwargs:
        return set(
            Translation.objects.filter(
                source_id=kwargs["translation_source_id"], enabled=True
            ).values_list("target_locale_id", flat=True)
        )
    if name == "convert_to_alias":
        return set(Page.objects.filter(pk=kwargs["page_id"]).values_list("locale_id", flat=True))
    return set()


def limited_localize_view(name, view):
    """One of wagtail-localize's admin views, refused (403) where it would act outside a
    translator's languages or show a snippet model the user may not see."""

    @functools.wraps(view)
    def limited(request, *args, **kwargs):
        if "app_label" in kwargs and "model_name" in kwargs:
            model = get_snippet_model_from_url_params(kwargs["app_label"], kwargs["model_name"])
            if not user_may_see_snippet_model(request.user, model):
                return forbidden(request, FORBIDDEN_MODEL)
        allowed = localize_locale_ids(request.user)
        if allowed is not None:
            affected = localize_target_locale_ids(name, kwargs)
            # Updating from a source acts on all its languages: translators only where
            # every one of them is theirs (never for a source without translations).
            if "translation_source_id" in kwargs and not affected:
                return forbidden(request)
            if not affected <= allowed:
                return forbidden(request)
        return view(request, *args, **kwargs)

    return limited


# Where our version replaces wagtail-localize's view (all are limited as above as well).
LOCALIZE_REPLACEMENTS = {
    "submit_page_translation": LimitedSubmitPageTranslationView.as_view,
    "submit_snippet_translation": LimitedSubmitSnippetTranslationView.as_view,
    "upload_pofile": lambda: upload_pofile,
    "translations_report": LimitedTranslationsReportView.as_view,
    "translations_report_results": lambda: LimitedTranslationsReportView.as_view(results_only=True),
}


def limited_localize_urls():
    """wagtail-localize's admin URLs (all of them, read from its own hook), each view
    limited; registered before theirs so the same addresses reach these. Their URL names
    keep leading to the same addresses."""
    # Imported here: importing wagtail-localize's hooks module registers its hooks.
    from wagtail_localize import wagtail_hooks as localize_hooks

    (localize,) = localize_hooks.register_admin_urls()
    patterns = []
    for pattern in localize.url_patterns:
        if not isinstance(pattern, URLPattern):
            raise TypeError(f"Unexpected wagtail-localize URL {pattern!r}")
        replacement = LOCALIZE_REPLACEMENTS.get(pattern.name)
        view = replacement() if replacement else pattern.callback
        limited = limited_localize_view(pattern.name, view)
        patterns.append(path(str(pattern.pattern), limited, pattern.default_args, pattern.name))
    return patterns


# Snippets are saved in the locale their instance has, whatever the request claimed.
class SavedLocaleCheckMixin:
    """Refuses to save a translatable snippet outside a translator's languages; checked on
    the instance itself, right before it is saved."""

    def save_instance(self):
        instance = self.form.instance
        if isinstance(instance, TranslatableMixin) and not may_work_in(
            self.request.user, instance.locale_id
        ):
            raise PermissionDenied
        return super().save_instance()


class LocaleCheckedCreateView(SavedLocaleCheckMixin, snippet_views.CreateView):
    pass


class LocaleCheckedCopyView(SavedLocaleCheckMixin, snippet_views.CopyView):
    pass


class LocaleCheckedEditView(SavedLocaleCheckMixin, snippet_views.EditView):
    pass


class AgingPagesView(aging_pages.AgingPagesView):
    """Wagtail's report "Seitenalter" with each page once: without wagtail-localize's
    aliases, which mirror every German page in each language's tree and would list a
    notice once per language. Routed at Wagtail's own address (``kupferstadt.urls``)."""

    def get_queryset(self):
        return super().get_queryset().filter(has_own_text())
