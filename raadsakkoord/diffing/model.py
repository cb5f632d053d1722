"""What a diff of two texts is: paragraphs, each with its spans of equal, deleted and inserted text.

The UI and every exporter render these objects; nothing here knows about
HTML or Qt. ``old_text`` and ``new_text`` rebuild both texts exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from raadsakkoord.diffing.tokens import join_paragraphs


class Op(StrEnum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


class Kind(StrEnum):
    """What happened to a paragraph."""

    EQUAL = "equal"
    INSERTED = "inserted"
    DELETED = "deleted"
    CHANGED = "changed"  # word diff inside the paragraph
    REPLACED = "replaced"  # changed mostly: shown deleted and inserted whole
    MOVED_FROM = "moved-from"  # its old place; the same text is at a MOVED_TO
    MOVED_TO = "moved-to"  # its new place


OLD_KINDS = frozenset({Kind.EQUAL, Kind.DELETED, Kind.CHANGED, Kind.REPLACED, Kind.MOVED_FROM})
NEW_KINDS = frozenset({Kind.EQUAL, Kind.INSERTED, Kind.CHANGED, Kind.REPLACED, Kind.MOVED_TO})


@dataclass(frozen=True, slots=True)
class Span:
    op: Op
    text: str


@dataclass(frozen=True, slots=True)
class ParagraphDiff:
    """One paragraph of the old text, the new text, or both.

    ``old`` is None for a paragraph only in the new text and ``new`` is None
    for one only in the old text. ``move`` pairs a MOVED_FROM with its
    MOVED_TO (the same number, counting from 1).
    """

    kind: Kind
    old: str | None
    new: str | None
    spans: tuple[Span, ...]
    move: int | None = None


@dataclass(frozen=True, slots=True)
class TextDiff:
    paragraphs: tuple[ParagraphDiff, ...]

    @property
    def changed(self) -> bool:
        return any(p.kind is not Kind.EQUAL for p in self.paragraphs)

    def old_text(self) -> str:
        return join_paragraphs([p.old for p in self.paragraphs if p.kind in OLD_KINDS])

    def new_text(self) -> str:
        return join_paragraphs([p.new for p in self.paragraphs if p.kind in NEW_KINDS])


def old_text(diff: TextDiff) -> str:
    """The text the diff starts from, exactly."""
    return diff.old_text()


def new_text(diff: TextDiff) -> str:
    """The text the diff leads to, exactly."""
    return diff.new_text()


def apply(diff: TextDiff, text: str) -> str:
    """Apply ``diff`` to ``text``, which must be the text it was made from."""
    if text != diff.old_text():
        raise ValueError("the diff was made from another text")
    return diff.new_text()
