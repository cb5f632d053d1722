"""What the screen in the council chamber (het scherm in de raadzaal) shows for one item of the vote.

The screen is public: the audience in the chamber and on the stream read it.
So it shows only what the council itself has before it: a submitted
amendment's number, headline, text, explanation (toelichting) and its
submitters (the submitting party and the co-submitters who confirmed it
themselves). Never a draft, an autosaved text, the griffie's decision note or
a party's minority position: those are read from nowhere here.

The text is the section's text with the amendment's changes, line by line,
numbered as the base text is numbered everywhere else (``diffing.lines``), so
"regel 12" on the screen is "regel 12" in the papers on the members' desks.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord import diffing
from raadsakkoord.base.errors import DomainError
from raadsakkoord.base.i18n import tr
from raadsakkoord.diffing.lines import number_lines
from raadsakkoord.diffing.model import OLD_KINDS, Kind, Op
from raadsakkoord.diffing.render import EMPHASIS_MARKER
from raadsakkoord.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Chapter,
    Section,
    SectionStatus,
)
from raadsakkoord.queries.lookup import get
from raadsakkoord.queries.voting import AMENDMENT, SECTION, VoteItem

EQUAL, INSERT, DELETE = Op.EQUAL.value, Op.INSERT.value, Op.DELETE.value


@dataclass(frozen=True)
class Piece:
    op: str  # "equal" | "insert" | "delete"
    text: str


@dataclass(frozen=True)
class ChamberLine:
    """One line of the text as shown: its number in the text it changes (None for a line only the change adds)."""

    number: int | None
    pieces: tuple[Piece, ...]

    @property
    def changed(self) -> bool:
        return any(piece.op != EQUAL for piece in self.pieces)


@dataclass(frozen=True)
class ChamberItem:
    item: VoteItem
    label: str  # "A3", "A3.1", "hoofdlijn 8.4", "het raadsakkoord"
    headline: str
    caption: str  # what it is about: "Wijzigt hoofdlijn 8.4 Betaalbaar wonen"
    submitters: tuple[str, ...]  # the submitting party first, then the confirmed co-submitters (full names)
    explanation: str
    lines: tuple[ChamberLine, ...]
    summary: tuple[str, ...]  # for a section or the whole agreement: what was decided before it


def chamber_item(session: Session, item: VoteItem) -> ChamberItem:
    if item.kind == AMENDMENT:
        return _amendment_item(session, item)
    if item.kind == SECTION:
        return _section_item(session, item)
    return _agreement_item(session, item)


def _section_number(section: Section) -> str:
    return f"{section.chapter.position}.{section.position}"


def _amendment_item(session: Session, item: VoteItem) -> ChamberItem:
    amendment = get(session, Amendment, item.amendment_id, tr("amendement"))
    if amendment.status == AmendmentStatus.DRAFT:
        # A draft is the party's own until it submits it; the voting order never lists one.
        raise DomainError(tr("Amendement {label} is niet ingediend en wordt niet getoond.").format(
            label=amendment.label or amendment.headline))
    parent = amendment.parent
    if parent is not None:
        old = parent.proposed_text
        caption = tr("Subamendement op amendement {label}: {headline}").format(
            label=parent.label, headline=parent.headline)
    elif amendment.kind == AmendmentKind.NEW_SECTION:
        old = ""
        chapter = amendment.chapter
        caption = tr("Nieuwe hoofdlijn in hoofdstuk {number} {title}: {proposed}").format(
            number=chapter.position, title=chapter.title, proposed=amendment.proposed_title)
    else:
        section = amendment.section
        old = amendment.base_revision.text if amendment.base_revision is not None else ""
        template = (tr("Schrapt hoofdlijn {number} {title}") if amendment.kind == AmendmentKind.DELETE
                    else tr("Wijzigt hoofdlijn {number} {title}"))
        caption = template.format(number=_section_number(section), title=section.title)
    new = "" if amendment.kind == AmendmentKind.DELETE and parent is None else amendment.proposed_text
    submitters = (amendment.party.name, *(party.name for party in amendment.confirmed_co_parties))
    return ChamberItem(item, amendment.label, amendment.headline, caption, submitters, amendment.explanation,
                       tracked_lines(old, new), ())


def _decided(session: Session, *conditions) -> tuple[int, int]:
    rows = session.execute(sa.select(Amendment.status, sa.func.count()).where(
        Amendment.parent_id.is_(None), *conditions).group_by(Amendment.status)).all()
    counts = dict(rows)
    adopted = counts.get(AmendmentStatus.ACCEPTED, 0) + counts.get(AmendmentStatus.PARTLY_ACCEPTED, 0)
    return adopted, counts.get(AmendmentStatus.REJECTED, 0)


def _section_item(session: Session, item: VoteItem) -> ChamberItem:
    section = get(session, Section, item.section_id, tr("hoofdlijn"))
    text = section.current_revision.text if section.current_revision is not None else ""
    adopted, rejected = _decided(session, Amendment.section_id == section.id)
    summary = (tr("Amendementen op deze hoofdlijn: {adopted} aangenomen, {rejected} verworpen.").format(
        adopted=adopted, rejected=rejected),) if adopted or rejected else ()
    proposer = (section.proposing_party.name,) if section.proposing_party is not None else ()
    chapter = section.chapter
    return ChamberItem(item, item.label, section.title,
                       tr("In hoofdstuk {number} {title}").format(number=chapter.position, title=chapter.title),
                       proposer, "", tracked_lines(text, text), summary)


def _agreement_item(session: Session, item: VoteItem) -> ChamberItem:
    chapters = session.scalar(sa.select(sa.func.count()).select_from(Chapter)) or 0
    # Withdrawn and rejected sections are no part of what the council adopts.
    sections = session.scalar(sa.select(sa.func.count()).select_from(Section).where(
        Section.status.in_((SectionStatus.PROPOSED, SectionStatus.ADOPTED)))) or 0
    adopted, rejected = _decided(session)
    summary = (
        tr("{chapters} hoofdstukken met samen {sections} hoofdlijnen.").format(chapters=chapters, sections=sections),
        tr("Amendementen: {adopted} aangenomen, {rejected} verworpen.").format(adopted=adopted, rejected=rejected),
    )
    return ChamberItem(item, item.label, item.title, tr("Het raadsakkoord als geheel"), (), "", (), summary)


# Markdown that a reader should not see as characters: emphasis markers, a heading's hashes.
_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)


def tracked_lines(old: str, new: str) -> tuple[ChamberLine, ...]:
    """``old`` against ``new`` as tracked changes, cut into the numbered lines of ``old``.

    Each visible character of ``old`` stays on its line; what lies between
    lines (a list's bullet, the space where a line breaks) is markup and
    left out, as the lines' own text leaves it out. An insertion goes with
    the line of the word before it, and a paragraph only ``new`` has follows
    the line before it, unnumbered. With no ``old`` text at all (a new
    section) the new text's own lines are numbered.
    """
    if not old:
        return tuple(ChamberLine(line.number, (Piece(INSERT, line.text),)) for line in number_lines(new)
                     if line.text)
    lines = number_lines(old)
    if not lines:
        return ()
    starts = [line.start for line in lines]
    pieces: dict[int, list[Piece]] = {index: [] for index in range(len(lines))}
    added: dict[int, list[str]] = {}  # paragraphs only in the new text, after line index (-1: before the first)

    def line_at(offset: int) -> int:
        return max(bisect_right(starts, offset) - 1, 0)

    def insertion_line(offset: int, paragraph_start: int, paragraph_end: int) -> int:
        # With the line of the text before it in its paragraph; at the paragraph's start, its first line.
        before = line_at(offset - 1)
        if offset > paragraph_start and lines[before].start >= paragraph_start:
            return before
        index = line_at(paragraph_start)
        if lines[index].start < paragraph_start and index + 1 < len(lines) and lines[index + 1].start < paragraph_end:
            return index + 1
        return index

    cursor = 0
    last_line = -1
    for paragraph in diffing.diff(old, new).paragraphs:
        if paragraph.kind not in OLD_KINDS:
            added.setdefault(last_line, []).append(paragraph.new or "")
            continue
        found = old.find(paragraph.old, cursor)
        offset = found if found >= 0 else cursor
        cursor = offset + len(paragraph.old)
        paragraph_start = offset
        for span in paragraph.spans:
            # A paragraph moved away is gone from here: its text reads as struck through.
            op = DELETE if paragraph.kind is Kind.MOVED_FROM and span.op is Op.EQUAL else span.op.value
            if span.op is Op.INSERT:
                pieces[insertion_line(offset, paragraph_start, cursor)].append(Piece(INSERT, span.text))
                continue
            end = offset + len(span.text)
            index = line_at(offset)
            while index < len(lines) and lines[index].start < end:
                line = lines[index]
                low, high = max(offset, line.start), min(end, line.end)
                if low < high:
                    pieces[index].append(Piece(op, old[low:high]))
                index += 1
            offset = end
        last_line = line_at(max(cursor - 1, 0))
    out = [ChamberLine(None, _clean([Piece(INSERT, text)])) for text in added.pop(-1, [])]
    for index, line in enumerate(lines):
        bullet = _BULLET.search(old, lines[index - 1].end if index else 0, line.start)
        prefix = [Piece(EQUAL, bullet.group(1) + " ")] if bullet and line.block != lines[index - 1].block else []
        out.append(ChamberLine(line.number, _clean(prefix + pieces[index])))
        out.extend(ChamberLine(None, _clean([Piece(INSERT, text)])) for text in added.pop(index, []))
    return tuple(line for line in out if line.pieces)


# A list item's marker, between the end of one line and the start of the next block's first line.
_BULLET = re.compile(r"(?m)^[ \t]*([-*+]|\d+[.)])[ \t]+")


def _clean(pieces: list[Piece]) -> tuple[Piece, ...]:
    """The pieces as a reader sees them: emphasis markers hidden, line breaks as spaces, neighbours joined.

    Markers are found in the line's old and new text read whole (the old
    without the insertions, the new without the deletions), so a marker
    alone in a piece still sees the word beside it.
    """
    hidden: set[tuple[int, int]] = set()  # (piece, character)
    for side in ({EQUAL, DELETE}, {EQUAL, INSERT}):
        places = [(index, offset) for index, piece in enumerate(pieces) if piece.op in side
                  for offset in range(len(piece.text))]
        whole = "".join(piece.text for piece in pieces if piece.op in side)
        for match in EMPHASIS_MARKER.finditer(whole):
            hidden.update(places[match.start():match.end()])
    out: list[Piece] = []
    for index, piece in enumerate(pieces):
        text = "".join(char for offset, char in enumerate(piece.text) if (index, offset) not in hidden)
        text = _HEADING.sub("", text).replace("\n", " ")
        if not text:
            continue
        if out and out[-1].op == piece.op:
            out[-1] = Piece(piece.op, out[-1].text + text)
        else:
            out.append(Piece(piece.op, text))
    return tuple(out)


def following(shown: list[VoteItem], order: list[VoteItem]) -> list[VoteItem]:
    """The items shown so far, then the items of the voting order not shown yet.

    A vote takes an item out of the voting order; the screen keeps it, so the
    griffie can go back to it (Vorige) while the order moves on.
    """
    seen = {item.key for item in shown}
    return [*shown, *(item for item in order if item.key not in seen)]
