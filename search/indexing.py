"""Indexing many pages at once, for generated content (demo samples, benchmarks).

Wagtail indexes a page on every save, and our pages index a second time once their
many-to-many relations are stored (``SitePage.save``). For thousands of generated pages
that is most of the work; inside ``deferred_indexing()`` saves skip the index, and the
pages are then indexed in bulk, a chunk at a time.
"""

from contextlib import contextmanager

from django.conf import settings
from django.test.utils import override_settings
from wagtail.search.backends import get_search_backends

CHUNK_SIZE = 500


@contextmanager
def deferred_indexing():
    """Saves inside this block do not update the search index (call ``index_pages``)."""
    backends = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield


def index_pages(model, pks):
    """Adds the pages of ``model`` with primary keys ``pks`` to every search backend."""
    pks = sorted(pks)
    if not pks:
        return
    queryset = model.get_indexed_objects().select_related("locale")
    for backend in get_search_backends(with_auto_update=True):
        for start in range(0, len(pks), CHUNK_SIZE):
            chunk = pks[start : start + CHUNK_SIZE]
            backend.add_bulk(model, list(queryset.filter(pk__in=chunk)))
