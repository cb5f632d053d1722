"""Amendments and endorsements (steun)."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsakkoord.model.agreement import Chapter, Party, Revision, Section
from raadsakkoord.model.base import (
    AmendmentKind,
    AmendmentStatus,
    Base,
    CoSubmissionState,
    Position,
    enum_column,
)


class Amendment(Base):
    """A proposed change to one section: modify it, insert a new one, or delete it."""

    __tablename__ = "amendment"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    agreement_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("agreement.id"))
    kind: Mapped[AmendmentKind] = mapped_column(enum_column(AmendmentKind, "amendment_kind"))
    # The target; for a new section it is set when the amendment is accepted.
    section_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("section.id"), index=True)
    # Where a proposed new section goes.
    chapter_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("chapter.id"))
    base_revision_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("revision.id"))
    proposed_title: Mapped[str] = mapped_column(sa.String(200), default="")
    proposed_text: Mapped[str] = mapped_column(sa.Text, default="")
    headline: Mapped[str] = mapped_column(sa.String(200))
    explanation: Mapped[str] = mapped_column(sa.Text, default="")
    party_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("party.id"), index=True)
    author: Mapped[str] = mapped_column(sa.String(120))
    status: Mapped[AmendmentStatus] = mapped_column(
        enum_column(AmendmentStatus, "amendment_status"), default=AmendmentStatus.DRAFT
    )
    decision_note: Mapped[str] = mapped_column(sa.Text, default="")
    # Set when a new revision of the section collided with this amendment on
    # rebase: the party's text is kept as written, against its old base.
    needs_rework: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    # The number people use (A3; a subamendment's A3.1 is its parent's number
    # and this one): given when the amendment is submitted, never reused.
    number: Mapped[int | None]
    # A subamendment proposes a change to this amendment's text.
    parent_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("amendment.id"), index=True)
    decided_by: Mapped[str] = mapped_column(sa.String(120), default="")
    decided_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime]
    submitted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    section: Mapped[Section | None] = relationship()
    chapter: Mapped[Chapter | None] = relationship()
    base_revision: Mapped[Revision | None] = relationship()
    party: Mapped[Party] = relationship()
    co_submissions: Mapped[list[CoSubmission]] = relationship(
        back_populates="amendment", cascade="all, delete-orphan", order_by="CoSubmission.requested_at")
    parent: Mapped[Amendment | None] = relationship(remote_side=[id], back_populates="subamendments")
    subamendments: Mapped[list[Amendment]] = relationship(back_populates="parent", order_by="Amendment.number")

    __mapper_args__ = {"version_id_col": version}

    @property
    def label(self) -> str:
        """"A3", or "A3.1" for a subamendment; empty until it has a number."""
        return amendment_label(self.number, self.parent.number if self.parent is not None else None)

    @property
    def base_text(self) -> str:
        """The text it changes: its section's revision, or for a subamendment its amendment's current text."""
        if self.parent is not None:
            return self.parent.proposed_text
        return self.base_revision.text if self.base_revision is not None else ""

    @property
    def confirmed_co_parties(self) -> list[Party]:
        """The co-submitters who confirmed it themselves: the only ones anything published names."""
        return [c.party for c in self.co_submissions if c.state == CoSubmissionState.CONFIRMED]


def amendment_label(number: int | None, parent_number: int | None = None) -> str:
    """The label of an amendment's number, for lists that read the numbers without loading the rows."""
    if number is None:
        return ""
    if parent_number is not None:
        return f"A{parent_number}.{number}"
    return f"A{number}"


class CoSubmission(Base):
    """A party the submitting party named as co-submitter (mede-indiener) of its amendment.

    Naming a party is only a request: a party's name goes under an amendment
    when that party itself confirms it, in the application or in its own
    signed package. An answer (confirmed or declined) is for the wording it
    was given on; when the submitting party changes that wording the answer
    lapses and the request stands again.
    """

    __tablename__ = "co_submission"

    amendment_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("amendment.id"), primary_key=True)
    party_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("party.id"), primary_key=True, index=True)
    state: Mapped[CoSubmissionState] = mapped_column(
        enum_column(CoSubmissionState, "co_submission_state"), default=CoSubmissionState.REQUESTED)
    requested_by: Mapped[str] = mapped_column(sa.String(120))
    # When the current request was made; renewed when an answer lapses, so an
    # answer can be matched to the request it was given on.
    requested_at: Mapped[dt.datetime]
    answered_by: Mapped[str] = mapped_column(sa.String(120), default="")
    answered_at: Mapped[dt.datetime | None]

    amendment: Mapped[Amendment] = relationship(back_populates="co_submissions")
    party: Mapped[Party] = relationship()


class Endorsement(Base):
    """A party's current position on a section (tied to a revision) or on an amendment.

    One row per party and target: a new position replaces the old one. A
    section endorsement whose revision is no longer the section's current one
    is stale: shown, but not counted, until the party confirms it again.
    """

    __tablename__ = "endorsement"
    __table_args__ = (
        sa.UniqueConstraint("party_id", "section_id", name="uq_endorsement_party_section"),
        sa.UniqueConstraint("party_id", "amendment_id", name="uq_endorsement_party_amendment"),
        sa.CheckConstraint(
            "(section_id IS NOT NULL AND revision_id IS NOT NULL AND amendment_id IS NULL)"
            " OR (section_id IS NULL AND revision_id IS NULL AND amendment_id IS NOT NULL)",
            name="one_target",
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    party_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("party.id"))
    section_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("section.id"), index=True)
    revision_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("revision.id"))
    amendment_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("amendment.id"), index=True
    )
    position: Mapped[Position] = mapped_column(enum_column(Position, "position"))
    minority_position: Mapped[str] = mapped_column(sa.Text, default="")
    author: Mapped[str] = mapped_column(sa.String(120))
    given_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(default=1)

    party: Mapped[Party] = relationship()
    section: Mapped[Section | None] = relationship()
    revision: Mapped[Revision | None] = relationship()
    amendment: Mapped[Amendment | None] = relationship()

    __mapper_args__ = {"version_id_col": version}
