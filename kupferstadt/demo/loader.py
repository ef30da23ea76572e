"""Builds the site structure and the demo content; every function is idempotent.

Pages are found again by slug under their parent, snippets by slug (or name), so
running the loader twice changes nothing and duplicates nothing.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from wagtail.models import Locale, Page, Site

from events.models import EventIndexPage, EventPage, EventStatus
from home.models import HomePage, NoticePage, OfferSubmissionPage, PinnwandPage, Region
from kupferstadt.models import Audience, District, Organisation, Person, SiteSettings, Topic, Venue
from kupferstadt.text import german_slugify
from projects.models import ProjectIndexPage, ProjectPage

from . import seed
from .opening_hours import ensure_opening_hours_offers
from .service_pages import ensure_pinnwand_guide, ensure_service_pages


def paragraph(text):
    """A rich-text block from plain text, paragraphs and line breaks kept."""
    return {"type": "paragraph", "value": linebreaks(escape(text))}


def _named(model, names):
    locale = Locale.get_default()
    result = {}
    for name in names:
        obj, _ = model.objects.get_or_create(
            slug=german_slugify(name, 120), locale=locale, defaults={"name": name}
        )
        result[name] = obj
    return result


def ensure_reference_data():
    """Topics, audiences and districts used by filters; returned by name."""
    return {
        "topics": _named(Topic, seed.TOPICS),
        "audiences": _named(Audience, seed.AUDIENCES),
        "districts": _named(District, seed.DISTRICTS),
    }


def ensure_site():
    """The German home page as root of the default site, replacing Wagtail's welcome page."""
    locale = Locale.get_default()
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is None:
        root = Page.get_first_root_node()
        for welcome in root.get_children().filter(
            content_type__model="page", content_type__app_label="wagtailcore"
        ):
            welcome.delete()
        home = HomePage(
            title="Soziale Kupferstadt",
            seo_title="Soziale Kupferstadt Stolberg",
            slug="start",
            locale=locale,
            intro=f"<p>{escape(seed.PINNWAND_INTRO)}</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.root_page_id != home.id:
        # Absolute links (feeds, calendars, sitemap) use the site's address: start with
        # the one the installation is configured for; editors can change it in the admin.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = base.hostname or "localhost"
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.root_page = home
        site.site_name = "Soziale Kupferstadt Stolberg"
        site.save()
    SiteSettings.for_site(site)  # creates the settings row with its defaults
    return home


def ensure_child(parent, model, slug, **fields):
    """The child page of ``parent`` with ``slug``, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


@transaction.atomic
def load_seed():
    """The structure and the verbatim content of the original notice."""
    ref = ensure_reference_data()
    topics, audiences = ref["topics"], ref["audiences"]
    home = ensure_site()
    locale = Locale.get_default()

    city, _ = Organisation.objects.get_or_create(name=seed.CITY)
    ministry, _ = Organisation.objects.get_or_create(name=seed.MINISTRY)
    contacts = [
        Person.objects.get_or_create(
            name=c["name"], locale=locale, defaults={"role": c["role"], "organisation": city}
        )[0]
        for c in seed.CONTACTS
    ]
    venue, _ = Venue.objects.get_or_create(
        name=seed.VENUE["name"], locale=locale, defaults=seed.VENUE
    )

    pinnwand, _ = ensure_child(
        home,
        PinnwandPage,
        "pinnwand",
        title=seed.PINNWAND_TITLE,
        intro=f"<p>{escape(seed.PINNWAND_INTRO)}</p>",
        show_in_menus=True,
    )
    offer_page, _ = ensure_child(
        home,
        OfferSubmissionPage,
        "angebot-melden",
        title="Angebot melden",
        intro=(
            "<p>Sie bieten in Stolberg oder der Städteregion etwas für Familien, Seniorinnen "
            "und Senioren, Zugewanderte oder die Nachbarschaft an? Melden Sie es hier; die "
            "Sozialplanung prüft es und hängt es an die Pinnwand.</p>"
        ),
        pinnwand=pinnwand,
    )
    events, _ = ensure_child(
        home, EventIndexPage, "veranstaltungen", title="Veranstaltungen", show_in_menus=True
    )
    leitbild, _ = ensure_child(
        home,
        ProjectIndexPage,
        "soziale-kupferstadt-2030",
        title=seed.LEITBILD_TITLE,
        intro=f"<p>{escape(seed.LEITBILD_SENTENCE)}</p>",
        goals=[{"type": "goal", "value": goal} for goal in seed.GOALS],
        motto=seed.MOTTO,
        body=[paragraph(seed.PROCESSES_PARAGRAPH)],
        show_in_menus=True,
    )

    initiatives = []
    for item in seed.INITIATIVES:
        project, _ = ensure_child(
            leitbild,
            ProjectPage,
            item["slug"],
            title=item["title"],
            summary=item["summary"],
            status=item["status"],
            body=[paragraph(text) for text in item["body"]],
            topics=[topics[name] for name in item["topics"]],
            contacts=contacts,
        )
        initiatives.append(project)

    forum, _ = ensure_child(
        events,
        EventPage,
        "fuenf-jahre-soziale-kupferstadt-2030",
        title=seed.EVENT_TITLE,
        subtitle=seed.EVENT_SUBTITLE,
        start=seed.EVENT_START,
        end=seed.EVENT_END,
        status=EventStatus.SAVE_THE_DATE,
        venue=venue,
        leading_questions=[{"type": "question", "value": q} for q in seed.LEADING_QUESTIONS],
        body=[
            paragraph(seed.LEITBILD_SENTENCE),
            paragraph(seed.PROCESSES_PARAGRAPH),
            paragraph(seed.FORUM_PARAGRAPH),
            paragraph(seed.INVITATION_PARAGRAPH),
        ],
        programme_note=seed.PROGRAMME_NOTE,
        host=city,
        supporters=[ministry],
        contacts=contacts,
        topics=[topics["Sozialplanung"]],
        audiences=[audiences["Fachkräfte und Ehrenamt"]],
        related_projects=initiatives,
    )

    notice, _ = ensure_child(
        pinnwand,
        NoticePage,
        "save-the-date-forum-soziale-kupferstadt-2030",
        title=seed.NOTICE_TITLE,
        teaser=seed.NOTICE_TEASER,
        body=[
            paragraph(seed.NOTICE_KICKER),
            paragraph(f"{seed.EVENT_SUBTITLE}\n\n„{seed.EVENT_TITLE}“"),
            paragraph(
                "am 13. Mai 2020 (17 – 21 Uhr)\n\n"
                "im Industriemuseum Zinkhütter Hof,\n(Cockerillstraße 90, 52222 Stolberg)"
            ),
            paragraph(seed.SALUTATION),
            {
                "type": "question_list",
                "value": {"heading": "", "questions": seed.LEADING_QUESTIONS},
            },
            paragraph(seed.LEITBILD_SENTENCE),
            paragraph(seed.PROCESSES_PARAGRAPH),
            paragraph(seed.FORUM_PARAGRAPH),
            paragraph(seed.INVITATION_PARAGRAPH),
            paragraph(seed.PROGRAMME_NOTE),
            paragraph(seed.CLOSING),
            paragraph(seed.SIGNATURE),
        ],
        provider=city,
        contacts=contacts,
        topics=[topics["Sozialplanung"]],
        audiences=[audiences["Fachkräfte und Ehrenamt"]],
        region=Region.CITY,
        valid_from=timezone.localdate(),
        pinned=True,
        event=forum,
    )
    service = ensure_service_pages(home, ensure_child)
    ensure_opening_hours_offers(pinnwand, ensure_child)
    pinnwand_guide = ensure_pinnwand_guide(home, ensure_child, offer_page)
    return {
        **service,
        "pinnwand_guide": pinnwand_guide,
        "home": home,
        "pinnwand": pinnwand,
        "offer_page": offer_page,
        "events": events,
        "leitbild": leitbild,
        "initiatives": initiatives,
        "forum": forum,
        "notice": notice,
    }
