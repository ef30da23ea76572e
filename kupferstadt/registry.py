"""What a model is for, found where it is needed instead of kept in lists.

A snippet registered with Wagtail that carries language (``TranslatableMixin``) is
translated by the translator groups and appears in the translation status report; adding
such a snippet is its model and its ``register_snippet`` call, nothing else.
"""

from wagtail.models import TranslatableMixin
from wagtail.snippets.models import get_snippet_models


def translatable_snippet_models():
    """Registered snippets with a language (in the order of Wagtail's snippet registry)."""
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]
