"""Uitwerkingsopdrachten: work for the college that follows from sections."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from raadsakkoord.model.agreement import Party, Section
from raadsakkoord.model.base import Base, ParticipationLevel, TaskStatus, enum_column

task_section = sa.Table(
    "task_section",
    Base.metadata,
    sa.Column("task_id", sa.Uuid, sa.ForeignKey("task.id"), primary_key=True),
    sa.Column("section_id", sa.Uuid, sa.ForeignKey("section.id"), primary_key=True),
)


class Task(Base):
    __tablename__ = "task"
    __table_args__ = (sa.CheckConstraint("budget_eur >= 0", name="budget_not_negative"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    agreement_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("agreement.id"))
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    portfolio_holder: Mapped[str] = mapped_column(sa.String(120), default="")
    participation_level: Mapped[ParticipationLevel] = mapped_column(
        enum_column(ParticipationLevel, "participation_level")
    )
    stakeholders: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    due_date: Mapped[dt.date | None]
    # Whole euros: agreements state budgets as estimates, never to the cent.
    budget_eur: Mapped[int | None]
    status: Mapped[TaskStatus] = mapped_column(
        enum_column(TaskStatus, "task_status"), default=TaskStatus.PROPOSED
    )
    proposed_by_party_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("party.id"))
    created_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(default=1)

    sections: Mapped[list[Section]] = relationship(secondary=task_section)
    proposed_by: Mapped[Party | None] = relationship()

    __mapper_args__ = {"version_id_col": version}
