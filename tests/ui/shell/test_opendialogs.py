"""Opening a file or a database URL, and starting a new workspace from a Markdown draft."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from raadsakkoord.queries.outline import agreement_outline
from raadsakkoord.store.workspace import open_workspace
from ui.shell import opendialogs, outlinepreview
from ui.shell.opendialogs import (
    DatabaseUrlDialog,
    NewFromMarkdownDialog,
    ask_database_url,
    choose_workspace_file,
    new_from_markdown,
    url_with_password,
)
from ui.common.background import TaskRunner

DRAFT = """Inleiding van het akkoord.

# Wonen

Over wonen.

## Bouwen

We bouwen 500 woningen.

## Huur

De huren stijgen niet harder dan de inflatie.

# Financiën

## Begroting

De begroting is sluitend.
"""


# --- files and URLs -------------------------------------------------------------------------

def test_choose_workspace_file_remembers_the_folder(settings, tmp_path, monkeypatch):
    asked = []

    def fake_open(parent, title, folder, file_filter):
        asked.append((title, folder, file_filter))
        return str(tmp_path / "a.raadsakkoord"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_open)
    assert choose_workspace_file(None) == str(tmp_path / "a.raadsakkoord")
    assert choose_workspace_file(None) == str(tmp_path / "a.raadsakkoord")
    assert asked[0][0] == "Werkruimte openen" and "*.raadsakkoord" in asked[0][2]
    assert asked[1][1] == str(tmp_path)  # the second time it starts where the user was
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: ("", ""))
    assert choose_workspace_file(None) is None


def test_the_password_is_put_into_the_url():
    assert url_with_password(" postgresql://griffie@db.gemeente.nl/raadsakkoord ", "g3h@im:!") == (
        "postgresql://griffie:g3h%40im%3A%21@db.gemeente.nl/raadsakkoord")
    assert url_with_password("postgresql://griffie@db/raadsakkoord", "") == "postgresql://griffie@db/raadsakkoord"


@pytest.mark.parametrize(("typed", "message"), [
    ("/home/griffie/akkoord.raadsakkoord", "Dit is geen serveradres"),
    ("mysql://griffie@db/raadsakkoord", "Soort serveradres 'mysql' wordt niet ondersteund"),
    ("postgresql://griffie@db", "noemt geen werkruimte"),
    ("postgresql://griffie:geheim@db:poort/x", "Ongeldig serveradres: postgresql://griffie:***@db:poort/x"),
])
def test_bad_urls_get_the_cores_message_and_keep_the_dialog_open(qtbot, settings, said, typed, message):
    dialog = DatabaseUrlDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.url_edit, typed)
    dialog.open_button.click()
    assert len(said.errors) == 1 and message in said.errors[0][1]
    assert dialog.isVisible() and dialog.result_url is None


def test_the_url_dialog_returns_the_url_with_password(qtbot, settings, said):
    dialog = DatabaseUrlDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.open_button.isEnabled()
    qtbot.keyClicks(dialog.url_edit, "postgresql://griffie@db.gemeente.nl/raadsakkoord")
    qtbot.keyClicks(dialog.password_edit, "geheim")
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result_url == "postgresql://griffie:geheim@db.gemeente.nl/raadsakkoord"
    assert said.errors == []


def test_ask_database_url_prefills_a_recent_url(settings, monkeypatch):
    def answer(dialog):
        assert dialog.url_edit.text() == "postgresql://griffie@db/raadsakkoord"
        dialog.password_edit.setText("geheim")
        dialog.accept()
        return True

    monkeypatch.setattr(opendialogs, "_run_dialog", answer)
    assert ask_database_url(None, "postgresql://griffie@db/raadsakkoord") == "postgresql://griffie:geheim@db/raadsakkoord"
    monkeypatch.setattr(opendialogs, "_run_dialog", lambda dialog: False)
    assert ask_database_url(None) is None


# --- a new workspace from a draft -----------------------------------------------------------

@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "concept.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def _dialog(qtbot, runner) -> NewFromMarkdownDialog:
    dialog = NewFromMarkdownDialog(runner, person="Griet Griffier")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill(qtbot, dialog, draft, target, monkeypatch, seats=25):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(draft), ""))
    dialog.draft_button.click()
    if target is not None:
        dialog.target_edit.setText(str(target))
    qtbot.keyClicks(dialog.municipality_edit, "Testdorp")
    dialog.term_edit.insert("2026–2030")  # QTest cannot type an en dash
    dialog.seats_spin.setValue(seats)


def test_making_a_workspace_from_a_draft(qtbot, settings, runner, said, draft, tmp_path, monkeypatch):
    dialog = _dialog(qtbot, runner)
    assert not dialog.create_button.isEnabled()
    assert "het brondocument" in dialog.create_button.toolTip()
    _fill(qtbot, dialog, draft, None, monkeypatch, seats=23)
    # Choosing the draft suggested a workspace beside it; the title follows municipality and term.
    assert dialog.target_edit.text() == str(tmp_path / "concept.raadsakkoord")
    assert dialog.title_edit.text() == "Raadsakkoord Testdorp 2026–2030"
    assert dialog.create_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        dialog.create_button.click()
    assert said.errors == [] and said.bugs == []
    assert dialog.created == (str(tmp_path / "concept.raadsakkoord"), 2, 3, [])
    ws = open_workspace(dialog.created[0])
    try:
        with ws.action() as s:
            outline = agreement_outline(s)
        assert outline.title == "Raadsakkoord Testdorp 2026–2030" and outline.council_seats == 23
        assert [c.title for c in outline.chapters] == ["Wonen", "Financiën"]
        assert [s.title for s in outline.chapters[0].sections] == ["Bouwen", "Huur"]
    finally:
        ws.close()


def test_a_title_typed_by_hand_is_kept(qtbot, settings, runner, draft, monkeypatch):
    dialog = _dialog(qtbot, runner)
    qtbot.keyClicks(dialog.title_edit, "Samen verder")
    _fill(qtbot, dialog, draft, None, monkeypatch)
    assert dialog.title_edit.text() == "Samen verder"


def test_the_suggested_workspace_does_not_take_an_existing_name(qtbot, settings, runner, draft, tmp_path,
                                                                monkeypatch):
    (tmp_path / "concept.raadsakkoord").write_bytes(b"iets")
    dialog = _dialog(qtbot, runner)
    _fill(qtbot, dialog, draft, None, monkeypatch)
    assert dialog.target_edit.text() == str(tmp_path / "concept-2.raadsakkoord")


def test_choosing_the_target_adds_the_extension(qtbot, settings, runner, tmp_path, monkeypatch):
    dialog = _dialog(qtbot, runner)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "akkoord"), ""))
    dialog.target_button.click()
    assert dialog.target_edit.text() == str(tmp_path / "akkoord.raadsakkoord")


def _leftovers(tmp_path):
    return sorted(p.name for p in tmp_path.iterdir() if p.name != "concept.md")


def test_a_bad_draft_gives_the_line_and_leaves_no_file(qtbot, settings, runner, said, draft, tmp_path, monkeypatch):
    draft.write_text("## Bouwen\n\nZonder hoofdstuk.\n", encoding="utf-8")
    dialog = _dialog(qtbot, runner)
    _fill(qtbot, dialog, draft, tmp_path / "nieuw.raadsakkoord", monkeypatch)
    dialog.create_button.click()
    assert said.errors == [("Nieuw raadsakkoord uit een brondocument",
                            ("concept.md: de hoofdlijn 'Bouwen' op regel 1 staat niet onder een hoofdstuk; "
                             "zet er een kop met één # boven."))]
    assert dialog.isVisible() and dialog.created is None
    assert dialog.create_button.isEnabled() and dialog.draft_edit.isEnabled()  # the user can correct and retry
    assert _leftovers(tmp_path) == []


def test_a_draft_that_is_not_utf8_is_refused(qtbot, settings, runner, said, draft, tmp_path, monkeypatch):
    draft.write_bytes("# Wonen\n\n## Bouwen\n\nCafé".encode("cp1252"))
    dialog = _dialog(qtbot, runner)
    _fill(qtbot, dialog, draft, tmp_path / "nieuw.raadsakkoord", monkeypatch)
    dialog.create_button.click()
    assert "concept.md is geen UTF-8-tekst (onleesbaar teken op regel 5)" in said.errors[0][1]
    assert _leftovers(tmp_path) == []


def test_a_missing_draft_is_refused(qtbot, settings, runner, said, draft, tmp_path, monkeypatch):
    dialog = _dialog(qtbot, runner)
    _fill(qtbot, dialog, draft, tmp_path / "nieuw.raadsakkoord", monkeypatch)
    draft.unlink()
    dialog.create_button.click()
    assert said.errors[0][1] == f"bestand niet gevonden: {draft}"
    assert _leftovers(tmp_path) == []


def test_an_existing_file_is_not_overwritten(qtbot, settings, runner, said, draft, tmp_path, monkeypatch):
    existing = tmp_path / "akkoord.raadsakkoord"
    existing.write_bytes(b"belangrijk")
    dialog = _dialog(qtbot, runner)
    _fill(qtbot, dialog, draft, existing, monkeypatch)
    dialog.create_button.click()
    assert said.errors[0][1] == f"{existing} bestaat al; kies een nieuw bestand (er is niets overschreven)."
    assert existing.read_bytes() == b"belangrijk"


def test_a_missing_folder_is_refused_without_leftovers(qtbot, settings, runner, said, draft, tmp_path,
                                                       monkeypatch):
    dialog = _dialog(qtbot, runner)
    _fill(qtbot, dialog, draft, tmp_path / "weg" / "nieuw.raadsakkoord", monkeypatch)
    dialog.create_button.click()
    assert said.errors[0][1] == f"De map {tmp_path / 'weg'} bestaat niet."
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(("typed", "message"), [
    ("postgresql://griffie@db/raadsakkoord", "geen serveradres"),
    ("nieuw.raadsakkoord", "de map en de naam"),
])
def test_the_target_must_be_a_full_file_path(qtbot, settings, runner, said, draft, monkeypatch, typed, message):
    dialog = _dialog(qtbot, runner)
    _fill(qtbot, dialog, draft, typed, monkeypatch)
    dialog.create_button.click()
    assert message in said.errors[0][1]


def test_a_failure_after_creating_removes_the_new_file(qtbot, settings, runner, said, draft, tmp_path,
                                                       monkeypatch):
    from raadsakkoord.base.errors import DomainError

    def refuse(*args, **kwargs):
        raise DomainError("Te veel zetels.")

    monkeypatch.setattr(opendialogs, "import_markdown_draft", refuse)
    dialog = _dialog(qtbot, runner)
    _fill(qtbot, dialog, draft, tmp_path / "nieuw.raadsakkoord", monkeypatch)
    dialog.create_button.click()
    assert said.errors[0][1] == "Te veel zetels."
    assert _leftovers(tmp_path) == []


def test_made_off_the_gui_thread_and_cannot_be_closed_meanwhile(qtbot, settings, said, draft, tmp_path,
                                                                monkeypatch):
    import threading

    threads = []
    real = opendialogs.create_from_markdown

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(opendialogs, "create_from_markdown", spy)
    runner = TaskRunner()
    dialog = _dialog(qtbot, runner)
    _fill(qtbot, dialog, draft, tmp_path / "nieuw.raadsakkoord", monkeypatch)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.create_button.click()
        assert not dialog.cancel_button.isEnabled() and dialog.status.text() == "Het brondocument wordt ingelezen…"
        dialog.reject()  # Escape while busy: ignored, the work finishes
    assert threads and threads[0] is not threading.main_thread()
    assert dialog.created[0] == str(tmp_path / "nieuw.raadsakkoord")
    runner.wait()


def test_new_from_markdown_returns_the_new_path(settings, runner, said, draft, tmp_path, monkeypatch, qtbot):
    def answer(dialog):
        _fill(qtbot, dialog, draft, tmp_path / "nieuw.raadsakkoord", monkeypatch)
        dialog.create_button.click()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(opendialogs, "_run_dialog", answer)
    assert new_from_markdown(None, runner) == str(tmp_path / "nieuw.raadsakkoord")
    monkeypatch.setattr(opendialogs, "_run_dialog", lambda dialog: False)
    assert new_from_markdown(None, runner) is None


def test_making_a_workspace_from_a_word_document_says_what_was_left_out(qtbot, settings, runner, said, tmp_path,
                                                                          monkeypatch):
    import docx

    document = docx.Document()
    document.add_heading("Raadsakkoord Testdorp", level=0)  # a document title: not part of the outline
    document.add_heading("Wonen", level=1)
    document.add_heading("Bouwen", level=2)
    document.add_paragraph("We bouwen 500 woningen.")
    path = tmp_path / "concept.docx"
    document.save(str(path))
    previewed = []
    monkeypatch.setattr(outlinepreview, "_run_dialog", lambda preview: previewed.append(preview.outline) or True)
    dialog = _dialog(qtbot, runner)
    _fill(qtbot, dialog, path, None, monkeypatch)
    with qtbot.waitSignal(dialog.accepted):
        dialog.create_button.click()
    assert said.errors == [] and said.bugs == []
    assert [(e.kind, e.title) for e in previewed[0].entries] == [("chapter", "Wonen"), ("section", "Bouwen")]
    target, chapters, sections, left_out = dialog.created
    assert (chapters, sections) == (1, 1) and left_out and "concept.docx" in left_out[0]
    assert said.infos and said.infos[0][1].startswith(left_out[0])
    ws = open_workspace(target)
    try:
        with ws.action() as s:
            from raadsakkoord.model import Section

            assert [x.text for x in s.query(Section)] == ["We bouwen 500 woningen."]
    finally:
        ws.close()
