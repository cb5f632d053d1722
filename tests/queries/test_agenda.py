"""The read model behind the task agenda window: rows, section choices, quarters, typed amounts."""

import datetime as dt

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.queries.agenda import (
    Quarter,
    parse_euro,
    quarter_of,
    quarters_between,
    section_choices,
    section_number_key,
    task_rows,
)
from raadsakkoord.base.errors import InputError
from raadsakkoord.model import ParticipationLevel, SectionStatus, TaskStatus


def test_rows_carry_every_field_and_the_linked_section_numbers_in_order(setup):
    with setup.workspace.action() as s:
        woonvisie = ops.add_task(s, setup.griffie, title="Woonvisie", participation_level="coproduceren",
                                 section_ids=[setup.begroting, setup.bouwen], portfolio_holder=" wethouder Wonen ",
                                 stakeholders=["Huurders"], due_date=dt.date(2027, 5, 1), budget_eur=250_000).id
        ops.add_task(s, setup.rood_actor, title="Huurteam", participation_level="raadplegen")
        ops.add_task(s, setup.griffie, title="Begroting", participation_level="informeren",
                     due_date=dt.date(2026, 12, 31), status=TaskStatus.DROPPED)
    with setup.workspace.action() as s:
        rows = task_rows(s)
    assert [r.title for r in rows] == ["Begroting", "Woonvisie", "Huurteam"]  # by due date, undated last
    row = rows[1]
    assert row.id == woonvisie
    assert row.section_numbers == ("1.1", "2.1")
    assert row.section_ids == (setup.bouwen, setup.begroting)
    assert (row.portfolio_holder, row.budget_eur, row.quarter, row.proposed_by, row.version) == (
        "wethouder Wonen", 250_000, Quarter(2027, 2), "", 1)
    assert row.participation_level == ParticipationLevel.COPRODUCEREN
    assert rows[2].proposed_by == "RP" and rows[2].status == TaskStatus.PROPOSED and rows[2].quarter is None
    assert rows[0].status == TaskStatus.DROPPED  # the window shows dropped tasks; the export leaves them out


def test_row_fields_feed_edit_task_unchanged(setup):
    with setup.workspace.action() as s:
        ident = ops.add_task(s, setup.griffie, title="Woonvisie", participation_level="adviseren",
                             section_ids=[setup.huur], budget_eur=10).id
    with setup.workspace.action() as s:
        row = task_rows(s)[0]
        ops.edit_task(s, setup.griffie, ident, expected_version=row.version, **row.fields())
    with setup.workspace.action() as s:
        again = task_rows(s)[0]
    assert again.fields() == row.fields()


def test_section_choices_in_number_order_with_gone_sections_marked(setup):
    with setup.workspace.action() as s:
        ops.set_section_status(s, setup.griffie, setup.huur, SectionStatus.WITHDRAWN, reason="Ingetrokken")
        choices = section_choices(s)
    assert [(c.number, c.title, c.gone) for c in choices] == [
        ("1.1", "Bouwen", False), ("1.2", "Huur", True), ("2.1", "Begroting", False)]


def test_quarters():
    assert quarter_of(dt.date(2027, 3, 31)) == Quarter(2027, 1)
    assert quarter_of(dt.date(2027, 4, 1)) == Quarter(2027, 2)
    assert Quarter(2027, 2).label == "2027 K2"
    assert (Quarter(2027, 4).first_day, Quarter(2027, 4).last_day) == (dt.date(2027, 10, 1), dt.date(2027, 12, 31))
    assert quarters_between(Quarter(2027, 3), Quarter(2028, 2)) == [
        Quarter(2027, 3), Quarter(2027, 4), Quarter(2028, 1), Quarter(2028, 2)]
    assert quarters_between(Quarter(2028, 1), Quarter(2027, 1)) == []
    assert sorted(["2.10", "2.9", "10.1"], key=section_number_key) == ["2.9", "2.10", "10.1"]


@pytest.mark.parametrize(("typed", "amount"), [
    ("250.000", 250_000), ("€ 250.000", 250_000), ("250000", 250_000), ("1.500.000,-", 1_500_000),
    ("€\u00a075.000", 75_000), ("  ", None), ("0", 0),
])
def test_typed_amounts(typed, amount):
    assert parse_euro(typed) == amount


@pytest.mark.parametrize("typed", ["250.000,50", "veel", "-5", "25.00", "1,5 miljoen"])
def test_typed_amounts_refused_with_one_message(typed):
    with pytest.raises(InputError, match="geen bedrag in hele euro's"):
        parse_euro(typed)
