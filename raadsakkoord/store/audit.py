"""The audit entry: appending to the audit log's hash chain, moving its head, and verifying the chain.

The head (``audit_head``) names the newest event. It moves in the same
transaction as every append, just before the commit and after the last
event's insert.

Every action appends to the one chain, so two actions at the same moment
would both take the same next number and the second would fail on it, even
when they changed unrelated things. On PostgreSQL the first append of a
transaction therefore waits for a transaction-scoped advisory lock, and only
then reads the chain's tip: appends queue up behind each other and each
one links to the event committed just before it. The lock is released by
the commit; operations append at their end, so it is held for the append and
little else. SQLite needs no such lock: its single writer already
serialises the transactions.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from raadsakkoord.base.actor import Actor

from raadsakkoord.base.canonical import canonical_json
from raadsakkoord.base.clock import now
from raadsakkoord.base.i18n import tr, trn
from raadsakkoord.model import AuditAnchor, AuditEvent, AuditHead

GENESIS = "0" * 64


def event_hash(seq: int, at: dt.datetime, actor: str, party_id: uuid.UUID | None, action: str,
               payload: str, prev_hash: str) -> str:
    at_text = at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    material = canonical_json([seq, at_text, actor, str(party_id) if party_id else None, action, payload, prev_hash])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _last_event(session: Session) -> tuple[int, str]:
    cached = session.info.get("audit_tip")
    if cached is not None:
        return cached
    row = session.execute(
        sa.select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    return (row.seq, row.hash) if row else (0, GENESIS)


# Any fixed number names the lock; this one spells "audit" in ASCII.
AUDIT_LOCK_KEY = 0x6175646974
_TAKE_AUDIT_LOCK = sa.select(sa.func.pg_advisory_xact_lock(AUDIT_LOCK_KEY))


def queue_for_append(session: Session) -> None:
    """Wait until no other transaction is appending; held until this one ends.

    An operation that must see every earlier action before it decides (the
    next round's number) calls it first; the rest get it with their first event.
    """
    if "audit_tip" in session.info or "audit_queued" in session.info:
        return  # the lock is ours already
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(_TAKE_AUDIT_LOCK)
    session.info["audit_queued"] = True


def record(session: Session, *, at: dt.datetime, actor: str, party_id: uuid.UUID | None,
           action: str, payload: dict) -> AuditEvent:
    """Append one event; the caller's transaction makes it permanent with the change itself."""
    queue_for_append(session)
    seq, prev = _last_event(session)
    payload_text = canonical_json(payload)
    seq += 1
    digest = event_hash(seq, at, actor, party_id, action, payload_text, prev)
    event = AuditEvent(seq=seq, at=at, actor=actor, party_id=party_id, action=action,
                       payload=payload_text, prev_hash=prev, hash=digest)
    session.add(event)
    # Within one transaction we are the only appender (the lock, or SQLite's
    # single writer), so the tip can be remembered for the next event.
    session.info["audit_tip"] = session.info["audit_head_due"] = (seq, digest)
    return event


def log(session: Session, actor: Actor, action: str, **payload) -> AuditEvent:
    """Append the audit entry of one action: who, when, what, and a small payload of ids and values.

    On a shared database the person the server logged in is the one recorded,
    whoever the caller named (the database refuses any other name).
    """
    actor = session.info.get("authenticated", actor)
    return record(session, at=now(session), actor=actor.name, party_id=actor.party_id, action=action,
                  payload=payload)


def tip(session: Session) -> tuple[int, str]:
    """The newest event's number and hash as this transaction sees it (0 and the genesis hash if none)."""
    return _last_event(session)


def remember_anchor(session: Session, subject: str, seq: int, digest: str, *, issued: bool,
                    holder: str = "") -> None:
    """Keep a point of a chain that went out (``issued``, ours) or came in (from ``holder``)."""
    session.add(AuditAnchor(subject=subject, issued=issued, holder=holder, seq=seq, hash=digest,
                            recorded_at=now(session)))


def read_head(session: Session) -> AuditHead | None:
    return session.get(AuditHead, 1)


# Built once: building a statement costs more than running it.
_HEAD = AuditHead.__table__
_MOVE_HEAD = _HEAD.update().where(_HEAD.c.id == 1).values(seq=sa.bindparam("new_seq"),
                                                           hash=sa.bindparam("new_hash"))
_FIRST_HEAD = _HEAD.insert().values(id=1, seq=sa.bindparam("new_seq"), hash=sa.bindparam("new_hash"),
                                    verified_from=1)


@sa.event.listens_for(Session, "before_commit")
def _move_head(session: Session) -> None:
    # Once per transaction, after its last event is written: an import
    # appends hundreds, and the head row is locked only from here to commit.
    if "audit_head_due" not in session.info:
        return
    session.flush()
    due = session.info.pop("audit_head_due")
    values = {"new_seq": due[0], "new_hash": due[1]}
    connection = session.connection()
    if connection.execute(_MOVE_HEAD, values).rowcount == 0:
        # A workspace made by this version: every event carries what is verified.
        connection.execute(_FIRST_HEAD, values)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    broken_at: int | None = None
    message: str = ""


def verify_chain(session: Session, *, batch: int = 5000,
                 each: Callable[[AuditEvent], None] | None = None) -> ChainReport:
    """Recompute every hash in order; report the first event that does not match.

    ``each`` sees every event found intact, in order, within the same single read.
    """
    prev = GENESIS
    expected_seq = 1
    count = 0
    query = sa.select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=batch)
    # closing(): an early return must not leave PostgreSQL's server-side cursor open.
    with contextlib.closing(session.scalars(query)) as events:
        for event in events:
            if event.seq != expected_seq:
                return ChainReport(False, count, event.seq,
                                   tr("Gebeurtenis {seq} ontbreekt in het logboek.").format(seq=expected_seq))
            digest = event_hash(event.seq, event.at, event.actor, event.party_id, event.action,
                                event.payload, event.prev_hash)
            if event.prev_hash != prev or digest != event.hash:
                return ChainReport(False, count, event.seq,
                                   tr("Gebeurtenis {seq} in het logboek is gewijzigd of verplaatst.").format(
                                       seq=event.seq))
            if each is not None:
                each(event)
            prev = event.hash
            expected_seq += 1
            count += 1
    return ChainReport(True, count, None, trn("Het logboek is intact ({count} gebeurtenis).",
                                              "Het logboek is intact ({count} gebeurtenissen).", count).format(
                                                  count=count))


@sa.event.listens_for(Session, "after_transaction_end")
def _forget_tip(session: Session, transaction) -> None:
    # The remembered tip is only valid inside the transaction that wrote it;
    # flushes end sub-transactions of their own, which must not clear it.
    if transaction.parent is None:
        session.info.pop("audit_tip", None)
        session.info.pop("audit_head_due", None)
        session.info.pop("audit_queued", None)
