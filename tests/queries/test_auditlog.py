"""The audit log in words: descriptions, payload summaries, filters and pages."""

import ast
import datetime as dt
from pathlib import Path

import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.queries.auditlog import (
    ACTIONS,
    GRIFFIE,
    KINDS,
    AuditFilter,
    audit_choices,
    audit_count,
    audit_page,
)
from raadsakkoord.model import AmendmentKind, AmendmentStatus, AuditEvent, Position

ROOT = Path(__file__).resolve().parents[2]


def logged_action_names() -> set[str]:
    """Every action name passed to log(session, actor, "…") anywhere in the core."""
    names = set()
    for path in (ROOT / "raadsakkoord").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "log"
                    and len(node.args) >= 3 and isinstance(node.args[2], ast.Constant)):
                names.add(node.args[2].value)
    return names


def test_every_logged_action_has_dutch_words_and_a_kind():
    found = logged_action_names()
    assert len(found) > 25
    assert found <= set(ACTIONS), sorted(found - set(ACTIONS))
    assert {kind for _, kind in ACTIONS.values()} == set(KINDS)


def _story(setup):
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
        amendment = ops.propose_amendment(s, setup.groen_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                                          headline="Meer woningen", text="We bouwen 800 woningen.", submit=True)
        ops.endorse_section(s, setup.rood_actor, setup.huur, Position.OPPOSE, minority_position="Te duur.")
        ops.endorse_amendment(s, setup.blauw_actor, amendment.id, Position.SUPPORT)
        ops.decide_amendment(s, setup.griffie, amendment.id, AmendmentStatus.REJECTED, note="Geen meerderheid")
    return amendment


def test_events_read_as_sentences_newest_first(setup):
    _story(setup)
    with setup.workspace.action() as s:
        rows = audit_page(s, limit=6)
    assert [(r.actor, r.party, r.description, r.details) for r in rows] == [
        ("Griet Griffier", "", "besluit over een amendement", "A1 ‘Meer woningen’ (GL): verworpen — Geen meerderheid"),
        ("Bram Blauw", "BB", "standpunt over een amendement", "A1 ‘Meer woningen’ (GL): BB steunt"),
        ("Ruud Rood", "RP", "standpunt over een hoofdlijn",
         "hoofdlijn 1.2 Huur: RP steunt niet (met minderheidsstandpunt)"),
        ("Gerda Groen", "GL", "amendement ingediend", "A1 ‘Meer woningen’ (GL)"),
        ("Gerda Groen", "GL", "amendement opgesteld", "‘Meer woningen’ op hoofdlijn 1.1 Bouwen"),
        ("Griet Griffier", "", "ronde gepubliceerd", "Concept 1 (ronde 1, 3 hoofdlijnen)"),
    ]
    assert [r.seq for r in rows] == sorted((r.seq for r in rows), reverse=True)


def test_pages_follow_each_other_without_gaps(setup):
    _story(setup)
    with setup.workspace.action() as s:
        everything = [r.seq for r in audit_page(s, limit=1000)]
        first = audit_page(s, limit=4)
        second = audit_page(s, before=first[-1].seq, limit=4)
        total = audit_count(s)
    assert [r.seq for r in first + second] == everything[:8]
    assert total == len(everything) == everything[0]


def test_filters_keep_exactly_the_matching_events(setup):
    _story(setup)
    with setup.workspace.action() as s:
        by_gerda = audit_page(s, AuditFilter(actor="Gerda Groen"))
        by_rp = audit_page(s, AuditFilter(party=setup.rood))
        by_griffie = audit_page(s, AuditFilter(party=GRIFFIE))
        positions = audit_page(s, AuditFilter(kind="positions"))
        all_rows = audit_page(s, limit=1000)
        assert audit_count(s, AuditFilter(party=GRIFFIE)) == len(by_griffie)
        choices = audit_choices(s)
    assert [r.description for r in by_gerda] == ["amendement ingediend", "amendement opgesteld"]
    assert [r.details for r in by_rp] == ["hoofdlijn 1.2 Huur: RP steunt niet (met minderheidsstandpunt)"]
    assert {r.actor for r in by_griffie} == {"Griet Griffier"} and all(r.party == "" for r in by_griffie)
    assert len(by_griffie) == len([r for r in all_rows if r.party == ""])
    assert [r.description for r in positions] == ["standpunt over een amendement", "standpunt over een hoofdlijn"]
    assert choices.actors == ("Bram Blauw", "Gerda Groen", "Griet Griffier", "Ruud Rood")
    assert [name for _, name in choices.parties] == ["BB", "GL", "RP"]


def test_a_date_range_is_inclusive_from_and_exclusive_until(setup):
    _story(setup)
    with setup.workspace.action() as s:
        moments = sorted(s.scalars(sa.select(AuditEvent.at)))
        middle = moments[len(moments) // 2]
        since = audit_page(s, AuditFilter(since=middle), limit=1000)
        until = audit_page(s, AuditFilter(until=middle), limit=1000)
        later = audit_page(s, AuditFilter(since=moments[-1] + dt.timedelta(seconds=1)))
    assert len(since) + len(until) == len(moments)
    assert all(r.at >= middle for r in since) and all(r.at < middle for r in until)
    assert later == []


def test_an_unknown_action_or_odd_payload_is_shown_as_it_is(setup):
    with setup.workspace.action() as s:
        s.add(AuditEvent(seq=999, at=dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc), actor="Later", party_id=None,
                         action="future_thing", payload='{"x":1}', prev_hash="p" * 64, hash="h" * 64))
        s.add(AuditEvent(seq=998, at=dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc), actor="Later", party_id=None,
                         action="submit_amendment", payload='{"amendment":"geen-id"}', prev_hash="q" * 64,
                         hash="h" * 64))
    with setup.workspace.action() as s:
        future, odd = audit_page(s, limit=2)
    assert (future.description, future.details) == ("future_thing", "x: 1")
    assert (odd.description, odd.details) == ("amendement ingediend", "(onbekend amendement)")


def test_an_undone_decision_says_what_it_was(setup):
    amendment = _story(setup)
    with setup.workspace.action() as s:
        ops.undo_decision(s, setup.griffie, amendment.id)
    with setup.workspace.action() as s:
        [row] = audit_page(s, limit=1)
    assert (row.description, row.details) == ("besluit over een amendement teruggedraaid",
                                              "A1 ‘Meer woningen’ (GL): weer ingediend (was verworpen)")
