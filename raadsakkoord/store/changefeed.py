"""What other windows changed in the workspace: what a commit tells, and how it is told.

The audit log is the change counter: every action that changes what a
window shows appends events naming the ids it touched (section, amendment,
chapter, party, round, task). So nothing new is written to tell others:

- on PostgreSQL each transaction that appended events sends one
  ``NOTIFY`` with a ``Change`` (who, when, which ids) just before its
  commit; PostgreSQL delivers it only when the commit succeeds, and a
  channel belongs to one database, which is one workspace;
- on SQLite the listener notices the commit and reads the new events
  itself (``raadsakkoord.store.listeners``).

Each open workspace has an ``Origin``: its own commits are left out of
what its listener reports, because the window that acted has already
refreshed what it changed.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from raadsakkoord.model import AuditEvent

CHANNEL = "raadsakkoord_changes"
# NOTIFY refuses a payload of 8000 bytes or more; a change naming more ids than fit says "everything".
PAYLOAD_LIMIT = 7900

KINDS = ("sections", "amendments", "chapters", "parties", "rounds", "tasks")
# The audit payload's key for each kind: one id, or (confirm_endorsements) a list of them.
_PAYLOAD_KEYS = {"section": "sections", "sections": "sections", "amendment": "amendments",
                 "chapter": "chapters", "party": "parties", "round": "rounds", "task": "tasks"}
# Actions that change too much to list: every view reloads. A party's seats count in every section's support.
_EVERYTHING = frozenset({"create_agreement", "update_agreement", "import_markdown_draft", "import_party_package",
                         "import_round_package", "publish_round", "add_party", "update_party"})


@dataclass(frozen=True)
class Change:
    """What one or more committed actions of others touched, coalesced."""

    seq: int = 0  # the newest audit event it covers
    actors: tuple[str, ...] = ()
    at: dt.datetime | None = None
    everything: bool = False
    sections: frozenset[uuid.UUID] = frozenset()
    amendments: frozenset[uuid.UUID] = frozenset()
    chapters: frozenset[uuid.UUID] = frozenset()
    parties: frozenset[uuid.UUID] = frozenset()
    rounds: frozenset[uuid.UUID] = frozenset()
    tasks: frozenset[uuid.UUID] = frozenset()

    def __bool__(self) -> bool:
        return self.everything or any(getattr(self, kind) for kind in KINDS) or bool(self.actors)

    def merge(self, other: Change) -> Change:
        actors = self.actors + tuple(a for a in other.actors if a not in self.actors)
        ats = [a for a in (self.at, other.at) if a is not None]
        return Change(seq=max(self.seq, other.seq), actors=actors, at=max(ats) if ats else None,
                      everything=self.everything or other.everything,
                      **{kind: getattr(self, kind) | getattr(other, kind) for kind in KINDS})

    def to_payload(self, origin: str = "") -> str:
        """Compact JSON under NOTIFY's limit: the ids are dropped for ``everything`` when they do not fit."""
        data: dict[str, Any] = {"o": origin, "seq": self.seq, "who": list(self.actors[:5]),
                                "at": self.at.isoformat() if self.at else None}
        if self.everything:
            data["all"] = 1
        else:
            data.update({kind: sorted(str(i) for i in getattr(self, kind)) for kind in KINDS if getattr(self, kind)})
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        if len(text.encode("utf-8")) <= PAYLOAD_LIMIT:
            return text
        return replace(self, everything=True, actors=self.actors[:1]).to_payload(origin)

    @classmethod
    def from_payload(cls, text: str) -> tuple[str, Change]:
        """The origin and the change; a payload that cannot be read means: reload everything."""
        try:
            data = json.loads(text)
            at = dt.datetime.fromisoformat(data["at"]) if data.get("at") else None
            ids = {kind: frozenset(uuid.UUID(i) for i in data.get(kind, ())) for kind in KINDS}
            return str(data.get("o", "")), cls(seq=int(data.get("seq", 0)), actors=tuple(data.get("who", ())),
                                               at=at, everything="all" in data, **ids)
        except (ValueError, TypeError, KeyError, AttributeError):
            return "", cls(everything=True)


def change_of_event(seq: int, at: dt.datetime | None, actor: str, action: str, payload: dict) -> Change:
    """What one audit event touched."""
    ids: dict[str, set[uuid.UUID]] = {kind: set() for kind in KINDS}
    for key, kind in _PAYLOAD_KEYS.items():
        values = payload.get(key)
        for value in values if isinstance(values, list) else [values]:
            try:
                ids[kind].add(uuid.UUID(str(value)))
            except ValueError:
                pass  # a round's number rather than its id (export_round_package): nothing on screen changed
    return Change(seq=seq, actors=(actor,), at=at, everything=action in _EVERYTHING,
                  **{kind: frozenset(values) for kind, values in ids.items()})


def coalesce(changes) -> Change | None:
    result = None
    for change in changes:
        result = change if result is None else result.merge(change)
    return result


@dataclass
class Origin:
    """One open workspace in this process: its id in notices, and the audit events it wrote itself."""

    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    written: deque = field(default_factory=lambda: deque(maxlen=10_000))

    def wrote(self, seq: int) -> bool:
        return seq in self.written


ORIGIN_KEY = "change_origin"
_EVENTS_KEY = "changed_events"


@event.listens_for(Session, "before_flush")
def _collect(session: Session, _context, _instances) -> None:
    events = [obj for obj in session.new if isinstance(obj, AuditEvent)]
    if events:
        session.info.setdefault(_EVENTS_KEY, []).extend(events)


@event.listens_for(Session, "before_commit")
def _notify(session: Session) -> None:
    session.flush()  # events still pending are collected by _collect
    events = session.info.get(_EVENTS_KEY)
    if not events or session.get_bind().dialect.name != "postgresql":
        return
    change = coalesce(change_of_event(e.seq, e.at, e.actor, e.action, json.loads(e.payload)) for e in events)
    origin = session.info.get(ORIGIN_KEY)
    session.connection().execute(sa.select(sa.func.pg_notify(CHANNEL, change.to_payload(origin.id if origin else ""))))


@event.listens_for(Session, "after_commit")
def _remember_own(session: Session) -> None:
    origin = session.info.get(ORIGIN_KEY)
    events = session.info.get(_EVENTS_KEY)
    if origin is not None and events:
        origin.written.extend(e.seq for e in events)


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(_EVENTS_KEY, None)
