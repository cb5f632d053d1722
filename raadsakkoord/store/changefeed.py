"""What other windows changed in the workspace: told on commit, and heard by a listener without Qt.

The audit log is the change counter: every action that changes what a
window shows appends events naming the ids it touched (section, amendment,
chapter, party, round, task). So nothing new is written to tell others:

- on PostgreSQL each transaction that appended events sends one
  ``NOTIFY`` with a ``Change`` (who, when, which ids) just before its
  commit; PostgreSQL delivers it only when the commit succeeds, and a
  channel belongs to one database, which is one workspace;
- on SQLite, ``PRAGMA data_version`` on the listener's own connection
  changes when another connection commits (a few microseconds to ask), and
  only then are the events after the last one seen read, by primary key.

Each open workspace has an ``Origin``: its own commits are left out of
what its listener reports, because the window that acted has already
refreshed what it changed.
"""

from __future__ import annotations

import datetime as dt
import json
import select
import sqlite3
import threading
import time
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
# The listener's connection says who it is in pg_stat_activity: that is who is working in the database.
APPLICATION_PREFIX = "raadsakkoord:"
APPLICATION_NAME_LIMIT = 63  # PostgreSQL's NAMEDATALEN - 1, in bytes

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


_EVENTS_AFTER = "SELECT seq, at, actor, action, payload FROM audit_event WHERE seq > {} ORDER BY seq"


class ChangeListener:
    """Hears what others commit to one workspace; blocking calls, for a thread of their own.

    ``since`` is the newest audit event the window had seen when it loaded
    its views: what others committed between that and the moment the
    listener was ready is reported by the first ``wait``.
    """

    origin: Origin
    _last_seq: int

    def _catch_up(self, rows) -> Change | None:
        """The others' change in audit rows (seq, at, actor, action, payload) after the last one seen."""
        rows = [row for row in rows if row[0] > self._last_seq]
        if not rows:
            return None
        self._last_seq = rows[-1][0]
        return coalesce(change_of_event(seq, _as_utc(at), actor, action, json.loads(payload))
                        for seq, at, actor, action, payload in rows if not self.origin.wrote(seq))

    def wait(self, timeout: float) -> Change | None:
        """The others' changes since the last call, coalesced; None when nothing came within ``timeout``."""
        raise NotImplementedError

    def others(self) -> list[str]:
        """Who else has this workspace open now, as they call themselves; empty where that is not known."""
        return []

    def close(self) -> None:
        raise NotImplementedError


class SqliteListener(ChangeListener):
    """Polls ``PRAGMA data_version`` every ``interval`` seconds; reads new audit events only when it moved."""

    def __init__(self, path: str, origin: Origin, *, since: int | None = None, interval: float = 0.25) -> None:
        self.origin = origin
        self.interval = interval
        # Read-only, its own connection: data_version counts commits by every other connection.
        self._db = sqlite3.connect(f"{_file_uri(path)}?mode=ro", uri=True, timeout=2, check_same_thread=False)
        self._version = self._data_version()
        self._next_poll = 0.0
        newest = self._db.execute("SELECT coalesce(max(seq), 0) FROM audit_event").fetchone()[0]
        self._last_seq = newest if since is None else since
        self._pending = self._catch_up(self._db.execute(_EVENTS_AFTER.format("?"), (self._last_seq,)).fetchall())

    def _data_version(self) -> int:
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    def poll(self) -> Change | None:
        """One look: nothing, unless another connection committed since the last look."""
        pending, self._pending = self._pending, None
        version = self._data_version()
        if version == self._version:
            return pending
        self._version = version
        change = self._catch_up(self._db.execute(_EVENTS_AFTER.format("?"), (self._last_seq,)).fetchall())
        return coalesce(c for c in (pending, change) if c is not None)

    def wait(self, timeout: float) -> Change | None:
        deadline = time.monotonic() + timeout
        while True:
            now = time.monotonic()
            if now >= self._next_poll:  # one poll per interval, however the waits are cut
                self._next_poll = now + self.interval
                try:
                    change = self.poll()
                except sqlite3.OperationalError:
                    change = None  # locked for a moment by a writer on a network share: look again next time
                if change is not None:
                    return change
            if now >= deadline:
                return None
            time.sleep(max(0.0, min(self._next_poll, deadline) - now))

    def close(self) -> None:
        self._db.close()


