"""The council's voting order (stemvolgorde) and the result of each vote.

The suggested order follows the rules of order: a subamendment before its
amendment; among the amendments on one section the furthest-reaching first;
then the section itself; the whole agreement last.

"Furthest-reaching" is measured on the text: deleting the section reaches
furthest of all; a modification reaches as far as the stretch of text it
changes, from its first changed word to its last, counted in words of the
text it replaces plus words of the text it puts in. An amendment rewriting a
whole paragraph so comes before one changing a word in it, and one changing
a word at the start and one at the end comes before one changing the middle
sentence only: the council first decides the broadest question. Equal reach
goes by number. Subamendments on one amendment are ordered the same way,
measured against the amendment's text.

The griffie may change the order; the changed places are kept
(``vote_order``) and an item without one keeps its suggested place among them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from raadsakkoord.base.errors import NotFound
from raadsakkoord.base.i18n import tr
from raadsakkoord.model import (
    Agreement,
    AgreementStatus,
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Chapter,
    Party,
    Revision,
    Section,
    SectionStatus,
    Vote,
    VoteOrderEntry,
    VoteParty,
    VoteSubject,
    amendment_label,
)
from raadsakkoord.queries.lookup import amendment_by_label

AMENDMENT, SECTION, AGREEMENT = "amendment", "section", "agreement"
FOR, AGAINST = "for", "against"


@dataclass(frozen=True, slots=True)  # slots: an order holds tens of thousands, made anew on every look
class VoteItem:
    """Something the council votes on."""

    kind: str  # "amendment" | "section" | "agreement"
    amendment_id: uuid.UUID | None
    section_id: uuid.UUID | None
    label: str  # "A3", "A3.1", "hoofdlijn 8.4", "het raadsakkoord"
    title: str  # the amendment's headline, the section's title, the agreement's title

    @property
    def key(self) -> str:
        """The item's name in the stored order: "amendment:<id>", "section:<id>" or "agreement"."""
        if self.kind == AMENDMENT:
            return f"{AMENDMENT}:{self.amendment_id}"
        if self.kind == SECTION:
            return f"{SECTION}:{self.section_id}"
        return AGREEMENT


@dataclass(frozen=True)
class PartyVote:
    short_name: str
    name: str
    colour: str
    seats: int
    votes_for: int
    votes_against: int
    absent: tuple[str, ...]
    split: tuple[tuple[str, str], ...]  # (member, "for" | "against")


@dataclass(frozen=True)
class VoteResult:
    item: VoteItem
    outcome: str  # "adopted" | "rejected" | "tied"
    votes_for: int
    votes_against: int
    absent: int
    parties: tuple[PartyVote, ...]
    held_at: dt.datetime
    meeting: dt.date | None


def reach(old: str, new: str) -> int:
    """How far a change from ``old`` to ``new`` reaches: the words from its first changed word to its last.

    Counted in the old text plus the new, so deleting or inserting a
    paragraph reaches as far as that paragraph is long.
    """
    shortest = min(len(old), len(new))
    prefix = _common(old, new, shortest, 1)
    suffix = _common(old, new, shortest - prefix, -1)
    # A word changed halfway counts whole: move a boundary inside a word to its start (or end).
    texts = (old, new)
    while prefix > 0 and not old[prefix - 1].isspace() and any(
            prefix < len(text) and not text[prefix].isspace() for text in texts):
        prefix -= 1
    while suffix > 0 and not old[len(old) - suffix].isspace() and any(
            len(text) - suffix > 0 and not text[len(text) - suffix - 1].isspace() for text in texts):
        suffix -= 1
    return len(old[prefix:len(old) - suffix].split()) + len(new[prefix:len(new) - suffix].split())


_BLOCK = 64


def _common(old: str, new: str, limit: int, direction: int) -> int:
    """How many characters the texts share from the start (direction 1) or the end (-1), at most ``limit``.

    Compared a block at a time: slices of a whole text would copy it over
    and over, and this runs for every open amendment.
    """
    found = 0
    if direction > 0:
        while found + _BLOCK <= limit and old[found:found + _BLOCK] == new[found:found + _BLOCK]:
            found += _BLOCK
        while found < limit and old[found] == new[found]:
            found += 1
        return found
    a, b = len(old), len(new)
    while found + _BLOCK <= limit and old[a - found - _BLOCK:a - found] == new[b - found - _BLOCK:b - found]:
        found += _BLOCK
    while found < limit and old[a - found - 1] == new[b - found - 1]:
        found += 1
    return found


# The reach of an amendment's text, by (id, version): its texts do not change
# without its version counter moving, and ranking 20,000 amendments anew on
# every move of the griffie would read and compare all their texts each time.
_REACHES: dict[tuple[uuid.UUID, int], int] = {}


