"""Admin views around wagtail-localize: the Übersetzungsstand report, translation
submission limited to a translator's languages and a PO upload that checks the file
before anything changes."""

import contextlib
import os
import tempfile

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)

from .translation import may_work_in, translator_locale_ids
from .translation_status import STATES, TranslationStatus, counts

MAX_PO_SIZE = 5 * 1024 * 1024


def user_may_see_translation_status(user):
    return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Berichte → Übersetzungsstand."""

    template_name = "kupferstadt/admin/translation_status.html"
    page_title = gettext_lazy("Übersetzungsstand")
    header_icon = "wagtail-localize-language"

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
        language = self.request.GET.get("sprache", "")
        locales = [loc for loc in all_locales if language in ("", loc.language_code)]
        status = TranslationStatus(locales, section=self.request.GET.get("bereich", ""))
        sections = status.sections()
        if status.section not in ("", *(value for value, _label in sections)):
            status.section = ""
        state = self.request.GET.get("stand", "")
        rows = status.rows(self.request.user)
        summary = counts(rows, locales)
        if state in STATES:
            rows = [row for row in rows if any(cell.state == state for cell in row.cells)]
        context.update(
            all_locales=all_locales,
            locales=locales,
            language=language,
            sections=sections,
            section=status.section,
            states=STATES,
            state=state,
            rows=rows,
            summary=summary,
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
