"""The group roles of a shared PostgreSQL database, and the party each one stands for."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from raadsakkoord.model.base import Base

# The kinds of group: a person's login is a member of exactly one griffie,
# party or reader group; every party group is itself a member of the
# "parties" group, which holds what all parties may do.
GRIFFIE_GROUP = "griffie"
PARTY_GROUP = "party"
READER_GROUP = "reader"
PARTIES_GROUP = "parties"


class LoginGroup(Base):
    """One group role of the database server that people's logins are put in.

    Filled on PostgreSQL only (by the migration and by a trigger on ``party``,
    which the application's own users cannot write): a SQLite workspace has
    no logins, and this table stays empty there.
    """

    __tablename__ = "login_group"

    role_name: Mapped[str] = mapped_column(sa.String(63), primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(10))
    party_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("party.id"), unique=True)
