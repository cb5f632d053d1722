"""What the chamber's screen shows: the items of the vote, the text with tracked changes and line numbers,
and nothing that is not public in the meeting."""

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError
from raadsakkoord.diffing.lines import number_lines
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus, Position
from raadsakkoord.queries.chamber import (
    DELETE,
    EQUAL,
    INSERT,
    chamber_item,
    following,
    tracked_lines,
)
from raadsakkoord.queries.voting import AMENDMENT, VoteItem, voting_order

LONG = ("Wij bouwen in deze raadsperiode vijfhonderd woningen in Assen-Noord, waarvan de helft sociale huur "
        "en een kwart middenhuur, zodat jongeren en ouderen in hun eigen wijk kunnen blijven wonen.\n\n"
        "De gemeente koopt daarvoor grond aan en maakt afspraken met de corporaties.")


@pytest.fixture
def long_section(setup):
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, LONG, reason="Uitgangspunt")
    return setup.bouwen


def _submit(s, actor, section_id, text, headline, **more):
    return ops.propose_amendment(s, actor, kind=AmendmentKind.MODIFY, section_id=section_id, headline=headline,
                                 text=text, submit=True, **more)


def _words(item) -> str:
    """Every text of an item the screen shows, as one string."""
    pieces = " ".join(piece.text for line in item.lines for piece in line.pieces)
    return " ".join([item.label, item.headline, item.caption, *item.submitters, item.explanation, pieces,
                     *item.summary])


def test_an_amendment_shows_its_number_headline_submitters_and_changes_on_numbered_lines(setup, long_section):
    new = LONG.replace("vijfhonderd", "achthonderd").replace("De gemeente koopt", "De gemeente huurt")
    with setup.workspace.action() as s:
        amendment = _submit(s, setup.rood_actor, long_section, new, "Meer woningen",
                            explanation="Assen groeit.", co_party_ids=[setup.groen, setup.blauw])
        ops.confirm_co_submission(s, setup.groen_actor, amendment.id)  # BB was asked but did not confirm
        item = next(i for i in voting_order(s) if i.amendment_id == amendment.id)
        shown = chamber_item(s, item)
    assert (shown.label, shown.headline) == ("A1", "Meer woningen")
    assert shown.caption == "Wijzigt hoofdlijn 1.1 Bouwen"
    assert shown.submitters == ("Rode Partij", "Groene Lijst")
    assert shown.explanation == "Assen groeit."
    numbered = number_lines(LONG)
    assert [line.number for line in shown.lines] == [line.number for line in numbered]
    # Each line reads as the base text's line with the change in it.
    for line, base in zip(shown.lines, numbered):
        old_side = "".join(p.text for p in line.pieces if p.op != INSERT)
        assert old_side.strip() == base.text.strip()
    changed = {line.number: line.pieces for line in shown.lines if line.changed}
    first = changed[1]
    assert (DELETE, "vijfhonderd") in [(p.op, p.text) for p in first]
    assert (INSERT, "achthonderd") in [(p.op, p.text) for p in first]
    last = changed[next(base.number for base in numbered if "koopt" in base.text)]
    assert [(p.op, p.text) for p in last if p.op != EQUAL] == [(DELETE, "koopt"), (INSERT, "huurt")]
    assert len(changed) == 2


def test_drafts_autosaved_text_decision_notes_and_minority_positions_never_appear(setup, long_section):
    with setup.workspace.action() as s:
        public = _submit(s, setup.rood_actor, long_section, LONG.replace("sociale huur", "koop"), "Koop")
        draft = ops.propose_amendment(s, setup.blauw_actor, kind=AmendmentKind.MODIFY, section_id=long_section,
                                      headline="Geheim ontwerp", text=LONG.replace("Noord", "Zuidwolde"))
        ops.autosave_draft(s, setup.rood_actor, f"amendment:{public.id}",
                           {"headline": "Half getypte kop", "text": LONG + "\n\nHalf getypte zin"})
        ops.endorse_amendment(s, setup.groen_actor, public.id, Position.OPPOSE,
                              minority_position="Een standpunt van de minderheid")
        s.get(Amendment, public.id).decision_note = "Notitie van de griffie"
        items = voting_order(s)
        shown = " ".join(_words(chamber_item(s, item)) for item in items)
        with pytest.raises(DomainError) as refused:
            chamber_item(s, VoteItem(AMENDMENT, draft.id, long_section, "", draft.headline))
    assert draft.id not in {item.amendment_id for item in items}
    assert "Koop" in shown and "koop" in shown
    for secret in ("Geheim ontwerp", "Zuidwolde", "Half getypte", "minderheid", "Notitie van de griffie"):
        assert secret not in shown
    assert refused.value.message == "Amendement Geheim ontwerp is niet ingediend en wordt niet getoond."


