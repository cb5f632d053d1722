"""Bestand → "Wijzigingen uit Word inlezen…" in the real main window: preview, then the party's amendments."""

from __future__ import annotations

import sqlalchemy as sa

from raadsakkoord.importing.office.tracked import read_tracked
from raadsakkoord.model import Amendment
from raadsakkoord.operations.tracked_changes import plan_tracked_changes
from raadsakkoord.queries.identity import roles
from tests.importing.office.round_edits import export_round, party_edits
from tests.ui.conftest import griffie_identity, party_identity
from ui.exchange import trackedchanges
from ui.exchange.trackedchanges import TrackedChangesDialog


def _amendments(workspace):
    with workspace.action() as s:
        return [(a.party_id, a.headline) for a in s.scalars(sa.select(Amendment).order_by(Amendment.headline))]


def test_the_griffie_reads_in_a_partys_file_after_the_preview(window, workspace, tmp_path, monkeypatch, dialogs):
    ids, path = export_round(workspace, tmp_path)
    edited = party_edits(path, tmp_path / "ronde1-GL.docx")
    assert window.open_workspace(workspace.label, griffie_identity())
    previews = []

    def answer(parent, preview):
        previews.append(preview)
        return ids["gl"]

    monkeypatch.setattr(trackedchanges, "ask_file", lambda parent: str(edited))
    monkeypatch.setattr(trackedchanges, "ask", answer)
    assert window.import_changes_action.isEnabled()
    window.import_changes_action.trigger()
    assert dialogs.shown == []
    (preview,) = previews
    assert [r.short_name for r in preview.parties] == ["RP", "GL"]
    assert len(preview.plan.new) == 4
    made = _amendments(workspace)
    assert len(made) == 4 and {party for party, _ in made} == {ids["gl"]}
    assert window.statusBar().currentMessage() == "4 ontwerp-amendementen gemaakt voor GL uit ronde1-GL.docx."


def test_cancelling_the_preview_writes_nothing(window, workspace, tmp_path, monkeypatch):
    _ids, path = export_round(workspace, tmp_path)
    edited = party_edits(path, tmp_path / "ronde1-GL.docx")
    assert window.open_workspace(workspace.label, griffie_identity())
    monkeypatch.setattr(trackedchanges, "ask_file", lambda parent: str(edited))
    monkeypatch.setattr(trackedchanges, "ask", lambda parent, preview: None)
    window.import_changes_action.trigger()
    assert _amendments(workspace) == []


def test_a_file_without_changes_is_one_dutch_message(window, workspace, tmp_path, monkeypatch, dialogs):
    _ids, path = export_round(workspace, tmp_path)
    assert window.open_workspace(workspace.label, griffie_identity())
    monkeypatch.setattr(trackedchanges, "ask_file", lambda parent: str(path))
    window.import_changes_action.trigger()
    ((title, text),) = dialogs.shown
    assert title == "Wijzigingen uit Word inlezen"
    assert text.startswith("ronde1.docx bevat geen bijgehouden wijzigingen")
    assert _amendments(workspace) == []


def test_the_griffie_must_choose_the_party_in_the_dialog(workspace, tmp_path, qtbot):
    ids, path = export_round(workspace, tmp_path)
    document = read_tracked(party_edits(path, tmp_path / "ronde1-GL.docx"))
    with workspace.action() as s:
        preview = trackedchanges.Preview("x", plan_tracked_changes(s, document),
                                         [r for r in roles(s) if r.party_id], document)
    dialog = TrackedChangesDialog(preview)
    qtbot.addWidget(dialog)
    assert dialog.parties.currentText() == "Kies de fractie…"
    assert not dialog.import_button.isEnabled()
    dialog.parties.setCurrentIndex(dialog.parties.findText("GL — Groene Lijst"))
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert dialog.party_id == ids["gl"]


def test_the_dialog_shows_each_amendment_and_a_party_reads_in_for_itself(window, workspace, tmp_path, monkeypatch,
                                                                           qtbot):
    _ids, path = export_round(workspace, tmp_path)
    edit_path = party_edits(path, tmp_path / "ronde1-GL.docx")
    assert window.open_workspace(workspace.label, party_identity(workspace, "GL", "Gerda Groen"))
    seen = []

    def show(parent, preview):
        dialog = TrackedChangesDialog(preview, window)
        qtbot.addWidget(dialog)
        dialog.show()
        seen.append((dialog.parties.count(), dialog.parties.isEnabled(), dialog.text.toPlainText(),
                     dialog.import_button.isEnabled()))
        dialog._accept()
        return dialog.party_id

    monkeypatch.setattr(trackedchanges, "ask_file", lambda parent: str(edit_path))
    monkeypatch.setattr(trackedchanges, "ask", show)
    window.import_changes_action.trigger()
    ((count, enabled, text, may_import),) = seen
    assert (count, enabled, may_import) == (1, False, True)
    assert "'twee weken' vervangen door 'een week' en 2 andere wijzigingen — Anna de Vries" in text
    assert "Hoofdlijn 2.1 'Begroting' schrappen — Bert Jansen" in text
    assert len(_amendments(workspace)) == 4

    seen.clear()
    window.import_changes_action.trigger()  # the same file again: everything is there already
    ((_count, _enabled, text, may_import),) = seen
    assert not may_import and text.count("al ingelezen") == 4
    assert len(_amendments(workspace)) == 4


def test_the_griffie_reads_in_one_partys_amendments_from_the_amendment_book(window, workspace, tmp_path,
                                                                            monkeypatch, dialogs):
    from raadsakkoord import operations as ops
    from raadsakkoord.export.amendments import amendment_book
    from raadsakkoord.export.word import write_docx
    from raadsakkoord.model import AmendmentKind, Section

    ids, _path = export_round(workspace, tmp_path)
    with workspace.action() as s:
        text = s.get(Section, ids["huur"]).text
        for party, words in (("gl", "nooit harder"), ("rp", "zelden harder")):
            ops.propose_amendment(s, ops.Actor.of_party(ids[party], "Lid"), kind=AmendmentKind.MODIFY,
                                  section_id=ids["huur"], headline=f"Huur: {words}",
                                  text=text.replace("niet harder", words), submit=True)
        write_docx(amendment_book(s), tmp_path / "boek.docx")
        s.execute(sa.delete(Amendment))
    assert window.open_workspace(workspace.label, griffie_identity())
    previews = []

    def answer(parent, preview):
        previews.append(preview)
        return ids["gl"]

    monkeypatch.setattr(trackedchanges, "ask_file", lambda parent: str(tmp_path / "boek.docx"))
    monkeypatch.setattr(trackedchanges, "ask", answer)
    window.import_changes_action.trigger()
    assert dialogs.shown == []
    (preview,) = previews
    assert [(a.party, a.headline) for a in preview.plan.amendments] == [("GL", "Huur: nooit harder"),
                                                                        ("RP", "Huur: zelden harder")]
    assert "Een amendementenboek" in trackedchanges.preview_html(preview.plan)
    assert _amendments(workspace) == [(ids["gl"], "Huur: nooit harder")]
