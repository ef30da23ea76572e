"""The public form "Angebot melden" and what it keeps of the sender."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import models, transaction
from django.shortcuts import redirect
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from kupferstadt.forms import single_line
from kupferstadt.models import Organisation, SitePage, SiteSettings
from kupferstadt.text import german_slugify

from ..forms import OfferSubmissionForm
from .notice import NoticePage


class OfferSubmissionPage(RoutablePageMixin, SitePage):
    """The public form "Angebot melden": associations and providers send an offer; it
    becomes a draft notice on the Pinnwand that the Sozialplanung approves."""

    intro = RichTextField(
        _("Einleitung"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Steht über dem Formular: Was für Angebote passen auf die Pinnwand?"),
    )
    thanks = RichTextField(
        _("Bestätigung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Erscheint nach dem Absenden."),
    )
    pinnwand = models.ForeignKey(
        "home.PinnwandPage",
        verbose_name=_("Pinnwand"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Unter diese Pinnwand kommen die Entwürfe; leer: die erste der Website."),
    )

    # The button of the form (kupferstadt/form_page.html).
    submit_label = _("Angebot senden")
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("thanks"),
        FieldPanel("pinnwand"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = ["intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Formular „Angebot melden“")
        verbose_name_plural = _("Formulare „Angebot melden“")

    def description_text(self):
        """The introduction describes the page."""
        return self.intro

    def target_pinnwand(self):
        if self.pinnwand_id:
            return self.pinnwand
        # The model behind the field: the Pinnwand's module imports this one.
        pinnwand_model = self._meta.get_field("pinnwand").related_model
        return pinnwand_model.objects.child_of(self.get_parent()).first()

    @path("")
    def submit(self, request):
        privacy = SiteSettings.for_request(request).privacy_page
        privacy_url = privacy.get_url(request) if privacy and privacy.live else None
        status = 200
        if request.method == "POST":
            form = OfferSubmissionForm(request.POST, request.FILES, privacy_url=privacy_url)
            if form.rate_limit.exceeded(request):
                form.add_rate_limit_error()
                status = 429
            elif form.is_valid():
                self.receive_offer(form.cleaned_data)
                form.rate_limit.count(request)
                return redirect(self.get_url(request) + self.reverse_subpage("thanks_view"))
        else:
            form = OfferSubmissionForm(privacy_url=privacy_url)
        response = self.render(request, context_overrides={"form": form})
        response.status_code = status
        return response

    @path("danke/")
    def thanks_view(self, request):
        return self.render(request, context_overrides={"sent": True})

    @staticmethod
    @transaction.atomic
    def create_notice(data, pinnwand):
        """The offer as a draft notice under ``pinnwand``, with its image and flyer."""
        provider = Organisation.objects.filter(name__iexact=data["provider"].strip()).first()
        body = []
        if data["description"].strip():
            body.append({"type": "paragraph", "value": linebreaks(escape(data["description"]))})
        if provider is None:
            body.append(
                {
                    "type": "paragraph",
                    "value": linebreaks(escape(gettext("Anbieter: %s") % data["provider"])),
                }
            )
        notice = NoticePage(
            title=data["title"],
            slug=OfferSubmissionPage._free_slug(pinnwand, data["title"]),
            teaser=data["teaser"],
            body=body,
            provider=provider,
            region=data["region"],
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
            live=False,
        )
        if data.get("image"):
            notice.image = get_image_model().objects.create(
                title=data["title"][:255],
                description=data["image_alt"].strip(),
                file=data["image"],
            )
            notice.image_alt = data["image_alt"].strip()
        if data.get("pdf"):
            document = get_document_model().objects.create(
                title=gettext("Flyer: %s") % data["title"], file=data["pdf"]
            )
            notice.documents = [("document", {"document": document, "title": ""})]
        notice.topics = list(data["topics"])
        pinnwand.add_child(instance=notice)
        notice.save_revision()
        return notice

    @staticmethod
    def _free_slug(parent, title):
        base = german_slugify(title, 60) or "angebot"
        slug, number = base, 1
        taken = set(parent.get_children().values_list("slug", flat=True))
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def receive_offer(self, data):
        """Creates the draft notice from the checked form ``data``, starts the approval
        (Wagtail e-mails the approvers with the link to the editor) and confirms to the
        sender."""
        notice = self.create_notice(data, self.target_pinnwand())
        submission = OfferSubmission.objects.create(
            notice=notice, name=data["name"], email=data["email"], phone=data["phone"]
        )
        workflow = notice.get_workflow()
        if workflow is not None:
            workflow.start(notice, None)
        send_mail(
            subject=single_line(
                gettext("Ihr Angebot „%(title)s“ ist bei uns angekommen") % {"title": notice.title}
            ),
            message="\n\n".join(
                [
                    gettext("Guten Tag %(name)s,") % {"name": submission.name},
                    gettext(
                        "vielen Dank für Ihr Angebot „%(title)s“. Die Sozialplanung prüft es und "
                        "veröffentlicht es auf der Pinnwand. Wir melden uns, sobald es "
                        "entschieden ist."
                    )
                    % {"title": notice.title},
                    gettext("Ihre Kontaktdaten löschen wir %(days)s Tage nach der Entscheidung.")
                    % {"days": settings.KUPFERSTADT_SUBMISSION_RETENTION_DAYS},
                    gettext("Mit freundlichen Grüßen\nSozialplanung der Kupferstadt Stolberg"),
                ]
            ),
            from_email=None,
            recipient_list=[submission.email],
        )
        return notice


class OfferSubmission(models.Model):
    """Who sent an offer through "Angebot melden" (personal data): kept for questions
    until the decision and deleted by ``manage.py purge_personal_data``
    KUPFERSTADT_SUBMISSION_RETENTION_DAYS days after it, at the latest
    KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS days after receipt."""

    notice = models.OneToOneField(
        NoticePage,
        verbose_name=_("Aushang"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="submission",
    )
    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)
    decided_at = models.DateTimeField(_("Entschieden am"), null=True, blank=True)

    panels = [
        FieldPanel("notice", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("phone", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("decided_at", read_only=True),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Angebotsmeldung")
        verbose_name_plural = _("Angebotsmeldungen")

    def __str__(self):
        return f"{self.name} – {self.notice.title if self.notice else '–'}"
