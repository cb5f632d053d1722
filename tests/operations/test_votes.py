"""The griffie records the council's vote: the majority of the votes cast decides, and the outcome is applied."""

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError, InputError, PermissionDenied
from raadsakkoord.model import (
    Agreement,
    AgreementStatus,
    Amendment,
    AmendmentStatus,
    AuditEvent,
    ImmutableRecordError,
    Position,
    Round,
    Section,
    SectionStatus,
    Vote,
)
from raadsakkoord.queries.voting import VoteItem, agreement_item, item_by_label, vote_result, voting_order

from tests.operations.test_amendment_ops import _propose

GL = ["Gerda Groen", "Gijs Gras", "Greet Gaas", "Guus Geel", "Gea Gier", "Gert Gom", "Gonny Gat"]
RP = ["Ruud Rood", "Rita Roze", "Rob Rijp", "Ria Ros", "Rens Rots"]
BB = ["Bram Blauw", "Bea Boog", "Bas Berg"]


@pytest.fixture
def council(setup):
    """The setup's council with every member by name, and one amendment (A1, by RP) on section Bouwen."""
    with setup.workspace.action() as s:
        ops.set_members(s, setup.griffie, setup.groen, GL)
        ops.set_members(s, setup.griffie, setup.rood, RP)
        ops.set_members(s, setup.griffie, setup.blauw, BB)
        setup.a1 = _propose(s, setup).id
    return setup


def _vote(s, setup, label, **kw):
    return ops.record_vote(s, setup.griffie, item_by_label(s, label), **kw)


def test_the_majority_of_votes_cast_adopts_an_amendment_and_its_text_is_applied(council):
    with council.workspace.action() as s:
        vote = _vote(s, council, "A1", voting_for=[council.groen, council.rood], voting_against=[council.blauw],
                     meeting=dt.date(2026, 11, 26))
        assert (vote.outcome, vote.votes_for, vote.votes_against, vote.absent) == ("adopted", 12, 3, 0)
    with council.workspace.action() as s:
        amendment = s.get(Amendment, council.a1)
        assert amendment.status == AmendmentStatus.ACCEPTED
        assert s.get(Section, council.bouwen).text == amendment.proposed_text
        assert "Aangenomen met 12 stemmen voor en 3 tegen, in de raadsvergadering van 26 november 2026." \
            == amendment.decision_note
        result = vote_result(s, item_by_label(s, "A1"))
        assert (result.outcome, result.votes_for, result.votes_against, result.meeting) == (
            "adopted", 12, 3, dt.date(2026, 11, 26))
        assert [(p.short_name, p.seats, p.votes_for, p.votes_against) for p in result.parties] == [
            ("GL", 7, 7, 0), ("RP", 5, 5, 0), ("BB", 3, 0, 3)]


def test_a_rejected_amendment_is_marked_rejected_with_the_vote_as_its_reason(council):
    with council.workspace.action() as s:
        before = s.get(Section, council.bouwen).text
        vote = _vote(s, council, "a1", voting_for=[council.blauw], voting_against=[council.groen, council.rood])
        assert vote.outcome == "rejected"
    with council.workspace.action() as s:
        amendment = s.get(Amendment, council.a1)
        assert (amendment.status, amendment.decision_note) == (
            AmendmentStatus.REJECTED, "Verworpen met 3 stemmen voor en 12 tegen.")
        assert s.get(Section, council.bouwen).text == before


def test_a_tie_decides_nothing_and_the_item_is_voted_again_as_a_new_record(council):
    with council.workspace.action() as s:
        tie = _vote(s, council, "A1", voting_for=[council.groen], voting_against=[council.rood, council.blauw],
                    absent=["Rens Rots"])
        assert (tie.outcome, tie.votes_for, tie.votes_against, tie.absent) == ("tied", 7, 7, 1)
    with council.workspace.action() as s:
        assert s.get(Amendment, council.a1).status == AmendmentStatus.SUBMITTED
        item = item_by_label(s, "A1")
        assert item in voting_order(s)
        assert vote_result(s, item).outcome == "tied"
    with council.workspace.action() as s:
        _vote(s, council, "A1", voting_for=[council.groen], voting_against=[council.rood, council.blauw])
    with council.workspace.action() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Vote)) == 2
        assert vote_result(s, item_by_label(s, "A1")).outcome == "rejected"
        assert s.get(Amendment, council.a1).status == AmendmentStatus.REJECTED


def test_split_votes_and_absent_members_are_counted_per_member(council):
    with council.workspace.action() as s:
        vote = _vote(s, council, "A1", voting_for=[council.groen, council.blauw], voting_against=[council.rood],
                     split=[("gijs  gras", "against"), ("Rita Roze", "for")], absent=["Bas Berg", "Ria Ros"])
        # GL 6 for + Gijs against; RP 3 against + Rita for, Ria away; BB 2 for, Bas away.
        assert (vote.votes_for, vote.votes_against, vote.absent) == (6 + 1 + 2, 1 + 3, 2)
    with council.workspace.action() as s:
        result = vote_result(s, item_by_label(s, "A1"))
        parties = {p.short_name: p for p in result.parties}
        assert parties["GL"].split == (("Gijs Gras", "against"),)
        assert (parties["RP"].votes_for, parties["RP"].votes_against, parties["RP"].absent) == (1, 3, ("Ria Ros",))
        assert parties["BB"].absent == ("Bas Berg",)


