"""The public form "Angebot melden": checks an offer and its files; the page
(``OfferSubmissionPage.receive_offer``) turns it into a draft notice in the approval
workflow and keeps the sender's contact details apart (``OfferSubmission``)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.documents.fields import WagtailDocumentField
from wagtail.images.fields import WagtailImageField

from kupferstadt.forms import RateLimit, SingleLineCharField, SpamProtectionMixin
from kupferstadt.models import Topic
from kupferstadt.text import german_slugify

from .choices import Region

# Pillow's format -> the extension the stored file gets. The visitor's file name is never
# used: a PNG named "x.html" would be served as a web page from our own origin.
IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
OFFERS_PER_HOUR = RateLimit("offer-submissions", "KUPFERSTADT_SUBMISSION_RATE_LIMIT")
FILES_NOT_KEPT = _(
    "Ihr Browser kann ausgewählte Dateien aus Sicherheitsgründen nicht erneut mitschicken: "
    "Bitte wählen Sie Bild und PDF-Datei noch einmal aus."
)


def _wagtail_rules(field, upload):
    """The checks of Wagtail's own upload form (extensions, size, pixels) for a file that
    already has its final name; their messages, in German, become the field's."""
    upload.seek(0)
    try:
        field.clean(upload)
    except ValidationError as error:
        raise forms.ValidationError(error.messages, code="wagtail") from None
    finally:
        upload.seek(0)


def _stored_name(title, extension):
    """A file name of our own: the title's slug and the extension of the detected format."""
    return f"{german_slugify(title, 60) or 'angebot'}.{extension}"


def _too_large(upload):
    limit = settings.KUPFERSTADT_SUBMISSION_MAX_UPLOAD_MB
    if upload.size > limit * 1024 * 1024:
        return forms.ValidationError(
            gettext("Die Datei ist zu groß (höchstens %(mb)s MB).") % {"mb": limit},
            code="too_large",
        )
    return None


class RegionField(forms.TypedChoiceField):
    """A region; the German values of before (a form page cached or kept open in a browser
    since then still sends ``stadt``) count as their English ones."""

    def valid_value(self, value):
        return super().valid_value(Region.from_value(value))


