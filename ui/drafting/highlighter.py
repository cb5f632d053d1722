"""Light Markdown highlighting in the editor, with the plain-language findings marked.

Highlighting runs per line (a QTextBlock), so typing re-highlights only the
line being typed: long sentences and officialese are found in that line, which
is where a writer's attention is.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

from raadsakkoord.queries import readability

_RULES = (
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s"), "bullet"),
    (re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), "bold"),
    (re.compile(r"(?<![*\w])\*[^*\s][^*\n]*\*(?!\*)|(?<![_\w])_[^_\s][^_\n]*_(?![_\w])"), "italic"),
    (re.compile(r"\[[^\]\n]*\]\([^)\n]*\)"), "link"),
    (re.compile(r"`[^`\n]+`"), "code"),
    (re.compile(r"^\s*>.*$"), "quote"),
)


def _formats() -> dict[str, QTextCharFormat]:
    formats = {name: QTextCharFormat() for name in ("bullet", "bold", "italic", "link", "code", "quote")}
    formats["bullet"].setForeground(QColor("#0b4f8a"))
    formats["bullet"].setFontWeight(QFont.Weight.Bold)
    formats["bold"].setFontWeight(QFont.Weight.Bold)
    formats["italic"].setFontItalic(True)
    formats["link"].setForeground(QColor("#1a5fb4"))
    formats["link"].setFontUnderline(True)
    formats["code"].setFontFamilies(["monospace"])
    formats["quote"].setForeground(QColor("#555555"))
    return formats


class DraftHighlighter(QSyntaxHighlighter):
    def __init__(self, document) -> None:
        super().__init__(document)
        self._formats = _formats()
        self._long = QTextCharFormat()
        self._long.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._long.setUnderlineColor(QColor("#d97706"))
        self._officialese = QTextCharFormat()
        self._officialese.setBackground(QColor("#fff1b8"))
        self.plain_language = True

    def highlightBlock(self, text: str) -> None:
        for pattern, name in _RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self._formats[name])
        if self.plain_language and text.strip():
            self._mark_plain_language(text)

    def _mark_plain_language(self, text: str) -> None:
        for start, length in long_sentence_spans(text):
            self._merge(start, length, self._long)
        for found in readability.officialese(text):
            self._merge(found.start, len(found.phrase), self._officialese)

    def _merge(self, start: int, length: int, extra: QTextCharFormat) -> None:
        # Keep the Markdown formatting underneath: merge per character.
        for offset in range(start, start + length):
            fmt = self.format(offset)
            fmt.merge(extra)
            self.setFormat(offset, 1, fmt)


def long_sentence_spans(line: str) -> list[tuple[int, int]]:
    """(start, length) of each sentence over the long-sentence limit in one line."""
    spans, cursor = [], 0
    for sentence in readability.sentences(line):
        start = line.find(sentence, cursor)
        if start < 0:
            continue
        cursor = start + len(sentence)
        if len(readability.words(sentence)) > readability.LONG_SENTENCE_WORDS:
            spans.append((start, len(sentence)))
    return spans


def officialese_at(line: str, column: int) -> readability.Officialese | None:
    """The officialese phrase under a position in a line, for the tooltip."""
    for found in readability.officialese(line):
        if found.start <= column < found.start + len(found.phrase):
            return found
    return None
