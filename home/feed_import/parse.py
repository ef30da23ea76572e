"""Reading a fetched feed (iCal, RSS 2.0, Atom) into neutral ``FeedItem``s.

- XML is parsed with ``defusedxml`` first: entity declarations (billion laughs) and
  external references (XXE) are refused before ``feedparser`` sees a byte.
- HTML from a feed is cut down to the features of our rich text (paragraphs, line breaks,
  bold, italic, lists, links to http(s) and mailto); images are dropped, never hot-linked.
- Recurring calendar events (RRULE, RDATE) are expanded with ``recurring-ical-events``:
  every occurrence in the next KUPFERSTADT_FEEDS_RECURRENCE_DAYS days becomes an item of
  its own, keyed by UID and start, so each lands in the calendar on its own day. Events
  that have ended are not imported.

A feed that cannot be read raises ``FeedError`` with a German message; then nothing of
it is imported and nothing imported before is touched."""

import datetime
import hashlib
import html
import json
import re
from dataclasses import asdict, dataclass, field
from xml.etree.ElementTree import ParseError

import feedparser
import icalendar
import nh3
import recurring_ical_events
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_xml
from django.conf import settings
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from ..choices import FeedKind
from .fetch import FeedError

ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li"}
# Wagtail's rich text stores bold and italic as <b> and <i>.
RENAMED_TAGS = {"strong": "b", "em": "i"}


@dataclass
class FeedItem:
    key: str
    title: str
    body_html: str = ""
    summary: str = ""
    link: str = ""
    start: datetime.datetime | None = None
    end: datetime.datetime | None = None
    all_day: bool = False
    location: str = ""
    categories: list[str] = field(default_factory=list)
    cancelled: bool = False

    def content_hash(self):
        """What the partner said about the item; a new revision only when this changes."""
        data = asdict(self)
        data["start"] = self.start.isoformat() if self.start else None
        data["end"] = self.end.isoformat() if self.end else None
        text = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def matches(self, keyword):
        if not keyword:
            return True
        keyword = keyword.casefold()
        haystack = " ".join([self.title, self.summary, *self.categories]).casefold()
        return keyword in haystack


def sanitise_html(value):
    """``value`` reduced to our rich-text features; links keep only http(s)/mailto."""
    cleaned = nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )
    for old, new in RENAMED_TAGS.items():
        cleaned = re.sub(rf"<(/?){old}>", rf"<\1{new}>", cleaned)
    cleaned = cleaned.strip()
    if cleaned and not cleaned.startswith(("<p>", "<ul>", "<ol>")):
        cleaned = f"<p>{cleaned}</p>"
    return cleaned


def plain_text(value):
    """Text without any markup, whitespace collapsed."""
    text = html.unescape(nh3.clean(value or "", tags=set()))
    return " ".join(text.split())


def detect_kind(content, content_type=""):
    """iCal, RSS or Atom, from the content itself (partners' servers often send
    text/plain or text/html for their feeds)."""
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"begin:vcalendar"):
        return FeedKind.ICAL
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:300]:
        raise FeedError(
            _("Unter der Adresse steht eine Webseite, kein Feed (iCal, RSS oder Atom).")
        )
    if head.startswith(b"<"):
        return FeedKind.ATOM if b"<feed" in head else FeedKind.RSS
    raise FeedError(_("Die Datei ist weder ein Kalender (iCal) noch ein RSS- oder Atom-Feed."))


def parse(content, content_type="", kind=FeedKind.DETECT, now=None):
    """The items of the feed ``content``."""
    detected = detect_kind(content, content_type)
    if kind in (FeedKind.ICAL,) and detected != FeedKind.ICAL:
        raise FeedError(_("Der Feed ist kein Kalender (iCal), wie angegeben."))
    if kind in (FeedKind.RSS, FeedKind.ATOM) and detected == FeedKind.ICAL:
        raise FeedError(_("Der Feed ist ein Kalender (iCal), kein RSS- oder Atom-Feed."))
    if detected == FeedKind.ICAL:
        return parse_ical(content, now=now)
    return parse_xml_feed(content)


# iCal --------------------------------------------------------------------------------------


