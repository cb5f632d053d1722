"""A shared PostgreSQL database: each person logs in, and the database keeps each party to its own rows.

The attacks are plain SQL as a party's own login (what anyone with the URL
and a password could type into psql): the database itself must refuse them,
not the application. Each runs against the real server of the test run,
where every login but the owner's authenticates with SCRAM.
"""

from __future__ import annotations

import uuid

import psycopg
import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import PermissionDenied, WorkspaceError
from raadsakkoord.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    AuditEvent,
    CoSubmissionState,
    Endorsement,
    Party,
    ParticipationLevel,
    Position,
)
from raadsakkoord.store import logins
from raadsakkoord.store.audit import verify_chain
from raadsakkoord.store.workspace import PasswordNeeded, open_workspace
from tests.shareddb import PASSWORD, Council, shared_council, url


@pytest.fixture
def council(postgres_server):
    return shared_council(postgres_server)


def connect(council: Council, person: str) -> psycopg.Connection:
    """A plain psycopg connection, as psql would make one."""
    return psycopg.connect(host=str(council.server.root), port=council.server.port, dbname=council.database,
                           user=person, password=PASSWORD, autocommit=True)


def refused(conn: psycopg.Connection, statement: str, params: tuple = ()) -> bool:
    """Whether the database refused the statement: no privilege, a row its policies keep out, or no row changed.

    Any other error (a typing mistake in the test's SQL) fails the test
    instead of passing for a refusal.
    """
    try:
        cursor = conn.execute(statement, params)
    except psycopg.errors.InsufficientPrivilege:
        return True
    return cursor.rowcount == 0


def snapshot(council: Council) -> dict:
    with psycopg.connect(host=str(council.server.root), port=council.server.port, dbname=council.database,
                         user="postgres") as conn:
        return {table: sorted(map(repr, conn.execute(f"SELECT * FROM {table}").fetchall()))
                for table in ("party", "amendment", "endorsement", "co_submission", "audit_event", "audit_head", "round",
                              "task", "agreement", "revision")}


# --- groups and people ---------------------------------------------------------------------------


def test_the_workspace_has_groups_named_after_its_database_and_a_new_party_gets_one(council):
    ws = open_workspace(url(council, council.griet))
    try:
        with ws.action() as session:
            new = ops.add_party(session, ws.login.actor, name="Blauwe Beweging", short_name="BB", seats=3).id
        with ws.engine.connect() as connection:
            groups = dict(connection.execute(sa.text("SELECT role_name, kind FROM login_group")).all())
            bb_group = connection.execute(sa.text("SELECT role_name FROM login_group WHERE party_id = :p"),
                                          {"p": new}).scalar_one()
    finally:
        ws.close()
    prefix = council.database.lower()
    assert {f"{prefix}_griffie", f"{prefix}_lezer", f"{prefix}_fracties", f"{prefix}_fractie_gl",
            f"{prefix}_fractie_rp", f"{prefix}_fractie_bb"} == set(groups)
    assert bb_group == f"{prefix}_fractie_bb"
    # And a member of the new party can work for it at once.
    owner = open_workspace(council.owner_url)
    with owner.engine.begin() as connection:
        logins.add_person(connection, f"bram{council.database}", "party", party_short_name="BB", password=PASSWORD)
    owner.close()
    ws = open_workspace(url(council, f"bram{council.database}"))
    try:
        assert ws.login.party_id == new and ws.login.group_label == "BB"
        with ws.action() as session:
            ops.endorse_section(session, ws.login.actor, council.section, Position.OPPOSE)
    finally:
        ws.close()


