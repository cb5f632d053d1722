"""What a workspace knows about exchanging packages: trusted keys and packages seen."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from raadsakkoord.model.base import Base


class TrustedKey(Base):
    """A public key this workspace accepts signatures from (or signs with: ``own``).

    ``holder`` is ``griffie`` or ``party:<uuid>``. No foreign keys: a party's
    workspace registers the griffie's key before the first round package has
    brought the agreement and its parties.
    """

    __tablename__ = "trusted_key"
    __table_args__ = (sa.UniqueConstraint("agreement_id", "holder", name="uq_trusted_key_holder"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    agreement_id: Mapped[uuid.UUID]
    holder: Mapped[str] = mapped_column(sa.String(60))
    name: Mapped[str] = mapped_column(sa.String(120))
    public_key: Mapped[str] = mapped_column(sa.String(64))  # base64 of the raw 32 bytes
    fingerprint: Mapped[str] = mapped_column(sa.String(80))
    own: Mapped[bool] = mapped_column(default=False)
    registered_at: Mapped[dt.datetime]


class PackageRecord(Base):
    """A package written or read by this workspace; makes import idempotent and ordered."""

    __tablename__ = "package_record"

    package_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(sa.String(3))  # "in" or "out"
    kind: Mapped[str] = mapped_column(sa.String(10))  # "round" or "party"
    sender: Mapped[str] = mapped_column(sa.String(60), index=True)  # holder of the signing key
    sequence: Mapped[int]
    base_round: Mapped[int | None]
    created_at: Mapped[dt.datetime]
    recorded_at: Mapped[dt.datetime]
    sha256: Mapped[str] = mapped_column(sa.String(64))
    summary: Mapped[str] = mapped_column(sa.Text, default="")
