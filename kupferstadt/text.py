"""Small text helpers shared by models and the demo loader."""

from django.utils.text import slugify

_GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def german_slugify(value, max_length=255):
    """Slug that spells umlauts the German way ("Städteregion" -> "staedteregion")."""
    return slugify(str(value).translate(_GERMAN_TRANSLITERATION))[:max_length].strip("-")
