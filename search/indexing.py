"""Moved to the shared layer: ``kupferstadt/indexing.py`` (``SitePage.save`` uses it)."""

from kupferstadt.indexing import (  # noqa: F401
    deferred_indexing,
    index_pages,
    index_saved_page,
)
