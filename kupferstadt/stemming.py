"""The one place where text and queries are normalised for search.

Neither backend can match German the way people type it: SQLite has no German
stemmer, and PostgreSQL's configurations do not fold "ue" into "ü". So every page
indexes a field of Snowball stems (``search_stems``) and every query is stemmed the
same way; both backends then compare plain words and give the same results.

``snowballstemmer`` runs the compiled stemmers of PyStemmer (a dependency) when they are
installed: the same algorithms, about a thousand times faster, which matters when a
result list highlights the searched words in every snippet.
"""

import re
from functools import cache

import snowballstemmer

# Snowball stemmers by content language; a language without one is only lower-cased.
STEMMERS = {"de": "german", "en": "english", "tr": "turkish", "ar": "arabic"}
WORD = re.compile(r"\w+", re.UNICODE)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@cache
def _stemmer(language):
    name = STEMMERS.get((language or "de").split("-")[0])
    return snowballstemmer.stemmer(name) if name else None


def clean_query(raw, max_length):
    """What the visitor typed, without control characters and cut to ``max_length``."""
    text = " ".join(CONTROL.sub(" ", raw or "").split())
    return text[:max_length], len(text) > max_length


def words(text):
    return [word.lower() for word in WORD.findall(text or "")]


def stems(text, language):
    """Snowball stems of the words in ``text``: "Veranstaltungen" -> "veranstalt",
    "Zinkhuetter" and "Zinkhütter" -> "zinkhutt", "Strasse" and "Straße" -> "strass"."""
    tokens = words(text)
    stemmer = _stemmer(language)
    return stemmer.stemWords(tokens) if stemmer else tokens


def stemmed_text(text, language):
    return " ".join(stems(text, language))
