"""Formeel amendement exporteren… in the window: from the amendment list, the griffie's consolidation view, and a party's list."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import QDate, Qt

from raadsakkoord.model import Amendment, Section
from raadsakkoord.store.workspace import open_workspace
from tests.export.formfixtures import pdf_instructions
from tests.ui.conftest import griffie_identity, party_identity
from ui.exchange import amendmentform
from ui.exchange.amendmentform import AmendmentFormDialog
from ui.shell.sectionview import AMENDMENTS, CONSOLIDATION


def _a20(demo_path):
    workspace = open_workspace(demo_path)
    try:
        with workspace.action() as s:
            a = s.scalars(sa.select(Amendment).where(Amendment.number == 20)).one()
            section = s.get(Section, a.section_id)
            return a.id, section.id, a.party.short_name, a.headline
    finally:
        workspace.close()


def _dialog(qtbot, window) -> AmendmentFormDialog:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AmendmentFormDialog)))
    return next(d for d in window.findChildren(AmendmentFormDialog) if d.isVisible())


def test_a_party_exports_its_amendment_from_the_list_with_the_meeting_date(make_window, demo_path, qtbot,
                                                                          monkeypatch, tmp_path, dialogs):
    amendment_id, section_id, party, headline = _a20(demo_path)
    workspace = open_workspace(demo_path)
    identity = party_identity(workspace, party)
    workspace.close()
    window = make_window()
    assert window.open_workspace(demo_path, identity)
    qtbot.waitUntil(lambda: window.navigator.select(section_id))
    view = window.work.section_view
    view.setCurrentIndex(AMENDMENTS)
    view.amendment_table.selectRow(view.amendment_model.row_of(amendment_id))
    assert view.form_action in view.amendment_table.actions() and view.form_action.isEnabled()
    view.form_action.trigger()  # the context menu's entry
    dialog = _dialog(qtbot, window)
    assert any(headline in label.text() for label in dialog.findChildren(type(dialog.status)))
    dialog.meeting_check.setChecked(True)
    dialog.meeting_edit.setDate(QDate(2026, 12, 10))
    target = tmp_path / "a20.pdf"
    monkeypatch.setattr(amendmentform, "choose_target", lambda parent, suggested, fmt: str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Geschreven"))
    assert dialog.status.text() == "Geschreven: a20.pdf" and dialog.status.toolTip() == str(target)
    ((label, steps),) = pdf_instructions(target)
    assert label == "A20" and steps
    import pypdf
    text = pypdf.PdfReader(target).pages[0].extract_text()
    assert "10 december 2026" in text and "Amendement A20" in text
    assert dialogs.shown == []
    dialog.grab().save("/tmp/h19form-dialog.png")


def test_the_griffie_exports_from_the_consolidation_view_and_a_refusal_is_shown(make_window, demo_path, qtbot,
                                                                                monkeypatch, tmp_path, dialogs):
    amendment_id, section_id, _party, _headline = _a20(demo_path)
    window = make_window()
    assert window.open_workspace(demo_path, griffie_identity())
    qtbot.waitUntil(lambda: window.navigator.select(section_id))
    view = window.work.section_view
    view.setCurrentIndex(CONSOLIDATION)
    consolidation = view.consolidation
    row = next(r for r in range(consolidation.choice_model.rowCount())
               if consolidation.choice_model.entry(r).id == amendment_id)
    consolidation.table.selectRow(row)
    assert consolidation.form_button.isEnabled()
    qtbot.mouseClick(consolidation.form_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, window)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    # The workspace itself is never overwritten: one clear message, nothing written.
    before = Path(demo_path).read_bytes()
    monkeypatch.setattr(amendmentform, "choose_target", lambda parent, suggested, fmt: demo_path)
    dialogs.answers = [True]  # "replace?" yes
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialogs.shown) == 2)
    assert "werkruimte" in dialogs.shown[-1][1] and Path(demo_path).read_bytes() == before
    target = tmp_path / "a20.md"
    monkeypatch.setattr(amendmentform, "choose_target", lambda parent, suggested, fmt: str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists())
    text = target.read_text(encoding="utf-8")
    assert "# Amendement A20" in text and "bijeen op \u2026" in text


def test_the_export_runs_off_the_gui_thread(make_window, demo_path, qtbot, monkeypatch, tmp_path):
    amendment_id, _section, _party, headline = _a20(demo_path)
    window = make_window(synchronous=False)
    assert window.open_workspace(demo_path, griffie_identity())
    threads = []
    real = amendmentform.write_forms

    def spy(*args, **kwargs):
        import threading
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(amendmentform, "write_forms", spy)
    dialog = AmendmentFormDialog(window.ctx, window.runner, amendment_id, headline, window)
    qtbot.addWidget(dialog)
    target = tmp_path / "a20.docx"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("docx"))
    monkeypatch.setattr(amendmentform, "choose_target", lambda parent, suggested, fmt: str(target))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Geschreven"), timeout=20_000)
    assert threads == [False] and target.stat().st_size > 0
