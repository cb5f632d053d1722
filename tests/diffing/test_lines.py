"""Line numbers of a section text: our own deterministic line breaking, tied back to the Markdown source."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from raadsakkoord.base import i18n
from raadsakkoord.diffing.lines import (
    LineStart,
    block_texts,
    cutters,
    HEADING_WIDTH,
    INDENT,
    LINE_WIDTH,
    Line,
    line_range,
    line_reference,
    lines_changed,
    number_lines,
)

WORDS = ["de", "gemeente", "Assen", "woningbouw", "één", "café's", "zo'n", "2,5", "1.000", "woon-werkverkeer",
         "sociale", "huurwoningen", "bijvoorbeeld", "€", "ijs", "Ĳssel", "naïef", "extra­lang"]


def _visible(markdown: str) -> str:
    """The characters a reader sees, without white space: what every line together must hold."""
    return "".join("".join(line.text.split()) for line in number_lines(markdown))


def test_a_short_paragraph_is_one_line():
    text = "De gemeente bouwt **meer** woningen."
    assert number_lines(text) == (Line(1, 0, "De gemeente bouwt meer woningen.", 0, len(text), 0, 32),)


def test_markup_is_not_shown_and_offsets_point_into_the_source():
    text = "Wij willen _meer_ [groen](https://assen.nl/groen) in de wijk &amp; een **park**."
    (line,) = number_lines(text)
    assert line.text == "Wij willen meer groen in de wijk & een park."
    assert (line.start, line.end) == (0, len(text))


def test_greedy_wrap_at_the_width_never_inside_a_word():
    words = ["woningbouw"] * 20
    lines = number_lines(" ".join(words))
    # 10 characters a word plus a space: six words (65 characters) fill a line of 70, a seventh does not fit.
    assert [line.text.count("woningbouw") for line in lines] == [6, 6, 6, 2]
    assert all(line.block == 0 for line in lines)
    assert [line.number for line in lines] == [1, 2, 3, 4]


def test_a_word_longer_than_the_width_is_cut_and_starts_its_own_line():
    long = "a" * (LINE_WIDTH * 2 + 5)
    lines = number_lines(f"Het {long} eind")
    assert [line.text for line in lines] == ["Het", "a" * LINE_WIDTH, "a" * LINE_WIDTH, "aaaaa eind"]


def test_list_items_lose_width_per_level_and_markers_are_not_text():
    item = " ".join(["huurwoningen"] * 12)
    text = f"- {item}\n  - {item}"
    lines = number_lines(text)
    assert all(not line.text.startswith(("-", "•")) for line in lines)
    top = [line for line in lines if line.block == 0]
    nested = [line for line in lines if line.block == 1]
    assert max(len(line.text) for line in top) <= LINE_WIDTH - INDENT
    assert max(len(line.text) for line in nested) <= LINE_WIDTH - 2 * INDENT
    assert len(nested) >= len(top)


def test_headings_break_at_their_own_width_and_blocks_are_counted():
    heading = " ".join(["Woningbouw"] * 8)
    text = f"## {heading}\n\nEen alinea.\n\n1. een\n2. twee\n\n| a | b |\n|---|---|\n| c | d |"
    lines = number_lines(text)
    assert all(len(line.text) <= HEADING_WIDTH for line in lines if line.block == 0)
    assert [line.text for line in lines if line.block > 0] == ["Een alinea.", "een", "twee", "a b", "c d"]
    assert [line.block for line in lines if line.block > 0] == [1, 2, 3, 4, 5]


def test_a_hard_line_break_ends_a_line():
    lines = number_lines("Eerste regel\\\ntweede regel")
    assert [line.text for line in lines] == ["Eerste regel", "tweede regel"]


def test_dutch_text_with_accents_and_apostrophes():
    text = "Zo'n café's en één naïeve ĳsbaan in Assen; de auto's van woon-werkverkeer, ‘vanaf’ 1.000 m² (2,5 %)."
    lines = number_lines(text)
    cut = text.index(" woon-werkverkeer")
    # The hyphenated word is one word: it moves to the next line whole.
    assert [line.text for line in lines] == [text[:cut], text[cut + 1:]]


def test_line_range_of_a_change():
    text = " ".join(f"woord{i:02d}" for i in range(60))
    lines = number_lines(text)
    at = text.index("woord30")
    first, last = line_range(lines, at, at + len("woord30 woord31"))
    assert lines[first - 1].start <= at < lines[first - 1].end
    assert first == last
    assert line_range(lines, at, at) == (first, first)
    assert line_range(lines, 0, len(text)) == (1, len(lines))
    assert line_range((), 0, 0) == (0, 0)


# Texts in the shape section texts have: paragraphs, emphasis, links, lists, headings.
_word = st.sampled_from(WORDS) | st.text(alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=90)
_inline = st.one_of(_word, _word.map(lambda w: f"**{w}**"), _word.map(lambda w: f"_{w}_"),
                    _word.map(lambda w: f"[{w}](https://assen.nl/{len(w)})"), _word.map(lambda w: f"`{w}`"))
_sentence = st.lists(_inline, min_size=1, max_size=40).map(" ".join)
_block = st.one_of(_sentence, _sentence.map(lambda s: "## " + s), _sentence.map(lambda s: "- " + s),
                   _sentence.map(lambda s: "1. " + s), _sentence.map(lambda s: "> " + s))
_section = st.lists(_block, min_size=1, max_size=6).map("\n\n".join)


def _plain(markdown_piece: str) -> str:
    return re.sub(r"\]\([^)]*\)|[*_`\[\]#>\s]|^\s*(?:-|\d+\.)\s", "", markdown_piece)


@settings(max_examples=300, deadline=None)
@given(_section)
def test_every_visible_character_is_in_exactly_one_line_in_order(text):
    lines = number_lines(text)
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))
    assert _visible(text) == "".join(_plain(line) for line in _source_blocks(text))
    for line in lines:
        assert len(line.text) <= LINE_WIDTH or " " not in line.text
        assert line.text == line.text.strip() and "  " not in line.text
        # Offsets map back: the source between them, without markup, is the line's text.
        assert "".join(line.text.split()) == _plain(text[line.start:line.end])
    assert all(a.end <= b.start for a, b in zip(lines, lines[1:]))
    assert all(a.block <= b.block for a, b in zip(lines, lines[1:]))


def _source_blocks(text: str) -> list[str]:
    return [re.sub(r"^(?:#+ |- |\d+\. |> )", "", block) for block in text.split("\n\n")]


@settings(max_examples=200, deadline=None)
@given(_section, st.data())
def test_line_range_is_monotone(text, data):
    lines = number_lines(text)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    c = data.draw(st.integers(b, len(text)))
    first, last = line_range(lines, a, b)
    later_first, later_last = line_range(lines, b, c)
    assert 1 <= first <= last <= len(lines)
    assert first <= later_first and last <= later_last
    assert line_range(lines, a, c)[0] == first and line_range(lines, a, c)[1] >= last


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_ordered_lines_inside_the_source(text):
    lines = number_lines(text)
    for line in lines:
        assert 0 <= line.start < line.end <= len(text)
        assert line.text and line.text == line.text.strip(" ")
    assert all(a.start <= b.start for a, b in zip(lines, lines[1:]))


def test_lines_changed_by_an_amendment():
    base = "\n\n".join(" ".join(f"zin{p}woord{i}" for i in range(20)) for p in range(3))
    lines = number_lines(base)
    assert lines_changed(base, base) is None
    assert lines_changed("", "Nieuw.") is None
    amended = base.replace("zin1woord2 ", "")
    first, last = lines_changed(base, amended)
    at = base.index("zin1woord2")
    assert first == last == line_range(lines, at, at + 1)[0]
    # Two changes far apart: the reference runs from the first to the last.
    both = amended.replace("zin2woord19", "einde")
    assert lines_changed(base, both) == (first, len(lines))
    # Appended at the very end: the last line.
    assert lines_changed(base, base + " erbij") == (len(lines), len(lines))


def test_line_reference_in_dutch_and_english(monkeypatch):
    assert line_reference(23) == "regel 23"
    assert line_reference(12, 14) == "regels 12–14"
    assert line_reference(14, 12) == "regels 12–14"
    i18n.set_language("en")
    try:
        assert line_reference(23) == "line 23"
        assert line_reference(12, 14) == "lines 12–14"
        assert line_reference(12, 14, translated=False) == "regels 12–14"
    finally:
        i18n.set_language("nl")


@settings(max_examples=150, deadline=None)
@given(_section, st.data())
def test_a_renderer_fed_in_any_pieces_breaks_exactly_at_the_lines(text, data):
    """What renderers do: feed a block's visible text piece by piece, print what comes out, break at each start."""
    lines = number_lines(text)
    printed: dict[int, list[str]] = {}
    for block in block_texts(text):
        cutter = cutters(text)[block.kind, block.source_line]
        visible, at = block.text, 0
        current = None
        while at < len(visible):
            size = data.draw(st.integers(1, 12))
            for piece in cutter.feed(visible[at:at + size]):
                if isinstance(piece, LineStart):
                    current = piece.number
                    assert piece.first == (not any(line.block == block.index and line.number < current
                                                   for line in lines))
                    printed[current] = []
                else:
                    printed[current].append(piece)
            at += size
    assert sorted(printed) == [line.number for line in lines]
    for line in lines:
        assert " ".join("".join(printed[line.number]).split()) == line.text


def test_lines_of_a_diff_cover_every_change():
    base = "\n\n".join(" ".join(f"alinea{p}woord{i}" for i in range(30)) for p in range(4))
    lines = number_lines(base)
    for target in ("alinea0woord3", "alinea2woord17", "alinea3woord29"):
        at = base.index(target)
        (expected,) = {line.number for line in lines if line.start <= at < line.end}
        assert lines_changed(base, base.replace(target, "anders")) == (expected, expected)
    # A paragraph deleted whole: all its lines.
    paragraphs = base.split("\n\n")
    without = "\n\n".join(paragraphs[:1] + paragraphs[2:])
    second = [line.number for line in lines if line.block == 1]
    assert lines_changed(base, without) == (second[0], second[-1])


def test_a_text_nested_deeper_than_the_parser_follows_is_numbered_as_written():
    text = ">" * 120 + " citaat"
    lines = number_lines(text)
    assert [line.text for line in lines] == [text[:LINE_WIDTH], text[LINE_WIDTH:]]
