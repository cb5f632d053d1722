"""The griffie enters each party's council members by name, its leader first."""

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import InputError, PermissionDenied
from raadsakkoord.model import Party


def test_members_are_kept_in_the_given_order_and_replace_the_earlier_names(setup):
    with setup.workspace.action() as s:
        seats = s.get(Party, setup.rood).seats
        names = [f"Raadslid {n}" for n in range(1, seats + 1)]
        ops.set_members(s, setup.griffie, setup.rood, names)
        ops.set_members(s, setup.griffie, setup.rood, ["  Ruud Rood ", *names[1:]])
    with setup.workspace.action() as s:
        assert [m.name for m in s.get(Party, setup.rood).members] == ["Ruud Rood", *names[1:]]


@pytest.mark.parametrize("names, message", [
    (["A", "a"], "twee keer"),
    ([""], "naam van het raadslid"),
    (["Naam\nmet regel"], "naam van het raadslid"),
])
def test_bad_names_are_refused_and_nothing_changes(setup, names, message):
    with setup.workspace.action() as s:
        ops.set_members(s, setup.griffie, setup.rood, ["Ruud Rood"])
    with pytest.raises(InputError, match=message), setup.workspace.action() as s:
        ops.set_members(s, setup.griffie, setup.rood, names)
    with setup.workspace.action() as s:
        assert [m.name for m in s.get(Party, setup.rood).members] == ["Ruud Rood"]


def test_no_more_names_than_seats_and_no_fewer_seats_than_names(setup):
    with setup.workspace.action() as s:
        seats = s.get(Party, setup.rood).seats
    with pytest.raises(InputError, match=f"{seats} zetels"), setup.workspace.action() as s:
        ops.set_members(s, setup.griffie, setup.rood, [f"Lid {n}" for n in range(seats + 1)])
    with setup.workspace.action() as s:
        ops.set_members(s, setup.griffie, setup.rood, [f"Lid {n}" for n in range(seats)])
    with pytest.raises(InputError, match="Haal eerst namen weg"), setup.workspace.action() as s:
        ops.update_party(s, setup.griffie, setup.rood, seats=seats - 1)


def test_only_the_griffie_enters_members(setup):
    with pytest.raises(PermissionDenied), setup.workspace.action() as s:
        ops.set_members(s, setup.rood_actor, setup.rood, ["Ruud Rood"])
