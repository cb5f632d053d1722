"""On a shared database only the griffie records a vote, and nobody changes one once recorded."""

from __future__ import annotations

import uuid

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import PermissionDenied
from raadsakkoord.model import AmendmentStatus, Amendment
from raadsakkoord.queries.voting import item_by_label, vote_result
from raadsakkoord.store.workspace import open_workspace
from tests.shareddb import shared_council, url
from tests.store.test_logins import connect, refused, snapshot


@pytest.fixture
def council(postgres_server):
    return shared_council(postgres_server)


def test_a_party_login_cannot_record_a_vote_nor_can_anyone_change_one(council):
    party = open_workspace(url(council, council.gerda))
    with pytest.raises(PermissionDenied, match="Alleen de griffie"), party.action() as session:
        ops.record_vote(session, party.login.actor, item_by_label(session, "A1"), voting_for=[council.gl, council.rp])
    party.close()
    with connect(council, council.gerda) as conn:
        assert refused(conn, "INSERT INTO vote (id, agreement_id, subject, amendment_id, outcome, votes_for, "
                             "votes_against, absent, held_at, recorded_by) SELECT %s, agreement_id, 'amendment', id, "
                             "'adopted', 12, 0, 0, now(), 'x' FROM amendment", (str(uuid.uuid4()),))
        assert refused(conn, "INSERT INTO vote_order (item, position) VALUES ('agreement', 0)")
    griffie = open_workspace(url(council, council.griet))
    with griffie.action() as session:
        ops.record_vote(session, griffie.login.actor, item_by_label(session, "A1"),
                        voting_for=[council.gl], voting_against=[council.rp])
        items = [item_by_label(session, "1.1"), item_by_label(session, "raadsakkoord")]
        ops.set_voting_order(session, griffie.login.actor, items)
    with griffie.action() as session:
        result = vote_result(session, item_by_label(session, "A1"))
        assert (result.outcome, result.votes_for, result.votes_against) == ("adopted", 7, 5)
        assert session.get(Amendment, council.rp_amendment).status == AmendmentStatus.ACCEPTED
    griffie.close()
    before = snapshot(council)
    for person in (council.griet, council.gerda, council.lars):
        with connect(council, person) as conn:
            assert refused(conn, "UPDATE vote SET votes_for = 0")
            assert refused(conn, "DELETE FROM vote_party")
            assert refused(conn, "DELETE FROM vote")
    with connect(council, council.lars) as conn:
        assert conn.execute("SELECT count(*) FROM vote").fetchone()[0] == 1
    assert snapshot(council) == before
