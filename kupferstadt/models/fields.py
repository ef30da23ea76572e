"""Field declarations that snippets and pages share."""

from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

# Every searchable page indexes the Snowball stems of its texts (see kupferstadt/stemming.py).
STEM_SEARCH_FIELDS = [index.SearchField("search_stems")]


def synchronised(*names):
    """Language-neutral facts (dates, addresses, status, e-mail, ...): wagtail-localize
    copies them from the German source, and a translation cannot override them."""
    return [SynchronizedField(name, overridable=False) for name in names]
