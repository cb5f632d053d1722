"""The export dialog: choices from the core, a file written off the GUI thread, cancelling leaves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from raadsakkoord import operations as ops
from raadsakkoord.export.writer import FORMATS
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity
from ui.exchange import exportdialog
from ui.common.context import Changes, Context
from ui.exchange.exportdialog import ExportDialog, show_export_dialog, suggested_name
from ui.common.background import TaskRunner


@pytest.fixture
def ctx(demo_path, settings):
    workspace = open_workspace(demo_path)
    actor, label = griffie_identity()
    yield Context(workspace, actor, label, Changes())
    workspace.close()


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(exportdialog, "open_url", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


def _dialog(qtbot, ctx, runner, **kw) -> ExportDialog:
    dialog = show_export_dialog(None, ctx, runner, **kw)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # the test reads it after closing
    qtbot.addWidget(dialog)
    return dialog


def _items(combo) -> list:
    return [combo.itemData(i) for i in range(combo.count())]


def test_the_choices_come_from_the_core(qtbot, ctx, runner, tmp_path):
    dialog = _dialog(qtbot, ctx, runner)
    assert _items(dialog.round) == [None, 2, 1]
    assert dialog.round.itemText(1) == "Concept 2 (ronde 2, gepubliceerd op 30-10-2026)"
    assert _items(dialog.format) == list(FORMATS["agreement"])
    # Nothing changed since Concept 2: what there is to export is that round.
    assert dialog.round.currentData() == 2
    assert Path(dialog.target.text()).name == "raadsakkoord-assen-ronde-2.pdf"
    dialog.round.setCurrentIndex(0)
    assert Path(dialog.target.text()).name == "raadsakkoord-assen-concept.pdf"
    dialog.round.setCurrentIndex(1)
    assert Path(dialog.target.text()).name == "raadsakkoord-assen-ronde-2.pdf"
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    assert Path(dialog.target.text()).name == "raadsakkoord-assen-ronde-2.md"
    assert not dialog.attach_source.isEnabled() and dialog.readability.isEnabled()

    dialog.what.setCurrentIndex(dialog.what.findData("tasks"))
    assert _items(dialog.format) == list(FORMATS["tasks"])
    assert Path(dialog.target.text()).name == "uitwerkingsagenda-assen.md"  # the format chosen is kept
    assert not dialog.round.isEnabled() and not dialog.readability.isEnabled()
    assert dialog.chosen_round is None

    # A name of the clerk's own is kept; only its extension follows the format.
    dialog.target.setText(str(tmp_path / "voor de raad.md"))
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.target.text() == str(tmp_path / "voor de raad.csv")


def test_the_current_texts_are_the_default_once_they_differ_from_the_latest_round(qtbot, ctx, runner):
    import sqlalchemy as sa

    from raadsakkoord.model import Amendment, AmendmentStatus

    with ctx.action() as s:
        amendment = s.scalars(sa.select(Amendment).where(Amendment.status == AmendmentStatus.SUBMITTED,
                                                         Amendment.headline == "Contact binnen een week")).one()
        ops.decide_amendment(s, ctx.actor, amendment.id, AmendmentStatus.ACCEPTED)
    dialog = _dialog(qtbot, ctx, runner)
    assert dialog.round.currentData() is None
    with ctx.action() as s:
        ops.publish_round(s, ctx.actor)
    after = _dialog(qtbot, ctx, runner)
    assert after.round.currentData() == 3 and Path(after.target.text()).name == "raadsakkoord-assen-ronde-3.pdf"


def test_a_file_name_is_plain_ascii():
    assert suggested_name("agreement", "pdf", "Súdwest-Fryslân", 3) == "raadsakkoord-sudwest-fryslan-ronde-3.pdf"
    assert suggested_name("amendments", "html", "Assen", None) == "amendementenboek-assen.html"


def test_exporting_a_round_as_pdf_then_opening_it(qtbot, ctx, runner, tmp_path, opened, dialogs):
    dialog = _dialog(qtbot, ctx, runner, round_number=2)
    assert dialog.round.currentData() == 2
    target = tmp_path / "raadsakkoord-assen-ronde-2.pdf"
    dialog.target.setText(str(target))
    dialog.readability.setChecked(True)
    with qtbot.waitSignal(dialog.exported) as said:
        dialog.export_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert said.args[0].startswith(f"Geschreven: {target} (") and said.args[0].endswith(" pagina's).")
    assert dialog.status.text() == said.args[0]
    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
    assert dialog.close_button.text() == "Sluiten" and not dialog.progress.isVisible()
    dialog.open_button.click()
    dialog.folder_button.click()
    assert opened == [str(target), str(tmp_path)]
    assert dialogs.shown == []
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(str(target)).pages).replace("\t", " ")
    assert "Concept 2" in text and "Leesbaarheid" in text


def test_cancelling_stops_the_work_and_leaves_no_file(qtbot, ctx, runner, tmp_path, dialogs):
    dialog = _dialog(qtbot, ctx, runner)
    out = tmp_path / "uit"
    out.mkdir()
    dialog.target.setText(str(out / "akkoord.pdf"))
    seen: list[str] = []

    def click_cancel_on(message, done, total):
        seen.append(message)
        if message.endswith("opmaken…"):  # the data are read; the PDF is being laid out
            dialog.close_button.click()

    dialog._progressed.connect(click_cancel_on)
    dialog.export_button.click()
    assert dialog.status.text() == "Geannuleerd; er is niets geschreven."
    assert seen == ["De gegevens lezen…", "het raadsakkoord als pdf opmaken…"]
    assert list(out.iterdir()) == []
    assert dialogs.shown == []  # no error box for a cancel
    assert dialog.isVisible() and dialog.close_button.text() == "Sluiten" and dialog.export_button.isEnabled()


def test_cancelling_a_long_export_on_the_worker_thread(qtbot, ctx, tmp_path, dialogs):
    _sixty_sections(ctx)  # so typesetting takes long enough to cancel
    runner = TaskRunner()
    dialog = _dialog(qtbot, ctx, runner)
    out = tmp_path / "uit"
    out.mkdir()
    dialog.target.setText(str(out / "akkoord.pdf"))
    dialog.export_button.click()
    assert dialog.running and dialog.close_button.text() == "&Annuleren"
    qtbot.waitUntil(lambda: "de PDF zetten" in dialog.status.text(), timeout=10_000)  # Typst at work
    dialog.reject()  # Escape does the same as "Annuleren"
    assert dialog.status.text() == "Wordt geannuleerd…" and not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert runner.wait()
    assert dialog.status.text() == "Geannuleerd; er is niets geschreven."
    assert list(out.iterdir()) == [] and dialogs.shown == []


def _sixty_sections(ctx) -> None:
    with ctx.action() as s:  # some 60 pages more than the demo
        chapter = ops.add_chapter(s, ctx.actor, title="Veel")
        for number in range(60):
            ops.add_section(s, ctx.actor, chapter_id=chapter.id, title=f"Onderwerp {number}",
                            text="\n\n".join(["De gemeente luistert eerst en besluit daarna. " * 30] * 4))


def test_the_bar_follows_the_sections_prepared(qtbot, ctx, runner, tmp_path):
    _sixty_sections(ctx)
    dialog = _dialog(qtbot, ctx, runner)
    dialog.target.setText(str(tmp_path / "akkoord.pdf"))
    bars: list[tuple[str, int, int]] = []
    dialog._progressed.connect(lambda message, done, total: bars.append(
        (message, dialog.progress.value(), dialog.progress.maximum())))
    dialog.export_button.click()
    assert (tmp_path / "akkoord.pdf").is_file()
    steps = [(value, maximum) for message, value, maximum in bars if message.startswith("hoofdlijn ")]
    assert steps and steps[0] == (0, steps[0][1]) and steps[0][1] > 60  # a real bar: done of total sections
    assert [value for value, _ in steps] == list(range(0, steps[0][1], 50))
    assert bars[0] == ("De gegevens lezen…", -1, 0)  # no count yet: a busy bar (maximum 0)
    # Typesetting is one step of Typst's own: the bar is busy meanwhile, and says so.
    assert ("de PDF zetten…", -1, 0) in bars


def test_a_pdf_is_written_on_the_worker_thread(qtbot, ctx, tmp_path, dialogs):
    runner = TaskRunner()
    dialog = _dialog(qtbot, ctx, runner, what="amendments")
    target = tmp_path / "boek.pdf"
    dialog.target.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_button.click()
    assert runner.wait()
    assert target.read_bytes().startswith(b"%PDF") and dialogs.shown == []


def test_a_folder_that_does_not_exist_is_refused_in_one_message(qtbot, ctx, runner, tmp_path, dialogs):
    dialog = _dialog(qtbot, ctx, runner)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.target.setText(str(tmp_path / "weg" / "akkoord.md"))
    dialog.export_button.click()
    assert dialogs.shown == [("Exporteren", f"De map {tmp_path / 'weg'} bestaat niet; er is niets geschreven.")]
    assert dialog.status.text() == "Niet geëxporteerd." and not (tmp_path / "weg").exists()
    dialog.target.clear()
    dialog.export_button.click()
    assert dialogs.shown[-1] == ("Exporteren", "Geef aan waar het bestand moet komen.")


def test_an_existing_file_is_replaced_only_when_the_clerk_agrees(qtbot, ctx, runner, tmp_path, dialogs):
    target = tmp_path / "agenda.csv"
    target.write_text("oud", encoding="utf-8")
    dialog = _dialog(qtbot, ctx, runner, what="tasks")
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.target.setText(str(target))
    dialogs.answers = [False]
    dialog.export_button.click()
    assert dialogs.shown == [("Exporteren", "agenda.csv bestaat al. Wilt u het vervangen?")]
    assert target.read_text(encoding="utf-8") == "oud" and dialog.status.text() == ""
    dialogs.answers = [True]
    dialog.export_button.click()
    assert target.read_text(encoding="utf-8").count("\n") > 10
    assert dialog.status.text() == f"Geschreven: {target}."


def test_browsing_fills_in_the_chosen_file(qtbot, ctx, runner, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(exportdialog, "choose_target",
                        lambda parent, suggested, fmt: asked.append((Path(suggested).name, fmt)) or str(tmp_path / "x"))
    dialog = _dialog(qtbot, ctx, runner, what="amendments")
    dialog.browse_button.click()
    assert asked == [("amendementenboek-assen.pdf", "pdf")]
    assert dialog.target.text() == str(tmp_path / "x.pdf")



def test_the_workspace_itself_is_refused_as_the_file_before_anything_is_asked(qtbot, ctx, runner, dialogs):
    workspace = Path(ctx.workspace.target)
    before = workspace.read_bytes()
    dialog = _dialog(qtbot, ctx, runner)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.target.setText(str(workspace))
    dialogs.answers = [True]  # were it asked, the clerk would say yes
    dialog.export_button.click()
    assert runner.wait()
    refusal = (f"{workspace} is een werkruimte of een ander gegevensbestand; die wordt nooit overschreven. Er is niets "
               "geschreven; kies een andere bestandsnaam.")
    assert dialogs.shown == [("Exporteren", refusal)]
    assert workspace.read_bytes() == before and dialog.written is None


def test_a_file_that_is_no_such_export_is_named_so_in_the_question(qtbot, ctx, runner, tmp_path, dialogs):
    notes = tmp_path / "notities.md"
    notes.write_bytes(b"%PDF-1.7\nmijn eigen PDF onder een verkeerde naam\n")
    dialog = _dialog(qtbot, ctx, runner)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.target.setText(str(notes))
    dialogs.answers = [False]
    dialog.export_button.click()
    question = ("notities.md bestaat al en is geen Markdown-tekst; het lijkt een ander bestand. Wilt u het toch "
                "vervangen? Wat erin staat, gaat dan verloren.")
    assert dialogs.shown == [("Exporteren", question)]
    assert notes.read_bytes().startswith(b"%PDF-1.7\nmijn eigen")
    dialogs.answers = [True]
    dialog.export_button.click()
    assert runner.wait()
    assert notes.read_text(encoding="utf-8").startswith("---\ntitle:")


def _children() -> set[int]:
    """The processes this one started that are still running."""
    found: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        found |= {int(pid) for pid in (task / "children").read_text().split()}
    return found


def test_a_pdf_is_typeset_in_a_process_that_ends_so_the_window_keeps_no_memory(qtbot, ctx, tmp_path, dialogs):
    from pypdf import PdfReader

    _sixty_sections(ctx)
    runner = TaskRunner()
    dialog = _dialog(qtbot, ctx, runner)
    out = tmp_path / "uit"
    out.mkdir()
    target = out / "akkoord.pdf"
    dialog.target.setText(str(target))
    seen: list[str] = []
    typesetters: set[int] = set()
    before = _children()

    def note(message, done, total):
        seen.append(message)
        if message == "de PDF zetten…":
            typesetters.update(_children() - before)

    dialog._progressed.connect(note)
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export_button.click()
    assert runner.wait()
    # The typesetting ran in a process of its own, which has ended: its memory went back to the system.
    assert typesetters and not typesetters & _children()
    assert len(PdfReader(target).pages) > 60 and dialogs.shown == []
    assert "de PDF zetten…" in seen and any(message.startswith("hoofdlijn ") for message in seen)
    assert dialog.status.text().startswith(f"Geschreven: {target} (")
    assert [p.name for p in out.iterdir()] == ["akkoord.pdf"]  # no temporary file left beside it


def test_stopping_the_typesetting_process_leaves_no_file_and_no_temporary_file(qtbot, ctx, tmp_path, dialogs):
    # The agreement with sixty sections more: its typesetting takes long enough to be stopped halfway
    # (the demo's amendment book is typeset in a tenth of a second, before a click could land).
    _sixty_sections(ctx)
    runner = TaskRunner()
    dialog = _dialog(qtbot, ctx, runner)
    out = tmp_path / "uit"
    out.mkdir()
    dialog.target.setText(str(out / "akkoord.pdf"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "de PDF zetten" in dialog.status.text(), timeout=30_000)
    dialog.close_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert runner.wait()
    assert dialog.status.text() == "Geannuleerd; er is niets geschreven."
    assert list(out.iterdir()) == [] and dialogs.shown == []


def test_a_failure_in_the_typesetting_process_is_shown_in_dutch(qtbot, ctx, tmp_path, dialogs):
    runner = TaskRunner()
    dialog = _dialog(qtbot, ctx, runner)
    out = tmp_path / "uit"
    out.mkdir()
    dialog.target.setText(str(out / "akkoord.pdf"))
    with ctx.action() as s:  # a round the child will not find: the workspace changed after the dialog read it
        from raadsakkoord.queries.round_readiness import published_rounds
        missing = max((info.number for info in published_rounds(s)), default=0) + 5
    dialog.round.addItem("verdwenen", missing)
    dialog.round.setCurrentIndex(dialog.round.count() - 1)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert runner.wait()
    assert dialog.status.text() == "Niet geëxporteerd."
    assert len(dialogs.shown) == 1 and "ronde" in str(dialogs.shown[0]).lower()
    assert list(out.iterdir()) == []


def test_line_numbers_are_on_by_default_and_can_be_left_out(qtbot, ctx, runner, tmp_path, dialogs):
    dialog = _dialog(qtbot, ctx, runner)
    assert dialog.line_numbers.isChecked() and dialog.line_numbers.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    numbered, plain = tmp_path / "met.html", tmp_path / "zonder.html"
    for target, checked in ((numbered, True), (plain, False)):
        dialog.line_numbers.setChecked(checked)
        dialog.target.setText(str(target))
        with qtbot.waitSignal(dialog.exported, timeout=30_000):
            dialog.export_button.click()
    assert 'class="line-number"' in numbered.read_text(encoding="utf-8")
    assert 'class="line-number"' not in plain.read_text(encoding="utf-8")
    assert dialogs.shown == []
    dialog.what.setCurrentIndex(dialog.what.findData("tasks"))
    assert not dialog.line_numbers.isEnabled()
