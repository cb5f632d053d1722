"""The append-only audit log."""

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
