"""Other windows hear what was committed: NOTIFY on PostgreSQL, data_version and the audit log on SQLite."""

from __future__ import annotations

import time
import uuid

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import InputError
from raadsakkoord.model import Position
from raadsakkoord.store.changefeed import PAYLOAD_LIMIT, Change
from raadsakkoord.store.listeners import PostgresListener, SqliteListener, listen
from raadsakkoord.store.workspace import open_workspace

pytestmark = pytest.mark.postgres

WAIT = 2.0  # seconds: far above the listener's own latency, so a slow machine does not fail the test


@pytest.fixture
def other(setup):
    """A second opening of the same workspace, as another window (or another computer) has it."""
    ws = open_workspace(setup.workspace.target)
    yield ws
    ws.close()


@pytest.fixture
def hears(other):
    listener = listen(other.url, other.origin, "Ruud Rood (RP)")
    listener.wait(0.05)  # anything from before it listened
    yield listener
    listener.close()


def test_a_committed_change_reaches_the_other_workspace_with_who_and_what(setup, hears):
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 700 woningen.", reason="akkoord")
    change = hears.wait(WAIT)
    assert change is not None
    assert setup.bouwen in change.sections
    assert change.actors == ("Griet Griffier",)
    assert change.at is not None and change.at.tzinfo is not None
    assert hears.wait(0.3) is None  # told once


def test_an_amendment_names_its_id_and_several_actions_arrive_coalesced(setup, hears):
    with setup.workspace.action() as s:
        amendment = ops.propose_amendment(s, setup.rood_actor, kind="modify", section_id=setup.huur,
                                          headline="Lager", text="De huren dalen.", submit=True)
    with setup.workspace.action() as s:
        ops.endorse_section(s, setup.groen_actor, setup.begroting, Position.SUPPORT)
    change = hears.wait(WAIT)
    deadline_change = hears.wait(0.5)
    if deadline_change is not None:  # the second commit came after the first look
        change = change.merge(deadline_change)
    assert amendment.id in change.amendments
    assert setup.begroting in change.sections and setup.groen in change.parties
    assert set(change.actors) == {"Ruud Rood", "Gerda Groen"}


def test_a_window_does_not_hear_its_own_commits(setup, other, hears):
    with other.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, "Door het andere venster.", reason="x")
    assert hears.wait(0.6) is None
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.huur, "Door dit venster.", reason="x")
    change = hears.wait(WAIT)
    assert change is not None and change.sections == frozenset({setup.huur})


def test_a_rolled_back_action_tells_nobody(setup, hears):
    with pytest.raises(InputError):
        with setup.workspace.action() as s:
            ops.revise_section(s, setup.griffie, setup.bouwen, "Half geschreven.", reason="x")
            raise InputError("de gebruiker brak af")
    assert hears.wait(0.6) is None


def test_nothing_is_heard_before_the_commit(setup, hears):
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, "Nog niet vastgelegd.", reason="x")
        s.flush()
        assert hears.wait(0.4) is None
    assert setup.bouwen in hears.wait(WAIT).sections


def _agreement(target: str):
    griffie = ops.Actor.griffie("Griet Griffier")
    workspace = open_workspace(target, create=True)
    with workspace.action() as s:
        ops.create_agreement(s, griffie, title="Raadsakkoord", municipality="Testdorp", council_seats=15)
        chapter = ops.add_chapter(s, griffie, title="Wonen")
        section = ops.add_section(s, griffie, chapter_id=chapter.id, title="Bouwen", text="We bouwen.").id
    return workspace, griffie, section


def test_the_sqlite_poll_reads_nothing_while_nothing_changes(tmp_path):
    workspace, griffie, section = _agreement(str(tmp_path / "poll.raadsakkoord"))
    other = open_workspace(workspace.target)
    listener = listen(other.url, other.origin, "Ruud Rood (RP)")
    assert isinstance(listener, SqliteListener)
    statements = []
    listener._db.set_trace_callback(statements.append)
    try:
        for _ in range(20):
            assert listener.poll() is None
        assert statements == ["PRAGMA data_version"] * 20
        with workspace.action() as s:
            ops.revise_section(s, griffie, section, "Nu wel.", reason="x")
        assert section in listener.poll().sections
        assert any("audit_event" in statement for statement in statements[20:])
    finally:
        listener.close()
        other.close()
        workspace.close()


