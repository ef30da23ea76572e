"""An editor creates a weekly series with one excluded day in the German admin, sees the
next dates while editing, publishes, then cancels one date and publishes again; the event
page, the month view and the iCal feed (expanded with recurring_ical_events) then agree on
every date and on which one is cancelled."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from bs4 import BeautifulSoup

from events.models import EventIndexPage, EventPage
from home.roles import ensure_dev_accounts, setup_roles
from kupferstadt.demo.loader import ensure_child, ensure_site

PASSWORD = "browser-test-kennwort"
BERLIN = ZoneInfo("Europe/Berlin")
TITLE = "Elterncafé im Browser"


@pytest.fixture
def site(transactional_db, live_server, settings):
    """The home page, the calendar and the demo accounts. Wagtail's autosave is off: a
    background save of the new page racing the click on "Veröffentlichen" makes the
    create view add the page twice (slug already taken), which is not what this tests."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    setup_roles()
    ensure_child(ensure_site(), EventIndexPage, "veranstaltungen", title="Veranstaltungen")
    ensure_dev_accounts(PASSWORD)

    class Site:
        @staticmethod
        def url(path):
            return live_server.url + path

    return Site


def next_tuesday():
    """A Tuesday at least two days ahead, so no date of the test is today."""
    today = datetime.datetime.now(BERLIN).date()
    day = today + datetime.timedelta(days=(1 - today.weekday()) % 7)
    return day + datetime.timedelta(days=7) if day - today < datetime.timedelta(days=2) else day


def german(day):
    return f"{day:%d.%m.%Y}"


def log_in(browser, site):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.goto(site.url("/admin/login/"))
    page.fill("#id_username", "redaktion")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(site.url("/admin/"))
    return context, page


def fill_date(page, selector, value):
    """Types into one of Wagtail's date fields and closes its picker."""
    page.fill(selector, value)
    page.press(selector, "Escape")
    page.locator("#id_title").click()


def publish(page):
    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen", exact=True).click()
    page.wait_for_url(lambda url: "/add/" not in url and "/edit/" not in url, timeout=20_000)


def preview_dates(page):
    """The dates the "Wiederholung" panel shows while editing: {day: cancelled}."""
    output = page.locator("[data-series-preview-output]")
    return dates_of_list(BeautifulSoup(output.inner_html(), "html.parser"))


def dates_of_list(soup):
    """{day: cancelled} of an ``event-dates`` list (the page, the editor's preview)."""
    dates = {}
    for item in soup.select("li.event-dates__item"):
        start = datetime.datetime.fromisoformat(item.select("time")[-1]["datetime"])
        dates[start.astimezone(BERLIN).date()] = "event-dates__item--cancelled" in item["class"]
    return dates


def month_dates(page, site, calendar_url, months):
    """{day: cancelled} of the event in the month view's tables of ``months``."""
    dates = {}
    for month in months:
        page.goto(site.url(f"{calendar_url}monat/{month:%Y-%m}/"))
        soup = BeautifulSoup(page.content(), "html.parser")
        for cell in soup.select("table.month-calendar td"):
            for entry in cell.select("li.month-entry"):
                if entry.a.text == TITLE and "month-entry--moved" not in entry["class"]:
                    day = datetime.date.fromisoformat(cell.time["datetime"])
                    dates[day] = "month-entry--cancelled" in entry["class"]
    return dates


def ical_dates(page, site, event_url, first, last):
    """{day: cancelled} of the event's iCal file, expanded from first to last day."""
    response = page.request.get(site.url(f"{event_url}ical/"))
    assert response.ok
    calendar = icalendar.Calendar.from_ical(response.body())
    expanded = recurring_ical_events.of(calendar).between(first, last + datetime.timedelta(days=1))
    return {
        component.decoded("DTSTART").astimezone(BERLIN).date(): component.get("STATUS")
        == "CANCELLED"
        for component in expanded
    }


def test_editor_creates_a_series_cancels_a_date_and_every_calendar_agrees(site, browser):
    first = next_tuesday()
    excluded = first + datetime.timedelta(weeks=1)
    cancelled = first + datetime.timedelta(weeks=3)
    calendar = EventIndexPage.objects.get(slug="veranstaltungen", locale__language_code="de")

    context, page = log_in(browser, site)
    page.goto(site.url(f"/admin/pages/add/events/eventpage/{calendar.pk}/"))
    page.fill("#id_title", TITLE)
    fill_date(page, "#id_start", f"{german(first)} 15:00")
    fill_date(page, "#id_end", f"{german(first)} 17:00")
    page.fill("#id_online_url", "https://meet.example.org/elterncafe")
    page.select_option("#id_repeat", "weekly")
    page.check("#id_repeat_weekdays_1")  # Dienstag
    page.click("#id_excluded_dates-ADD")
    fill_date(page, "#id_excluded_dates-0-date", german(excluded))

    # While editing, the panel shows the rule and the next ten dates, without the excluded day.
    output = page.locator("[data-series-preview-output]")
    output.get_by_text("Wöchentlich am Dienstag, 15:00–17:00 Uhr").wait_for()
    page.wait_for_function(
        "date => !document.querySelector('[data-series-preview-output]').textContent"
        ".includes(date)",
        arg=german(excluded),
    )
    preview = preview_dates(page)
    assert len(preview) == 10
    assert min(preview) == first and excluded not in preview
    assert first + datetime.timedelta(weeks=2) in preview
    publish(page)

    event = EventPage.objects.get(title=TITLE, locale__language_code="de")
    assert event.live and event.occurrences.exists()

    # Cancel the fourth Tuesday: the preview marks it while editing; publish again.
    page.goto(site.url(f"/admin/pages/{event.pk}/edit/"))
    page.click("#id_occurrence_changes-ADD")
    fill_date(page, "#id_occurrence_changes-0-original_date", german(cancelled))
    page.check("#id_occurrence_changes-0-cancelled")
    page.locator("[data-series-preview-output] .event-dates__item--cancelled").wait_for()
    assert [day for day, off in preview_dates(page).items() if off] == [cancelled]
    publish(page)
    context.close()

    citizen = browser.new_context(locale="de-DE").new_page()
    citizen.goto(site.url(event.url))
    on_page = dates_of_list(BeautifulSoup(citizen.content(), "html.parser"))
    assert len(on_page) == 10
    assert excluded not in on_page
    assert [day for day, off in on_page.items() if off] == [cancelled]
    assert "abgesagt" in citizen.locator(".event-dates__item--cancelled").inner_text()

    span = (min(on_page), max(on_page))
    months = sorted({day.replace(day=1) for day in on_page})
    in_months = month_dates(citizen, site, calendar.url, months)
    in_months = {day: off for day, off in in_months.items() if span[0] <= day <= span[1]}
    in_ical = ical_dates(citizen, site, event.url, *span)
    assert in_months == on_page
    assert in_ical == on_page
    citizen.context.close()
