"""The CommonMark parser every reader of a section text shares: the exports, the screen and the line numbers.

One configuration, so that what a line number counts is what every
rendering shows: raw HTML off (it is shown as text), pipe tables on (a
table imported from a Word draft is one), and links only for http, https
and mailto; any other ``[text](address)`` stays literal text.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

ALLOWED_SCHEMES = ("http:", "https:", "mailto:")


def allowed_link(url: str) -> bool:
    # Lower-case and drop whitespace and control characters first: browsers
    # ignore them inside a scheme ("jav\tascript:").
    cleaned = "".join(ch for ch in url if ch > " ").lower()
    return cleaned.startswith(ALLOWED_SCHEMES)


def new_parser() -> MarkdownIt:
    """A fresh parser in the shared configuration; callers may add render rules to their own copy."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.validateLink = allowed_link
    return md
