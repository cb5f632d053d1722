"""Accepting an amendment that changes the text: the griffie may ask the parties again for their support, and
each party sees the request beside the section until it gives its position on the new text."""

from __future__ import annotations

import sqlalchemy as sa
from PySide6.QtCore import Qt

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentStatus, AuditEvent, Position, Section
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity, party_identity
from ui.shell.navigator import OWN
from ui.shell.sectionview import CONSOLIDATION

SECTION = "Meedoen zonder geldzorgen"
D66 = "Contact binnen een week"  # on the current text, colliding with nothing


def _ids(demo_path):
    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        section_id = s.scalars(sa.select(Section.id).where(Section.title == SECTION)).one()
        amendment_id = s.scalars(sa.select(Amendment.id).where(Amendment.headline == D66)).one()
    identity = party_identity(workspace, "GL")
    workspace.close()
    return section_id, amendment_id, identity


def _accept(window, demo_path, section_id, amendment_id, dialogs, choice):
    assert window.open_workspace(demo_path, griffie_identity())
    window.go_to_section(section_id)
    views = window.work.section_view
    views.setCurrentIndex(CONSOLIDATION)
    consolidation = views.consolidation
    consolidation.table.selectRow(consolidation.choice_model.row_of(amendment_id))
    dialogs.close_choice = choice
    consolidation.accept_button.click()
    return consolidation


def _asked_events(demo_path):
    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        events = s.scalars(sa.select(AuditEvent.actor).where(AuditEvent.action == "ask_support_again")).all()
        status = s.scalars(sa.select(Amendment.status).where(Amendment.headline == D66)).one()
    workspace.close()
    return events, status


def test_accepting_and_asking_again_shows_the_request_to_each_party(make_window, demo_path, dialogs):
    section_id, amendment_id, gl = _ids(demo_path)
    window = make_window()
    consolidation = _accept(window, demo_path, section_id, amendment_id, dialogs, "save")
    title, text = dialogs.shown[-1]
    assert title == "Steun wordt verouderd" and "opnieuw geeft" in text
    assert "De fracties zien bij de hoofdlijn dat hun steun opnieuw is gevraagd." in consolidation.result_label.text()
    assert _asked_events(demo_path) == (["Griet Griffier"], AmendmentStatus.ACCEPTED)
    window.close()

    # GL's window: the section says its support is asked again, in the column of its own position.
    window = make_window()
    assert window.open_workspace(demo_path, gl)
    model = window.navigator.model
    cell = model.find_section(section_id).siblingAtColumn(OWN)
    assert cell.data().endswith("✉")
    assert "steun opnieuw gevraagd" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "steun opnieuw gevraagd" in cell.data(Qt.ItemDataRole.AccessibleTextRole)

    # Once GL gives its position on the new text, the request is answered.
    with window.ctx.action() as s:
        ops.endorse_section(s, window.ctx.actor, section_id, Position.SUPPORT)
    window.ctx.changes.outline.emit()
    cell = model.find_section(section_id).siblingAtColumn(OWN)
    assert "✉" not in cell.data() and "opnieuw gevraagd" not in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_only_accepting_asks_nobody(window, demo_path, dialogs):
    section_id, amendment_id, _gl = _ids(demo_path)
    _accept(window, demo_path, section_id, amendment_id, dialogs, "discard")
    assert _asked_events(demo_path) == ([], AmendmentStatus.ACCEPTED)


def test_not_accepting_changes_nothing(window, demo_path, dialogs):
    section_id, amendment_id, _gl = _ids(demo_path)
    _accept(window, demo_path, section_id, amendment_id, dialogs, "cancel")
    assert _asked_events(demo_path) == ([], AmendmentStatus.SUBMITTED)
