"""The audit log's hash chain: intact, tampered with, and appended concurrently."""

import contextlib

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.store.audit import GENESIS, verify_chain
from raadsakkoord.base.errors import ConcurrentEditError
from raadsakkoord.model import AuditEvent, AuditHead, ImmutableRecordError


def test_chain_is_intact_and_links_every_event(setup):
    with setup.workspace.action() as s:
        report = verify_chain(s)
        events = s.query(AuditEvent).order_by(AuditEvent.seq).all()
    assert report.ok and report.events == 9
    assert events[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(events, events[1:]))


@contextlib.contextmanager
def behind_the_back(workspace):
    """A transaction that changes the database as its server's superuser could: past the append-only trigger."""
    with workspace.engine.begin() as conn:
        if not workspace.is_sqlite:
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        yield conn


def test_changed_payload_is_found(setup):
    with behind_the_back(setup.workspace) as conn:
        conn.execute(sa.text("UPDATE audit_event SET payload = REPLACE(payload, '7', '8') WHERE seq = 2"))
    with setup.workspace.action() as s:
        report = verify_chain(s)
    assert not report.ok and report.broken_at == 2
    assert "Gebeurtenis 2" in report.message


def test_deleted_event_is_found(setup):
    with behind_the_back(setup.workspace) as conn:
        conn.execute(sa.text("DELETE FROM audit_event WHERE seq = 4"))
    with setup.workspace.action() as s:
        report = verify_chain(s)
    assert not report.ok and report.broken_at == 5
    assert "ontbreekt" in report.message


def test_orm_refuses_to_change_or_delete_events(setup):
    with pytest.raises(ImmutableRecordError), setup.workspace.action() as s:
        s.query(AuditEvent).first().actor = "Iemand anders"
    with pytest.raises(ImmutableRecordError), setup.workspace.action() as s:
        s.delete(s.query(AuditEvent).first())


def test_two_writers_cannot_fork_the_chain(setup):
    """Both read the same tip; the database refuses the second append."""
    ws = setup.workspace
    with pytest.raises(ConcurrentEditError):
        with ws.action() as first:
            first.execute(sa.select(AuditEvent.seq))  # start reading
            from raadsakkoord.store.audit import _last_event

            first.info["audit_tip"] = _last_event(first)  # the tip as the first writer saw it
            with ws.action() as second:
                ops.add_chapter(second, setup.griffie, title="Tweede schrijver")
            ops.add_chapter(first, setup.griffie, title="Eerste schrijver")
    with ws.action() as s:
        assert verify_chain(s).ok
        assert s.query(AuditEvent).count() == 10
        assert _head(s) == _newest(s)  # the refused writer moved no head either


def _head(session) -> tuple[int, str]:
    head = session.get(AuditHead, 1)
    return head.seq, head.hash


def _newest(session) -> tuple[int, str]:
    newest = session.scalars(sa.select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()
    return newest.seq, newest.hash


def test_the_head_moves_with_every_append_and_only_then(setup):
    ws = setup.workspace
    with ws.action() as s:
        assert _head(s) == _newest(s) == (9, _newest(s)[1])
        ops.add_chapter(s, setup.griffie, title="Zorg")
        ops.add_chapter(s, setup.griffie, title="Sport")
    with ws.action() as s:
        assert _head(s) == _newest(s) and _head(s)[0] == 11
        kept = _head(s)
    with pytest.raises(RuntimeError), ws.action() as s:
        ops.add_chapter(s, setup.griffie, title="Cultuur")
        raise RuntimeError("the action fails after its append")
    with ws.action() as s:
        assert _head(s) == _newest(s) == kept
