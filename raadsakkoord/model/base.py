"""Declarative base, shared column types and the enumerations of the domain."""

from __future__ import annotations

import datetime as dt
import enum
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase

# Named constraints make Alembic batch migrations on SQLite reproducible.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(sa.types.TypeDecorator):
    """A moment in time, stored as naive UTC and read back as aware UTC.

    Naive storage keeps SQLite and PostgreSQL identical (no session time zone
    to leak in), which the audit chain needs: it hashes the stored value.
    """

    impl = sa.DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=dt.timezone.utc)


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        uuid.UUID: sa.Uuid(),
        dt.datetime: UtcDateTime(),
    }


def enum_column(enum_cls: type[enum.Enum], name: str) -> sa.Enum:
    """A portable enum: a short string column with a CHECK constraint, no native type."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class AgreementStatus(enum.StrEnum):
    DRAFTING = "drafting"
    ADOPTED = "adopted"


class SectionStatus(enum.StrEnum):
    PROPOSED = "proposed"
    ADOPTED = "adopted"
    WITHDRAWN = "withdrawn"
    REJECTED = "rejected"


class AmendmentKind(enum.StrEnum):
    MODIFY = "modify"
    NEW_SECTION = "new_section"
    DELETE = "delete"


class AmendmentStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly_accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    SUPERSEDED = "superseded"

    @property
    def is_open(self) -> bool:
        return self in (AmendmentStatus.DRAFT, AmendmentStatus.SUBMITTED)

    @property
    def is_decided(self) -> bool:
        return self in DECIDED_STATUSES


DECIDED_STATUSES = frozenset(
    {
        AmendmentStatus.ACCEPTED,
        AmendmentStatus.PARTLY_ACCEPTED,
        AmendmentStatus.REJECTED,
        AmendmentStatus.SUPERSEDED,
    }
)


class CoSubmissionState(enum.StrEnum):
    """Where a request to co-submit an amendment stands: only the asked party moves it on."""

    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    DECLINED = "declined"


class Position(enum.StrEnum):
    SUPPORT = "support"
    OPPOSE = "oppose"
    ABSTAIN = "abstain"


class ParticipationLevel(enum.StrEnum):
    """The participatieladder, lowest rung first."""

    INFORMEREN = "informeren"
    RAADPLEGEN = "raadplegen"
    ADVISEREN = "adviseren"
    COPRODUCEREN = "coproduceren"
    MEEBESLISSEN = "meebeslissen"


class TaskStatus(enum.StrEnum):
    PROPOSED = "proposed"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"
