"""Screenshots of the main screens on the demo workspace, for looking at (and for the README).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [FOLDER]

Writes PNGs into FOLDER (default: screenshots/, which git ignores). Runs the
real window on a fresh copy of the demo, as a member of the SP; then the
griffie's dialogs and views (export, publishing a round, the inbox with two
parties' packages, the log before and after an event was tampered with), each
on a copy of its own; then the first pages of the agreement's PDF as poppler's
pdftoppm draws them (when it is installed): look at those after a change to
the PDF layout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("RAADSAKKOORD_DATA_DIR", tempfile.mkdtemp(prefix="raadsakkoord-shots-"))
# Its signing keys go into passphrase-encrypted files in that throwaway folder, never into the user's keychain.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("RAADSAKKOORD_KEY_PASSPHRASE", "wachtwoordzin van deze meting")

import sqlalchemy as sa  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from raadsakkoord import operations as ops  # noqa: E402
from raadsakkoord.demo import create_demo_workspace  # noqa: E402
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus, Party  # noqa: E402
from ui.shell.app import configure_application, make_none_immortal  # noqa: E402
from ui.shell.mainwindow import MainWindow  # noqa: E402
from ui.shell.sectionview import AMENDMENTS  # noqa: E402
from ui.common.background import TaskRunner  # noqa: E402


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()
        QTest.qWait(10)


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    make_none_immortal()
    app = QApplication([])
    configure_application(app)
    path = Path(os.environ["RAADSAKKOORD_DATA_DIR"]) / "demo.raadsakkoord"
    create_demo_workspace(str(path)).close()
    window = MainWindow(runner=TaskRunner(synchronous=True))
    window.resize(1400, 860)
    window.show()
    from raadsakkoord.store.workspace import open_workspace

    ws = open_workspace(str(path))
    with ws.action() as s:
        party = s.scalars(sa.select(Party).where(Party.short_name == "SP")).one()
        actor = ops.Actor.of_party(party.id, "Jannie Hadders")
    ws.close()
    window.open_workspace(str(path), (actor, "Jannie Hadders (SP)"))
    settle(app)

    def shot(name: str, widget=None) -> None:
        settle(app)
        (widget or window).grab().save(str(folder / name))
        print(folder / name)

    # A section with amendments from several parties.
    busiest = max((s for c in window.outline.chapters for s in c.sections),
                  key=lambda s: window.navigator.model.find_section(s.id).siblingAtColumn(2).data() or "0")
    window.navigator.select(busiest.id)
    shot("hoofdvenster.png")
    window.work.section_view.setCurrentIndex(AMENDMENTS)
    shot("amendementen.png")
    window.work.section_view.setCurrentIndex(1)
    shot("wijzigingen.png")
    window.work.section_view.setCurrentIndex(2)
    shot("geschiedenis.png")
    window.work.section_view.setCurrentIndex(0)

    window.work.section_view.write_button.click()
    editor = window.work.current_editor()
    QTest.keyClicks(editor.headline_edit, "Nestkasten ook voor gierzwaluwen")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor.text_edit, " Teneinde de gierzwaluw te beschermen hangen we in elke nieuwe wijk "
                                      "nestkasten op, in overleg met de vogelwerkgroep en de bewoners van de wijk.")
    editor.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    QTest.qWait(400)
    shot("amendement-schrijven.png")

    window.show_readability()
    settle(app)
    shot("leesbaarheid.png", window.readability_dialog)
    window.readability_dialog.close()
    editor.model.saved_fields = editor.model.state.fields()  # no "unsaved" question on quit
    window.work.close_editors()
    window.close()

    griffie_window(app, folder, path)
    griffie_screens(app, folder, path)
    chamber_screens(app, folder, path)
    pdf_pages(folder, path)
    # Delete every window while Qt still runs; left to Python's exit, they went in an order Qt does not survive.
    for widget in app.topLevelWidgets():
        widget.deleteLater()
    settle(app)


def griffie_window(app: QApplication, folder: Path, demo: Path, *, size=(1400, 860), prefix: str = "") -> None:
    """The griffie's screens in the main window: consolidating 8.4 with a preview, the matrix, the agenda, the log."""
    from ui.shell import tools
    from ui.shell.sectionview import CONSOLIDATION

    copy = demo.with_name(f"{prefix}griffie.raadsakkoord")
    shutil.copyfile(demo, copy)
    window = MainWindow(runner=TaskRunner(synchronous=True))
    window.resize(*size)
    window.show()
    window.open_workspace(str(copy), (ops.Actor.griffie("Marleen Hoekstra"), "Marleen Hoekstra (griffie)"))
    settle(app)

    def shot(name: str) -> None:
        settle(app)
        window.grab().save(str(folder / f"{prefix}{name}"))
        print(folder / f"{prefix}{name}")

    section = next(s for c in window.outline.chapters for s in c.sections if s.title == "Meedoen zonder geldzorgen")
    window.navigator.select(section.id)
    view = window.work.section_view
    view.setCurrentIndex(CONSOLIDATION)
    settle(app)
    consolidation = view.consolidation
    for headline in ("Inkomensgrens minimaregelingen naar 130 procent", "Een zachte overgang boven de inkomensgrens",
                     "Contact binnen een week"):
        consolidation.choice_model.toggle(
            next(i for i, a in enumerate(consolidation.detail.amendments) if a.headline == headline))
    shot("consolidatie.png")
    for name, show in (("steunmatrix.png", tools.show_support), ("uitwerkingsagenda.png", tools.show_agenda),
                       ("logboek-venster.png", tools.show_audit)):
        show(window)
        shot(name)
    window.close()