def test_a_party_with_fewer_names_than_seats_votes_with_its_seats(setup):
    with setup.workspace.action() as s:
        ops.set_members(s, setup.griffie, setup.groen, ["Gerda Groen"])
        _propose(s, setup)
        vote = _vote(s, setup, "A1", voting_for=[setup.groen], voting_against=[setup.rood, setup.blauw],
                     split=[("Gerda Groen", "against")])
        assert (vote.votes_for, vote.votes_against) == (6, 9)


@pytest.mark.parametrize("change, message", [
    (dict(voting_for=["GL", "RP", "BB"], voting_against=["BB"]), "BB staat zowel bij voor als bij tegen"),
    (dict(absent=["Piet Onbekend"]), "geen raadslid 'Piet Onbekend'"),
    (dict(absent=["Gijs Gras"], split=[("Gijs Gras", "against")]), "afwezigen én stemt anders"),
    (dict(split=[("Gijs Gras", "for")]), "Gijs Gras stemt voor, net als GL"),
    (dict(split=[("Gijs Gras", "misschien")]), "voor of tegen stemt"),
    (dict(voting_for=["GL"], voting_against=["RP"]), "Geef aan of BB voor of tegen stemt"),
    (dict(voting_for=[], voting_against=[], absent=GL + RP + BB), "niemand gestemd"),
    (dict(meeting=dt.date(2099, 1, 1)), "nog niet geweest"),
])
def test_bad_votes_are_refused_in_one_sentence_and_nothing_is_written(council, change, message):
    ids = {"GL": council.groen, "RP": council.rood, "BB": council.blauw}
    kw = dict(voting_for=["GL", "RP"], voting_against=["BB"])
    kw.update(change)
    kw["voting_for"] = [ids[p] for p in kw["voting_for"]]
    kw["voting_against"] = [ids[p] for p in kw["voting_against"]]
    with pytest.raises(InputError, match=message), council.workspace.action() as s:
        _vote(s, council, "A1", **kw)
    with council.workspace.action() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Vote)) == 0
        assert s.get(Amendment, council.a1).status == AmendmentStatus.SUBMITTED


def _for_all(setup):
    return dict(voting_for=[setup.groen, setup.rood, setup.blauw])


def test_only_a_submitted_open_amendment_is_voted_on(council):
    with council.workspace.action() as s:
        draft = _propose(s, council, text="We bouwen 800 woningen.", submit=False)
        withdrawn = _propose(s, council, text="We bouwen 900 woningen.")
        ops.withdraw_amendment(s, council.rood_actor, withdrawn.id)
        draft_item = VoteItem("amendment", draft.id, council.bouwen, "", draft.headline)
    with pytest.raises(DomainError, match="nog niet ingediend"), council.workspace.action() as s:
        ops.record_vote(s, council.griffie, draft_item, **_for_all(council))
    with pytest.raises(DomainError, match="A2 is ingetrokken"), council.workspace.action() as s:
        _vote(s, council, "A2", **_for_all(council))
    with council.workspace.action() as s:
        _vote(s, council, "A1", **_for_all(council))
    with pytest.raises(DomainError, match="Over amendement A1 is al besloten: het is aanvaard"), \
            council.workspace.action() as s:
        _vote(s, council, "A1", **_for_all(council))


def test_a_subamendment_is_voted_on_before_its_amendment(council):
    with council.workspace.action() as s:
        sub = _propose(s, council, text="We bouwen 650 woningen.", submit=False, actor=council.groen_actor)
        sub.parent = s.get(Amendment, council.a1)
        ops.submit_amendment(s, council.groen_actor, sub.id)
    with pytest.raises(DomainError, match=r"Stem eerst over subamendement A1\.1\."), \
            council.workspace.action() as s:
        _vote(s, council, "A1", **_for_all(council))
    with council.workspace.action() as s:
        _vote(s, council, "A1.1", voting_for=[council.groen], voting_against=[council.rood, council.blauw])
        _vote(s, council, "A1", **_for_all(council))
        assert s.get(Amendment, council.a1).status == AmendmentStatus.ACCEPTED


def test_a_section_is_voted_on_after_its_amendments_and_adopted_or_lapses(council):
    with pytest.raises(DomainError, match="Stem eerst over amendement A1"), council.workspace.action() as s:
        _vote(s, council, "1.1", **_for_all(council))
    with council.workspace.action() as s:
        _vote(s, council, "A1", **_for_all(council))
        _vote(s, council, "hoofdlijn 1.1", **_for_all(council))
        _vote(s, council, "1.2", voting_for=[council.blauw], voting_against=[council.groen, council.rood])
    with council.workspace.action() as s:
        assert s.get(Section, council.bouwen).status == SectionStatus.ADOPTED
        assert s.get(Section, council.huur).status == SectionStatus.REJECTED
        assert [i.label for i in voting_order(s)] == ["hoofdlijn 2.1", "het raadsakkoord"]
    with pytest.raises(DomainError, match="Over hoofdlijn 1.1 is al besloten: zij is vastgesteld"), \
            council.workspace.action() as s:
        _vote(s, council, "1.1", **_for_all(council))