class OfferSubmissionForm(SpamProtectionMixin, forms.Form):
    rate_limit = OFFERS_PER_HOUR
    rate_limit_message = _(
        "Von Ihrem Anschluss kamen in der letzten Stunde schon mehrere Angebote. "
        "Bitte senden Sie dieses später noch einmal; Ihre Angaben bleiben hier stehen."
    )

    title = SingleLineCharField(
        label=_("Titel des Angebots"),
        max_length=120,
        help_text=_("Zum Beispiel „Sprachcafé für Frauen im Treffpunkt Mühle“."),
    )
    teaser = forms.CharField(
        label=_("Kurzbeschreibung"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Zwei bis drei Sätze für die Übersicht der Pinnwand (höchstens 400 Zeichen)."),
    )
    description = forms.CharField(
        label=_("Ausführliche Beschreibung"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Was, wann, wo, für wen, Kosten, Anmeldung."),
    )
    provider = SingleLineCharField(
        label=_("Anbieter (Verein, Einrichtung)"),
        max_length=200,
    )
    region = RegionField(
        label=_("Region"),
        choices=Region.choices,
        initial=Region.CITY,
        coerce=Region.from_value,
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Themen"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    valid_from = forms.DateField(
        label=_("Aushang ab"),
        help_text=_("Erster Tag auf der Pinnwand, z. B. 01.09.2026."),
    )
    valid_until = forms.DateField(
        label=_("Aushang bis"),
        required=False,
        help_text=_("Letzter Tag auf der Pinnwand; leer lassen für unbefristete Angebote."),
    )
    image = forms.FileField(
        label=_("Bild"),
        required=False,
        help_text=_("Optional: JPEG, PNG, WebP oder GIF, höchstens %(mb)s MB.")
        % {"mb": settings.KUPFERSTADT_SUBMISSION_MAX_UPLOAD_MB},
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )
    image_alt = SingleLineCharField(
        label=_("Was ist auf dem Bild zu sehen?"),
        required=False,
        max_length=255,
        help_text=_("Pflicht, wenn Sie ein Bild senden (Alternativtext für blinde Menschen)."),
    )
    pdf = forms.FileField(
        label=_("Flyer als PDF"),
        required=False,
        help_text=_("Optional: eine PDF-Datei, höchstens %(mb)s MB.")
        % {"mb": settings.KUPFERSTADT_SUBMISSION_MAX_UPLOAD_MB},
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )
    name = SingleLineCharField(label=_("Ihr Name"), max_length=200)
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"), help_text=_("Für Rückfragen und die Bestätigung.")
    )
    phone = SingleLineCharField(label=_("Telefon für Rückfragen"), max_length=50, required=False)
    consent = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass die Stadt Stolberg meine Angaben zur Prüfung des "
            "Angebots speichert. Name und E-Mail werden nach der Entscheidung gelöscht."
        ),
        error_messages={
            "required": _(
                "Bitte stimmen Sie zu, dass wir Ihre Angaben speichern dürfen; sonst können "
                "wir Ihr Angebot nicht prüfen."
            )
        },
    )

    def __init__(self, *args, privacy_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        if privacy_url:
            # Right under the consent checkbox (and announced with it: aria-describedby).
            self.fields["consent"].help_text = format_html(
                gettext("Einzelheiten stehen in unserer {link}."),
                link=format_html(
                    '<a href="{}">{}</a>', privacy_url, gettext("Datenschutzerklärung")
                ),
            )
        self.fields["topics"].queryset = Topic.objects.order_by("name")
        self.fields["valid_from"].widget.input_type = "date"
        self.fields["valid_until"].widget.input_type = "date"
        self.fields["valid_from"].widget.format = "%Y-%m-%d"
        self.fields["valid_until"].widget.format = "%Y-%m-%d"
        self.fields["valid_from"].input_formats = ["%Y-%m-%d", "%d.%m.%Y"]
        self.fields["valid_until"].input_formats = ["%Y-%m-%d", "%d.%m.%Y"]
        if not self.is_bound:
            self.initial.setdefault("valid_from", timezone.localdate())

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        if error := _too_large(upload):
            raise error
        unreadable = forms.ValidationError(
            gettext("Das ist kein Bild im Format JPEG, PNG, WebP oder GIF."), code="not_image"
        )
        too_many_pixels = forms.ValidationError(
            gettext("Das Bild ist zu groß (höchstens %(mp)s Megapixel).")
            % {"mp": settings.KUPFERSTADT_SUBMISSION_MAX_PIXELS // 1_000_000},
            code="too_many_pixels",
        )
        try:
            with PILImage.open(upload) as image:
                if image.format not in IMAGE_FORMATS:
                    raise unreadable
                extension = IMAGE_FORMATS[image.format]
                width, height = image.size
                if width * height > settings.KUPFERSTADT_SUBMISSION_MAX_PIXELS:
                    raise too_many_pixels
                image.verify()
        except forms.ValidationError:
            raise
        except PILImage.DecompressionBombError:
            raise too_many_pixels from None
        except (OSError, SyntaxError, ValueError):
            raise unreadable from None
        upload.name = _stored_name(self.cleaned_data.get("title", ""), extension)
        _wagtail_rules(WagtailImageField(), upload)
        return upload

    def clean_pdf(self):
        upload = self.cleaned_data.get("pdf")
        if not upload:
            return None
        if error := _too_large(upload):
            raise error
        upload.seek(0)
        if upload.read(5) != b"%PDF-":
            raise forms.ValidationError(gettext("Das ist keine PDF-Datei."), code="not_pdf")
        upload.name = _stored_name(self.cleaned_data.get("title", ""), "pdf")
        _wagtail_rules(WagtailDocumentField(), upload)
        try:  # Wagtail's document rules: WAGTAILDOCS_EXTENSIONS
            get_document_model()(file=upload).clean()
        except ValidationError as error:
            raise forms.ValidationError(error.messages, code="wagtail") from None
        return upload

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("valid_from"), cleaned.get("valid_until")
        if start and end and end < start:
            self.add_error(
                "valid_until", gettext("„Aushang bis“ darf nicht vor „Aushang ab“ liegen.")
            )
        if end and end < timezone.localdate():
            self.add_error("valid_until", gettext("„Aushang bis“ liegt in der Vergangenheit."))
        if cleaned.get("image") and not cleaned.get("image_alt", "").strip():
            self.add_error(
                "image_alt", gettext("Bitte beschreiben Sie das Bild in ein paar Worten.")
            )
        return cleaned

    def files_not_kept(self):
        """Whether the visitor chose files that have to be chosen again after an error."""
        return self.is_bound and bool(self.files) and bool(self.errors)

    files_not_kept_message = FILES_NOT_KEPT
