"""Typed input obeys the same rules as values from packages: one line, no control characters, fits its column."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import InputError
from raadsakkoord.model import AmendmentKind, Base, fields

# Columns that hold no typed text: hashes, codes, colours and names of our own.
NOT_TYPED = {"revision.sha256", "party.colour", "round_section.status", "audit_event.actor", "audit_event.action",
             "audit_event.prev_hash", "audit_event.hash", "autosave.owner", "autosave.author", "autosave.editor_key",
             "trusted_key.holder", "trusted_key.public_key", "trusted_key.fingerprint", "package_record.direction",
             "package_record.kind", "package_record.sender", "package_record.sha256", "audit_head.hash",
             "audit_anchor.subject", "audit_anchor.holder", "audit_anchor.hash", "round.audit_hash",
             "login_group.role_name", "login_group.kind",
             # Written by the operation itself: the acting person (checked as every actor is), and keys.
             "vote.recorded_by", "vote_party.stance", "vote_order.item"}


def test_every_text_column_has_a_rule_and_its_length():
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            name = f"{table.name}.{column.name}"
            if isinstance(column.type, sa.String) and not isinstance(column.type, sa.Enum) and column.type.length:
                assert name in fields.LINES or name in NOT_TYPED, name
            if name in fields.LINES:
                assert fields.length(name) == column.type.length


def test_a_withdrawal_reason_with_control_characters_is_refused(setup):
    with setup.workspace.action() as s:
        amendment = ops.propose_amendment(s, setup.groen_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                                          headline="Meer", text="We bouwen 800 woningen.\n\nDe helft is sociale huur.",
                                          submit=True)
        with pytest.raises(InputError, match="De toelichting bij het besluit bevat een onzichtbaar stuurteken"):
            ops.withdraw_amendment(s, setup.groen_actor, amendment.id, reason="Niet\x1b[2J meer nodig")
        withdrawn = ops.withdraw_amendment(s, setup.groen_actor, amendment.id, reason="Niet meer nodig.\r\n")
        assert withdrawn.decision_note == "Niet meer nodig."


@pytest.mark.parametrize(("call", "message"), [
    (lambda s, x: ops.propose_amendment(s, x.groen_actor, kind=AmendmentKind.MODIFY, section_id=x.bouwen,
                                        headline="Kop", text="Nieuwe tekst.", explanation="Want\x00"),
     "De toelichting bevat een onzichtbaar stuurteken (U+0000)"),
    (lambda s, x: ops.propose_amendment(s, x.groen_actor, kind=AmendmentKind.MODIFY, section_id=x.bouwen,
                                        headline="K" * 201, text="Nieuwe tekst."),
     "De kop van het amendement is te lang (201 tekens; maximaal 200)"),
    (lambda s, x: ops.endorse_section(s, x.rood_actor, x.bouwen, "oppose", minority_position="Te\x9b duur"),
     "Het minderheidsstandpunt bevat een onzichtbaar stuurteken (U+009B)"),
    (lambda s, x: ops.add_task(s, x.griffie, title="Plan", participation_level="raadplegen", description="\ufffe"),
     "De omschrijving van de opdracht bevat een onzichtbaar stuurteken (U+FFFE)"),
    (lambda s, x: ops.add_party(s, x.griffie, name="Nieuwe Partij", short_name="N" * 41, seats=0),
     "De korte naam van de fractie is te lang (41 tekens; maximaal 40)"),
    (lambda s, x: ops.publish_round(s, x.griffie, label="Ronde\r1"), "De naam van de ronde moet één regel"),
])
def test_typed_values_name_the_field_they_break(setup, call, message):
    with setup.workspace.action() as s, pytest.raises(InputError) as refused:
        call(s, setup)
    assert message in refused.value.message
