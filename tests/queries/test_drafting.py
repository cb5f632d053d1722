"""The read models behind the drafting window: badges, one section, one chapter."""

from raadsakkoord import operations as ops
from raadsakkoord.queries.drafting import chapter_detail, section_badges, section_detail
from raadsakkoord.model import AmendmentKind, AmendmentStatus, Position


def _amend(s, actor, section, text, *, submit=True, headline="Meer"):
    return ops.propose_amendment(s, actor, kind=AmendmentKind.MODIFY, section_id=section,
                                 headline=headline, text=text, submit=submit)


def test_a_party_sees_submitted_amendments_and_only_its_own_drafts(setup):
    with setup.workspace.action() as s:
        _amend(s, setup.groen_actor, setup.bouwen, "We bouwen 800 woningen.", submit=False, headline="Eigen concept")
        _amend(s, setup.rood_actor, setup.bouwen, "We bouwen 600 woningen.", submit=False, headline="Ander concept")
        _amend(s, setup.blauw_actor, setup.bouwen, "We bouwen 300 woningen.", headline="Ingediend")
    with setup.workspace.action() as s:
        seen = {e.headline for e in section_detail(s, setup.bouwen, setup.groen).amendments}
        assert seen == {"Eigen concept", "Ingediend"}
        assert {e.headline for e in section_detail(s, setup.bouwen, None).amendments} == {"Ingediend"}
        badges = section_badges(s, setup.groen)
        assert badges[setup.bouwen].open_amendments == 2
        assert badges[setup.huur].open_amendments == 0
        assert section_badges(s, None)[setup.bouwen].open_amendments == 1


def test_badges_show_the_partys_own_position_and_when_it_went_stale(setup):
    with setup.workspace.action() as s:
        ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.OPPOSE, minority_position="Te weinig.")
        badge = section_badges(s, setup.groen)[setup.bouwen]
        assert (badge.own_position, badge.own_stale) == (Position.OPPOSE, False)
        ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 700 woningen.", reason="Akkoord")
        badge = section_badges(s, setup.groen)[setup.bouwen]
        assert (badge.own_position, badge.own_stale) == (Position.OPPOSE, True)
        detail = section_detail(s, setup.bouwen, setup.groen)
        assert (detail.own_position, detail.own_minority, detail.own_stale) == (Position.OPPOSE, "Te weinig.", True)
        assert section_badges(s, setup.rood)[setup.bouwen].own_position is None


def test_history_runs_newest_first_and_the_previous_round_is_the_one_before_the_latest(setup):
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
        ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 700 woningen.", reason="Ronde 2")
        detail = section_detail(s, setup.bouwen, None)
        # Only one round: its text is the reference.
        assert (detail.previous_round, detail.previous_round_text) == (1, "We bouwen 500 woningen.\n\nDe helft is sociale huur.")
        ops.publish_round(s, setup.griffie)
        detail = section_detail(s, setup.bouwen, None)
        assert detail.previous_round == 1 and detail.previous_round_text.startswith("We bouwen 500")
        assert [r.number for r in detail.revisions] == [2, 1]
        assert detail.revisions[0].reason == "Ronde 2"


def test_a_section_added_after_the_previous_round_counts_as_all_new(setup):
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
        new = ops.add_section(s, setup.griffie, chapter_id=setup.wonen, title="Nieuw", text="Alles nieuw.")
        ops.publish_round(s, setup.griffie)
        assert section_detail(s, new.id, None).previous_round_text == ""


def test_amendment_entries_carry_support_and_the_partys_own_position(setup):
    with setup.workspace.action() as s:
        amendment = _amend(s, setup.rood_actor, setup.bouwen, "We bouwen 600 woningen.")
        ops.endorse_amendment(s, setup.groen_actor, amendment.id, Position.SUPPORT, minority_position="Graag meer.")
        entry = section_detail(s, setup.bouwen, setup.groen).amendments[0]
        assert entry.status == AmendmentStatus.SUBMITTED and entry.party == "RP"
        assert entry.support.support_seats == 7
        assert (entry.own_position, entry.own_minority) == (Position.SUPPORT, "Graag meer.")
        assert entry.base_text.startswith("We bouwen 500") and entry.new_text == "We bouwen 600 woningen."


def test_a_chapter_lists_its_proposed_new_sections(setup):
    with setup.workspace.action() as s:
        ops.propose_amendment(s, setup.groen_actor, kind=AmendmentKind.NEW_SECTION, chapter_id=setup.wonen,
                              headline="Tiny houses", title="Tiny houses", text="Ruimte voor tiny houses.")
        assert [p.proposed_title for p in chapter_detail(s, setup.wonen, setup.groen).proposals] == ["Tiny houses"]
        assert chapter_detail(s, setup.wonen, setup.rood).proposals == ()