def _reaches(session: Session, rows) -> dict[uuid.UUID, int]:
    """The reach of each row's amendment (id, version, kind, parent id), from memory where known."""
    # A subamendment's reach also depends on its amendment's text: measured anew (they are few).
    found = {row[0]: _REACHES[row[0], row[1]] for row in rows if row[3] is None and (row[0], row[1]) in _REACHES}
    wanted = [row for row in rows if row[0] not in found]
    if not wanted:
        return found
    parents = {row[3] for row in wanted if row[3] is not None}
    parent_texts = dict(_in(session, sa.select(Amendment.id, Amendment.proposed_text), Amendment.id, parents))
    base = aliased(Revision)
    texts = {r[0]: (r[1], r[2]) for r in _in(
        session, sa.select(Amendment.id, Amendment.proposed_text, base.text)
        .outerjoin(base, base.id == Amendment.base_revision_id), Amendment.id, {row[0] for row in wanted})}
    if len(_REACHES) > 200_000:
        _REACHES.clear()
    for amendment_id, version, kind, parent_id in wanted:
        text, base_text = texts[amendment_id]
        if parent_id is not None:
            size = reach(parent_texts.get(parent_id, ""), text)
        elif kind == AmendmentKind.NEW_SECTION:
            size = len(text.split())
        elif kind == AmendmentKind.DELETE:
            size = len((base_text or "").split())
        else:
            size = reach(base_text or "", text)
        found[amendment_id] = size
        if parent_id is None:
            _REACHES[amendment_id, version] = size
    return found


def _in(session: Session, query, column, ids):
    ids = list(ids)
    for start in range(0, len(ids), 500):  # stay under bound-parameter limits
        yield from session.execute(query.where(column.in_(ids[start:start + 500])))


def _section_label(chapter_position: int, section_position: int) -> str:
    return tr("hoofdlijn {number}").format(number=f"{chapter_position}.{section_position}")


def agreement_item(session: Session) -> VoteItem:
    title = session.scalar(sa.select(Agreement.title).limit(1)) or ""
    return VoteItem(AGREEMENT, None, None, tr("het raadsakkoord"), title)


def suggested_order(session: Session) -> list[VoteItem]:
    """Every open item in the order the rules of order suggest (see the module's description)."""
    sections = session.execute(
        sa.select(Section.id, Section.title, Section.status, Chapter.id, Chapter.position, Section.position)
        .join(Section.chapter).order_by(Chapter.position, Section.position)).all()
    parent = aliased(Amendment)
    rows = session.execute(
        sa.select(Amendment.id, Amendment.number, Amendment.kind, Amendment.section_id, Amendment.chapter_id,
                  Amendment.headline, Amendment.parent_id, parent.number, Amendment.version)
        .outerjoin(parent, parent.id == Amendment.parent_id)
        .where(Amendment.status == AmendmentStatus.SUBMITTED)).all()
    reaches = _reaches(session, [(row[0], row[8], row[2], row[6]) for row in rows])

    by_section: dict[uuid.UUID, list] = {}
    new_in_chapter: dict[uuid.UUID, list] = {}
    subs: dict[uuid.UUID, list] = {}
    for amendment_id, number, kind, section_id, chapter_id, headline, parent_id, parent_number, _ in rows:
        item = VoteItem(AMENDMENT, amendment_id, section_id, amendment_label(number, parent_number), headline)
        size = reaches[amendment_id]
        if parent_id is not None:
            subs.setdefault(parent_id, []).append(((-size, number or 0), item))
        elif kind == AmendmentKind.NEW_SECTION:
            new_in_chapter.setdefault(chapter_id, []).append(((-size, number or 0), item))
        else:
            # Deleting the section reaches furthest of all, whatever its length.
            key = (0 if kind == AmendmentKind.DELETE else 1, -size, number or 0)
            by_section.setdefault(section_id, []).append((key, item))

    def with_subamendments(group: list) -> list[VoteItem]:
        ordered = []
        for _, item in sorted(group, key=lambda pair: pair[0]):
            ordered.extend(sub for _, sub in sorted(subs.pop(item.amendment_id, []), key=lambda pair: pair[0]))
            ordered.append(item)
        return ordered

    order: list[VoteItem] = []
    for index, (section_id, title, status, chapter_id, chapter_position, position) in enumerate(sections):
        order.extend(with_subamendments(by_section.pop(section_id, [])))
        if status == SectionStatus.PROPOSED:
            order.append(VoteItem(SECTION, None, section_id, _section_label(chapter_position, position), title))
        last_of_chapter = index + 1 == len(sections) or sections[index + 1][3] != chapter_id
        if last_of_chapter:
            order.extend(with_subamendments(new_in_chapter.pop(chapter_id, [])))
    # Proposals for a new section in a chapter without sections yet, then
    # what is left (amendments on a section no longer listed, subamendments
    # whose amendment is no longer open), by number.
    for group in new_in_chapter.values():
        order.extend(with_subamendments(group))
    for group in by_section.values():
        order.extend(with_subamendments(group))
    for group in subs.values():
        order.extend(item for _, item in sorted(group, key=lambda pair: pair[0]))
    status = session.scalar(sa.select(Agreement.status).limit(1))
    if status == AgreementStatus.DRAFTING:
        order.append(agreement_item(session))
    return order


