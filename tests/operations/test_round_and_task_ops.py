"""Publishing rounds and the college's tasks."""

import datetime as dt

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import DomainError, InputError, PermissionDenied
from raadsakkoord.model import (
    AgreementStatus,
    ImmutableRecordError,
    ParticipationLevel,
    Revision,
    Round,
    Section,
    SectionStatus,
    TaskStatus,
)


def test_publish_freezes_every_section_and_numbers_rounds(setup):
    with setup.workspace.action() as s:
        first = ops.publish_round(s, setup.griffie)
        assert (first.number, first.label) == (1, "Concept 1")
        assert [e.number for e in first.entries] == ["1.1", "1.2", "2.1"]
        ops.revise_section(s, setup.griffie, setup.huur, "Nieuwe huurtekst.", reason="x")
        second = ops.publish_round(s, setup.griffie, note="Na de eerste ronde")
        assert second.number == 2
        frozen = {e.section_id: e.revision.number for e in second.entries}
        assert frozen[setup.huur] == 2
        assert {e.section_id: e.revision.number for e in first.entries}[setup.huur] == 1
        # A revision written now records the round it was written in.
        rev = ops.revise_section(s, setup.griffie, setup.huur, "Derde huurtekst.", reason="x")
        assert rev.round_id == second.id


def test_nothing_changed_is_refused_and_party_cannot_publish(setup):
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
        with pytest.raises(DomainError, match="niets gewijzigd sinds Concept 1"):
            ops.publish_round(s, setup.griffie)
        with pytest.raises(PermissionDenied):
            ops.publish_round(s, setup.rood_actor)


def test_final_round_adopts_sections_and_locks_the_agreement(setup):
    with setup.workspace.action() as s:
        ops.set_section_status(s, setup.griffie, setup.huur, SectionStatus.WITHDRAWN, reason="Dubbel")
        final = ops.publish_round(s, setup.griffie, final=True)
        assert final.label == "Definitief"
        assert s.get(Section, setup.bouwen).status == SectionStatus.ADOPTED
        assert s.get(Section, setup.huur).status == SectionStatus.WITHDRAWN
        assert final.agreement.status == AgreementStatus.ADOPTED
        with pytest.raises(DomainError, match="definitief vastgesteld"):
            ops.revise_section(s, setup.griffie, setup.bouwen, "Anders.", reason="x")
        with pytest.raises(DomainError, match="definitief vastgesteld"):
            ops.publish_round(s, setup.griffie)


def test_published_round_and_revisions_cannot_be_edited(setup):
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
    with pytest.raises(ImmutableRecordError), setup.workspace.action() as s:
        s.query(Round).one().label = "Vervalst"
    with pytest.raises(ImmutableRecordError), setup.workspace.action() as s:
        s.query(Revision).first().text = "Vervalst"
    with setup.workspace.action() as s:
        assert s.query(Round).one().label == "Concept 1"


def test_tasks_added_and_edited(setup):
    with setup.workspace.action() as s:
        task = ops.add_task(s, setup.griffie, title="Woonvisie opstellen",
                            participation_level=ParticipationLevel.COPRODUCEREN,
                            section_ids=[setup.bouwen, setup.huur], portfolio_holder="wethouder Wonen",
                            stakeholders=["Woningcorporatie", "Huurdersvereniging", "Woningcorporatie"],
                            due_date=dt.date(2027, 6, 30), budget_eur=250_000)
        assert task.status == TaskStatus.PLANNED
        assert task.stakeholders == ["Woningcorporatie", "Huurdersvereniging"]
        assert [sec.number for sec in task.sections] == ["1.1", "1.2"]
        proposal = ops.add_task(s, setup.rood_actor, title="Huurteam", participation_level="raadplegen")
        assert proposal.status == TaskStatus.PROPOSED
        with pytest.raises(PermissionDenied):
            ops.edit_task(s, setup.groen_actor, proposal.id, title="Anders")
        ops.edit_task(s, setup.griffie, proposal.id, status=TaskStatus.PLANNED, budget_eur=None)
        assert proposal.status == TaskStatus.PLANNED


@pytest.mark.parametrize(("field", "value", "message"), [
    ("participation_level", "meepraten", "participatieladder"),
    ("budget_eur", -5, "niet negatief"),
    ("due_date", "volgend jaar", "datum"),
    ("title", "", "mag niet leeg"),
])
def test_bad_task_input(setup, field, value, message):
    fields = dict(title="Opdracht", participation_level="informeren")
    fields[field] = value
    with pytest.raises(InputError, match=message), setup.workspace.action() as s:
        ops.add_task(s, setup.griffie, **fields)
