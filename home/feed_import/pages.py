"""What an imported item becomes: a draft notice under the German Pinnwand or a draft
event in the German calendar, naming the partner as provider and linking the original."""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale

from events.choices import EventStatus
from events.models import EventIndexPage, EventPage
from kupferstadt.models import Venue
from kupferstadt.text import german_slugify

from ..choices import FeedTarget
from ..models import NoticePage, PinnwandPage
from .fetch import FeedError

IMPORT_USERNAME = "feed-import"
TEASER_LENGTH = 400


def import_user():
    """The system account that owns imported drafts and asks for their approval; it
    cannot log in."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=IMPORT_USERNAME,
        defaults={"first_name": "Feed-Import", "last_name": "", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def target_parent(feed):
    """The German Pinnwand or calendar the feed's drafts are created under."""
    model = EventIndexPage if feed.target == FeedTarget.EVENTS else PinnwandPage
    parent = model.objects.filter(locale=Locale.get_default()).order_by("path").first()
    if parent is None:
        raise FeedError(
            _("Es gibt keine deutsche Seite „%(name)s“, unter der die Einträge entstehen können.")
            % {"name": model._meta.verbose_name}
        )
    return parent


def free_slug(parent, title):
    base = german_slugify(title, 60) or "eintrag"
    slug, number = base, 1
    children = parent.get_children()
    while children.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _when(item):
    if item.start is None:
        return ""
    if item.all_day:
        text = date_format(item.start, "l, j. F Y")
        if item.end and item.end.date() != item.start.date():
            text += " – " + date_format(item.end, "l, j. F Y")
        return text
    text = date_format(item.start, "l, j. F Y, H:i") + " " + _("Uhr")
    return text


def body_blocks(item, with_schedule):
    """The item's text as StreamField blocks; for a notice also when and where."""
    blocks = []
    if with_schedule and item.start:
        lines = [_("Termin: %(when)s") % {"when": _when(item)}]
        if item.location:
            lines.append(_("Ort: %(place)s") % {"place": item.location})
        blocks.append({"type": "paragraph", "value": "<p>" + "<br>".join(map(escape, lines))})
    if item.cancelled:
        blocks.append({"type": "paragraph", "value": f"<p><b>{_('Abgesagt.')}</b></p>"})
    if item.body_html:
        blocks.append({"type": "paragraph", "value": item.body_html})
    return blocks


def teaser(item):
    text = item.summary or item.title
    if len(text) > TEASER_LENGTH:
        text = text[: TEASER_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return text


def _venue(feed, item):
    if item.location:
        venue = Venue.objects.filter(
            name__iexact=item.location.split(",")[0].strip(), locale=Locale.get_default()
        ).first()
        if venue is not None:
            return venue
    return feed.default_venue


def _feed_defaults(feed):
    """The feed's topics, audiences and districts, read once per import run."""
    if not hasattr(feed, "_defaults"):
        feed._defaults = (
            list(feed.topics.all()),
            list(feed.audiences.all()),
            list(feed.districts.all()),
        )
    return feed._defaults


def apply_item(page, feed, item):
    """Writes ``item`` and the feed's defaults into ``page`` (new or a draft of it)."""
    page.title = item.title
    page.source_url = item.link or feed.url
    topics, audiences, districts = _feed_defaults(feed)
    page.topics = topics
    page.audiences = audiences
    if isinstance(page, EventPage):
        page.start = item.start
        page.end = item.end
        page.all_day = item.all_day
        page.open_end = item.end is None
        page.status = EventStatus.CANCELLED if item.cancelled else EventStatus.SCHEDULED
        page.venue = _venue(feed, item)
        page.host = feed.organisation
        blocks = body_blocks(item, with_schedule=False)
        if item.location and page.venue == feed.default_venue:
            place = _("Ort laut Veranstalter: %(place)s") % {"place": item.location}
            blocks.insert(0, {"type": "paragraph", "value": f"<p>{escape(place)}</p>"})
        page.body = blocks
    else:
        page.teaser = teaser(item)
        page.body = body_blocks(item, with_schedule=True)
        page.provider = feed.organisation
        page.region = feed.region
        page.districts = districts
        if item.end or item.start:
            page.valid_until = timezone.localtime(item.end or item.start).date()
        if page.valid_until and page.valid_from and page.valid_until < page.valid_from:
            page.valid_from = page.valid_until
    return page


def new_page(feed, item, parent):
    model = EventPage if feed.target == FeedTarget.EVENTS else NoticePage
    page = model(slug=free_slug(parent, item.title), live=False, owner=import_user())
    if model is NoticePage:
        page.valid_from = timezone.localdate()
    apply_item(page, feed, item)
    if model is EventPage and page.start is None:
        raise FeedError(
            _("Der Eintrag „%(title)s“ hat kein Datum und kann keine Veranstaltung werden.")
            % {"title": item.title}
        )
    parent.add_child(instance=page)
    return page


def submit(page, user):
    """Saves a revision of ``page`` and (re)starts its approval workflow ("Freigabe
    Pinnwand"); the live version, if any, stays as it is until it is approved."""
    page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    if workflow is None:
        return
    state = page.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    workflow.start(page, user)