def chamber_screens(app: QApplication, folder: Path, demo: Path) -> None:
    """The screen in the council chamber at 1920 × 1080: an amendment on 8.4 with its changes, then its vote."""
    copy = demo.with_name("raadzaal.raadsakkoord")
    shutil.copyfile(demo, copy)
    window = MainWindow(runner=TaskRunner(synchronous=True))
    window.resize(1400, 860)
    window.show()
    window.open_workspace(str(copy), (ops.Actor.griffie("Marleen Hoekstra"), "Marleen Hoekstra (griffie)"))
    settle(app)
    window.chamber_action.trigger()
    screen = window.chamber.screen_window
    screen.resize(1920, 1080)
    headline = "Inkomensgrens minimaregelingen naar 130 procent"
    while screen.shown.item.title != headline:
        window.chamber.next_action.trigger()
    item = screen.shown.item

    def shot(name: str, widget) -> None:
        settle(app)
        widget.grab().save(str(folder / name))
        print(folder / name)

    shot("raadzaal-amendement.png", screen)
    shot("raadzaal-bediening.png", window)
    ctx = window.ctx
    with ctx.action() as s:
        parties = {p.short_name: p for p in s.scalars(sa.select(Party))}
        against = {"VVD", "CDA", "JA21"} & parties.keys()
        members = next((p.members for p in parties.values() if p.short_name in against and len(p.members) > 1), [])
        ops.record_vote(s, ctx.actor, item, voting_for=[p.id for n, p in parties.items() if n not in against],
                        voting_against=[p.id for n, p in parties.items() if n in against],
                        absent=[members[0].name] if members else (),
                        split=[(members[1].name, "for")] if members else ())
    window.chamber.result_action.trigger()
    shot("raadzaal-uitslag.png", screen)
    window.chamber.close_screen()
    window.close()


def large_text(folder: Path, mode: str) -> None:
    """The griffie's window on a 1920 × 1080 screen at an 18-point font, or at 200 % scaling (its own process)."""
    make_none_immortal()
    app = QApplication([])
    configure_application(app)
    if mode == "18pt":
        font = app.font()
        font.setPointSizeF(18)
        app.setFont(font)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    path = Path(os.environ["RAADSAKKOORD_DATA_DIR"]) / "demo.raadsakkoord"
    create_demo_workspace(str(path)).close()
    # A maximised window on a 1920 × 1080 screen, less a task bar.
    griffie_window(app, folder, path, size=(int(1920 / scale), int(1030 / scale)),
                   prefix=f"groot-{mode.rstrip('%')}-")
    for widget in app.topLevelWidgets():
        widget.deleteLater()
    settle(app)


def large_text_screens(folder: Path) -> None:
    """An 18-point font and 200 % scaling, each in a process of its own (a scale factor holds per process)."""
    for mode, scale in (("18pt", "1"), ("200%", "2")):
        env = dict(os.environ, QT_SCALE_FACTOR=scale,
                   RAADSAKKOORD_DATA_DIR=tempfile.mkdtemp(prefix="raadsakkoord-shots-"))
        subprocess.run([sys.executable, __file__, str(folder), "--groot", mode], env=env, check=True, timeout=600)


