"""Migration 0005: the co-submitters of an older workspace were never confirmed, and become requests."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.command import downgrade

from raadsakkoord import operations as ops
from raadsakkoord.export import markdown as md
from raadsakkoord.export.amendments import amendment_book
from raadsakkoord.model import Amendment, AmendmentKind
from raadsakkoord.store.workspace import (
    alembic_config,
    migration_engine,
    open_workspace,
    parse_target,
)


def test_an_older_workspaces_co_submitters_become_requests(setup, workspace_target):
    with setup.workspace.action() as s:
        amendment = ops.propose_amendment(
            s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen, headline="Meer woningen",
            text="We bouwen 800 woningen.\n\nDe helft is sociale huur.", submit=True)
        ident, submitted_at = amendment.id, amendment.submitted_at
    setup.workspace.close()
    # The workspace as an older version left it: its co-submitter named by the submitting party alone.
    engine = migration_engine(parse_target(workspace_target))
    with engine.begin() as conn:
        downgrade(alembic_config(conn), "0004")
        table = sa.table("amendment_co_party", sa.column("amendment_id", sa.Uuid), sa.column("party_id", sa.Uuid))
        conn.execute(sa.insert(table).values(amendment_id=ident, party_id=setup.blauw))
    engine.dispose()

    ws = open_workspace(workspace_target)
    try:
        with ws.action() as s:
            [request] = s.get(Amendment, ident).co_submissions
            assert (request.party.short_name, request.state) == ("BB", "requested")
            assert (request.requested_by, request.requested_at) == ("Ruud Rood", submitted_at)
            assert (request.answered_by, request.answered_at) == ("", None)
            assert "- Indiener: RP\n" in md.amendment_book_markdown(amendment_book(s))
            # The party can now confirm it itself.
            ops.confirm_co_submission(s, setup.blauw_actor, ident)
            assert "- Indiener: RP met BB\n" in md.amendment_book_markdown(amendment_book(s))
    finally:
        ws.close()


def test_going_back_keeps_only_confirmed_co_submitters(setup, workspace_target):
    """An older version prints every co-submitter it holds, so an unanswered request must not go back."""
    with setup.workspace.action() as s:
        amendment = ops.propose_amendment(
            s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen, headline="Meer woningen",
            text="We bouwen 800 woningen.\n\nDe helft is sociale huur.", co_party_ids=[setup.blauw, setup.groen],
            submit=True)
        ops.confirm_co_submission(s, setup.groen_actor, amendment.id)
    setup.workspace.close()
    engine = migration_engine(parse_target(workspace_target))
    with engine.begin() as conn:
        downgrade(alembic_config(conn), "0004")
        rows = conn.execute(sa.text("SELECT party_id FROM amendment_co_party")).scalars().all()
    engine.dispose()
    assert [str(r).replace("-", "") for r in rows] == [setup.groen.hex]
