"""Verifying the audit trail: what an attacker with the database file changes behind Raadsakkoord's back is found.

Each change here is made to the real database outside Raadsakkoord (with
``sqlite3`` on the file, or SQL on the PostgreSQL database), never through
the model, as someone holding the file would make it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.base.text import sha256_hex
from raadsakkoord.model import (
    AmendmentKind,
    AmendmentStatus,
    AuditAnchor,
    AuditEvent,
    AuditHead,
    Position,
    Round,
)
from raadsakkoord.queries.verification import verify
from raadsakkoord.store.audit import record

MORE_HOUSES = "We bouwen 800 woningen.\n\nDe helft is sociale huur."


def tamper(workspace, *statements: str) -> None:
    """Change the database behind Raadsakkoord's back, in one transaction."""
    if workspace.is_sqlite:
        with contextlib.closing(sqlite3.connect(workspace.url.database)) as conn:
            for statement in statements:
                conn.execute(statement)
            conn.commit()
    else:
        with workspace.engine.begin() as conn:
            # As the server's superuser, who can switch the log's append-only trigger off.
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
            for statement in statements:
                conn.exec_driver_sql(statement)


def check(workspace):
    with workspace.action() as session:
        return verify(session)


@pytest.fixture
def busy(setup):
    """The small agreement after a day of work: positions, amendments decided and undone, seats, two rounds."""
    s, griffie = setup, setup.griffie
    with s.workspace.action() as session:
        ops.endorse_section(session, s.groen_actor, s.bouwen, Position.SUPPORT)
        ops.endorse_section(session, s.rood_actor, s.bouwen, Position.OPPOSE, minority_position="Te veel beton.")
        ops.endorse_section(session, s.blauw_actor, s.huur, Position.ABSTAIN)
        more = ops.propose_amendment(session, s.rood_actor, kind=AmendmentKind.MODIFY, section_id=s.bouwen,
                                     headline="Meer woningen", text=MORE_HOUSES, submit=True)
        s.more = more.id
        ops.endorse_amendment(session, s.groen_actor, more.id, Position.SUPPORT, minority_position="Graag.")
        ops.publish_round(session, griffie)
        ops.decide_amendment(session, griffie, more.id, AmendmentStatus.ACCEPTED, note="Akkoord")
        ops.undo_decision(session, griffie, more.id)
        ops.decide_amendment(session, griffie, more.id, AmendmentStatus.ACCEPTED, note="Toch akkoord")
        rent = ops.propose_amendment(session, s.blauw_actor, kind=AmendmentKind.MODIFY, section_id=s.huur,
                                     headline="Vaste huur", text="De huren stijgen niet.", submit=True)
        s.rent = rent.id
        ops.withdraw_amendment(session, s.blauw_actor, rent.id, reason="Te vroeg")
        before = ops.endorsement_snapshot(session, s.blauw, section_id=s.huur)
        ops.endorse_section(session, s.blauw_actor, s.huur, Position.SUPPORT)
        ops.restore_endorsement(session, s.blauw_actor, before)
        ops.update_agreement(session, griffie, council_seats=17)
        ops.update_party(session, griffie, s.blauw, seats=2)
        ops.revise_section(session, griffie, s.begroting, "De begroting is structureel en reëel sluitend.",
                           reason="Redactie")
        ops.confirm_endorsements(session, s.rood_actor)
        ops.publish_round(session, griffie, note="Na de besluiten")
    for n in range(45):
        with s.workspace.action() as session:
            ops.rename_section(session, griffie, s.begroting, f"Begroting {n}")
    return s


