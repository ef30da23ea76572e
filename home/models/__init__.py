"""The home page and the Pinnwand (bulletin board) with its notices, one module per
concern; everything is re-exported here, so ``from home.models import X`` keeps working."""

from ..choices import Region
from .feeds import ImportedItem, PartnerFeed
from .home_page import HomePage
from .notice import NoticePage, NoticePageQuerySet
from .offer_form import OfferSubmission, OfferSubmissionPage
from .opening_hours import OpeningHours
from .pinnwand import PinnwandPage

__all__ = [
    "HomePage",
    "ImportedItem",
    "NoticePage",
    "NoticePageQuerySet",
    "OfferSubmission",
    "OfferSubmissionPage",
    "OpeningHours",
    "PartnerFeed",
    "PinnwandPage",
    "Region",
]
