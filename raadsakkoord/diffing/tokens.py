"""Splitting canonical Markdown into paragraphs and tokens.

A token is a word, a run of white space, one punctuation character, or a
Markdown marker (``**``, ``_``, a heading's ``##``, a list bullet or number,
the ``[``/``](``/``)`` of a link). Concatenating the tokens of a text gives the
text back exactly, which is what lets a diff be applied without loss.

White space is a token of its own rather than glued to the word before it:
``stad`` at the end of a paragraph, before a closing ``**`` and before a space
would otherwise be three different tokens, and adding emphasis or a word at
the end of a paragraph would show the untouched word as replaced.
"""

from __future__ import annotations

import re

PARAGRAPH_SEPARATOR = "\n\n"

_TOKEN = re.compile(
    r"""
    # Block markers at the start of a line, with their indentation: a heading,
    # a bullet or an item number. Nesting depth is part of the marker, so
    # indenting an item shows as a changed marker, not as changed words.
    (?:(?<=\n)|\A)[^\S\n]*(?:\#{1,6}|[-*+]|\d{1,9}[.)])(?=[^\S\n]|\n|\Z)
    # The address of a link is one token: its slashes and dots are not words.
    | (?<=\]\()[^()\s]+
    # White space: up to and including the last line break of a run, so that
    # indentation after it stays free for a block marker; or a run without one.
    | \s*\n
    | [^\S\n]+
    # Words: letters and digits with inner apostrophes and hyphens (auto's,
    # zo'n, woon-werkverkeer) and numbers with separators (2,5 of 1.000).
    | \d+(?:[.,]\d+)+
    | [^\W_]+(?:['’\-][^\W_]+)*
    # Inline markers that mean one thing only as a whole.
    | \*\*|__|~~|`+|!\[|\]\(
    # Anything else is punctuation, one character per token.
    | [\s\S]
    """,
    re.VERBOSE,
)


def tokenize(text: str) -> list[str]:
    """The tokens of ``text``; ``"".join(tokenize(t)) == t`` for every string."""
    return _TOKEN.findall(text)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a text; ``join_paragraphs`` restores it exactly.

    Canonical Markdown separates paragraphs by exactly one blank line; any
    other run of newlines stays inside a paragraph, so the split is lossless
    for every string, canonical or not.
    """
    return text.split(PARAGRAPH_SEPARATOR) if text else []


def join_paragraphs(paragraphs: list[str]) -> str:
    return PARAGRAPH_SEPARATOR.join(paragraphs)