def test_who_else_works_in_a_postgresql_database(postgres_target):
    workspace, _griffie, _section = _agreement(postgres_target())
    first = listen(workspace.url, workspace.origin, "Ruud Rood (RP)")
    second = listen(workspace.url, workspace.origin, "Griet Griffier (griffie)")
    try:
        assert isinstance(first, PostgresListener)
        assert first.others() == ["Griet Griffier (griffie)"]
        assert second.others() == ["Ruud Rood (RP)"]
        second.close()
        deadline = time.monotonic() + WAIT  # the server ends a closed session's backend a moment later
        while first.others() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert first.others() == []
    finally:
        first.close()
        second.close()
        workspace.close()


uuids = st.frozensets(st.uuids(), max_size=400)


@settings(max_examples=40, deadline=None)
@given(sections=uuids, amendments=uuids, who=st.lists(st.text(min_size=1, max_size=120), max_size=8))
def test_a_notice_fits_notify_and_says_what_changed_or_everything(sections, amendments, who):
    change = Change(seq=7, actors=tuple(who), sections=sections, amendments=amendments)
    payload = change.to_payload("origin")
    assert len(payload.encode("utf-8")) <= PAYLOAD_LIMIT
    origin, back = Change.from_payload(payload)
    assert origin == "origin" and back.seq == 7
    if back.everything:
        assert len(sections) + len(amendments) > 100
    else:
        assert back.sections == sections and back.amendments == amendments


def test_an_unreadable_notice_means_reload_everything():
    assert Change.from_payload("{niet json")[1].everything
    assert Change.from_payload('{"sections":["geen-uuid"]}')[1].everything
    assert not Change.from_payload('{"sections":["%s"]}' % uuid.uuid4())[1].everything


def test_what_was_committed_before_the_listener_was_ready_is_not_missed(setup, other):
    with other.action() as s:
        since = s.execute(sa.text("SELECT max(seq) FROM audit_event")).scalar_one()
    with setup.workspace.action() as s:  # while the window's listener is still connecting
        ops.revise_section(s, setup.griffie, setup.huur, "Tussendoor.", reason="x")
    listener = listen(other.url, other.origin, "Ruud Rood (RP)", since=since)
    try:
        change = listener.wait(WAIT)
        assert change is not None and change.sections == frozenset({setup.huur})
        assert listener.wait(0.3) is None
    finally:
        listener.close()


def test_a_dropped_postgresql_connection_listens_again_and_catches_up(postgres_target):
    workspace, griffie, section = _agreement(postgres_target())
    other = open_workspace(workspace.target)
    listener = listen(other.url, other.origin, "Ruud Rood (RP)")
    try:
        with workspace.engine.connect() as connection:  # the server ends the session (a restart, a network cut)
            connection.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                       "WHERE application_name = 'raadsakkoord:Ruud Rood (RP)'"))
        with workspace.action() as s:
            ops.revise_section(s, griffie, section, "Terwijl de verbinding weg was.", reason="x")
        deadline = time.monotonic() + 3 * WAIT
        change = None
        while change is None and time.monotonic() < deadline:
            change = listener.wait(0.25)
        assert change is not None and section in change.sections
    finally:
        listener.close()
        other.close()
        workspace.close()


def test_the_sqlite_listener_polls_once_per_interval_while_it_waits(tmp_path):
    workspace, _griffie, _section = _agreement(str(tmp_path / "rust.raadsakkoord"))
    listener = listen(workspace.url, workspace.origin, "Ruud Rood (RP)")
    statements = []
    listener._db.set_trace_callback(statements.append)
    try:
        start = time.monotonic()
        while time.monotonic() - start < 1.0:
            assert listener.wait(0.1) is None
        # Four polls a second (one more at the edges), not as many as the waits allow.
        assert 3 <= statements.count("PRAGMA data_version") <= 6
    finally:
        listener.close()
        workspace.close()
