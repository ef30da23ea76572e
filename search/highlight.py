"""A short text around the matched words, with the matches marked; everything escaped."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from kupferstadt.stemming import stems

TOKEN = re.compile(r"(\w+)", re.UNICODE)


def highlight(text, query_stems, language, length=30):
    """About ``length`` words of ``text`` starting a little before the first match."""
    parts = TOKEN.split(text or "")
    word_positions = list(range(1, len(parts), 2))
    matches = {
        i for i in word_positions if (s := stems(parts[i], language)) and s[0] in query_stems
    }
    first = min(matches) if matches else 1
    start_word = max(0, word_positions.index(first) - 8) if word_positions else 0
    start = word_positions[start_word] if word_positions else 0
    end_word = min(len(word_positions), start_word + length)
    end = word_positions[end_word - 1] + 1 if word_positions else len(parts)
    html = "".join(
        f"<mark>{escape(part)}</mark>" if i in matches else escape(part)
        for i, part in enumerate(parts[start:end], start=start)
    )
    prefix = "… " if start_word > 0 else ""
    suffix = " …" if end_word < len(word_positions) else ""
    return mark_safe(prefix + html.strip() + suffix)
