"""What a model is for, found where it is needed instead of kept in lists.

A model declares its purpose next to its fields; the places that need the list ask here:

- ``search_facet = SearchFacet(...)`` on a page type: the site search finds it and offers
  it as that facet ("Aushänge", "Veranstaltungen", ...; ``search_facets()``).
- a ``topics`` relation on a page type: the search counts and filters it by topic, and so
  does the open-data API (``topic_page_models()``).
- ``editorial = True`` on a snippet: master data the Redaktion and the Freigabe
  Sozialplanung may edit (``editorial_snippet_models()``, see ``home/roles.py``).
- a snippet registered with Wagtail that carries language (``TranslatableMixin``) is
  translated by the translator groups and appears in the translation status report.

Adding such a model is its models module and its registration, nothing else.
"""

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models


@dataclass(frozen=True)
class SearchFacet:
    """A type of result the site search offers as a facet: its URL value (``?type=``),
    its label and its position among the facets. Several page types may share one."""

    key: str
    label: str | Promise
    position: int


# The facet of the shared layer's text pages (standard, easy language, sign language,
# accessibility statement).
PAGES_FACET = SearchFacet("pages", _("Seiten"), 40)


def search_facets(models=None):
    """``{key: (label, page models)}`` of every page type with a ``search_facet``, in
    the order of the facets' positions."""
    facets = {}
    declared = [
        (model.search_facet, model)
        for model in (get_page_models() if models is None else models)
        if getattr(model, "search_facet", None) is not None
    ]
    for facet, model in sorted(declared, key=lambda pair: (pair[0].position, pair[1].__name__)):
        label, members = facets.setdefault(facet.key, (facet.label, []))
        members.append(model)
    return {key: (label, tuple(members)) for key, (label, members) in facets.items()}


def searchable_page_models():
    """Every page type the site search finds."""
    return tuple(model for _label, models in search_facets().values() for model in models)


def has_topics(model):
    """Whether the page type is classified by topics (a ``topics`` relation)."""
    try:
        return model._meta.get_field("topics").many_to_many
    except FieldDoesNotExist:
        return False


def topic_page_models(models=None):
    """Page types classified by topics, by name."""
    models = get_page_models() if models is None else models
    return sorted((model for model in models if has_topics(model)), key=lambda m: m.__name__)


def editorial_snippet_models():
    """Registered snippets declared ``editorial``: the master data the editorial roles
    add, change and view (in the order of Wagtail's snippet registry)."""
    return [model for model in get_snippet_models() if getattr(model, "editorial", False)]


def translatable_snippet_models():
    """Registered snippets with a language (in the order of Wagtail's snippet registry)."""
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
