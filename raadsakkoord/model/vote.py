"""The council's votes (stemmingen) in a meeting, and the order the griffie puts them in."""

from __future__ import annotations

import datetime as dt
import enum
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsakkoord.model.agreement import Party
from raadsakkoord.model.base import Base, enum_column


class VoteSubject(enum.StrEnum):
    """What the council votes on."""

    AMENDMENT = "amendment"
    SECTION = "section"
    AGREEMENT = "agreement"


class VoteOutcome(enum.StrEnum):
    """The majority of the votes cast decides; a tie decides nothing (staking van stemmen)."""

    ADOPTED = "adopted"
    REJECTED = "rejected"
    TIED = "tied"


class Vote(Base):
    """One vote of the council, as recorded by the griffie: never changed afterwards.

    A re-vote (after a tie) is a new record; the latest one on an item is its
    result. The counts are kept as they were cast, with the seats each party
    had then, so a later change of seats or members does not rewrite history.
    """

    __tablename__ = "vote"
    __table_args__ = (
        sa.CheckConstraint("votes_for >= 0 AND votes_against >= 0 AND absent >= 0", name="counts_not_negative"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    agreement_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("agreement.id"))
    subject: Mapped[VoteSubject] = mapped_column(enum_column(VoteSubject, "vote_subject"))
    amendment_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("amendment.id"), index=True)
    section_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("section.id"), index=True)
    outcome: Mapped[VoteOutcome] = mapped_column(enum_column(VoteOutcome, "vote_outcome"))
    votes_for: Mapped[int]
    votes_against: Mapped[int]
    absent: Mapped[int]
    # The date of the council meeting (raadsvergadering), when the griffie gives it.
    meeting: Mapped[dt.date | None] = mapped_column(sa.Date)
    held_at: Mapped[dt.datetime]
    recorded_by: Mapped[str] = mapped_column(sa.String(120))

    parties: Mapped[list[VoteParty]] = relationship(
        back_populates="vote", order_by="VoteParty.position", cascade="all, delete-orphan")


class VoteParty(Base):
    """How one party voted in a vote: its stance, and its members who voted otherwise or were absent."""

    __tablename__ = "vote_party"

    vote_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("vote.id"), primary_key=True)
    party_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("party.id"), primary_key=True)
    # The order the parties are listed in (largest first, as the council lists them).
    position: Mapped[int]
    # "for" or "against"; empty when every member of the party was absent.
    stance: Mapped[str] = mapped_column(sa.String(8))
    seats: Mapped[int]
    votes_for: Mapped[int]
    votes_against: Mapped[int]
    # Names, as JSON: ["Anna Jansen"], and [["Piet de Vries", "against"]].
    absent_members: Mapped[str] = mapped_column(sa.Text, default="[]")
    split_members: Mapped[str] = mapped_column(sa.Text, default="[]")

    vote: Mapped[Vote] = relationship(back_populates="parties")
    party: Mapped[Party] = relationship()


class VoteOrderEntry(Base):
    """The griffie's own place for an item in the voting order; items without one keep their suggested place."""

    __tablename__ = "vote_order"

    # "amendment:<id>", "section:<id>" or "agreement".
    item: Mapped[str] = mapped_column(sa.String(60), primary_key=True)
    position: Mapped[int]
