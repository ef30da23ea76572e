"""Factories for real Wagtail page trees and the shared snippets."""

import datetime
import io

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage, EventStatus, rebuild_occurrences
from home.choices import FeedTarget
from home.models import NoticePage, OfferSubmissionPage, PartnerFeed, PinnwandPage, Region
from kupferstadt.models import (
    AccessibilityStatementPage,
    Audience,
    BarrierReportPage,
    Conformance,
    District,
    EasyLanguagePage,
    Organisation,
    Person,
    SignLanguagePage,
    StandardPage,
    Topic,
    Venue,
)
from kupferstadt.text import german_slugify
from projects.models import ProjectIndexPage, ProjectPage, ProjectStatus


class LocalizedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    locale = factory.LazyFunction(Locale.get_default)


class TopicFactory(LocalizedFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda o: german_slugify(o.name))


class AudienceFactory(TopicFactory):
    class Meta:
        model = Audience

    name = factory.Sequence(lambda n: f"Zielgruppe {n}")


class DistrictFactory(TopicFactory):
    class Meta:
        model = District

    name = factory.Sequence(lambda n: f"Stadtteil {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Verein {n}")


class PersonFactory(LocalizedFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Beratung"
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class VenueFactory(LocalizedFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Treffpunkt {n}")
    street = "Rathausstraße 11"
    postal_code = "52222"
    city = "Stolberg"


class PageFactory(factory.django.DjangoModelFactory):
    """Creates a page as a child of ``parent`` in the real page tree, published."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.LazyAttribute(lambda o: german_slugify(o.title))

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    intro = "Eine freie Seite."


class AccessibilityStatementPageFactory(PageFactory):
    class Meta:
        model = AccessibilityStatementPage

    title = "Erklärung zur Barrierefreiheit"
    scope = "<p>Diese Erklärung gilt für diese Website.</p>"
    conformance = Conformance.FULL
    prepared_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    reviewed_on = factory.LazyFunction(timezone.localdate)
    assessment_method = "Selbstbewertung"
    feedback_contact = "<p>Sozialplanung, sozialplanung@stolberg.example</p>"


class BarrierReportPageFactory(PageFactory):
    class Meta:
        model = BarrierReportPage

    title = "Barriere melden"
    intro = "<p>Beschreiben Sie bitte, was nicht funktioniert hat.</p>"


class EasyLanguagePageFactory(PageFactory):
    class Meta:
        model = EasyLanguagePage

    title = "Leichte Sprache"
    intro = "Hier erklären wir die Website in Leichter Sprache."


class SignLanguagePageFactory(PageFactory):
    class Meta:
        model = SignLanguagePage

    title = "Gebärdensprache"
    intro = "Die Website in Deutscher Gebärdensprache."
    transcript = "<p>Auf der Pinnwand stehen Angebote.</p>"


class OfferSubmissionPageFactory(PageFactory):
    class Meta:
        model = OfferSubmissionPage

    title = "Angebot melden"
    intro = "<p>Vereine melden hier ihre Angebote.</p>"


class PinnwandPageFactory(PageFactory):
    class Meta:
        model = PinnwandPage

    title = "Pinnwand"


class NoticePageFactory(PageFactory):
    class Meta:
        model = NoticePage

    title = factory.Sequence(lambda n: f"Aushang {n}")
    teaser = factory.LazyAttribute(lambda o: f"Kurztext zu {o.title}.")
    region = Region.CITY
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    valid_until = None


class EventIndexPageFactory(PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Veranstaltungen"


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    status = EventStatus.SCHEDULED
    venue = factory.SubFactory(VenueFactory)

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        """Created live, with the occurrence rows a publish writes (events/signals.py),
        without the cost of a revision. Series fields and inline dates are passed as
        keyword arguments (``extra_dates=[EventExtraDate(date=...)]``)."""
        page = super()._create(model_class, *args, parent=parent, **kwargs)
        rebuild_occurrences(page)
        return page


class ProjectIndexPageFactory(PageFactory):
    class Meta:
        model = ProjectIndexPage

    title = "Soziale Kupferstadt 2030"


class ProjectPageFactory(PageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Initiative {n}")
    summary = "Eine Initiative."
    status = ProjectStatus.RUNNING


def png_bytes(size=(8, 6), color=(184, 115, 51)):
    """A small, valid PNG file's content."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "kupferstadt.CustomImage"

    title = factory.Sequence(lambda n: f"Bild {n}")
    description = "Kupferfarbene Fläche"
    file = factory.LazyFunction(lambda: ContentFile(png_bytes(), name="bild.png"))


class PartnerFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerFeed

    organisation = factory.SubFactory(OrganisationFactory, name="AWO Stolberg")
    url = "https://awo.example/feed.xml"
    target = FeedTarget.PINNWAND
