"""What the search index holds: the live content of pages, never a draft.

A page's row in the database holds its live content; a draft lives only in its revision.
Wagtail indexes a page on every save from the row it reads back by primary key, so a
draft save leaves the index as it was. Our pages index a second time once their
many-to-many relations are stored (``SitePage.save`` calls ``index_saved_page``): that
one skips draft saves too, and after a partial save reads the page back from the
database, as the object in memory may carry the editor's unpublished changes.

Indexing many pages at once, for generated content (demo samples, benchmarks):

Wagtail indexes a page on every save, and our pages index a second time once their
many-to-many relations are stored (``SitePage.save``). For thousands of generated pages
that is most of the work; inside ``deferred_indexing()`` saves skip the index, and the
pages are then indexed in bulk, a chunk at a time.
"""

from contextlib import contextmanager

from django.conf import settings
from django.test.utils import override_settings
from wagtail.search import index
from wagtail.search.backends import get_search_backends

from .page_cache import is_draft_save

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


def index_saved_page(page, update_fields=None):
    """Indexes ``page`` after ``page.save(update_fields=...)`` with its stored, live
    content: nothing for a draft save (its words must not be found before publishing)."""
    if is_draft_save(update_fields):
        return
    if update_fields is not None:
        # Only some fields were written: the rest of the object may be a draft.
        page = type(page).objects.filter(pk=page.pk).first()
        if page is None:
            return
    index.insert_or_update_object(page)
