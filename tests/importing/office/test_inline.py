"""Literal text stays literal and emphasis stays emphasis when a document's runs become Markdown."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from raadsakkoord.importing.office.inline import Inline

_PARSER = MarkdownIt("commonmark", {"html": False})

text_parts = st.text(alphabet="ab é*_`[]()<>#&;!\\-+.1|~=\t\n", min_size=1, max_size=12)
words = st.from_regex(r"[A-Za-zé]{1,8}", fullmatch=True)


def _rendered(markdown: str) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) of each text token CommonMark makes of a paragraph."""
    out, bold, italic = [], 0, 0
    tokens = _PARSER.parse(markdown)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], markdown
    for token in tokens[1].children:
        if token.type.startswith("strong_"):
            bold += 1 if token.type.endswith("open") else -1
        elif token.type.startswith("em_"):
            italic += 1 if token.type.endswith("open") else -1
        elif token.type == "text":
            out.append((token.content, bold > 0, italic > 0))
        elif token.type in ("softbreak", "hardbreak"):
            out.append((" ", bold > 0, italic > 0))
        else:
            raise AssertionError(f"{token.type} in {markdown!r}")
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(text_parts, st.booleans(), st.booleans()), min_size=1, max_size=6))
def test_any_text_reads_back_as_the_same_text(parts):
    inline = Inline()
    for text, bold, italic in parts:
        inline.add(text, bold=bold, italic=italic)
    if inline.empty:
        return
    markdown, _ = inline.markdown()
    shown = "".join(text for text, _, _ in _rendered(markdown))
    assert _squash(shown) == _squash("".join(t for t, _, _ in parts)), markdown


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(words, st.booleans(), st.booleans()), min_size=1, max_size=8))
def test_emphasis_on_whole_words_always_survives(parts):
    inline = Inline()
    for index, (word, bold, italic) in enumerate(parts):
        inline.add((" " if index else "") + word, bold=bold, italic=italic)
    markdown, lost = inline.markdown()
    assert not lost, markdown
    expected = [(c, b, i) for word, b, i in parts for c in word]
    got = [(c, b, i) for text, b, i in _rendered(markdown) for c in text if c != " "]
    assert got == expected, markdown


def test_a_link_keeps_its_text_and_address():
    inline = Inline()
    inline.add("Zie ")
    inline.add("de site (nieuw)", link="https://example.nl/a b(c)")
    assert inline.markdown() == ("Zie [de site (nieuw)](https://example.nl/a%20b%28c%29)", False)
