"""What the griffie is shown before publishing a round."""

from raadsakkoord import operations as ops
from raadsakkoord.model import AmendmentKind, AmendmentStatus, Position, SectionStatus
from raadsakkoord.queries.round_readiness import published_rounds, round_readiness


def test_a_fresh_agreement_has_no_round_and_every_section_lacks_a_majority(setup):
    with setup.workspace.action() as s:
        ready = round_readiness(s)
        assert published_rounds(s) == ()
    assert ready.last_round is None and ready.next_number == 1
    assert ready.changed_since_last and not ready.adopted
    assert [(w.number, w.title, w.support_seats, w.council_seats) for w in ready.without_majority] == [
        ("1.1", "Bouwen", 0, 15), ("1.2", "Huur", 0, 15), ("2.1", "Begroting", 0, 15)]
    assert ready.open_amendments == () and ready.stale == ()


def test_open_amendments_per_section_and_new_sections_per_chapter(setup):
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
        ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.huur,
                              headline="Huur bevriezen", text="De huren stijgen niet.", submit=True)
        ops.propose_amendment(s, setup.groen_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                              headline="Meer bouwen", text="We bouwen 800 woningen.", submit=True)
        ops.propose_amendment(s, setup.blauw_actor, kind=AmendmentKind.NEW_SECTION, chapter_id=setup.geld,
                              title="Belastingen", headline="Lastenverlichting", text="De OZB daalt.",
                              submit=True)
        ops.propose_amendment(s, setup.blauw_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                              headline="Nog een concept", text="We bouwen niet.")  # a draft: not the griffie's
        decided = ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.begroting,
                                        headline="Sluitend", text="De begroting sluit.", submit=True)
        ops.decide_amendment(s, setup.griffie, decided.id, AmendmentStatus.REJECTED, note="Geen meerderheid")
        ready = round_readiness(s)
    assert [(o.number, o.title, o.new_sections, [(a.headline, a.party) for a in o.amendments])
            for o in ready.open_amendments] == [
        ("1.1", "Bouwen", False, [("Meer bouwen", "GL")]),
        ("1.2", "Huur", False, [("Huur bevriezen", "RP")]),
        ("2", "Financiën", True, [("Lastenverlichting", "BB")]),
    ]
    assert ready.open_count == 3
    assert ready.last_round.label == "Concept 1" and ready.next_number == 2
    assert not ready.changed_since_last  # amendments alone change no frozen text


def test_majority_stale_positions_and_changes_since_the_last_round(setup):
    with setup.workspace.action() as s:
        for actor in (setup.groen_actor, setup.blauw_actor):
            ops.endorse_section(s, actor, setup.bouwen, Position.SUPPORT)
            ops.endorse_section(s, actor, setup.huur, Position.SUPPORT)
        ops.publish_round(s, setup.griffie)
        ops.revise_section(s, setup.griffie, setup.huur, "De huren stijgen met de inflatie mee.", reason="Compromis")
        ops.set_section_status(s, setup.griffie, setup.begroting, SectionStatus.WITHDRAWN, reason="Dubbel")
        ready = round_readiness(s)
        [first] = published_rounds(s)
    assert (first.number, first.label, first.is_final, first.published_by) == (1, "Concept 1", False, "Griet Griffier")
    assert ready.changed_since_last
    # Bouwen has 10 of 15 seats; Huur's support is stale after the revision; withdrawn Begroting does not count.
    assert [w.number for w in ready.without_majority] == ["1.2"]
    assert [(p.party, p.sections) for p in ready.stale] == [("BB", ("1.2",)), ("GL", ("1.2",))]
    assert ready.stale_count == 2 and not ready.all_settled


def test_after_the_final_round_the_agreement_is_adopted(setup):
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie, final=True)
        ready = round_readiness(s)
    assert ready.adopted and ready.last_round.is_final and ready.last_round.label == "Definitief"
