"""A ``Recurrence`` in words: the German sentence editors read in the admin and visitors
on the page ("wöchentlich am Dienstag, 15:00–17:00 Uhr, außer an Feiertagen"), translated
through the catalogues."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .choices import Repeat, Weekday, WeekOfMonth

WEEKDAY_CODES = list(Weekday.values)  # MO … SU, in the order of date.weekday()


def rule_words(rec):
    n = max(rec.interval, 1)
    if rec.repeat == Repeat.DAILY:
        return _("täglich") if n == 1 else _("alle %(n)s Tage") % {"n": n}
    if rec.repeat == Repeat.WEEKLY:
        names = [str(Weekday(day).label) for day in rec.effective_weekdays]
        days = (
            names[0]
            if len(names) == 1
            else ", ".join(names[:-1]) + " " + _("und") + " " + names[-1]
        )
        if n == 1:
            return _("wöchentlich am %(days)s") % {"days": days}
        return _("alle %(n)s Wochen am %(days)s") % {"n": n, "days": days}
    if rec.repeat == Repeat.MONTHLY_DAY:
        if n == 1:
            return _("monatlich am %(day)s.") % {"day": rec.start.day}
        return _("alle %(n)s Monate am %(day)s.") % {"n": n, "day": rec.start.day}
    if rec.repeat == Repeat.MONTHLY_WEEKDAY:
        words = {
            "nth": str(WeekOfMonth(rec.nth).label),
            "weekday": str(Weekday(WEEKDAY_CODES[rec.start.weekday()]).label),
            "n": n,
        }
        if n == 1:
            return _("monatlich am %(nth)s %(weekday)s") % words
        return _("alle %(n)s Monate am %(nth)s %(weekday)s") % words
    return _("an einzelnen Terminen")


def time_words(rec):
    if rec.all_day:
        return _("ganztägig")
    start = rec.start.strftime("%H:%M")
    if rec.duration is None:
        return _("ab %(start)s Uhr") % {"start": start}
    end = (rec.start + rec.duration).strftime("%H:%M")
    return _("%(start)s–%(end)s Uhr") % {"start": start, "end": end}


def sentence(rec):
    """The rule of ``rec`` (a ``Recurrence``) in German words ("" for a single event)."""
    if not rec.is_series:
        return ""
    parts = [rule_words(rec), time_words(rec)]
    if rec.has_rule and rec.until:
        parts.append(_("bis %(date)s") % {"date": rec.until.strftime("%d.%m.%Y")})
    elif rec.has_rule and rec.count:
        parts.append(
            ngettext("%(count)s Termin insgesamt", "%(count)s Termine insgesamt", rec.count)
            % {"count": rec.count}
        )
    if rec.skip_public_holidays and rec.skip_school_holidays:
        parts.append(_("außer an Feiertagen und in den Schulferien"))
    elif rec.skip_public_holidays:
        parts.append(_("außer an Feiertagen"))
    elif rec.skip_school_holidays:
        parts.append(_("außer in den Schulferien"))
    return ", ".join(parts)
