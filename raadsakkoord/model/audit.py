"""The append-only audit log, its head and the anchors of it that others hold."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from raadsakkoord.model.base import Base


class AuditEvent(Base):
    """Who did what, when; each event's hash covers the previous one's.

    ``prev_hash`` is unique: two writers appending at once cannot both extend
    the same event, so a fork of the chain is refused by the database.
    """

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime]
    actor: Mapped[str] = mapped_column(sa.String(120))
    party_id: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(sa.String(60))
    # Canonical JSON (sorted keys, no spaces), exactly the bytes that were hashed.
    payload: Mapped[str] = mapped_column(sa.Text)
    prev_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    hash: Mapped[str] = mapped_column(sa.String(64))


class AuditHead(Base):
    """The newest event of the chain, kept apart from the chain itself.

    One row, moved in the transaction of every append. Removing the newest
    events leaves an intact but shorter chain; the head still names the
    event that is gone.
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(sa.String(64))
    # The first event written by a version that logs every value the
    # verification compares; what older events left out cannot be checked.
    verified_from: Mapped[int]


class AuditAnchor(Base):
    """A point of a chain (an event's number and hash) that went out in a round or a package.

    ``issued``: of this workspace's own chain, so a copy held by someone else
    vouches for it. Otherwise received from ``holder`` (the griffie or a
    party), and proof of that workspace's chain, not of this one.
    """

    __tablename__ = "audit_anchor"

    id: Mapped[int] = mapped_column(primary_key=True)
    # "round:<id>" or "package:<id>"
    subject: Mapped[str] = mapped_column(sa.String(80))
    issued: Mapped[bool]
    holder: Mapped[str] = mapped_column(sa.String(120), default="")
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(sa.String(64))
    recorded_at: Mapped[dt.datetime]
