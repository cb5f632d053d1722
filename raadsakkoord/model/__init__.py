"""The domain model: SQLAlchemy 2 typed ORM classes, named for what the council and the griffie talk about."""

from sqlalchemy import event
from sqlalchemy.orm import Mapper, object_session

from raadsakkoord.model.agreement import Agreement, Chapter, Member, Party, Revision, Round, RoundSection, Section
from raadsakkoord.model.amendment import Amendment, CoSubmission, Endorsement, amendment_label
from raadsakkoord.model.audit import AuditAnchor, AuditEvent, AuditHead
from raadsakkoord.model.autosave import Autosave
from raadsakkoord.model.exchange import PackageRecord, TrustedKey
from raadsakkoord.model.login import LoginGroup
from raadsakkoord.model.base import (
    DECIDED_STATUSES,
    AgreementStatus,
    AmendmentKind,
    AmendmentStatus,
    Base,
    CoSubmissionState,
    ParticipationLevel,
    Position,
    SectionStatus,
    TaskStatus,
)
from raadsakkoord.model.task import Task, task_section
from raadsakkoord.model.vote import Vote, VoteOrderEntry, VoteOutcome, VoteParty, VoteSubject

__all__ = [
    "DECIDED_STATUSES",
    "Agreement",
    "AgreementStatus",
    "Amendment",
    "AmendmentKind",
    "AmendmentStatus",
    "AuditAnchor",
    "AuditEvent",
    "AuditHead",
    "Autosave",
    "Base",
    "Chapter",
    "CoSubmission",
    "CoSubmissionState",
    "Endorsement",
    "LoginGroup",
    "Member",
    "PackageRecord",
    "ParticipationLevel",
    "Party",
    "Position",
    "Revision",
    "Round",
    "RoundSection",
    "Section",
    "SectionStatus",
    "Task",
    "TaskStatus",
    "TrustedKey",
    "Vote",
    "VoteOrderEntry",
    "VoteOutcome",
    "VoteParty",
    "VoteSubject",
    "amendment_label",
    "task_section",
]


class ImmutableRecordError(RuntimeError):
    """A bug: code tried to change a record that is immutable by design."""


def _refuse_update(mapper: Mapper, connection, target) -> None:
    # before_update also fires when only a relationship collection changed;
    # only a changed column is a change to the record itself.
    if object_session(target).is_modified(target, include_collections=False):
        raise ImmutableRecordError(f"{type(target).__name__} records are immutable")


def _refuse_delete(mapper: Mapper, connection, target) -> None:
    raise ImmutableRecordError(f"{type(target).__name__} records cannot be deleted")


# Revisions, published round snapshots, audit events and anchors, and votes are never changed or removed.
for _cls in (Revision, Round, RoundSection, AuditEvent, AuditAnchor, Vote, VoteParty):
    event.listen(_cls, "before_update", _refuse_update)
    event.listen(_cls, "before_delete", _refuse_delete)
