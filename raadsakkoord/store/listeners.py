"""Listening for the others' commits to one workspace, without Qt: blocking calls for a thread of their own.

- ``PostgresListener`` LISTENs for the notices ``changefeed`` sends on
  commit, on a connection of its own whose ``application_name`` names the
  person: ``pg_stat_activity`` then tells who else is working in the
  database.
- ``SqliteListener`` polls ``PRAGMA data_version`` on a read-only
  connection of its own (it changes when another connection commits; a few
  microseconds to ask), and only then reads the audit events after the last
  one it saw, by primary key.

Both start from the audit event the window had seen when it loaded its
views, and a PostgreSQL listener whose connection dropped catches up from
the log: no change is missed in between.
"""

from __future__ import annotations

import datetime as dt
import json
import select
import sqlite3
import threading
import time
from pathlib import Path

import sqlalchemy as sa

from raadsakkoord.store.changefeed import CHANNEL, Change, Origin, change_of_event, coalesce

# Four looks a second: a change shows within a second with room to spare, and a look costs microseconds.
POLL_INTERVAL = 0.25
# The listener's connection says who it is in pg_stat_activity: that is who is working in the database.
APPLICATION_PREFIX = "raadsakkoord:"
APPLICATION_NAME_LIMIT = 63  # PostgreSQL's NAMEDATALEN - 1, in bytes

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

    def __init__(self, path: str, origin: Origin, *, since: int | None = None,
                 interval: float = POLL_INTERVAL) -> None:
        self.origin = origin
        self.interval = interval
        # Read-only, its own connection: data_version counts commits by every other connection.
        self._db = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True, timeout=2, check_same_thread=False)
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