def test_a_deletion_and_a_new_section_show_the_text_struck_through_or_added(setup, long_section):
    with setup.workspace.action() as s:
        gone = ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.DELETE, section_id=long_section,
                                     headline="Schrappen", submit=True)
        extra = ops.propose_amendment(s, setup.groen_actor, kind=AmendmentKind.NEW_SECTION, chapter_id=setup.wonen,
                                      title="Studenten", text="Wij bouwen studentenkamers.", headline="Kamers",
                                      submit=True)
        order = {item.amendment_id: item for item in voting_order(s)}
        deleted = chamber_item(s, order[gone.id])
        added = chamber_item(s, order[extra.id])
    assert deleted.caption == "Schrapt hoofdlijn 1.1 Bouwen"
    assert all(piece.op == DELETE for line in deleted.lines for piece in line.pieces)
    assert [line.number for line in deleted.lines] == [line.number for line in number_lines(LONG)]
    assert added.caption == "Nieuwe hoofdlijn in hoofdstuk 1 Wonen: Studenten"
    assert [(line.number, [(p.op, p.text) for p in line.pieces]) for line in added.lines] == [
        (1, [(INSERT, "Wij bouwen studentenkamers.")])]


def test_a_subamendment_shows_the_amendments_text_with_its_own_changes(setup, long_section):
    amended = LONG.replace("vijfhonderd", "achthonderd")
    with setup.workspace.action() as s:
        parent = _submit(s, setup.rood_actor, long_section, amended, "Meer woningen")
        sub = _submit(s, setup.groen_actor, long_section, amended.replace("achthonderd", "zeshonderd"), "Iets minder")
        sub.parent = parent  # how a subamendment is proposed is not this screen's business
        s.flush()
        item = next(i for i in voting_order(s) if i.amendment_id == sub.id)
        shown = chamber_item(s, item)
    assert shown.caption == "Subamendement op amendement A1: Meer woningen"
    assert shown.label == item.label
    line = shown.lines[0]
    assert [(p.op, p.text) for p in line.pieces if p.op != EQUAL] == [(DELETE, "achthonderd"), (INSERT, "zeshonderd")]


def test_a_section_and_the_agreement_are_summed_up(setup, long_section):
    with setup.workspace.action() as s:
        adopted = _submit(s, setup.rood_actor, long_section, LONG.replace("vijfhonderd", "achthonderd"), "Meer")
        ops.decide_amendment(s, setup.griffie, adopted.id, AmendmentStatus.ACCEPTED, note="Besloten in de raad")
        rejected = _submit(s, setup.groen_actor, setup.huur, "De huren bevriezen.", "Bevriezen")
        ops.decide_amendment(s, setup.griffie, rejected.id, AmendmentStatus.REJECTED, note="Te duur")
        order = voting_order(s)
        agreement = order[-1]
        shown = chamber_item(s, agreement)
        section = chamber_item(s, next(item for item in order if item.section_id == long_section
                                       and item.kind == "section"))
    assert agreement.kind == "agreement"
    assert shown.lines == ()
    assert shown.summary == ("2 hoofdstukken met samen 3 hoofdlijnen.",
                             "Amendementen: 1 aangenomen, 1 verworpen.")
    assert "Besloten in de raad" not in _words(shown)
    assert (section.label, section.headline, section.caption) == ("hoofdlijn 1.1", "Bouwen", "In hoofdstuk 1 Wonen")
    # The adopted amendment is in the text now, which is shown as it is, numbered.
    assert [line.number for line in section.lines] == [line.number for line in number_lines(
        LONG.replace("vijfhonderd", "achthonderd"))]
    assert not any(line.changed for line in section.lines) and "achthonderd" in _words(section)
    assert section.summary == ("Amendementen op deze hoofdlijn: 1 aangenomen, 0 verworpen.",)


def test_items_shown_stay_reachable_when_the_vote_takes_them_out_of_the_order():
    a, b, c, d = (VoteItem(AMENDMENT, None, None, f"A{n}", "") for n in range(1, 5))
    a, b, c, d = (dataclasses.replace(item, amendment_id=__import__("uuid").uuid4()) for item in (a, b, c, d))
    # A and B were shown and voted on; the order now holds C and D, and B again after a tie.
    assert following([a, b], [b, c, d]) == [a, b, c, d]
    assert following([a], [c, d]) == [a, c, d]
    assert following([], [a, b]) == [a, b]


words = st.lists(st.sampled_from(["wij", "bouwen", "woningen", "in", "**Assen**", "de", "raad", "besluit,",
                                  "sociale", "huur.", "-", "1."]), min_size=1, max_size=40)
texts = st.lists(words.map(" ".join), min_size=1, max_size=4).map("\n\n".join)


@settings(max_examples=60, deadline=None)
@given(texts, texts)
def test_every_base_line_keeps_its_number_and_its_text(old, new):
    lines = tracked_lines(old, new)
    numbered = [line for line in number_lines(old) if line.text]
    assert [line.number for line in lines if line.number is not None] == [line.number for line in numbered]
    # Read without the insertions, each numbered line is the base text's line.
    shown = {line.number: "".join(p.text for p in line.pieces if p.op != INSERT) for line in lines}
    for base in numbered:
        assert " ".join(shown[base.number].split()).endswith(" ".join(base.text.split()))


prose = st.lists(st.lists(st.sampled_from(["wij", "bouwen", "woningen", "in", "**Assen**", "de", "raad", "besluit,",
                                           "sociale", "huur."]), min_size=1, max_size=40).map(" ".join),
                 min_size=1, max_size=4).map("\n\n".join)


@settings(max_examples=60, deadline=None)
@given(prose, prose)
def test_no_word_is_lost_read_without_the_deletions_it_is_the_new_text(old, new):
    inserted = " ".join("".join(p.text for p in line.pieces if p.op != DELETE) for line in tracked_lines(old, new))
    assert inserted.split() == " ".join(line.text for line in number_lines(new)).split()
