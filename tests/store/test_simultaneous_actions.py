"""Actions at the same moment on one shared PostgreSQL database, from threads with their own connections.

Each action waits at a barrier after its work and before its commit, so the
two transactions are open together. The audit chain lets one append at a
time: the second action then waits in its own append and the barrier gives
up after a moment; on the old chain both reached it and the second failed.
"""

from __future__ import annotations

import re
import threading
import uuid

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import ConcurrentEditError, DomainError, UserError
from raadsakkoord.model import Endorsement, Round, Section
from raadsakkoord.model import Position
from raadsakkoord.store.audit import log, queue_for_append, verify_chain

# Long enough for the other thread to reach its commit; the barrier only makes them overlap.
OVERLAP = 1.0


@pytest.fixture
def backend() -> str:
    # What these tests show is the shared database; SQLite's single writer
    # serialises whole transactions, so they always run on PostgreSQL.
    return "postgresql"


def _at_once(workspace, *actions) -> list:
    """Run each ``action(session)`` in its own thread and transaction, commits overlapping; what each gave."""
    barrier = threading.Barrier(len(actions))
    outcomes: list = [None] * len(actions)

    def run(index, action):
        try:
            with workspace.action() as session:
                session.get(Section, uuid.uuid4())  # the transaction is open before the others' work
                result = action(session)
                try:
                    barrier.wait(OVERLAP)
                except threading.BrokenBarrierError:
                    pass  # another one is waiting for our commit: that is the point
            outcomes[index] = result
        except Exception as exc:  # noqa: BLE001 - the test asserts what each one got
            outcomes[index] = exc

    threads = [threading.Thread(target=run, args=(index, action)) for index, action in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return outcomes


def _chain_ok(workspace) -> bool:
    with workspace.action() as session:
        return verify_chain(session).ok


def test_two_parties_endorsing_different_sections_at_once_both_succeed(setup):
    outcomes = _at_once(
        setup.workspace,
        lambda s: ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.SUPPORT).id,
        lambda s: ops.endorse_section(s, setup.rood_actor, setup.huur, Position.OPPOSE).id,
    )
    assert all(isinstance(outcome, uuid.UUID) for outcome in outcomes), outcomes
    with setup.workspace.action() as session:
        kept = {(e.party_id, e.section_id, e.position) for e in session.scalars(sa.select(Endorsement))}
    assert kept == {(setup.groen, setup.bouwen, Position.SUPPORT), (setup.rood, setup.huur, Position.OPPOSE)}
    assert _chain_ok(setup.workspace)


def test_two_clerks_renaming_the_same_section_at_once_the_second_hears_who_came_first(setup):
    griet, gijs = setup.griffie, ops.Actor.griffie("Gijs Griffier")
    outcomes = _at_once(
        setup.workspace,
        lambda s: ops.rename_section(s, griet, setup.bouwen, "Bouwen voor iedereen").title,
        lambda s: ops.rename_section(s, gijs, setup.bouwen, "Bouwen en wonen").title,
    )
    titles = [outcome for outcome in outcomes if isinstance(outcome, str)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, ConcurrentEditError)]
    assert len(titles) == 1 and len(refused) == 1, outcomes
    winner = "Griet Griffier" if titles == ["Bouwen voor iedereen"] else "Gijs Griffier"
    assert refused[0].message.startswith(f"{winner} heeft dit om ")
    assert "Er is niets overschreven" in refused[0].message
    with setup.workspace.action() as session:
        assert session.get(Section, setup.bouwen).title == titles[0]
    assert _chain_ok(setup.workspace)


def test_two_clerks_publishing_at_once_make_exactly_one_round(setup):
    griet, gijs = setup.griffie, ops.Actor.griffie("Gijs Griffier")
    outcomes = _at_once(
        setup.workspace,
        lambda s: ops.publish_round(s, griet).label,
        lambda s: ops.publish_round(s, gijs).label,
    )
    published = [outcome for outcome in outcomes if isinstance(outcome, str)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, UserError)]
    assert published == ["Concept 1"] and len(refused) == 1, outcomes
    assert isinstance(refused[0], DomainError)
    assert re.search(r" heeft Concept 1 op \d\d-\d\d-\d{4} om \d\d:\d\d gepubliceerd", refused[0].message)
    assert "een nieuwe ronde is niet nodig" in refused[0].message
    with setup.workspace.action() as session:
        assert session.scalars(sa.select(Round.label)).all() == ["Concept 1"]
    assert _chain_ok(setup.workspace)