def test_each_login_is_its_group_and_the_audit_names_the_login(council):
    seen = {}
    for person in (council.griet, council.gerda, council.ruud, council.lars):
        ws = open_workspace(url(council, person))
        seen[person] = (ws.login.kind, ws.login.party_id, ws.login.group_label)
        ws.close()
    assert seen == {council.griet: ("griffie", None, "griffie"), council.gerda: ("party", council.gl, "GL"),
                    council.ruud: ("party", council.rp, "RP"), council.lars: ("reader", None, "lezer")}
    ws = open_workspace(url(council, council.gerda))
    try:
        with ws.action() as session:
            # Whatever name the caller gives, the event names the login.
            ops.endorse_section(session, ops.Actor.of_party(council.gl, "Iemand Anders"), council.section,
                                Position.SUPPORT)
        with ws.action() as session:
            newest = session.scalars(sa.select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()
            assert (newest.actor, newest.party_id) == (council.gerda, council.gl)
            assert verify_chain(session).ok
    finally:
        ws.close()


def test_people_are_listed_and_removed(council):
    ws = open_workspace(council.owner_url)
    try:
        with ws.engine.begin() as connection:
            listed = {(p.name, p.kind, p.party_short_name) for p in logins.people(connection)}
            assert listed == {(council.griet, "griffie", ""), (council.gerda, "party", "GL"),
                              (council.ruud, "party", "RP"), (council.lars, "reader", "")}
            assert logins.remove_person(connection, council.lars) is True
            assert council.lars not in {p.name for p in logins.people(connection)}
    finally:
        ws.close()
    with pytest.raises(WorkspaceError, match="wachtwoord klopt niet"):
        open_workspace(url(council, council.lars))


# --- the database refuses, in plain SQL ----------------------------------------------------------


def test_a_party_cannot_touch_another_partys_rows_nor_the_griffies(council):
    before = snapshot(council)
    with connect(council, council.gerda) as conn:
        rp = str(council.rp)
        assert refused(conn, "UPDATE amendment SET headline = 'Gekaapt' WHERE party_id = %s", (rp,))
        assert refused(conn, "DELETE FROM amendment WHERE party_id = %s", (rp,))
        assert refused(conn, "UPDATE endorsement SET position = 'oppose' WHERE party_id = %s", (rp,))
        assert refused(conn, "DELETE FROM endorsement WHERE party_id = %s", (rp,))
        assert refused(conn, "INSERT INTO endorsement (id, party_id, section_id, revision_id, position, "
                             "minority_position, author, given_at, version) SELECT %s, %s, id, current_revision_id, "
                             "'oppose', '', 'x', now(), 1 FROM section", (str(uuid.uuid4()), rp))
        assert refused(conn, "UPDATE co_submission SET state = 'confirmed' WHERE party_id = %s", (rp,))
        assert refused(conn, "UPDATE party SET seats = 15 WHERE short_name = 'GL'")
        assert refused(conn, "UPDATE agreement SET council_seats = 7")
        assert refused(conn, "INSERT INTO round (id, agreement_id, number, label, published_at, published_by, "
                             "note, is_final) SELECT %s, id, 9, 'x', now(), 'x', '', false FROM agreement",
                       (str(uuid.uuid4()),))
        # A decision on an amendment, also on its own.
        assert refused(conn, "UPDATE amendment SET status = 'rejected', decided_by = 'x' WHERE party_id = %s", (rp,))
        assert refused(conn, "UPDATE login_group SET party_id = %s", (rp,))
    assert snapshot(council) == before


def test_a_party_cannot_decide_its_own_amendment(council):
    ws = open_workspace(url(council, council.gerda))
    with ws.action() as session:
        own = ops.propose_amendment(session, ws.login.actor, kind=AmendmentKind.MODIFY, headline="Groener",
                                    section_id=council.section, text="We bouwen 500 groene woningen.",
                                    submit=True).id
    ws.close()
    before = snapshot(council)
    with connect(council, council.gerda) as conn:
        assert refused(conn, "UPDATE amendment SET status = 'accepted' WHERE id = %s", (str(own),))
        assert refused(conn, "UPDATE amendment SET decided_at = now() WHERE id = %s", (str(own),))
        assert refused(conn, "UPDATE amendment SET party_id = %s WHERE id = %s", (str(council.rp), str(own)))
    assert snapshot(council) == before


def test_nobody_changes_the_audit_log_not_even_the_owner(council):
    before = snapshot(council)
    for person in (council.gerda, council.griet, council.lars):
        with connect(council, person) as conn:
            assert refused(conn, "UPDATE audit_event SET actor = 'Iemand Anders' WHERE seq = 1")
            assert refused(conn, "DELETE FROM audit_event WHERE seq > 1")
            assert refused(conn, "TRUNCATE audit_event")
            # An event in someone else's name is refused too.
            assert refused(conn, "INSERT INTO audit_event (seq, at, actor, party_id, action, payload, prev_hash, hash)"
                                 " VALUES (999, now(), 'Griet Griffier', NULL, 'x', '{}', 'p', 'h')")
    with connect(council, council.griet) as conn:
        # Nor the head that names the newest event, nor a text once written.
        assert refused(conn, "DELETE FROM audit_head")
        assert refused(conn, "UPDATE revision SET text = 'Herschreven'")
        assert refused(conn, "DELETE FROM round_section")
    with psycopg.connect(host=str(council.server.root), port=council.server.port, dbname=council.database,
                         user="postgres", autocommit=True) as conn:
        assert refused(conn, "UPDATE audit_event SET actor = 'Iemand Anders' WHERE seq = 1")
        assert refused(conn, "DELETE FROM audit_event WHERE seq = 2")
        assert refused(conn, "TRUNCATE audit_event")
    assert snapshot(council) == before


def test_a_reader_reads_and_writes_nothing(council):
    before = snapshot(council)
    with connect(council, council.lars) as conn:
        assert conn.execute("SELECT count(*) FROM amendment").fetchone()[0] == 1
        assert refused(conn, "UPDATE section SET title = 'x'")
        assert refused(conn, "DELETE FROM endorsement")
        assert refused(conn, "INSERT INTO autosave (id, owner, author, editor_key, content, saved_at) "
                             "VALUES (%s, 'griffie', 'x', 'k', '{}', now())", (str(uuid.uuid4()),))
    assert snapshot(council) == before


# --- each role does its own work through the operations ------------------------------------------


def test_each_role_does_its_own_work(council):
    gerda = open_workspace(url(council, council.gerda))
    ruud = open_workspace(url(council, council.ruud))
    griet = open_workspace(url(council, council.griet))
    lars = open_workspace(url(council, council.lars))
    try:
        with gerda.action() as session:
            me = gerda.login.actor
            draft = ops.propose_amendment(session, me, kind=AmendmentKind.MODIFY, headline="Groener",
                                          section_id=council.section, text="We bouwen 500 groene woningen.")
            ops.update_draft(session, me, draft.id, text="We bouwen 600 groene woningen.")
            ops.submit_amendment(session, me, draft.id)
            ops.request_co_submission(session, me, draft.id, council.rp)
            ops.endorse_section(session, me, council.section, Position.SUPPORT, minority_position="Liever 700.")
            ops.endorse_amendment(session, me, council.rp_amendment, Position.OPPOSE)
            ops.add_task(session, me, title="Woningbouwplan", participation_level=ParticipationLevel.ADVISEREN,
                         section_ids=[council.section])
            ops.autosave_draft(session, me, f"modify:{council.section}", {"text": "half getypt"})
            amendment = draft.id
        with ruud.action() as session:
            ops.confirm_co_submission(session, ruud.login.actor, amendment)
        with griet.action() as session:
            me = griet.login.actor
            ops.decide_amendment(session, me, amendment, AmendmentStatus.ACCEPTED)
            ops.decide_amendment(session, me, council.rp_amendment, AmendmentStatus.REJECTED, note="Te duur.")
            ops.update_party(session, me, council.gl, seats=8)
            ops.publish_round(session, me)
        with lars.action() as session:
            assert session.get(Amendment, amendment).status == AmendmentStatus.ACCEPTED
            assert session.get(Party, council.gl).seats == 8
            co = session.get(Amendment, amendment).co_submissions
            assert [(c.party_id, c.state) for c in co] == [(council.rp, CoSubmissionState.CONFIRMED)]
            actors = set(session.scalars(sa.select(AuditEvent.actor).where(AuditEvent.seq > 8)))
            assert actors == {council.gerda, council.ruud, council.griet}
            assert verify_chain(session).ok
            assert session.scalar(sa.select(sa.func.count()).select_from(Endorsement)
                                  .where(Endorsement.party_id == council.gl)) == 2
    finally:
        for ws in (gerda, ruud, griet, lars):
            ws.close()


def test_a_party_member_is_told_in_dutch_before_the_database_refuses(council):
    ws = open_workspace(url(council, council.gerda))
    before = snapshot(council)
    try:
        with pytest.raises(PermissionDenied, match="Alleen de griffie kan over amendementen beslissen"):
            with ws.action() as session:
                ops.decide_amendment(session, ws.login.actor, council.rp_amendment, AmendmentStatus.REJECTED,
                                     note="Te duur.")
        with pytest.raises(PermissionDenied, match="eigen fractie"):
            with ws.action() as session:
                ops.endorse_section(session, ws.login.actor, council.section, Position.OPPOSE, party_id=council.rp)
    finally:
        ws.close()
    assert snapshot(council) == before


def test_a_reader_is_told_by_the_application_and_refused_by_the_database(council):
    ws = open_workspace(url(council, council.lars))
    before = snapshot(council)
    try:
        with pytest.raises(PermissionDenied, match="aangemeld als lezer: u kunt alles lezen, maar niets wijzigen"):
            with ws.action() as session:
                ops.endorse_section(session, ws.login.actor, council.section, Position.OPPOSE, party_id=council.rp)
        # An actor made up to pass the application's checks (the griffie's, in the
        # reader's name) gets as far as the database, whose refusal is said in Dutch too.
        with pytest.raises(PermissionDenied, match=f"aangemeld als {council.lars} \\(lezer\\).*niets gewijzigd"):
            with ws.action() as session:
                ops.endorse_section(session, ops.Actor.griffie(council.lars), council.section, Position.OPPOSE,
                                    party_id=council.rp)
    finally:
        ws.close()
    assert snapshot(council) == before


# --- clear messages --------------------------------------------------------------------------------


def test_a_wrong_password_is_said_in_dutch(council):
    with pytest.raises(WorkspaceError, match="het wachtwoord klopt niet, of de gebruiker .* bestaat niet"):
        open_workspace(url(council, council.gerda, "fout"))


def test_a_url_without_password_asks_for_one(council):
    with pytest.raises(PasswordNeeded, match=f"vraagt het wachtwoord van {council.gerda}"):
        open_workspace(url(council, council.gerda, None))


def test_a_login_in_no_group_is_told_so(council):
    stranger = f"vreemde_{council.database}"
    with psycopg.connect(host=str(council.server.root), port=council.server.port, dbname="postgres",
                         user="postgres", autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {stranger} LOGIN PASSWORD '{PASSWORD}'")
    with pytest.raises(WorkspaceError, match=f"aangemeld als {stranger}, maar die gebruiker hoort niet bij"):
        open_workspace(url(council, stranger))


def test_a_database_that_is_not_a_workspace_is_refused(council):
    other = council.server.create_database(f"leeg{council.database}")
    with psycopg.connect(other.replace("postgresql+psycopg", "postgresql"), autocommit=True) as conn:
        conn.execute("CREATE TABLE boeken (titel text)")
    with pytest.raises(WorkspaceError, match="geen Raadsakkoord-werkruimte"):
        open_workspace(other)


def test_the_scram_verifier_is_what_postgresql_checks(council):
    # The verifier made here is the one the server accepts a login against.
    assert logins.scram_verifier("x", salt=b"0" * 16).startswith("SCRAM-SHA-256$4096:MDAwMDAwMDAwMDAwMDAwMA==$")
    with connect(council, council.gerda) as conn:
        assert conn.execute("SELECT session_user").fetchone()[0] == council.gerda