def griffie_screens(app: QApplication, folder: Path, demo: Path) -> None:
    from PySide6.QtCore import Qt

    from raadsakkoord.store.workspace import open_workspace
    from ui.common import messages
    from ui.common.context import Changes, Context
    from ui.exchange.exportdialog import show_export_dialog
    from ui.griffie.auditview import AuditView
    from ui.griffie.inbox import InboxView
    from ui.griffie.publishdialog import publish_round_dialog

    messages.ask = lambda *args, **kwargs: True  # "Publiceren?" — yes, without a modal box
    runner = TaskRunner(synchronous=True)
    griffie = ops.Actor.griffie("Marleen Hoekstra")

    def context(name: str) -> Context:
        copy = demo.with_name(f"{name}.raadsakkoord")
        shutil.copyfile(demo, copy)
        return Context(open_workspace(str(copy)), griffie, "Marleen Hoekstra (griffie)", Changes())

    def shot(name: str, widget) -> None:
        settle(app)
        widget.grab().save(str(folder / name))
        print(folder / name)

    ctx = context("export")
    dialog = show_export_dialog(None, ctx, runner, round_number=2)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    shot("export-keuzes.png", dialog)
    dialog.target.setText(str(demo.with_name("raadsakkoord-assen-ronde-2.pdf")))
    dialog.export_button.click()
    shot("export-klaar.png", dialog)
    dialog.close()
    ctx.workspace.close()

    ctx = context("publiceren")
    with ctx.action() as s:  # something to publish: one amendment accepted
        amendment = s.scalars(sa.select(Amendment).where(
            Amendment.status == AmendmentStatus.SUBMITTED, Amendment.kind == AmendmentKind.MODIFY)
            .order_by(Amendment.headline)).first()
        ops.decide_amendment(s, griffie, amendment.id, AmendmentStatus.ACCEPTED, note="Overgenomen")
    dialog = publish_round_dialog(None, ctx, runner, lambda line: None)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    shot("ronde-publiceren.png", dialog)
    dialog.publish_button.click()
    shot("ronde-gepubliceerd.png", dialog)
    dialog.close()
    ctx.workspace.close()

    ctx = context("inbox")
    for short in ("SP", "CDA"):
        send_party_package(demo, ctx, short)
    view = InboxView(runner=runner)
    view.resize(1000, 560)
    view.bind(ctx)
    view.show()
    shot("inbox.png", view)
    view.close()
    ctx.workspace.close()

    ctx = context("logboek")
    view = AuditView(runner=runner)
    view.resize(1200, 600)
    view.bind(ctx)
    view.show()
    shot("logboek.png", view)
    with ctx.workspace.engine.begin() as conn:
        conn.execute(sa.text("UPDATE audit_event SET actor = 'Iemand Anders' WHERE seq = 952"))
    view.verify()
    view.refresh()
    shot("logboek-verbroken.png", view)
    view.close()
    ctx.workspace.close()


def send_party_package(demo: Path, griffie_ctx, short_name: str) -> None:
    """A package from one party, made in a copy of the demo with that party's new key, read in by the griffie."""
    from raadsakkoord.exchange import export_party_package, import_package, keys
    from raadsakkoord.store.workspace import open_workspace

    copy = demo.with_name(f"fractie-{short_name.lower()}.raadsakkoord")
    shutil.copyfile(demo, copy)
    party_ws = open_workspace(str(copy))
    with party_ws.action() as s:
        party = s.scalars(sa.select(Party).where(Party.short_name == short_name)).one().id
        member = ops.Actor.of_party(party, "Lid")
        identity = keys.resolve_identity(s, short_name)
        keys.init_key(s, member, identity)
        public = keys.export_public_key(s, identity)
        data = export_party_package(s, member, party)
    party_ws.close()
    with griffie_ctx.action() as s:
        keys.register_public_key(s, griffie_ctx.actor, public, f"{short_name}.pub")
    with griffie_ctx.action() as s:
        import_package(s, griffie_ctx.actor, data, f"{short_name.lower()}.rkpkg")


def pdf_pages(folder: Path, demo: Path, pages: int = 8) -> None:
    import datetime as dt

    from raadsakkoord.export import pdf
    from raadsakkoord.export.document import agreement_document
    from raadsakkoord.store.workspace import open_workspace

    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) ontbreekt: geen pagina's van de PDF", file=sys.stderr)
        return
    workspace = open_workspace(str(demo))
    with workspace.action() as s:
        document = agreement_document(s, today=dt.date(2026, 11, 2))
    workspace.close()
    target = demo.with_name("raadsakkoord.pdf")
    pdf.write_pdf(document, target)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", str(pages), str(target),
                    str(folder / "export-pagina")], check=True, timeout=60)
    for page in sorted(folder.glob("export-pagina-*.png")):
        page.rename(folder / f"export-pagina-{int(page.stem.rsplit('-', 1)[1])}.png")  # not "-01"
        print(folder / f"export-pagina-{int(page.stem.rsplit('-', 1)[1])}.png")


if __name__ == "__main__":
    if "--groot" in sys.argv:
        large_text(Path(sys.argv[1]), sys.argv[sys.argv.index("--groot") + 1])
    else:
        main()
        large_text_screens(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
