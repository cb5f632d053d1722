"""Which sections another window's change touched, and a section's text as it is now."""

from __future__ import annotations

import uuid

from raadsakkoord import operations as ops
from raadsakkoord.model import Position
from raadsakkoord.queries.changes import current_revision, latest_change, sections_touched
from raadsakkoord.store.changefeed import Change


def test_an_amendment_or_a_position_counts_for_its_section(setup):
    with setup.workspace.action() as s:
        amendment = ops.propose_amendment(s, setup.rood_actor, kind="modify", section_id=setup.huur,
                                          headline="Lager", text="De huren dalen.", submit=True)
        ops.endorse_section(s, setup.groen_actor, setup.begroting, Position.SUPPORT)
    with setup.workspace.action() as s:
        touched = sections_touched(s, Change(amendments=frozenset({amendment.id}), sections=frozenset({setup.begroting}),
                                             parties=frozenset({setup.groen})))
    assert touched == frozenset({setup.huur, setup.begroting})


def test_a_new_section_a_chapter_or_an_unknown_amendment_may_touch_any_section(setup):
    with setup.workspace.action() as s:
        proposal = ops.propose_amendment(s, setup.rood_actor, kind="new_section", chapter_id=setup.wonen,
                                         headline="Nieuw", title="Groen", text="Meer bomen.", submit=True)
    with setup.workspace.action() as s:
        assert sections_touched(s, Change(amendments=frozenset({proposal.id}))) is None
        assert sections_touched(s, Change(amendments=frozenset({uuid.uuid4()}))) is None
        assert sections_touched(s, Change(chapters=frozenset({setup.wonen}))) is None
        assert sections_touched(s, Change(everything=True)) is None
        assert sections_touched(s, Change(tasks=frozenset({uuid.uuid4()}))) == frozenset()


def test_the_current_revision_names_who_wrote_it_and_the_newest_change_is_counted(setup):
    with setup.workspace.action() as s:
        before = latest_change(s)
        ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 800 woningen.", reason="akkoord")
    with setup.workspace.action() as s:
        revision = current_revision(s, setup.bouwen)
        assert latest_change(s) == before + 1
    assert (revision.text, revision.author, revision.number) == ("We bouwen 800 woningen.", "Griet Griffier", 2)
    assert revision.created_at.tzinfo is not None
