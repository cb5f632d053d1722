"""Several writers at once: a collision on a unique key is the application's own "changed by someone else"."""

from __future__ import annotations

import multiprocessing
import re
import sqlite3
import uuid

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import ConcurrentEditError, UserError
from raadsakkoord.model import Agreement, Revision, Round, Section
from raadsakkoord.store.audit import verify_chain
from raadsakkoord.store.workspace import (
    guarded_keys,
    is_concurrency_guard,
    open_workspace,
)

# What each database says when a second writer collides, as the drivers word it.
SQLITE_MESSAGES = {
    "uq_revision_number": "UNIQUE constraint failed: revision.section_id, revision.number",
    "uq_round_number": "UNIQUE constraint failed: round.agreement_id, round.number",
    "pk_audit_event": "UNIQUE constraint failed: audit_event.seq",
    "uq_audit_event_prev_hash": "UNIQUE constraint failed: audit_event.prev_hash",
    "uq_endorsement_party_section": "UNIQUE constraint failed: endorsement.party_id, endorsement.section_id",
}


def _integrity_error(orig: Exception) -> IntegrityError:
    return IntegrityError("INSERT INTO …", {}, orig)


@pytest.mark.parametrize("name", sorted(SQLITE_MESSAGES))
def test_a_collision_is_recognised_in_the_words_of_sqlite(name):
    assert is_concurrency_guard(_integrity_error(sqlite3.IntegrityError(SQLITE_MESSAGES[name])))


@pytest.mark.parametrize("name", sorted(guarded_keys()))
def test_a_collision_is_recognised_in_the_words_of_postgresql(name):
    message = (f'duplicate key value violates unique constraint "{name}"\n'
               f"DETAIL:  Key (section_id, number)=(1, 2) already exists.")
    assert is_concurrency_guard(_integrity_error(psycopg.errors.UniqueViolation(message)))


@pytest.mark.parametrize("message", [
    "NOT NULL constraint failed: revision.text",
    "FOREIGN KEY constraint failed",
    "UNIQUE constraint failed: revision.section_id",  # not a key of the model: a bug, shown as one
    'null value in column "text" of relation "revision" violates not-null constraint',
])
def test_other_integrity_errors_stay_bugs(message):
    assert not is_concurrency_guard(_integrity_error(sqlite3.IntegrityError(message)))


def test_every_sqlite_form_of_the_guarded_keys_is_recognised():
    for columns in guarded_keys().values():
        text = "UNIQUE constraint failed: " + ", ".join(sorted(columns, reverse=True))
        assert is_concurrency_guard(_integrity_error(sqlite3.IntegrityError(text)))


def test_a_second_revision_with_the_same_number_is_a_concurrent_edit(setup):
    """A real collision on the workspace's own database (SQLite, or PostgreSQL with --backend)."""
    workspace = setup.workspace
    # The newest event in the log names who changed the workspace last.
    with pytest.raises(ConcurrentEditError, match=r"^Griet Griffier heeft dit om \d\d:\d\d gewijzigd\. "
                                                  r"Er is niets overschreven"), \
            workspace.action() as session:
        current = session.get(Section, setup.bouwen).current_revision
        moment = current.created_at
        session.add(Revision(id=uuid.uuid4(), section_id=setup.bouwen, number=current.number, text="x",
                             sha256="0" * 64, author="Iemand", reason="", created_at=moment))
    with pytest.raises(ConcurrentEditError), workspace.action() as session:
        agreement_id = session.scalar(sa.select(Agreement.id))
        for number in (1, 1):
            session.add(Round(id=uuid.uuid4(), agreement_id=agreement_id, number=number, label="Ronde",
                              published_at=moment, published_by="Iemand"))
            session.flush()


WRITERS = 4
ACTIONS = 30


def _revise_many(target: str, section_ids: list[str], writer: int) -> dict:
    """One process revising the same sections as the others, counting what happened to each action."""
    workspace = open_workspace(target)
    griffie = ops.Actor.griffie(f"Griffier {writer}")
    applied, refused, raw = 0, 0, []
    try:
        for action in range(ACTIONS):
            section_id = uuid.UUID(section_ids[action % len(section_ids)])
            try:
                with workspace.action() as session:
                    ops.revise_section(session, griffie, section_id, f"Tekst van schrijver {writer}, actie {action}.",
                                       reason=f"Wijziging {writer}.{action}")
                applied += 1
            except UserError as exc:
                refused += 1
                if not re.match(r"Griffier \d heeft dit om \d\d:\d\d gewijzigd\.", exc.message) \
                        and "bezet" not in exc.message:
                    raw.append(exc.message)
            except Exception as exc:  # noqa: BLE001 - what the user would see as a crash
                raw.append(f"{type(exc).__name__}: {exc}")
    finally:
        workspace.close()
    return {"applied": applied, "refused": refused, "raw": raw}


def test_four_processes_revising_the_same_sections_lose_nothing_and_see_no_raw_error(setup, backend):
    workspace = setup.workspace
    with workspace.action() as session:
        before = session.scalar(sa.select(sa.func.count()).select_from(Revision))
    target = workspace.target
    sections = [str(setup.bouwen), str(setup.huur)]
    context = multiprocessing.get_context("spawn")
    with context.Pool(WRITERS) as pool:
        results = pool.starmap(_revise_many, [(target, sections, writer) for writer in range(WRITERS)])
    raw = [line for result in results for line in result["raw"]]
    assert raw == []
    applied = sum(result["applied"] for result in results)
    assert applied + sum(result["refused"] for result in results) == WRITERS * ACTIONS
    assert applied > 0
    with workspace.action() as session:
        # Every applied action left its revision, numbered without gaps per section.
        assert session.scalar(sa.select(sa.func.count()).select_from(Revision)) == before + applied
        for section_id in (setup.bouwen, setup.huur):
            numbers = session.scalars(sa.select(Revision.number).where(Revision.section_id == section_id)
                                      .order_by(Revision.number)).all()
            assert numbers == list(range(1, len(numbers) + 1))
            section = session.get(Section, section_id)
            assert section.current_revision.number == numbers[-1]
        assert verify_chain(session).ok
