"""On a shared database a party may subamend another party's amendment, and no more than that."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentStatus
from raadsakkoord.store.workspace import open_workspace
from tests.shareddb import shared_council, url
from tests.store.test_logins import connect, refused


@pytest.fixture
def council(postgres_server):
    return shared_council(postgres_server)


def test_a_party_subamends_another_partys_amendment_but_cannot_touch_that_amendment(council):
    ws = open_workspace(url(council, council.gerda))
    try:
        with ws.action() as session:
            sub = ops.propose_subamendment(session, ws.login.actor, council.rp_amendment,
                                           text="We bouwen 900 woningen, energieneutraal.", headline="Groen",
                                           submit=True)
            assert sub.label == "A1.1"
            sub_id = sub.id
    finally:
        ws.close()
    with connect(council, council.gerda) as conn:
        # Not the amendment's text, nor the subamendment's own decision, nor another party's name on it.
        assert refused(conn, "UPDATE amendment SET proposed_text = 'Gekaapt' WHERE id = %s",
                       (str(council.rp_amendment),))
        assert refused(conn, "UPDATE amendment SET status = 'accepted' WHERE id = %s", (str(sub_id),))
        assert refused(conn, "UPDATE amendment SET party_id = %s WHERE id = %s", (str(council.rp), str(sub_id)))
        # Nor let the subamendments of an amendment lapse that is not withdrawn, or not its own.
        assert refused(conn, "SELECT raadsakkoord_lapse_subamendments(%s)", (str(council.rp_amendment),))
        # Nor a subamendment written in another party's name.
        assert refused(conn, "INSERT INTO amendment (id, agreement_id, kind, party_id, parent_id, headline, author,"
                             " status, created_at, proposed_title, proposed_text, explanation, decision_note,"
                             " decided_by, needs_rework, version)"
                             " SELECT gen_random_uuid(), agreement_id, kind, %s, id, 'x', 'x', 'submitted', now(),"
                             " '', 'x', '', '', '', false, 1 FROM amendment WHERE id = %s",
                       (str(council.rp), str(council.rp_amendment)))


def test_the_griffie_decides_the_subamendment_and_the_amendment_takes_its_text(council):
    gerda = open_workspace(url(council, council.gerda))
    try:
        with gerda.action() as session:
            sub_id = ops.propose_subamendment(session, gerda.login.actor, council.rp_amendment,
                                              text="We bouwen 900 woningen, energieneutraal.", headline="Groen",
                                              submit=True).id
    finally:
        gerda.close()
    griet = open_workspace(url(council, council.griet))
    try:
        with griet.action() as session:
            ops.decide_amendment(session, griet.login.actor, sub_id, AmendmentStatus.ACCEPTED)
        with griet.action() as session:
            amendment = session.get(Amendment, council.rp_amendment)
            assert (amendment.status, amendment.proposed_text) == (
                AmendmentStatus.SUBMITTED, "We bouwen 900 woningen, energieneutraal.")
    finally:
        griet.close()


def test_withdrawing_an_amendment_lets_another_partys_subamendment_lapse(council):
    gerda = open_workspace(url(council, council.gerda))
    try:
        with gerda.action() as session:
            sub_id = ops.propose_subamendment(session, gerda.login.actor, council.rp_amendment,
                                              text="We bouwen 900 woningen, energieneutraal.", headline="Groen",
                                              submit=True).id
    finally:
        gerda.close()
    ruud = open_workspace(url(council, council.ruud))
    try:
        with ruud.action() as session:
            ops.withdraw_amendment(session, ruud.login.actor, council.rp_amendment)
        with ruud.action() as session:
            status = session.scalar(sa.select(Amendment.status).where(Amendment.id == sub_id))
            assert status == AmendmentStatus.SUPERSEDED
    finally:
        ruud.close()
