"""The agreement, its parties, chapters, sections, revisions and rounds."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsakkoord.model.base import AgreementStatus, Base, SectionStatus, enum_column


class Agreement(Base):
    """The raadsakkoord being drafted; one per workspace."""

    __tablename__ = "agreement"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    municipality: Mapped[str] = mapped_column(sa.String(100))
    term: Mapped[str] = mapped_column(sa.String(40), default="")
    council_seats: Mapped[int]
    status: Mapped[AgreementStatus] = mapped_column(
        enum_column(AgreementStatus, "agreement_status"), default=AgreementStatus.DRAFTING
    )
    preamble: Mapped[str] = mapped_column(sa.Text, default="")
    # Residents must know whom to call: the griffie's contact goes on the cover.
    contact_name: Mapped[str] = mapped_column(sa.String(120), default="")
    contact_phone: Mapped[str] = mapped_column(sa.String(40), default="")
    contact_email: Mapped[str] = mapped_column(sa.String(200), default="")
    # Share of all council seats that counts as broad support (default two thirds).
    broad_support_share: Mapped[float] = mapped_column(default=2 / 3)
    created_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(default=1)

    parties: Mapped[list[Party]] = relationship(back_populates="agreement")
    chapters: Mapped[list[Chapter]] = relationship(
        back_populates="agreement", order_by="Chapter.position"
    )
    rounds: Mapped[list[Round]] = relationship(back_populates="agreement", order_by="Round.number")

    __mapper_args__ = {"version_id_col": version}


class Party(Base):
    """A fractie: a council party with its seats."""

    __tablename__ = "party"
    __table_args__ = (
        sa.UniqueConstraint("agreement_id", "short_name", name="uq_party_short_name"),
        sa.CheckConstraint("seats >= 0", name="seats_not_negative"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    agreement_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("agreement.id"))
    name: Mapped[str] = mapped_column(sa.String(120))
    short_name: Mapped[str] = mapped_column(sa.String(40))
    seats: Mapped[int]
    colour: Mapped[str] = mapped_column(sa.String(7), default="#777777")
    leader: Mapped[str] = mapped_column(sa.String(120), default="")
    contact: Mapped[str] = mapped_column(sa.String(200), default="")
    version: Mapped[int] = mapped_column(default=1)

    agreement: Mapped[Agreement] = relationship(back_populates="parties")
    members: Mapped[list[Member]] = relationship(
        back_populates="party", order_by="Member.position", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class Member(Base):
    """A council member (raadslid) of a party, by name.

    Names sign the formal amendment and let the griffie record a member who
    votes otherwise than the party or is absent. A party may have fewer names
    than seats (not yet entered); never more.
    """

    __tablename__ = "member"
    __table_args__ = (sa.UniqueConstraint("party_id", "name", name="uq_member_party_name"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    party_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("party.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    # The order the party gives: its leader (fractievoorzitter) first.
    position: Mapped[int]

    party: Mapped[Party] = relationship(back_populates="members")


class Chapter(Base):
    """A thema: a group of sections, ordered by position."""

    __tablename__ = "chapter"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    agreement_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("agreement.id"))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(sa.String(200))
    intro: Mapped[str] = mapped_column(sa.Text, default="")
    version: Mapped[int] = mapped_column(default=1)

    agreement: Mapped[Agreement] = relationship(back_populates="chapters")
    sections: Mapped[list[Section]] = relationship(
        back_populates="chapter", order_by="Section.position"
    )

    __mapper_args__ = {"version_id_col": version}


class Section(Base):
    """A hoofdlijn: the unit of amending and endorsing.

    Its text lives in immutable revisions; ``current_revision`` points at the
    one in force. Moving the pointer bumps the version counter, so two clerks
    revising the same section at once cannot silently overwrite each other.
    """

    __tablename__ = "section"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    chapter_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("chapter.id"), index=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(sa.String(200))
    status: Mapped[SectionStatus] = mapped_column(
        enum_column(SectionStatus, "section_status"), default=SectionStatus.PROPOSED
    )
    proposing_party_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("party.id"))
    current_revision_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("revision.id", use_alter=True)
    )
    created_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(default=1)

    chapter: Mapped[Chapter] = relationship(back_populates="sections")
    proposing_party: Mapped[Party | None] = relationship()
    current_revision: Mapped[Revision | None] = relationship(
        foreign_keys=[current_revision_id], post_update=True
    )
    revisions: Mapped[list[Revision]] = relationship(
        back_populates="section",
        foreign_keys="Revision.section_id",
        order_by="Revision.number",
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def number(self) -> str:
        """The displayed number, such as ``2.3`` (chapter 2, third section)."""
        return f"{self.chapter.position}.{self.position}"

    @property
    def text(self) -> str:
        return self.current_revision.text if self.current_revision else ""


class Revision(Base):
    """An immutable text of a section, hashed with SHA-256."""

    __tablename__ = "revision"
    __table_args__ = (sa.UniqueConstraint("section_id", "number", name="uq_revision_number"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    section_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("section.id"), index=True)
    number: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text)
    sha256: Mapped[str] = mapped_column(sa.String(64))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("revision.id"))
    author: Mapped[str] = mapped_column(sa.String(120))
    party_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("party.id"))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[dt.datetime]
    # The latest published round when this text was written (None before round 1).
    round_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("round.id"))

    section: Mapped[Section] = relationship(back_populates="revisions", foreign_keys=[section_id])
    parent: Mapped[Revision | None] = relationship(remote_side=[id])
    party: Mapped[Party | None] = relationship()


class Round(Base):
    """A conceptronde: a published, frozen snapshot of every section."""

    __tablename__ = "round"
    __table_args__ = (sa.UniqueConstraint("agreement_id", "number", name="uq_round_number"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    agreement_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("agreement.id"))
    number: Mapped[int]
    label: Mapped[str] = mapped_column(sa.String(80))
    is_final: Mapped[bool] = mapped_column(default=False)
    published_at: Mapped[dt.datetime]
    published_by: Mapped[str] = mapped_column(sa.String(120))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    # The audit event that published the round (None: published by an older
    # version, or received in a package): everything logged up to it is anchored.
    audit_seq: Mapped[int | None]
    audit_hash: Mapped[str | None] = mapped_column(sa.String(64))

    agreement: Mapped[Agreement] = relationship(back_populates="rounds")
    entries: Mapped[list[RoundSection]] = relationship(
        back_populates="round", order_by="(RoundSection.chapter_position, RoundSection.section_position)"
    )


class RoundSection(Base):
    """One section as it stood in a round: its revision, number and title then."""

    __tablename__ = "round_section"

    round_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("round.id"), primary_key=True)
    section_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("section.id"), primary_key=True)
    revision_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("revision.id"))
    chapter_position: Mapped[int]
    section_position: Mapped[int]
    chapter_title: Mapped[str] = mapped_column(sa.String(200))
    title: Mapped[str] = mapped_column(sa.String(200))
    status: Mapped[str] = mapped_column(sa.String(24))

    round: Mapped[Round] = relationship(back_populates="entries")
    section: Mapped[Section] = relationship()
    revision: Mapped[Revision] = relationship()

    @property
    def number(self) -> str:
        return f"{self.chapter_position}.{self.section_position}"
