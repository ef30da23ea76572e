"""Public forms, protected against spam without third-party services."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .models import BarrierReport, SiteSettings

_SIGNER = signing.Signer(salt="kupferstadt.forms.started")


def form_token(now=None):
    """A signed timestamp of when the form was shown."""
    return _SIGNER.sign(str(int(now if now is not None else time.time())))


class SpamProtectionMixin(forms.Form):
    """A honeypot field that people never see, and a minimum time between showing and
    sending the form; both without cookies or external services."""

    # Named like a field a bot wants to fill; hidden from people and screen readers.
    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"), required=False, max_length=200
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        # A fresh token every time the form is shown, also after an error.
        self.initial["started"] = form_token()
        if self.is_bound:
            data = self.data.copy()
            data["started"] = self.initial["started"]
            self._submitted_token = self.data.get("started", "")
            self.data = data

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                gettext("Ihre Nachricht konnte nicht gesendet werden."), code="honeypot"
            )
        try:
            started = int(_SIGNER.unsign(self._submitted_token))
        except (signing.BadSignature, ValueError):
            raise forms.ValidationError(
                gettext("Das Formular war nicht vollständig. Bitte senden Sie es noch einmal."),
                code="token",
            ) from None
        elapsed = time.time() - started
        if elapsed < settings.KUPFERSTADT_FORM_MIN_SECONDS:
            raise forms.ValidationError(
                gettext(
                    "Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das "
                    "Formular noch einmal."
                ),
                code="too_fast",
            )
        if elapsed > settings.KUPFERSTADT_FORM_MAX_SECONDS:
            raise forms.ValidationError(
                gettext("Das Formular ist abgelaufen. Bitte senden Sie es noch einmal."),
                code="expired",
            )
        return cleaned


class BarrierReportForm(SpamProtectionMixin, forms.ModelForm):
    class Meta:
        model = BarrierReport
        fields = ["page_url", "description", "name", "email"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def save_and_notify(self, request):
        report = self.save()
        site = Site.find_for_request(request)
        recipient = SiteSettings.for_site(site).accessibility_contact_email if site else ""
        if recipient:
            edit_path = reverse("wagtailsnippets_kupferstadt_barrierreport:edit", args=[report.pk])
            send_mail(
                subject=gettext("Barriere gemeldet: %(page)s")
                % {"page": report.page_url or gettext("ohne Seitenangabe")},
                message="\n\n".join(
                    [
                        report.description,
                        gettext("Seite: %(page)s") % {"page": report.page_url or "–"},
                        gettext("Absender: %(name)s %(email)s")
                        % {"name": report.name or "–", "email": report.email},
                        settings.WAGTAILADMIN_BASE_URL + edit_path,
                    ]
                ),
                from_email=None,
                recipient_list=[recipient],
            )
        return report