def test_two_clerks_adopting_the_final_text_at_once_adopt_it_once(setup):
    griet, gijs = setup.griffie, ops.Actor.griffie("Gijs Griffier")
    outcomes = _at_once(
        setup.workspace,
        lambda s: ops.publish_round(s, griet, final=True).label,
        lambda s: ops.publish_round(s, gijs, final=True).label,
    )
    assert sorted(map(type, outcomes), key=str) == sorted([str, DomainError], key=str), outcomes
    refused = next(outcome for outcome in outcomes if isinstance(outcome, DomainError))
    assert "definitief vastgesteld" in refused.message
    with setup.workspace.action() as session:
        assert session.scalars(sa.select(Round.label)).all() == ["Definitief"]
    assert _chain_ok(setup.workspace)


def test_a_deadlock_between_two_actions_is_told_as_a_collision_not_a_database_error(setup):
    """One action holds a section and waits to append; the other appends first and then wants the section."""
    barrier = threading.Barrier(2)
    griet, gijs = setup.griffie, ops.Actor.griffie("Gijs Griffier")

    def section_first(session):
        session.get(Section, setup.bouwen).title = "Eerst de hoofdlijn"
        session.flush()
        barrier.wait(30)
        log(session, griet, "rename_section", section=str(setup.bouwen))
        return "section first"

    def log_first(session):
        queue_for_append(session)
        barrier.wait(30)
        session.get(Section, setup.bouwen).title = "Eerst het logboek"
        session.flush()
        log(session, gijs, "rename_section", section=str(setup.bouwen))
        return "log first"

    outcomes = _at_once(setup.workspace, section_first, log_first)
    done = [outcome for outcome in outcomes if isinstance(outcome, str)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, ConcurrentEditError)]
    assert len(done) == 1 and len(refused) == 1, outcomes
    assert "heeft dit om" in refused[0].message and "Er is niets overschreven" in refused[0].message
    expected = {"section first": "Eerst de hoofdlijn", "log first": "Eerst het logboek"}[done[0]]
    with setup.workspace.action() as session:
        assert session.get(Section, setup.bouwen).title == expected
    assert _chain_ok(setup.workspace)


WRITERS = 6
ROUNDS = 8


def test_many_writers_at_once_see_no_raw_error_and_leave_a_whole_chain(setup):
    """Unrelated endorsements all succeed; renames of one section succeed or are refused in words."""
    parties = [(setup.groen_actor, setup.bouwen), (setup.rood_actor, setup.huur),
               (setup.blauw_actor, setup.begroting)]
    results: dict[str, list] = {"ok": [], "refused": [], "raw": []}
    lock = threading.Lock()
    start = threading.Barrier(WRITERS)

    def writer(index: int) -> None:
        start.wait(30)
        for step in range(ROUNDS):
            try:
                with setup.workspace.action() as session:
                    if index < len(parties):
                        actor, section = parties[index]
                        position = (Position.SUPPORT, Position.OPPOSE)[step % 2]
                        ops.endorse_section(session, actor, section, position)
                        done = ("endorse", index, step)
                    else:
                        clerk = ops.Actor.griffie(f"Griffier {index}")
                        ops.rename_section(session, clerk, setup.begroting, f"Begroting {index}.{step}")
                        done = ("rename", index, step)
                with lock:
                    results["ok"].append(done)
            except UserError as exc:
                with lock:
                    results["refused"].append(exc.message)
            except Exception as exc:  # noqa: BLE001 - a raw error is what this test must never see
                with lock:
                    results["raw"].append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=writer, args=(index,)) for index in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert results["raw"] == []
    endorsed = [done for done in results["ok"] if done[0] == "endorse"]
    assert len(endorsed) == len(parties) * ROUNDS  # unrelated: never refused
    assert all("heeft dit om" in message for message in results["refused"])
    with setup.workspace.action() as session:
        last = (Position.SUPPORT, Position.OPPOSE)[(ROUNDS - 1) % 2]
        assert {e.position for e in session.scalars(sa.select(Endorsement))} == {last}
    assert _chain_ok(setup.workspace)