def voting_order(session: Session) -> list[VoteItem]:
    """The open items in the order the griffie set, or as suggested where it set none."""
    return arranged(suggested_order(session), placed_items(session))


def placed_items(session: Session) -> dict[str, int]:
    """The griffie's places, by item key: only the items it put elsewhere than the suggestion."""
    return dict(session.execute(sa.select(VoteOrderEntry.item, VoteOrderEntry.position)).all())


def arranged(suggested: list[VoteItem], placed: dict[str, int]) -> list[VoteItem]:
    """The suggested order with the griffie's places applied.

    The items the griffie placed fill the places the suggestion gives them,
    among themselves in the griffie's order; the others keep their
    suggested place. So a new amendment appears where the rules put it
    without undoing the griffie's changes, and keeping only the items whose
    place differs from the suggestion is enough to give the whole order.
    """
    if not placed:
        return suggested
    slots = [index for index, item in enumerate(suggested) if item.key in placed]
    moved = sorted((suggested[index] for index in slots), key=lambda item: placed[item.key])
    order = list(suggested)
    for index, item in zip(slots, moved):
        order[index] = item
    return order


def _item_of_vote(session: Session, vote: Vote) -> VoteItem:
    if vote.subject == VoteSubject.AMENDMENT:
        return amendment_item(session, vote.amendment_id)
    if vote.subject == VoteSubject.SECTION:
        section = session.get(Section, vote.section_id)
        return VoteItem(SECTION, None, section.id, _section_label(section.chapter.position, section.position),
                        section.title)
    return agreement_item(session)


def latest_vote(session: Session, item: VoteItem) -> Vote | None:
    query = sa.select(Vote).where(Vote.subject == VoteSubject(item.kind))
    if item.kind == AMENDMENT:
        query = query.where(Vote.amendment_id == item.amendment_id)
    elif item.kind == SECTION:
        query = query.where(Vote.section_id == item.section_id)
    return session.scalars(query.order_by(Vote.held_at.desc()).limit(1)).first()


def result_of(session: Session, vote: Vote, item: VoteItem | None = None) -> VoteResult:
    rows = session.execute(
        sa.select(VoteParty, Party.short_name, Party.name, Party.colour)
        .join(Party, Party.id == VoteParty.party_id)
        .where(VoteParty.vote_id == vote.id).order_by(VoteParty.position)).all()
    parties = tuple(
        PartyVote(short_name, name, colour, row.seats, row.votes_for, row.votes_against,
                  tuple(json.loads(row.absent_members)),
                  tuple((member, choice) for member, choice in json.loads(row.split_members)))
        for row, short_name, name, colour in rows)
    return VoteResult(item or _item_of_vote(session, vote), vote.outcome.value, vote.votes_for,
                      vote.votes_against, vote.absent, parties, vote.held_at, vote.meeting)


def vote_result(session: Session, item: VoteItem) -> VoteResult | None:
    """The latest vote on the item (a re-vote after a tie replaces the tie), or None if it was not voted on."""
    vote = latest_vote(session, item)
    return result_of(session, vote, item) if vote is not None else None


def amendment_results(session: Session) -> dict[uuid.UUID, VoteResult]:
    """The latest vote on every amendment voted on, for the amendment book."""
    latest: dict[uuid.UUID, Vote] = {}
    for vote in session.scalars(sa.select(Vote).where(Vote.subject == VoteSubject.AMENDMENT)
                                .order_by(Vote.held_at)):
        latest[vote.amendment_id] = vote
    return {amendment_id: result_of(session, vote) for amendment_id, vote in latest.items()}


def item_by_label(session: Session, text: str) -> VoteItem:
    """The item the clerk names: "A3" or "A3.1", a section's number "8.4", or "raadsakkoord"; NotFound if none."""
    wanted = " ".join((text or "").split())
    if wanted.casefold() in ("raadsakkoord", "het raadsakkoord", tr("het raadsakkoord").casefold()):
        return agreement_item(session)
    match = _SECTION_NUMBER.fullmatch(wanted)
    if match is not None:
        section = session.execute(
            sa.select(Section.id, Section.title).join(Section.chapter)
            .where(Chapter.position == int(match[1]), Section.position == int(match[2]))).first()
        if section is None:
            raise NotFound(tr("Er is geen hoofdlijn {number}.").format(number=f"{match[1]}.{match[2]}"))
        return VoteItem(SECTION, None, section.id, _section_label(int(match[1]), int(match[2])), section.title)
    return amendment_item(session, amendment_by_label(session, wanted).id)


def amendment_item(session: Session, amendment_id: uuid.UUID) -> VoteItem:
    amendment = session.get(Amendment, amendment_id)
    if amendment is None:
        raise NotFound(tr("Onbekende {what}: {ident}").format(what=tr("amendement"), ident=amendment_id))
    return VoteItem(AMENDMENT, amendment.id, amendment.section_id, amendment.label, amendment.headline)


_SECTION_NUMBER = re.compile(r"(?:hoofdlijn\s*)?(\d{1,4})\.(\d{1,4})", re.IGNORECASE)