class PostgresListener(ChangeListener):
    """LISTENs on its own connection; its application_name tells the others who is working here."""

    def __init__(self, url: sa.URL, origin: Origin, who: str, *, since: int | None = None) -> None:
        import psycopg

        self.origin = origin
        self._last_seq = since
        self._psycopg = psycopg
        self._conninfo = sa.URL.create("postgresql", username=url.username, password=url.password, host=url.host,
                                       port=url.port, database=url.database, query=url.query).render_as_string(
                                           hide_password=False)
        self._name = application_name(who)
        self._lock = threading.Lock()  # wait() and others() may be called from different threads
        self._connection = None
        self._pending = self._connect()

    def _connect(self) -> Change | None:
        """Listen; and what was committed since the last event seen, which no notice will tell any more."""
        self._connection = self._psycopg.connect(self._conninfo, autocommit=True, application_name=self._name)
        self._connection.execute(f"LISTEN {CHANNEL}")
        try:
            if self._last_seq is None:
                self._last_seq = self._connection.execute(
                    "SELECT coalesce(max(seq), 0) FROM audit_event").fetchone()[0]
                return None
            return self._catch_up(self._connection.execute(_EVENTS_AFTER.format("%s"), (self._last_seq,)).fetchall())
        except self._psycopg.errors.InsufficientPrivilege:
            # A login that may not read the log learns the numbers from the notices, and reloads once.
            self._last_seq = self._last_seq or 0
            return Change(everything=True)

    def wait(self, timeout: float) -> Change | None:
        pending, self._pending = self._pending, None
        if pending is not None:
            return pending
        try:
            if self._connection is None or self._connection.closed:
                return self._connect()
            ready, _, _ = select.select([self._connection.fileno()], [], [], timeout)
            if not ready:
                return None
            with self._lock:
                notices = list(self._connection.notifies(timeout=0))
        except self._psycopg.OperationalError:
            self._drop()
            time.sleep(min(timeout, 1.0))
            return None
        changes = []
        for notice in notices:
            origin, change = Change.from_payload(notice.payload)
            if change.seq and change.seq <= self._last_seq:
                continue  # already read when catching up
            self._last_seq = max(self._last_seq, change.seq)
            if origin != self.origin.id:
                changes.append(change)
        return coalesce(changes)

    def others(self) -> list[str]:
        query = ("SELECT application_name FROM pg_stat_activity WHERE datname = current_database() "
                 "AND application_name LIKE %s AND pid <> pg_backend_pid() ORDER BY backend_start")
        try:
            with self._lock:
                if self._connection is None or self._connection.closed:
                    return []
                rows = self._connection.execute(query, (APPLICATION_PREFIX + "%",)).fetchall()
        except self._psycopg.OperationalError:
            self._drop()
            return []
        names = [row[0][len(APPLICATION_PREFIX):] for row in rows]
        return list(dict.fromkeys(name for name in names if name))

    def _drop(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._connection = None

    def close(self) -> None:
        with self._lock:
            self._drop()


def application_name(who: str) -> str:
    """``raadsakkoord:`` and the person, cut to what PostgreSQL keeps (63 bytes), never inside a character."""
    name = APPLICATION_PREFIX + who
    encoded = name.encode("utf-8")[:APPLICATION_NAME_LIMIT]
    return encoded.decode("utf-8", errors="ignore")


def listen(url: sa.URL, origin: Origin, who: str, *, since: int | None = None) -> ChangeListener:
    """A listener for the workspace at ``url``, as ``who`` (shown to the others on PostgreSQL)."""
    if url.get_backend_name() == "sqlite":
        return SqliteListener(url.database or "", origin, since=since)
    return PostgresListener(url, origin, who, since=since)


def _file_uri(path: str) -> str:
    from pathlib import Path

    return Path(path).as_uri()


def _as_utc(value) -> dt.datetime | None:
    """An event's time as stored (naive UTC; SQLite gives it as text) made aware."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    return None