def _aware(value):
    """A DTSTART/DTEND value as an aware datetime in German time; dates become midnight."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return timezone.localtime(value)
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))


def _ical_text(component, name):
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value).strip()


def parse_ical(content, now=None):
    text = content.decode("utf-8", errors="replace").strip()
    if not text.upper().endswith("END:VCALENDAR"):
        raise FeedError(_("Die Kalenderdatei ist unvollständig (END:VCALENDAR fehlt)."))
    now = now or timezone.now()
    horizon = now + datetime.timedelta(days=settings.KUPFERSTADT_FEEDS_RECURRENCE_DAYS)
    try:
        calendar = icalendar.Calendar.from_ical(text)
        recurring = {
            _ical_text(component, "UID")
            for component in calendar.walk("VEVENT")
            if any(component.get(name) for name in ("RRULE", "RDATE", "RECURRENCE-ID"))
        }
        events = recurring_ical_events.of(calendar).between(now, horizon)
        items = [_ical_item(event, recurring) for event in events]
    except FeedError:
        raise
    except Exception as error:  # icalendar and the recurrence library raise many kinds
        raise FeedError(
            _(
                "Der Kalender enthält ungültige Angaben (z. B. ein Datum) und wurde nicht "
                "eingelesen: %(error)s"
            )
            % {"error": str(error)[:200]}
        ) from error
    items.sort(key=lambda item: (item.start, item.key))
    return items


def _ical_item(event, recurring_uids):
    uid = _ical_text(event, "UID")
    dtstart = event.get("DTSTART")
    if not uid or dtstart is None:
        raise FeedError(_("Ein Termin im Kalender hat keine UID oder keinen Beginn."))
    start_value = dtstart.dt
    all_day = not isinstance(start_value, datetime.datetime)
    start = _aware(start_value)
    end_prop = event.get("DTEND")
    end = _aware(end_prop.dt) if end_prop is not None else None
    if all_day and end is not None:
        # DTEND of a whole-day event is the day after the last one.
        end = end - datetime.timedelta(days=1)
    if end is not None and end < start:
        raise FeedError(
            _("Der Termin „%(title)s“ endet vor seinem Beginn.")
            % {"title": _ical_text(event, "SUMMARY")}
        )
    # Every occurrence of a recurring event is an item of its own.
    key = f"{uid}#{start.isoformat()}" if uid in recurring_uids else uid
    description = _ical_text(event, "DESCRIPTION")
    categories = []
    for prop in (
        event.get("CATEGORIES", [])
        if isinstance(event.get("CATEGORIES"), list)
        else [event.get("CATEGORIES")]
    ):
        if prop is not None:
            categories.extend(str(cat) for cat in getattr(prop, "cats", [prop]))
    return FeedItem(
        key=key[:500],
        title=plain_text(_ical_text(event, "SUMMARY"))[:255] or _("(ohne Titel)"),
        body_html=linebreaks(escape(description)) if description else "",
        summary=plain_text(description),
        link=_ical_text(event, "URL")[:500],
        start=start,
        end=end,
        all_day=all_day,
        location=plain_text(_ical_text(event, "LOCATION"))[:255],
        categories=categories,
        cancelled=_ical_text(event, "STATUS").upper() == "CANCELLED",
    )


# RSS and Atom ------------------------------------------------------------------------------


def parse_xml_feed(content):
    try:
        safe_xml(content)
    except DefusedXmlException as error:
        raise FeedError(
            _(
                "Der Feed enthält unzulässige XML-Anweisungen (Entitäten oder externe "
                "Verweise) und wird aus Sicherheitsgründen nicht eingelesen."
            )
        ) from error
    except ParseError as error:
        raise FeedError(
            _("Der Feed ist kein gültiges XML (unvollständig oder beschädigt): %(error)s")
            % {"error": error}
        ) from error
    parsed = feedparser.parse(content, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.version:
        raise FeedError(_("Die Datei ist weder ein RSS- noch ein Atom-Feed."))
    return [_entry_item(entry) for entry in parsed.entries]


def _entry_date(entry):
    for name in ("published_parsed", "updated_parsed"):
        value = entry.get(name)
        if value:
            return datetime.datetime(*value[:6], tzinfo=datetime.UTC)
    return None


def _entry_item(entry):
    link = entry.get("link", "")[:500]
    published = _entry_date(entry)
    key = entry.get("id") or f"{link}|{published.isoformat() if published else ''}"
    if not key.strip("|"):
        raise FeedError(_("Ein Eintrag im Feed hat weder eine Kennung noch einen Link."))
    if entry.get("content"):
        body = entry["content"][0].get("value", "")
    else:
        body = entry.get("summary", "")
    summary = entry.get("summary", "") or body
    return FeedItem(
        key=key[:500],
        title=plain_text(entry.get("title", ""))[:255] or _("(ohne Titel)"),
        body_html=sanitise_html(body),
        summary=plain_text(summary),
        link=link if link.startswith(("http://", "https://")) else "",
        categories=[tag.get("term", "") for tag in entry.get("tags", []) if tag.get("term")],
    )