def test_a_workspace_after_a_day_of_work_verifies_clean(busy):
    report = check(busy.workspace)
    assert report.ok, report.lines()
    assert (report.problems, report.unverifiable) == ((), 0)
    assert report.events > 60
    with busy.workspace.action() as session:
        head = session.get(AuditHead, 1)
        newest = session.scalars(sa.select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()
        assert (head.seq, head.hash, head.verified_from) == (newest.seq, newest.hash, 1)
        rounds = session.scalars(sa.select(Round).order_by(Round.number)).all()
        anchors = {a.subject: (a.seq, a.hash) for a in session.scalars(sa.select(AuditAnchor))}
        for published in rounds:
            event = session.get(AuditEvent, published.audit_seq)
            assert event.action == "publish_round" and event.hash == published.audit_hash
            assert anchors[f"round:{published.id}"] == (published.audit_seq, published.audit_hash)


def test_the_demo_verifies_clean(new_target):
    from raadsakkoord.demo import create_demo_workspace

    workspace = create_demo_workspace(new_target("demo"))
    try:
        report = check(workspace)
    finally:
        workspace.close()
    assert report.ok and report.unverifiable == 0, report.lines()


@pytest.mark.parametrize(("removed", "where", "says"), [
    (1, "seq = (SELECT MAX(seq) FROM audit_event)", "de nieuwste gebeurtenis is weggehaald"),
    (50, "seq > (SELECT MAX(seq) - 50 FROM audit_event)", "de nieuwste 50 gebeurtenissen zijn weggehaald"),
    ("all", "1 = 1", "alle gebeurtenissen zijn weggehaald"),
])
def test_removing_the_newest_events_is_found(busy, removed, where, says):
    with busy.workspace.action() as session:
        newest = session.scalar(sa.select(sa.func.max(AuditEvent.seq)))
    tamper(busy.workspace, f"DELETE FROM audit_event WHERE {where}")
    report = check(busy.workspace)
    assert not report.ok
    assert report.chain.ok  # what is left of the chain is intact: only the head tells
    head = report.problems[0]
    assert says in head
    if removed != "all":
        assert f"noemt gebeurtenis {newest}" in head


def _revision_text(workspace, title: str) -> str:
    with workspace.engine.connect() as conn:
        return conn.execute(sa.text("SELECT r.text FROM revision r JOIN section s ON r.section_id = s.id "
                                    "WHERE s.title = :title AND r.number = 1"), {"title": title}).scalar_one()


def test_an_edited_revision_text_is_found(busy):
    tamper(busy.workspace, "UPDATE revision SET text = 'De huren stijgen fors.' WHERE number = 1 AND section_id = "
                           "(SELECT id FROM section WHERE title = 'Huur')")
    report = check(busy.workspace)
    assert report.problems == (("De tekst van hoofdlijn 1.2 (Huur), versie 1, klopt niet met zijn vingerafdruk: "
                                "de tekst is achteraf gewijzigd."),)


def test_an_edited_text_with_its_hash_recomputed_is_found(busy):
    forged = _revision_text(busy.workspace, "Huur").replace("niet harder", "veel harder")
    tamper(busy.workspace, f"UPDATE revision SET text = '{forged}', sha256 = '{sha256_hex(forged)}' "
                           "WHERE number = 1 AND section_id = (SELECT id FROM section WHERE title = 'Huur')")
    report = check(busy.workspace)
    assert report.problems == (("De tekst van hoofdlijn 1.2 (Huur), versie 1, is een andere dan het logboek "
                                "vastlegde toen de versie werd gemaakt: de tekst en zijn vingerafdruk zijn achteraf "
                                "gewijzigd."),)


def test_an_edited_position_is_found(busy):
    tamper(busy.workspace, "UPDATE endorsement SET position = 'support' WHERE "
                           "party_id = (SELECT id FROM party WHERE short_name = 'RP') AND "
                           "section_id = (SELECT id FROM section WHERE title = 'Bouwen')")
    assert check(busy.workspace).problems == (
        "Het standpunt van RP over hoofdlijn 1.1 (Bouwen) is 'steunt', maar volgens het logboek 'steunt niet'.",)


def test_an_edited_minority_position_is_found(busy):
    tamper(busy.workspace, "UPDATE endorsement SET minority_position = 'Prima zo.' WHERE "
                           "party_id = (SELECT id FROM party WHERE short_name = 'RP')")
    assert check(busy.workspace).problems == (
        "De minderheidspositie van RP over hoofdlijn 1.1 (Bouwen) is een andere dan het logboek vastlegde.",)


def test_a_removed_position_is_found(busy):
    tamper(busy.workspace, "DELETE FROM endorsement WHERE amendment_id IS NOT NULL")
    assert check(busy.workspace).problems == (
        "Het standpunt van GL over amendement 'Meer woningen' is weggehaald; het logboek noemt het wel.",)


def test_an_edited_amendment_status_is_found(busy):
    tamper(busy.workspace, "UPDATE amendment SET status = 'accepted' WHERE headline = 'Vaste huur'")
    assert check(busy.workspace).problems == (
        "Amendement 'Vaste huur' is aanvaard, maar volgens het logboek ingetrokken.",)


def test_edited_seats_are_found(busy):
    tamper(busy.workspace, "UPDATE party SET seats = 4 WHERE short_name = 'BB'")
    assert check(busy.workspace).problems == ("Fractie BB heeft 4 zetels, maar volgens het logboek 2 zetels.",)


def test_an_edited_council_size_is_found(busy):
    tamper(busy.workspace, "UPDATE agreement SET council_seats = 29")
    assert check(busy.workspace).problems == ("De raad heeft 29 zetels, maar volgens het logboek 17.",)


def test_seats_beyond_the_council_are_found(busy):
    tamper(busy.workspace, "UPDATE party SET seats = 12 WHERE short_name = 'GL'")
    problems = check(busy.workspace).problems
    assert "De fracties hebben samen 19 zetels, meer dan de 17 zetels van de raad." in problems
    assert "Fractie GL heeft 12 zetels, maar volgens het logboek 7 zetels." in problems


def test_a_round_whose_anchor_left_the_chain_is_found(busy):
    """The log cut back to before round 1 and its head set to match: only the round's anchor tells."""
    with busy.workspace.action() as session:
        first = session.scalars(sa.select(Round).where(Round.number == 1)).one()
        label, seq = first.label, first.audit_seq
    tamper(busy.workspace,
           f"DELETE FROM audit_event WHERE seq >= {seq}",
           "UPDATE audit_head SET seq = (SELECT MAX(seq) FROM audit_event), "
           "hash = (SELECT hash FROM audit_event WHERE seq = (SELECT MAX(seq) FROM audit_event))")
    report = check(busy.workspace)
    assert report.chain.ok and not any("kop van het logboek" in p for p in report.problems)
    assert (f"Ronde '{label}' verwijst naar gebeurtenis {seq} van het logboek, maar die gebeurtenis is "
            "weggehaald.") in report.problems


def test_a_chain_rewritten_past_an_anchor_is_found(busy):
    """The log cut back and written on through Raadsakkoord: the same numbers, other hashes."""
    with busy.workspace.action() as session:
        second = session.scalars(sa.select(Round).where(Round.number == 2)).one()
        seq = second.audit_seq
    tamper(busy.workspace, f"DELETE FROM audit_event WHERE seq >= {seq}",
           "UPDATE audit_head SET seq = (SELECT MAX(seq) FROM audit_event), "
           "hash = (SELECT hash FROM audit_event WHERE seq = (SELECT MAX(seq) FROM audit_event))")
    for n in range(60):
        with busy.workspace.action() as session:
            ops.rename_section(session, busy.griffie, busy.huur, f"Huur {n}")
    report = check(busy.workspace)
    assert report.chain.ok
    assert (f"Ronde 'Concept 2' verwijst naar gebeurtenis {seq} van het logboek, maar die gebeurtenis is een "
            "andere geworden: het logboek is herschreven.") in report.problems


def _old_import(session, setup) -> None:
    """What an older version logged for an import: counts, not the values it set (here: RP's position)."""
    endorsement = ops.endorsement_snapshot(session, setup.rood, section_id=setup.bouwen)
    assert endorsement.position == Position.OPPOSE
    session.execute(sa.text("UPDATE endorsement SET position = 'support' WHERE position = 'oppose'"))
    record(session, at=dt.datetime.now(dt.UTC), actor="Griet Griffier", party_id=None,
           action="import_party_package", payload={"kind": "party", "sender": "RP", "counts": {}})


def test_an_import_by_an_older_version_is_not_verifiable_rather_than_tampered(busy, workspace_target):
    from alembic.command import downgrade

    from raadsakkoord.store.workspace import (
        alembic_config,
        migration_engine,
        open_workspace,
        parse_target,
    )

    with busy.workspace.action() as session:
        _old_import(session, busy)
    busy.workspace.close()
    engine = migration_engine(parse_target(workspace_target))
    with engine.begin() as conn:
        downgrade(alembic_config(conn), "0004")
    engine.dispose()
    workspace = open_workspace(workspace_target)  # migrated again: the head made from the chain
    try:
        report = check(workspace)
        with workspace.action() as session:
            head = session.get(AuditHead, 1)
            newest = session.scalar(sa.select(sa.func.max(AuditEvent.seq)))
            assert (head.seq, head.verified_from) == (newest, newest + 1)
            ops.rename_section(session, busy.griffie, busy.huur, "Huren")
        after = check(workspace)
    finally:
        workspace.close()
    assert report.ok and report.unverifiable > 0, report.lines()
    assert "konden niet worden nagegaan" in report.lines()[-1]
    assert after.ok and after.events == report.events + 1


def test_an_import_without_its_values_by_this_version_is_not_trusted(busy):
    with busy.workspace.action() as session:
        _old_import(session, busy)
    assert check(busy.workspace).problems == (
        "Het standpunt van RP over hoofdlijn 1.1 (Bouwen) is 'steunt', maar volgens het logboek 'steunt niet'.",)


def test_event_kinds_it_does_not_know_are_passed_over(busy):
    """A later version's event about an amendment (a co-submitter's consent, say) sets none of the checked values."""
    with busy.workspace.action() as session:
        record(session, at=dt.datetime.now(dt.UTC), actor="Ruud Rood", party_id=busy.rood,
               action="give_consent", payload={"amendment": str(busy.more), "party": str(busy.groen), "seats": 99})
    report = check(busy.workspace)
    assert report.ok and report.unverifiable == 0, report.lines()
