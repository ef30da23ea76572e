"""The start page of a site."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from events.models import EventPage
from kupferstadt.models import SitePage, SiteSettings
from projects.models import ProjectPage

from .notice import NoticePage


class HomePage(SitePage):
    """The start page of a site: an introduction; notices, events and initiatives are
    picked automatically from the pages below it."""

    intro = RichTextField(
        _("Begrüßung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Kurzer Text oben auf der Startseite."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = ["intro"]

    parent_page_types = ["wagtailcore.Page"]
    lists_content = True
    subpage_types = [
        "home.PinnwandPage",
        "events.EventIndexPage",
        "projects.ProjectIndexPage",
        "kupferstadt.StandardPage",
        "kupferstadt.AccessibilityStatementPage",
        "kupferstadt.BarrierReportPage",
        "kupferstadt.EasyLanguagePage",
        "kupferstadt.SignLanguagePage",
        "home.OfferSubmissionPage",
    ]

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def description_text(self):
        """The introduction describes the page."""
        return self.intro

    def json_ld(self, request):
        contact = SiteSettings.for_request(request)
        data = super().json_ld(request)
        data["@type"] = ["WebSite"]
        data["publisher"] = organisation = {
            "@type": "GovernmentOrganization",
            "name": contact.organisation_name,
            "url": self.get_full_url(request),
        }
        if contact.street:
            organisation["address"] = {
                "@type": "PostalAddress",
                "streetAddress": contact.street,
                "postalCode": contact.postal_code,
                "addressLocality": contact.city,
                "addressCountry": "DE",
            }
        if contact.email:
            organisation["email"] = contact.email
        if contact.phone:
            organisation["telephone"] = contact.phone
        return data

    def latest_notices(self, limit=4):
        return NoticePage.objects.shown_below(self).on_board().board_order().for_cards()[:limit]

    def upcoming_events(self, limit=3):
        return EventPage.objects.shown_below(self).first_by_next_occurrence(limit)

    def initiatives(self):
        return ProjectPage.objects.shown_below(self).for_cards()
