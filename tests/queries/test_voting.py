"""The voting order: subamendments first, the furthest-reaching amendment first, the section after, the agreement last."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError, InputError
from raadsakkoord.model import AmendmentKind
from raadsakkoord.queries.voting import item_by_label, reach, suggested_order, voting_order


def _amend(s, setup, text, actor=None, section=None, kind=AmendmentKind.MODIFY, parent=None,
           headline="Anders bouwen"):
    actor = actor or setup.rood_actor
    amendment = ops.propose_amendment(s, actor, kind=kind, section_id=section or setup.bouwen,
                                      headline=headline, text=text)
    if parent is not None:
        amendment.parent = parent
    ops.submit_amendment(s, actor, amendment.id)
    return amendment


@pytest.fixture
def agenda(setup):
    """On Bouwen ("We bouwen 500 woningen.\\n\\nDe helft is sociale huur."): a small change (A1),
    a large one (A2), a deletion (A3), and a subamendment on A1 (A1.1); on Begroting one change (A4)."""
    with setup.workspace.action() as s:
        small = _amend(s, setup, "We bouwen 600 woningen.\n\nDe helft is sociale huur.")
        _amend(s, setup, "We bouwen 900 woningen op nieuwe plekken.\n\nEen derde is sociale huur.")
        _amend(s, setup, "", kind=AmendmentKind.DELETE, actor=setup.blauw_actor, headline="Niet bouwen")
        _amend(s, setup, "We bouwen 650 woningen.\n\nDe helft is sociale huur.", actor=setup.groen_actor,
               parent=small)
        _amend(s, setup, "De begroting is sluitend.", section=setup.begroting)
    return setup


def test_the_suggested_order_follows_the_rules_of_order(agenda):
    with agenda.workspace.action() as s:
        assert [i.label for i in voting_order(s)] == [
            "A3",  # deleting the section reaches furthest
            "A2",  # then the largest change
            "A1.1", "A1",  # a subamendment before its amendment
            "hoofdlijn 1.1", "hoofdlijn 1.2",
            "A4", "hoofdlijn 2.1",
            "het raadsakkoord",
        ]
        items = voting_order(s)
        assert (items[0].kind, items[0].title) == ("amendment", "Niet bouwen")
        assert (items[-1].kind, items[-1].title) == ("agreement", "Raadsakkoord Testdorp 2026–2030")


def test_the_griffies_order_is_kept_and_a_new_amendment_takes_its_suggested_place(agenda):
    with agenda.workspace.action() as s:
        items = voting_order(s)
        items[0], items[1] = items[1], items[0]
        moved = ops.set_voting_order(s, agenda.griffie, items)
        assert [i.label for i in moved][:2] == ["A2", "A3"]
    with agenda.workspace.action() as s:
        # Written later, larger than anything on Bouwen, it goes first among the amendments there.
        _amend(s, agenda, "Wij bouwen heel veel meer huizen dan eerder gedacht en gepland, overal in de stad.\n\n"
                          "Het overgrote deel daarvan is sociale huur of middenhuur.")
    with agenda.workspace.action() as s:
        assert [i.label for i in suggested_order(s)][:3] == ["A3", "A5", "A2"]
        # The griffie's A2-before-A3 stands; A5 keeps the second place the rules give it.
        assert [i.label for i in voting_order(s)][:4] == ["A2", "A5", "A3", "A1.1"]


@pytest.mark.parametrize("change, error, message", [
    (lambda items: items + items[:1], InputError, "twee keer"),
    (lambda items: [items[-1], *items[:-1]], InputError, "als laatste"),
    (lambda items: [items[0], items[1], items[3], items[2], *items[4:]], InputError,
     "Subamendement A1.1 komt vóór zijn amendement A1"),
])
def test_an_order_that_breaks_the_rules_is_refused(agenda, change, error, message):
    with pytest.raises(error, match=message), agenda.workspace.action() as s:
        ops.set_voting_order(s, agenda.griffie, change(voting_order(s)))
    with agenda.workspace.action() as s:
        assert voting_order(s) == suggested_order(s)


def test_an_item_no_longer_open_is_refused_in_the_order(agenda):
    with agenda.workspace.action() as s:
        items = voting_order(s)
        ops.withdraw_amendment(s, agenda.rood_actor, item_by_label(s, "A2").amendment_id)
    with pytest.raises(DomainError, match="A2 staat niet"), agenda.workspace.action() as s:
        ops.set_voting_order(s, agenda.griffie, items)


def test_a_party_does_not_set_the_order(agenda):
    with pytest.raises(DomainError, match="Alleen de griffie"), agenda.workspace.action() as s:
        ops.set_voting_order(s, agenda.rood_actor, voting_order(s))


def test_items_are_named_as_people_say_them(agenda):
    with agenda.workspace.action() as s:
        assert item_by_label(s, " a1.1 ").label == "A1.1"
        assert item_by_label(s, "Hoofdlijn 2.1").section_id == agenda.begroting
        assert item_by_label(s, "raadsakkoord").kind == "agreement"
        with pytest.raises(DomainError, match="Er is geen hoofdlijn 7.1"):
            item_by_label(s, "7.1")
        with pytest.raises(DomainError, match="geen amendementnummer"):
            item_by_label(s, "de begroting")


_words = st.lists(st.sampled_from(["we", "bouwen", "huizen", "de", "raad", "groen", "500"]), max_size=30)


@given(_words, _words)
def test_reach_is_symmetric_zero_only_for_the_same_words_and_at_most_both_texts(old, new):
    a, b = " ".join(old), " ".join(new)
    assert reach(a, b) == reach(b, a)
    assert (reach(a, b) == 0) == (a == b)
    assert reach(a, b) <= len(old) + len(new)


def test_reach_counts_the_stretch_from_the_first_change_to_the_last():
    assert reach("een twee drie vier", "een twee drie vijf") == 2
    assert reach("een twee drie vier", "nul twee drie vijf") == 8
    assert reach("", "een twee") == 2


def test_a_reworked_amendment_is_ranked_by_its_new_text(agenda):
    with agenda.workspace.action() as s:
        assert [i.label for i in voting_order(s)][:4] == ["A3", "A2", "A1.1", "A1"]
        small = item_by_label(s, "A1").amendment_id
        # A1 now rewrites both paragraphs whole: it reaches further than A2.
        ops.rework_amendment(s, agenda.rood_actor, small, "Wij bouwen heel veel meer woningen in de hele stad "
                                                         "en de dorpen.\n\nAlles is betaalbare huur.")
    with agenda.workspace.action() as s:
        assert [i.label for i in voting_order(s)][:4] == ["A3", "A1.1", "A1", "A2"]
