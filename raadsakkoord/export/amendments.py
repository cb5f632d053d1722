"""The amendment book: every amendment per section, its support, change and outcome."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from raadsakkoord import diffing
from raadsakkoord.export.document import Meta, _meta
from raadsakkoord.export.printable import printable_data
from raadsakkoord.export.progress import Step
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import (
    Amendment,
    AmendmentKind,
    Chapter,
    CoSubmission,
    Revision,
    Round,
    RoundSection,
    Section,
)
from raadsakkoord.queries.ballot import party_line, vote_note
from raadsakkoord.queries.labels import STATUS_LABELS
from raadsakkoord.queries.voting import VoteResult, amendment_results
from raadsakkoord.queries.support import Tally, amendment_support


# A party's name goes under an amendment only when it confirmed that itself:
# the book names the confirmed co-submitters, never the parties merely asked.
_CONFIRMED_CO_PARTIES = selectinload(Amendment.co_submissions).selectinload(CoSubmission.party)


# How the book refers to an amendment that has no number yet (a draft on a shared database).
DRAFT_LABEL = "ontwerp-"


@dataclass(frozen=True)
class BookVote:
    """The council's latest vote on an amendment, in Dutch as the book prints it."""

    outcome: str  # "adopted" | "rejected" | "tied"
    sentence: str  # "Aangenomen met 20 stemmen voor en 11 tegen (2 afwezig), in de raadsvergadering van …."
    parties: tuple[str, ...]  # "GL: 7 voor", "RP: 4 tegen, 1 voor; anders dan de fractie: …"


def book_vote(result: VoteResult) -> BookVote:
    return BookVote(result.outcome,
                    vote_note(result.outcome, result.votes_for, result.votes_against, result.absent, result.meeting),
                    tuple(party_line(p.short_name, p.votes_for, p.votes_against, p.absent, p.split, str)
                          for p in result.parties))


@dataclass(frozen=True)
class BookAmendment:
    id: uuid.UUID
    label: str  # "A7", "A7.1": the griffie's number, used for cross-references
    kind: AmendmentKind
    party: str
    co_parties: tuple[str, ...]  # the confirmed co-submitters only
    headline: str
    explanation: str
    status: str
    decision_note: str
    base_revision: int | None
    new_title: str
    support: Tally
    diff: diffing.TextDiff
    conflicts_with: tuple[str, ...]  # labels of amendments on the same base that collide
    party_name: str = ""  # the submitting party's full name: the author of its tracked changes in Word
    submitted_at: dt.datetime | None = None  # when it was submitted (created, for one never submitted)
    old_title: str = ""  # for a change that retitles its section: the title it was written against
    lines: str = ""  # the numbered lines of its base text it changes: "regels 12–14" ("" for a new section)
    parent_label: str = ""  # a subamendment: the amendment whose text it changes (its diff is against that text)
    vote: BookVote | None = None  # the council's latest vote on it, if it was voted on

    @property
    def title_note(self) -> str:
        """What the book says beside the kind: a new section's title, or a change's new title (old → new)."""
        if not self.new_title:
            return ""
        if self.kind == AmendmentKind.NEW_SECTION:
            return self.new_title
        if self.old_title and self.old_title != self.new_title:
            return f"nieuwe titel: {self.old_title} → {self.new_title}"
        return f"nieuwe titel: {self.new_title}"

    @property
    def title(self) -> str:
        """The heading in every format: "A3. Meer woningen", "A3.1. Subamendement op A3: Ook middenhuur"."""
        label = self.label
        if label.startswith(DRAFT_LABEL):
            label = f"Ontwerp {label.removeprefix(DRAFT_LABEL)}"
        if self.parent_label:
            return f"{label}. Subamendement op {self.parent_label}: {self.headline}"
        return f"{label}. {self.headline}"


@dataclass(frozen=True)
class BookSection:
    number: str  # "3.2", or "3" for proposed new sections in chapter 3
    title: str
    amendments: tuple[BookAmendment, ...]


@dataclass(frozen=True)
class AmendmentBook:
    meta: Meta
    sections: tuple[BookSection, ...]

    @property
    def count(self) -> int:
        return sum(len(s.amendments) for s in self.sections)


def _sort_key(number: str) -> tuple[int, ...]:
    return tuple(int(x) for x in number.split("."))


