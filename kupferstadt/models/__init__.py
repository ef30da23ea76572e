"""Content shared by every part of the site: images, snippets, settings, page base
classes and the free and accessibility pages. One module per concern; every public
name is re-exported here, so ``from kupferstadt.models import X`` works everywhere."""

from ..choices import Conformance, MachineTranslationState
from .accessibility import (
    NRW_OMBUDSSTELLE_URL,
    AccessibilityStatementPage,
    BarrierReportPage,
    SignLanguagePage,
)
from .barrier_reports import BarrierReport, BarrierReportQuerySet
from .fields import STEM_SEARCH_FIELDS, synchronised
from .glossary import GlossaryTerm, protected_terms
from .images import CustomImage, Rendition
from .machine_translation import MachineTranslation
from .pages import (
    ListingFeedsMixin,
    PageImageMixin,
    PrintableMixin,
    SitePage,
    SitePageQuerySet,
)
from .site_settings import (
    MachineTranslationLanguagePolicy,
    MachineTranslationPolicy,
    SiteSettings,
)
from .snippets import (
    SLUG_HELP,
    Audience,
    District,
    FooterText,
    Organisation,
    Person,
    SluggedSnippet,
    Topic,
    Venue,
)
from .standard import EasyLanguagePage, StandardPage, TextPage

__all__ = [
    "NRW_OMBUDSSTELLE_URL",
    "SLUG_HELP",
    "STEM_SEARCH_FIELDS",
    "AccessibilityStatementPage",
    "Audience",
    "BarrierReport",
    "BarrierReportPage",
    "BarrierReportQuerySet",
    "Conformance",
    "CustomImage",
    "District",
    "EasyLanguagePage",
    "FooterText",
    "GlossaryTerm",
    "ListingFeedsMixin",
    "MachineTranslation",
    "MachineTranslationLanguagePolicy",
    "MachineTranslationPolicy",
    "MachineTranslationState",
    "Organisation",
    "PageImageMixin",
    "Person",
    "PrintableMixin",
    "Rendition",
    "SignLanguagePage",
    "SitePage",
    "SitePageQuerySet",
    "SiteSettings",
    "SluggedSnippet",
    "StandardPage",
    "TextPage",
    "Topic",
    "Venue",
    "protected_terms",
    "synchronised",
]
