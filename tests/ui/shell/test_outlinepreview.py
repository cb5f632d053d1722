"""The outline preview of a Word draft: corrected with buttons and keys, and written only on Importeren."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from raadsakkoord.importing.office import read_outline
from raadsakkoord.queries.outline import agreement_outline
from raadsakkoord.store.workspace import open_workspace
from tests.importing.office.samples import numbered_bold_docx
from ui.shell import opendialogs, outlinepreview
from ui.shell.opendialogs import NewFromMarkdownDialog
from ui.shell.outlinepreview import OutlinePreviewDialog


@pytest.fixture
def numbered(tmp_path):
    path = tmp_path / "genummerd.docx"
    numbered_bold_docx(path)
    return path


def tree_rows(dialog):
    rows = []
    for i in range(dialog.tree.topLevelItemCount()):
        top = dialog.tree.topLevelItem(i)
        rows.append((top.text(0), top.text(1)))
        rows += [("  " + top.child(j).text(0), top.child(j).text(1)) for j in range(top.childCount())]
    return rows


def select(dialog, title):
    for i in range(dialog.tree.topLevelItemCount()):
        top = dialog.tree.topLevelItem(i)
        for item in [top] + [top.child(j) for j in range(top.childCount())]:
            if item.text(0).split("  ", 1)[-1] == title:
                dialog.tree.setCurrentItem(item)
                return
    raise AssertionError(title)


def preview(qtbot, path):
    dialog = OutlinePreviewDialog(read_outline(path)[0])
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # shortcuts reach the active window only
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_the_preview_shows_chapters_sections_words_and_the_rule(qtbot, numbered):
    dialog = preview(qtbot, numbered)
    assert tree_rows(dialog) == [
        ("Inleiding", "8 woorden"),
        ("1  Wonen", "4 woorden"), ("  1.1  Bouwen", "4 woorden"), ("  1.2  Huur", "8 woorden"),
        ("2  Financiën", "0 woorden"), ("  2.1  Begroting", "5 woorden")]
    assert "genummerde vetgedrukte alinea's" in dialog.findChildren(QLabel)[0].text()
    assert dialog.totals.text() == "2 hoofdstukken en 3 hoofdlijnen"


def test_every_control_has_a_dutch_accessible_name(qtbot, numbered):
    dialog = preview(qtbot, numbered)
    controls = [w for w in dialog.findChildren(QWidget)
                if isinstance(w, QAbstractButton) or w in (dialog.tree, dialog.paragraphs)]
    assert len(controls) == 8
    names = {w.accessibleName() for w in controls}
    assert names == {"Hoger (hoofdstuk)", "Lager (hoofdlijn)", "Samenvoegen met vorige", "Splitsen bij alinea",
                     "Importeren met deze indeling", "Annuleren, niets importeren",
                     "Voorgestelde hoofdstukken en hoofdlijnen", "Alinea's van de gekozen kop"}


def test_promote_demote_merge_and_split_by_keyboard(qtbot, numbered):
    dialog = preview(qtbot, numbered)
    select(dialog, "Huur")
    assert not dialog.demote_button.isEnabled() and dialog.promote_button.isEnabled()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [r[0] for r in tree_rows(dialog)][1:5] == ["1  Wonen", "  1.1  Bouwen", "2  Huur", "3  Financiën"]
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [r[0] for r in tree_rows(dialog)][3] == "  1.2  Huur"
    # Merge "Huur" into "Bouwen": its title becomes a bold paragraph there.
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert ("  1.1  Bouwen", "13 woorden") in tree_rows(dialog)
    assert [dialog.paragraphs.item(i).text() for i in range(dialog.paragraphs.count())] == [
        "We bouwen 500 woningen.", "Huur", "De huren stijgen niet harder dan de inflatie."]
    # And split it off again at that paragraph.
    dialog.paragraphs.setCurrentRow(1)
    qtbot.keyClick(dialog.paragraphs, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.outline == read_outline(numbered)[0]


def test_an_edit_that_cannot_be_done_is_said_in_the_dialog(qtbot, numbered):
    dialog = preview(qtbot, numbered)
    select(dialog, "Wonen")
    dialog.merge_button.click()  # disabled for the first heading: nothing happens
    assert dialog.outline == read_outline(numbered)[0]
    dialog.demote_button.click()  # "Wonen" a section before any chapter: refused on Importeren
    dialog.import_button.click()
    assert dialog.isVisible()
    assert dialog.status.text() == ("genummerd.docx: de hoofdlijn 'Wonen' staat vóór het eerste hoofdstuk; maak er "
                                    "een hoofdstuk van of zet er een hoofdstuk boven.")


def _fill(qtbot, dialog, draft, target, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(draft), ""))
    dialog.draft_button.click()
    dialog.target_edit.setText(str(target))
    qtbot.keyClicks(dialog.municipality_edit, "Testdorp")


def test_importeren_writes_the_corrected_outline(qtbot, settings, runner, said, numbered, tmp_path, monkeypatch):
    def correct(preview: OutlinePreviewDialog) -> bool:
        select(preview, "Huur")
        preview.promote_button.click()
        preview.import_button.click()
        return preview.result() == preview.DialogCode.Accepted

    monkeypatch.setattr(outlinepreview, "_run_dialog", correct)
    dialog = NewFromMarkdownDialog(runner, person="Griet Griffier")
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog, numbered, tmp_path / "nieuw.raadsakkoord", monkeypatch)
    with qtbot.waitSignal(dialog.accepted):
        dialog.create_button.click()
    assert said.errors == [] and said.bugs == []
    assert dialog.created[1:3] == (3, 2)
    ws = open_workspace(dialog.created[0])
    try:
        with ws.action() as s:
            outline = agreement_outline(s)
        assert [(c.title, [x.title for x in c.sections]) for c in outline.chapters] == [
            ("Wonen", ["Bouwen"]), ("Huur", []), ("Financiën", ["Begroting"])]
    finally:
        ws.close()


def test_annuleren_writes_nothing_and_keeps_the_dialog_open(qtbot, settings, runner, said, numbered, tmp_path,
                                                            monkeypatch):
    def cancel(preview: OutlinePreviewDialog) -> bool:
        preview.cancel_button.click()
        return preview.result() == preview.DialogCode.Accepted

    monkeypatch.setattr(outlinepreview, "_run_dialog", cancel)
    dialog = NewFromMarkdownDialog(runner, person="Griet Griffier")
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(qtbot, dialog, numbered, tmp_path / "nieuw.raadsakkoord", monkeypatch)
    dialog.create_button.click()
    assert dialog.isVisible() and dialog.created is None and said.errors == []
    assert dialog.status.text() == "Er is niets geïmporteerd." and dialog.create_button.isEnabled()
    assert not any(tmp_path.glob("nieuw.raadsakkoord*"))
