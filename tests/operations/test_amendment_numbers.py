"""Amendments carry the numbers people use in the meeting (A1, A2, …; a subamendment A3.1)."""

import sqlalchemy as sa
from alembic.command import downgrade

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentKind, AuditEvent
from raadsakkoord.store.workspace import alembic_config, migration_engine, open_workspace, parse_target

from tests.operations.test_amendment_ops import _propose


def test_numbers_are_given_on_submission_in_order_and_never_twice(setup):
    with setup.workspace.action() as s:
        draft = _propose(s, setup, submit=False)
        assert (draft.number, draft.label) == (None, "")
        first = _propose(s, setup, text="We bouwen 700 woningen.")
        second = _propose(s, setup, text="We bouwen 600 woningen.", actor=setup.groen_actor)
        assert (first.label, second.label) == ("A1", "A2")
        ops.withdraw_amendment(s, setup.groen_actor, second.id)
        # A withdrawn amendment keeps its number; the draft submitted later does not take it.
        ops.submit_amendment(s, setup.rood_actor, draft.id)
        assert (second.label, draft.label) == ("A2", "A3")
        last = s.scalars(sa.select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert last.action == "submit_amendment" and '"number":"A3"' in last.payload


def test_a_subamendment_is_numbered_under_its_amendment(setup):
    with setup.workspace.action() as s:
        first = _propose(s, setup, text="We bouwen 700 woningen.")
        other = _propose(s, setup, text="We bouwen 600 woningen.")
        subs = []
        for _ in range(2):
            sub = _propose(s, setup, text="We bouwen 650 woningen.", submit=False, actor=setup.groen_actor)
            sub.parent = other
            ops.submit_amendment(s, setup.groen_actor, sub.id)
            subs.append(sub)
        assert [a.label for a in (first, other, *subs)] == ["A1", "A2", "A2.1", "A2.2"]
        # The next amendment continues the agreement's own sequence.
        assert _propose(s, setup, text="We bouwen 500 woningen.").label == "A3"


def test_an_older_workspaces_submitted_amendments_are_numbered_in_submission_order(setup, workspace_target):
    with setup.workspace.action() as s:
        ids = [_propose(s, setup, text=f"We bouwen {n} woningen.").id for n in (700, 600)]
        draft = _propose(s, setup, text="We bouwen 500 woningen.", submit=False).id
    setup.workspace.close()
    engine = migration_engine(parse_target(workspace_target))
    with engine.begin() as conn:
        downgrade(alembic_config(conn), "0007")
    engine.dispose()
    ws = open_workspace(workspace_target)
    try:
        with ws.action() as s:
            assert [s.get(Amendment, i).label for i in (*ids, draft)] == ["A1", "A2", ""]
    finally:
        ws.close()


def test_an_amendment_is_found_by_the_number_people_say(setup):
    import pytest

    from raadsakkoord.base.errors import NotFound
    from raadsakkoord.queries.lookup import amendment_by_label

    with setup.workspace.action() as s:
        first = _propose(s, setup, text="We bouwen 700 woningen.")
        sub = _propose(s, setup, text="We bouwen 650 woningen.", submit=False, actor=setup.groen_actor)
        sub.parent = first
        ops.submit_amendment(s, setup.groen_actor, sub.id)
        assert amendment_by_label(s, "A1") is first
        assert amendment_by_label(s, " a 1 ") is first
        assert amendment_by_label(s, "A1.1") is sub
        for label, message in (("A2", "geen amendement A2"), ("A1.2", "geen amendement A1.2"),
                               ("8.4", "geen amendementnummer"), ("", "geen amendementnummer")):
            with pytest.raises(NotFound, match=message):
                amendment_by_label(s, label)
