"""Moved to the shared layer: ``kupferstadt/stemming.py`` (pages index their stems)."""

from kupferstadt.stemming import (  # noqa: F401
    STEMMERS,
    _stemmer,
    clean_query,
    stemmed_text,
    stems,
    words,
)
