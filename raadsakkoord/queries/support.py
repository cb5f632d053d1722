"""Seat-weighted support for sections and amendments.

Only a position on the section's *current* text counts. A position given on
an older revision is stale: reported, so the party can confirm it, but its
seats count as silent until it does. Counting it would claim support for
words the party has not seen.
"""

from __future__ import annotations

import functools
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from raadsakkoord.model import Agreement, Endorsement, Party, Position, Section


@dataclass(frozen=True)
class PartyPosition:
    party_id: uuid.UUID
    short_name: str
    seats: int
    position: Position | None  # None: silent
    minority_position: str = ""
    stale: bool = False  # given on an older text; not counted


@dataclass(frozen=True)
class Tally:
    council_seats: int
    broad_share: float
    positions: tuple[PartyPosition, ...] = field(default=())

    def _seats(self, position: Position | None) -> int:
        return sum(p.seats for p in self._grouped.get(position, ()))

    @functools.cached_property
    def _grouped(self) -> dict[Position | None, list[PartyPosition]]:
        # The parties per counted position, once: a book of thousands of amendments asks each tally many times.
        grouped: dict[Position | None, list[PartyPosition]] = defaultdict(list)
        for p in self.positions:
            grouped[self._counted(p)].append(p)
        return dict(grouped)

    @staticmethod
    def _counted(p: PartyPosition) -> Position | None:
        return None if p.stale else p.position

    @property
    def support_seats(self) -> int:
        return self._seats(Position.SUPPORT)

    @property
    def oppose_seats(self) -> int:
        return self._seats(Position.OPPOSE)

    @property
    def abstain_seats(self) -> int:
        return self._seats(Position.ABSTAIN)

    @property
    def silent_seats(self) -> int:
        """Seats of parties without a current position (including stale ones and vacant seats)."""
        return self.council_seats - self.support_seats - self.oppose_seats - self.abstain_seats

    @property
    def support_share(self) -> float:
        return self.support_seats / self.council_seats if self.council_seats else 0.0

    @property
    def has_majority(self) -> bool:
        """More than half of all council seats support it."""
        return 2 * self.support_seats > self.council_seats

    @property
    def has_broad_support(self) -> bool:
        # Compare in integers where possible: 22 of 33 is exactly two thirds.
        return self.support_seats >= self.broad_share * self.council_seats - 1e-9

    def parties(self, position: Position | None) -> list[PartyPosition]:
        return list(self._grouped.get(position, ()))

    @property
    def stale(self) -> list[PartyPosition]:
        return [p for p in self.positions if p.stale]

    @property
    def minority_positions(self) -> list[PartyPosition]:
        return [p for p in self.positions if p.minority_position and not p.stale]

    def as_dict(self) -> dict:
        def names(position):
            return [p.short_name for p in self.parties(position)]

        return {
            "support": {"parties": names(Position.SUPPORT), "seats": self.support_seats},
            "oppose": {"parties": names(Position.OPPOSE), "seats": self.oppose_seats},
            "abstain": {"parties": names(Position.ABSTAIN), "seats": self.abstain_seats},
            "silent": {"parties": names(None), "seats": self.silent_seats},
            "stale": [{"party": p.short_name, "position": p.position.value} for p in self.stale],
            "support_share": round(self.support_share, 4),
            "majority": self.has_majority,
            "broad_support": self.has_broad_support,
        }


class _Tallies:
    """Builds tallies for many targets; a silent party's entry is made once and shared (it is frozen)."""

    def __init__(self, agreement: Agreement, parties: list[Party]) -> None:
        self._seats = agreement.council_seats
        self._share = agreement.broad_support_share
        self._silent = [(p.id, PartyPosition(p.id, p.short_name, p.seats, None)) for p in parties]

    def __call__(self, found: dict[uuid.UUID, tuple]) -> Tally:
        positions = tuple(
            silent if (given := found.get(party_id)) is None
            else PartyPosition(party_id, silent.short_name, silent.seats, *given)
            for party_id, silent in self._silent)
        return Tally(self._seats, self._share, positions)


def _context(session: Session) -> tuple[Agreement, list[Party]]:
    agreement = session.scalars(sa.select(Agreement).limit(1)).one()
    parties = session.scalars(
        sa.select(Party).order_by(Party.seats.desc(), Party.short_name)
    ).all()
    return agreement, list(parties)


class _Ids:
    """Raw id values to UUIDs, each distinct value parsed once.

    Ten times a real agreement has 40,000 positions; letting the Uuid type
    parse four ids per row took most of a second, while only about a
    thousand distinct values occur (SQLite gives hex strings, PostgreSQL's
    driver UUID objects).
    """

    def __init__(self) -> None:
        self._seen: dict = {}

    def __call__(self, raw) -> uuid.UUID:
        found = self._seen.get(raw)
        if found is None:
            found = raw if isinstance(raw, uuid.UUID) else uuid.UUID(raw)
            self._seen[raw] = found
        return found


def _raw(column):
    return sa.type_coerce(column, sa.String)


def section_support(session: Session, section_ids: Iterable[uuid.UUID] | None = None) -> dict[uuid.UUID, Tally]:
    """Tallies for the given sections (all when None), in two queries."""
    agreement, parties = _context(session)
    query = sa.select(
        _raw(Endorsement.section_id).label("section_id"), _raw(Endorsement.party_id).label("party_id"),
        Endorsement.position, Endorsement.minority_position,
        (Endorsement.revision_id != Section.current_revision_id).label("stale"),
    ).join(Section, Endorsement.section_id == Section.id)
    ids = None if section_ids is None else list(section_ids)
    if ids is not None:
        query = query.where(Endorsement.section_id.in_(ids))
    found: dict[uuid.UUID, dict[uuid.UUID, tuple]] = defaultdict(dict)
    as_id = _Ids()
    # Core rows, not ORM ones: nothing here becomes an object, and the ORM layer doubled the time.
    session.flush()  # what the ORM's execute would have done first
    for row in session.connection().execute(query):
        found[as_id(row.section_id)][as_id(row.party_id)] = (row.position, row.minority_position, bool(row.stale))
    if ids is None:
        ids = list(session.scalars(sa.select(Section.id)))
    tally = _Tallies(agreement, parties)
    return {sid: tally(found.get(sid, {})) for sid in ids}


def amendment_support(session: Session, amendment_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Tally]:
    agreement, parties = _context(session)
    ids = list(amendment_ids)
    found: dict[uuid.UUID, dict[uuid.UUID, tuple]] = defaultdict(dict)
    for chunk_start in range(0, len(ids), 500):  # stay under bound-parameter limits
        chunk = ids[chunk_start:chunk_start + 500]
        query = sa.select(Endorsement.amendment_id, Endorsement.party_id, Endorsement.position,
                          Endorsement.minority_position).where(Endorsement.amendment_id.in_(chunk))
        for row in session.execute(query):
            found[row.amendment_id][row.party_id] = (row.position, row.minority_position, False)
    tally = _Tallies(agreement, parties)
    return {aid: tally(found.get(aid, {})) for aid in ids}
