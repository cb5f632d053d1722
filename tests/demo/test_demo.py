"""The demo workspace is built through the real operations and matches its content."""

import json

import pytest
import sqlalchemy as sa

from raadsakkoord.store.audit import verify_chain
from raadsakkoord.demo import content, create_demo_workspace
from raadsakkoord.queries.summary import workspace_summary
from raadsakkoord.model import Amendment, Round, RoundSection


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = create_demo_workspace(str(tmp_path_factory.mktemp("demo") / "assen.raadsakkoord"))
    yield ws
    ws.close()


def test_round_texts_are_the_contents_rounds(demo):
    expected = content.round_texts()
    keys = [s.key for c in content.CHAPTERS for s in c.sections]
    with demo.action() as s:
        for number, texts in ((1, expected[0]), (2, expected[1])):
            published = s.scalars(sa.select(Round).where(Round.number == number)).one()
            entries = s.scalars(sa.select(RoundSection).where(RoundSection.round_id == published.id)
                                .order_by(RoundSection.chapter_position, RoundSection.section_position)).all()
            assert [e.revision.text for e in entries] == [texts[k] for k in keys]


def test_amendment_outcomes_match_the_content(demo):
    with demo.action() as s:
        by_headline = {a.headline: a.status.value for a in s.scalars(sa.select(Amendment))}
    assert by_headline == {a.headline: a.outcome for a in content.AMENDMENTS}


def test_audit_chain_of_the_demo_is_intact(demo):
    with demo.action() as s:
        report = verify_chain(s)
    assert report.ok and report.events > 500


def test_demo_is_deterministic(demo, tmp_path):
    again = create_demo_workspace(str(tmp_path / "nogmaals.raadsakkoord"))
    with demo.action() as s1, again.action() as s2:
        assert json.dumps(workspace_summary(s1)) == json.dumps(workspace_summary(s2))
    again.close()


def test_demo_in_a_bad_place_leaves_nothing_behind(tmp_path):
    from raadsakkoord.base.errors import WorkspaceError

    with pytest.raises(WorkspaceError, match="bestaat niet"):
        create_demo_workspace(str(tmp_path / "geen-map" / "assen.raadsakkoord"))
    assert list(tmp_path.iterdir()) == []


def test_the_griffie_finds_colliding_amendments_in_several_sections(demo):
    """A newcomer sees the conflict grid at work: open amendments that change the same words."""
    from raadsakkoord.queries.conflicts import section_conflicts
    from raadsakkoord.model import Section

    with demo.action() as s:
        headline = {a.id: a.headline for a in s.scalars(sa.select(Amendment))}
        pairs = {}
        for section in s.scalars(sa.select(Section)):
            found = section_conflicts(s, section.id).conflicting_pairs()
            if found:
                pairs[section.title] = {frozenset((headline[a], headline[b])) for a, b in found}
    assert sum(len(p) for p in pairs.values()) >= 3 and len(pairs) >= 2
    # 8.4, the README's consolidation screenshot: five open amendments, three collisions.
    assert pairs["Meedoen zonder geldzorgen"] == {
        frozenset(("Inkomensgrens minimaregelingen naar 130 procent", "Inkomensgrens naar 125 procent")),
        frozenset(("Inkomensgrens minimaregelingen naar 130 procent", "Inkomensgrens naar 140 procent")),
        frozenset(("Inkomensgrens naar 125 procent", "Inkomensgrens naar 140 procent")),
    }


def test_the_demo_shows_stale_support(demo):
    from raadsakkoord.queries.support import section_support

    with demo.action() as s:
        tallies = section_support(s)
    assert any(tally.stale for tally in tallies.values())
