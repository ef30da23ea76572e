# ruff: noqa: E501 -- feeds as partners send them, one long line per element
"""Real-shaped partner feeds: a family centre's calendar (iCal with VTIMEZONE and a weekly
RRULE), a welfare association's RSS 2.0 and an adult education centre's Atom feed; dates
lie ahead of today so they fall into the import's window."""

import datetime

from django.utils import timezone

VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE"""


def day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def ical(
    *,
    title="Offener Elterntreff",
    description="Austausch für Eltern mit Kindern bis 3 Jahre.\\nOhne Anmeldung.",
    status="CONFIRMED",
    extra_events="",
):
    """A calendar with a weekly recurring event (3 times) and a single all-day one."""
    first = day(10).strftime("%Y%m%d")
    single = day(20).strftime("%Y%m%d")
    single_end = day(21).strftime("%Y%m%d")
    text = f"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Familienzentrum Stolberg//Kalender//DE
CALSCALE:GREGORIAN
{VTIMEZONE}
BEGIN:VEVENT
UID:elterntreff-2026@familienzentrum.example
DTSTAMP:20261101T080000Z
DTSTART;TZID=Europe/Berlin:{first}T093000
DTEND;TZID=Europe/Berlin:{first}T113000
RRULE:FREQ=WEEKLY;COUNT=3
SUMMARY:{title}
DESCRIPTION:{description}
LOCATION:Familienzentrum Mühle
CATEGORIES:Familie,Eltern
URL:https://familienzentrum.example/elterntreff
END:VEVENT
BEGIN:VEVENT
UID:sommerfest-2026@familienzentrum.example
DTSTAMP:20261101T080000Z
DTSTART;VALUE=DATE:{single}
DTEND;VALUE=DATE:{single_end}
SUMMARY:Familienfest
DESCRIPTION:Spiel und Spaß für die ganze Familie.
STATUS:{status}
URL:https://familienzentrum.example/fest
END:VEVENT
{extra_events}END:VCALENDAR
"""
    return text.replace("\n", "\r\n").encode()


def rss(*, second_title="Schuldnerberatung", extra_item=""):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>AWO Stolberg – Aktuelles</title>
  <link>https://awo.example/</link>
  <description>Angebote der AWO</description>
  <item>
    <title>Sprechstunde &amp; Beratung für Seniorinnen</title>
    <link>https://awo.example/aktuelles/sprechstunde</link>
    <guid isPermaLink="false">awo-4711</guid>
    <pubDate>Tue, 24 Nov 2026 10:00:00 +0100</pubDate>
    <category>Senioren</category>
    <description><![CDATA[<p>Jeden Dienstag <strong>ohne Termin</strong>.<img src="https://tracker.example/pixel.gif"><script>alert(1)</script> <a href="javascript:alert(1)">Klick</a> <a href="https://awo.example/kontakt" onclick="x()">Kontakt</a></p>]]></description>
  </item>
  <item>
    <title>{second_title}</title>
    <link>https://awo.example/aktuelles/schulden</link>
    <pubDate>Mon, 23 Nov 2026 09:00:00 +0100</pubDate>
    <category>Beratung</category>
    <description>Kostenlose Beratung bei Schulden.</description>
  </item>
  {extra_item}
</channel>
</rss>""".encode()


def atom():
    return b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>VHS Nordkreis</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2026-11-20T18:30:02Z</updated>
  <link href="https://vhs.example/"/>
  <entry>
    <title type="html">Deutschkurs &lt;b&gt;A1&lt;/b&gt; am Abend</title>
    <link href="https://vhs.example/kurse/a1"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <updated>2026-11-20T18:30:02Z</updated>
    <category term="Sprache"/>
    <summary>Deutsch lernen in kleinen Gruppen.</summary>
    <content type="html">&lt;ul&gt;&lt;li&gt;montags&lt;/li&gt;&lt;li&gt;&lt;em&gt;kostenlos&lt;/em&gt;&lt;/li&gt;&lt;/ul&gt;&lt;iframe src="https://evil.example"&gt;&lt;/iframe&gt;</content>
  </entry>
</feed>"""


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol4;</title>
<item><title>&lol4;</title><guid>x</guid></item></channel></rss>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title>
<item><title>&xxe;</title><guid>x</guid></item></channel></rss>"""

HTML_PAGE = b"""<!DOCTYPE html>
<html lang="de"><head><title>Caritas</title></head><body><h1>Willkommen</h1></body></html>"""
