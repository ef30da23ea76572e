"""Public forms, protected against spam without third-party services."""

import re
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .models.barrier_reports import BarrierReport
from .models.site_settings import SiteSettings
from .security import client_ip

_SIGNER = signing.Signer(salt="kupferstadt.forms.started")
# Line breaks, tabs and the other control characters (with the spaces around them); a
# single-line value (a title, a name) that carries them breaks e-mail headers.
_CONTROL_CHARACTERS = re.compile(r"\s*[\x00-\x1f\x7f-\x9f\u2028\u2029]+\s*")


def single_line(value):
    """The value with every run of control characters (line breaks, tabs) as one space."""
    return _CONTROL_CHARACTERS.sub(" ", value).strip()


class SingleLineCharField(forms.CharField):
    """A text field of one line: what a script posts with line breaks arrives as spaces,
    before the form saves anything or puts it in an e-mail subject."""

    def to_python(self, value):
        value = super().to_python(value)
        return single_line(value) if value else value


def form_token(now=None):
    """A signed timestamp of when the form was shown, with a nonce that makes it usable
    for one submission only."""
    started = int(now if now is not None else time.time())
    return _SIGNER.sign(f"{started}:{secrets.token_urlsafe(12)}")


class RateLimit:
    """At most ``settings.<setting>`` successful submissions of one form per client
    address (``kupferstadt.security.client_ip``) and hour, counted in Django's cache."""

    window_seconds = 60 * 60

    def __init__(self, name, setting):
        self.name = name
        self.setting = setting

    def _key(self, request):
        return f"kupferstadt:rate:{self.name}:{client_ip(request)}"

    def exceeded(self, request):
        return cache.get(self._key(request), 0) >= getattr(settings, self.setting)

    def count(self, request):
        key = self._key(request)
        if not cache.add(key, 1, self.window_seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, self.window_seconds)


class SpamProtectionMixin(forms.Form):
    """A honeypot field that people never see, a minimum time between showing and
    sending the form, a token that is good for one submission, and a limit of
    submissions per address and hour (``rate_limit``); all without cookies or external
    services."""

    rate_limit = None
    rate_limit_message = _(
        "Von Ihrem Anschluss kamen in der letzten Stunde schon mehrere Meldungen. Bitte "
        "senden Sie diese später noch einmal; Ihre Angaben bleiben hier stehen."
    )

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
            started, _, nonce = _SIGNER.unsign(self._submitted_token).partition(":")
            started = int(started)
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
        if not nonce or not self._use_token(nonce, started):
            raise forms.ValidationError(
                gettext(
                    "Dieses Formular wurde schon einmal abgeschickt. Falls Sie keine "
                    "Bestätigung gesehen haben, senden Sie es bitte noch einmal."
                ),
                code="token_used",
            )
        return cleaned

    @staticmethod
    def _use_token(nonce, started):
        """Remembers the nonce until the token expires anyway; False if it was used."""
        remaining = started + settings.KUPFERSTADT_FORM_MAX_SECONDS - time.time()
        added = cache.add(f"kupferstadt:form-token:{nonce}", 1, int(remaining) + 60)
        # A cache that is down answers None (DJANGO_REDIS_IGNORE_EXCEPTIONS): the form
        # still works, only without this protection.
        return added is not False

    def add_rate_limit_error(self):
        self.full_clean()
        self.add_error(None, self.rate_limit_message)


class BarrierReportForm(SpamProtectionMixin, forms.ModelForm):
    rate_limit = RateLimit("barrier-reports", "KUPFERSTADT_BARRIER_REPORT_RATE_LIMIT")

    class Meta:
        model = BarrierReport
        fields = ["page_url", "description", "name", "email"]
        field_classes = {"page_url": SingleLineCharField, "name": SingleLineCharField}
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def save_and_notify(self, request):
        report = self.save()
        self.rate_limit.count(request)
        site = Site.find_for_request(request)
        recipient = SiteSettings.for_site(site).accessibility_contact_email if site else ""
        if recipient:
            edit_path = reverse("wagtailsnippets_kupferstadt_barrierreport:edit", args=[report.pk])
            send_mail(
                subject=single_line(
                    gettext("Barriere gemeldet: %(page)s")
                    % {"page": report.page_url or gettext("ohne Seitenangabe")}
                ),
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