def amendment_book(session: Session, *, today=None,
                   progress: Callable[[str], None] = lambda message: None) -> AmendmentBook:
    """Every amendment per section; ``progress`` hears every 50 sections of a big book (comparing takes seconds)."""
    meta = _meta(session, None, today)
    amendments = session.scalars(
        sa.select(Amendment).options(selectinload(Amendment.party), _CONFIRMED_CO_PARTIES,
                                     selectinload(Amendment.base_revision), selectinload(Amendment.parent))
        .order_by(Amendment.created_at, Amendment.id)
    ).all()
    sections = {r.id: (f"{r.cpos}.{r.position}", r.title) for r in session.execute(
        sa.select(Section.id, Section.position, Section.title, Chapter.position.label("cpos"))
        .join(Chapter, Section.chapter_id == Chapter.id))}
    chapters = {c.id: (str(c.position), c.title) for c in session.scalars(sa.select(Chapter))}
    revision_numbers = dict(session.execute(sa.select(Revision.id, Revision.number)).all())
    # The title a retitling change was written against: its base's in the latest round that carried it.
    round_titles = dict(session.execute(
        sa.select(RoundSection.revision_id, RoundSection.title).join(Round, RoundSection.round_id == Round.id)
        .order_by(Round.number)).all())
    support = amendment_support(session, [a.id for a in amendments])
    votes = {amendment_id: book_vote(result) for amendment_id, result in amendment_results(session).items()}

    # A new section accepted from an amendment is the amendment's own result,
    # so it is listed where it was proposed: as a new section in its chapter.
    groups: dict[tuple[str, str], list[Amendment]] = defaultdict(list)
    for a in amendments:
        if a.kind == AmendmentKind.NEW_SECTION:
            number, title = chapters[a.chapter_id]
            groups[(number, f"Nieuwe hoofdlijnen in hoofdstuk {number}. {title}")].append(a)
        else:
            groups[sections[a.section_id]].append(a)
    ordered = sorted(groups, key=lambda k: (_sort_key(k[0]), len(k[0])))
    for key in ordered:
        groups[key].sort(key=_book_order)
    # The numbers the griffie gave; one not submitted yet has none, and is
    # referred to as a draft (ontwerp-1, …) within this book only.
    labels: dict[uuid.UUID, str] = {}
    for key in ordered:
        for a in groups[key]:
            labels[a.id] = a.label or f"{DRAFT_LABEL}{sum(1 for v in labels.values() if v.startswith(DRAFT_LABEL)) + 1}"

    book_sections = []
    for done, key in enumerate(ordered):
        if len(ordered) > 100 and done % 50 == 0:
            progress(Step(tr("amendementen vergelijken: hoofdlijn {done} van {total}…").format(
                done=done + 1, total=len(ordered)), done, len(ordered)))
        conflicts = _conflicts(groups[key])
        items = []
        for a in groups[key]:
            base = a.base_text
            new = "" if a.kind == AmendmentKind.DELETE else a.proposed_text
            change = diffing.diff(base, new)
            found = diffing.lines_of_diff(base, change)
            vote = votes.get(a.id)
            # A decision taken by the vote has the vote as its note: printed once, as the vote.
            note = "" if vote is not None and a.decision_note == vote.sentence else a.decision_note
            items.append(BookAmendment(
                a.id, labels[a.id], a.kind, a.party.short_name,
                tuple(p.short_name for p in a.confirmed_co_parties), a.headline, a.explanation,
                STATUS_LABELS[a.status], note,
                revision_numbers.get(a.base_revision_id), a.proposed_title, support[a.id],
                change, tuple(sorted((labels[o] for o in conflicts[a.id]), key=_label_order)),
                a.party.name, a.submitted_at or a.created_at,
                old_title=round_titles.get(a.base_revision_id, key[1]) if a.kind == AmendmentKind.MODIFY else "",
                lines=diffing.line_reference(*found, translated=False) if found else "",
                parent_label=a.parent.label if a.parent is not None else "", vote=vote))
        book_sections.append(BookSection(key[0], key[1], tuple(items)))
    return printable_data(AmendmentBook(meta, tuple(book_sections)))


def _book_order(a: Amendment) -> tuple:
    """By number, each subamendment right after its amendment; those without a number last, oldest first."""
    top = a.parent if a.parent is not None else a
    return (top.number is None, top.number or 0, top.created_at, str(top.id),
            a.parent is not None, a.number or 0, a.created_at)


def _label_order(label: str) -> tuple[int, ...]:
    digits = label[1:].split(".")
    return tuple(int(d) for d in digits) if all(d.isdigit() for d in digits) else (1 << 30,)


def _conflicts(amendments: list[Amendment]) -> dict[uuid.UUID, set[uuid.UUID]]:
    """Which amendments collide: those on the same base text whose changes overlap.

    The book names them beside each amendment, so a reader sees which cannot all be accepted.
    Subamendments collide only with each other, on their amendment's text.
    """
    found: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    by_base: dict[object, list[Amendment]] = defaultdict(list)
    for a in amendments:
        if a.parent is not None:
            by_base[("parent", a.parent_id)].append(a)
        elif a.kind != AmendmentKind.NEW_SECTION and a.base_revision is not None:
            by_base[a.base_revision_id].append(a)
    for same_base in by_base.values():
        if len(same_base) < 2:
            continue
        base = diffing.BaseText(same_base[0].base_text)
        changes = [base.changes("" if a.kind == AmendmentKind.DELETE else a.proposed_text) for a in same_base]
        for i, j in diffing.conflicting_pairs(changes):
            found[same_base[i].id].add(same_base[j].id)
            found[same_base[j].id].add(same_base[i].id)
    return found
