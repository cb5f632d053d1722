"""Unsaved editor content kept safe between explicit saves (crash recovery)."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from raadsakkoord.model.base import Base


class Autosave(Base):
    """What one person had typed in one editor, written every few seconds.

    Not a decision and not part of the agreement: it never travels in a
    package, is not audited (an audit event every few seconds would bury the
    real ones), and is removed once the person saves, sends or discards the
    draft. ``editor_key`` names the editor: ``amendment:<uuid>`` for an
    existing draft, ``modify:<section uuid>``, ``delete:<section uuid>`` or
    ``new_section:<chapter uuid>`` for one not saved yet.
    """

    __tablename__ = "autosave"
    __table_args__ = (sa.UniqueConstraint("owner", "editor_key", name="uq_autosave_owner_editor"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    # "griffie" or "party:<uuid>", and the person's name: one laptop may be shared.
    owner: Mapped[str] = mapped_column(sa.String(60))
    author: Mapped[str] = mapped_column(sa.String(120))
    editor_key: Mapped[str] = mapped_column(sa.String(80))
    content: Mapped[str] = mapped_column(sa.Text)  # JSON: the editor's fields
    saved_at: Mapped[dt.datetime]
