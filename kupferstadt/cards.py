"""Cards – a page's teaser in the listings (home page, Pinnwand, calendar, initiatives,
an initiative's notices and events) – rendered once per content version, like the site
frame (``kupferstadt/frame.py``): kept in the cache under the page cache's generation, per
site, language, card template, page and what the listing shows of the page besides its
content (the heading level, the next date of a series in a calendar or a date filter).

A listing reads all its cards in one round trip to the cache and renders only the missing
ones, written back in one more. A publish, a snippet or a setting changed raises the
generation, so every card is rendered anew, exactly as the pages and the frame are: a card
is never older than the page it stands for.

The relations a card shows (``card_relations`` of the page's model: topics, districts,
hours) are loaded for the cards being rendered only, so a listing whose cards come from
the cache reads its pages and nothing more. Requests without a frame (previews, the admin,
a view rendering another language than its address) render every card, as before.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.utils import translation
from django.utils.safestring import mark_safe

from . import frame

PREFIX = "kupferstadt:card:"
# What a listing annotates on a page and its card shows: the next occurrence of an event
# (``EventPageQuerySet.with_next_occurrence()`` and the date filters).
ANNOTATIONS = ("next_start", "next_end", "next_cancelled")


def _key(host, template_name, page, options):
    parts = [host, translation.get_language(), template_name, str(page.pk)]
    parts += [f"{name}={value}" for name, value in sorted(options.items())]
    parts += [str(getattr(page, name, None)) for name in ANNOTATIONS]
    return PREFIX + hashlib.sha256("|".join(parts).encode()).hexdigest()


def _load_relations(pages):
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        prefetch_related_objects(group, *getattr(model, "card_relations", ()))


def render(context, pages, template_name, name, options):
    """The cards of ``pages``, each ``template_name`` rendered as ``{% include %}`` would
    with ``name`` set to the page and ``options`` (``heading="h3"``) added."""
    template = context.template.engine.get_template(template_name)

    def card(page):
        with context.push(**options, **{name: page}):
            return template.render(context)

    pages = list(pages)
    request = context.get("request")
    site_frame = frame.of(request)
    if site_frame is None or not pages:
        _load_relations(pages)
        return mark_safe("".join(card(page) for page in pages))
    host = request.get_host()
    keys = [_key(host, template_name, page, options) for page in pages]
    found = cache.get_many(keys)
    fresh = {
        key: entry[1]
        for key, entry in found.items()
        if entry is not None and entry[0] == site_frame.generation
    }
    _load_relations([page for key, page in zip(keys, pages, strict=True) if key not in fresh])
    html, missing = [], {}
    for key, page in zip(keys, pages, strict=True):
        if key not in fresh:
            fresh[key] = card(page)
            missing[key] = (site_frame.generation, fresh[key])
        html.append(fresh[key])
    if missing:
        cache.set_many(missing, settings.KUPFERSTADT_PAGE_CACHE_SECONDS or 300)
    return mark_safe("".join(html))
