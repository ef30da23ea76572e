"""Helpers for asserting on what a citizen sees."""

import html
import re


def visible_text(markup):
    """The page's text as read aloud: tags removed, entities decoded, spaces collapsed."""
    markup = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", markup, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    return re.sub(r"\s+", " ", text).strip()