def test_the_final_vote_adopts_the_agreement_by_publishing_the_final_round(council):
    with pytest.raises(DomainError, match="Stem eerst over amendement A1"), council.workspace.action() as s:
        _vote(s, council, "raadsakkoord", **_for_all(council))
    with council.workspace.action() as s:
        _vote(s, council, "A1", **_for_all(council))
        rejected = _vote(s, council, "raadsakkoord", voting_for=[council.blauw],
                         voting_against=[council.groen, council.rood])
        assert rejected.outcome == "rejected"
        assert s.get(Agreement, rejected.agreement_id).status == AgreementStatus.DRAFTING
        _vote(s, council, "het raadsakkoord", voting_for=[council.groen, council.rood],
              voting_against=[council.blauw], meeting=dt.date(2026, 12, 3))
    with council.workspace.action() as s:
        agreement = s.scalars(sa.select(Agreement)).one()
        final = s.scalars(sa.select(Round).where(Round.is_final)).one()
        assert agreement.status == AgreementStatus.ADOPTED
        assert "in de raadsvergadering van 3 december 2026" in final.note
        assert {sec.status for sec in s.scalars(sa.select(Section))} == {SectionStatus.ADOPTED}
        assert vote_result(s, agreement_item(s)).votes_for == 12
        assert voting_order(s) == []
    with pytest.raises(DomainError, match="definitief vastgesteld"), council.workspace.action() as s:
        ops.record_vote(s, council.griffie, agreement_item(s), **_for_all(council))


def test_a_vote_is_in_the_audit_trail_with_its_counts_per_party(council):
    with council.workspace.action() as s:
        _vote(s, council, "A1", voting_for=[council.groen, council.rood], voting_against=[council.blauw],
              absent=["Bas Berg"])
    with council.workspace.action() as s:
        events = s.scalars(sa.select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(2)).all()
        assert [e.action for e in events] == ["decide_amendment", "record_vote"]
        payload = json.loads(events[1].payload)
        assert (payload["label"], payload["outcome"], payload["votes_for"], payload["votes_against"]) == (
            "A1", "adopted", 12, 2)
        assert payload["parties"][2] == {"party": "BB", "for": 0, "against": 2, "absent": ["Bas Berg"], "split": []}


def test_a_vote_once_recorded_is_never_changed(council):
    with council.workspace.action() as s:
        _vote(s, council, "A1", **_for_all(council))
    with pytest.raises(ImmutableRecordError), council.workspace.action() as s:
        s.scalars(sa.select(Vote)).one().votes_for = 1


def test_only_the_griffie_records_a_vote(council):
    with pytest.raises(PermissionDenied, match="Alleen de griffie"), council.workspace.action() as s:
        ops.record_vote(s, council.rood_actor, item_by_label(s, "A1"), **_for_all(council))


def test_the_dialogs_defaults_follow_each_partys_position_on_the_amendment(council):
    from raadsakkoord.queries.ballot import default_stances

    with council.workspace.action() as s:
        ops.endorse_amendment(s, council.blauw_actor, council.a1, Position.OPPOSE)
        ops.endorse_amendment(s, council.groen_actor, council.a1, Position.ABSTAIN)
        stances = default_stances(s, "amendment", council.a1, None)
    # RP submitted it; GL abstains, which is no vote: the clerk fills that in.
    assert stances == {council.rood: "for", council.blauw: "against"}


def test_the_audit_trail_tells_the_vote_in_words(council):
    from raadsakkoord.queries.auditlog import AuditFilter, audit_page

    with council.workspace.action() as s:
        _vote(s, council, "A1", voting_for=[council.groen, council.rood], voting_against=[council.blauw],
              absent=["Bas Berg"], split=[("Gijs Gras", "against")], meeting=dt.date(2026, 11, 26))
        items = voting_order(s)
        ops.set_voting_order(s, council.griffie, [items[1], items[0], *items[2:]])
    with council.workspace.action() as s:
        rows = audit_page(s, AuditFilter(kind="votes"))
    assert [(r.description, r.details) for r in rows] == [
        ("stemvolgorde gewijzigd", "4 onderwerpen; verplaatst: hoofdlijn 1.2, hoofdlijn 1.1"),
        ("stemming van de raad vastgelegd",
         "A1 ‘Meer woningen’ (RP): Aangenomen met 11 stemmen voor en 3 tegen (1 afwezig) "
         "(raadsvergadering van 26 november 2026) — GL: 6 voor, 1 tegen; anders dan de fractie: Gijs Gras (tegen); "
         "RP: 5 voor; BB: 2 tegen; afwezig: Bas Berg"),
    ]
