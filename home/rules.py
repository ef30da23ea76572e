"""When a notice hangs on the board, the one rule for everything that lists notices: the
Pinnwand and its archive, the home page, an initiative, the search, the open-data API,
the dashboard and a notice's own address. A notice hangs from its first day ("Aushang
ab") to its last ("Aushang bis", none: open-ended); then it lives on in the archive.

``prefix`` reaches the notice's fields from another model (``"noticepage__"`` from
``Page``)."""

from django.db.models import Q


def not_begun_q(day, prefix=""):
    """Notices whose first day is after ``day``: nobody finds them yet."""
    return Q(**{f"{prefix}valid_from__gt": day})


def expired_q(day, prefix=""):
    """Notices whose last day was before ``day``: they are in the archive."""
    return Q(**{f"{prefix}valid_until__lt": day})


def off_board_q(day, prefix=""):
    """Notices that do not hang on the board on ``day``."""
    return not_begun_q(day, prefix) | expired_q(day, prefix)


def has_begun(notice, day):
    """The same rule as ``not_begun_q``, for one loaded notice (inverted)."""
    return not notice.valid_from or notice.valid_from <= day


def is_expired(notice, day):
    """The same rule as ``expired_q``, for one loaded notice."""
    return bool(notice.valid_until and notice.valid_until < day)
