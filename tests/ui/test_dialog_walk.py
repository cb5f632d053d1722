"""Every dialog and the amendment editor, walked as the screens of the window are: named, no traps, unique
mnemonics, readable, and with a focus a keyboard user can see.

The walk names every dialog it met; a dialog that silently failed to open makes the set of titles differ.
"""

from __future__ import annotations

import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QLineEdit, QWidget

from raadsakkoord import operations as ops
from raadsakkoord.exchange import keystore
from raadsakkoord.exchange.preview import preview_package
from raadsakkoord.importing.office import read_outline
from raadsakkoord.importing.office.tracked import read_tracked
from raadsakkoord.model import AmendmentKind, Party, Section
from raadsakkoord.operations.tracked_changes import plan_tracked_changes
from raadsakkoord.queries.identity import roles
from raadsakkoord.store.workspace import open_workspace
from tests.importing.office.round_edits import export_round, party_edits
from tests.importing.office.samples import numbered_bold_docx
from tests.exchange.conftest import council  # noqa: F401 - a fixture
from tests.ui.conftest import griffie_identity, party_identity
from tests.ui.exchange.test_packages import _sample_outcomes
from tests.ui.test_accessibility_walk import SECTION, Walk
from ui.exchange import trackedchanges
from ui.exchange.packagepreview import PackagePreviewDialog
from ui.exchange.packages import ImportReportDialog
from ui.exchange.passphrase import PassphraseDialog
from ui.shell.aboutdialog import AboutDialog
from ui.shell.dbpassword import PasswordDialog
from ui.shell.opendialogs import DatabaseUrlDialog, NewFromMarkdownDialog
from ui.shell.outlinepreview import OutlinePreviewDialog
from ui.shell.sectionview import AMENDMENTS, CONSOLIDATION
from ui.shell.settingsdialog import SettingsDialog

# The controls a keyboard user stops at and acts on; a label or a read-only text is read, not acted on.
_FOCUS_STOPS = (QAbstractButton, QComboBox, QLineEdit)


def focus_unseen(root: QWidget) -> list[str]:
    """The controls whose look does not change when they get the keyboard focus (WCAG 2.4.7)."""
    unseen = []
    window = root.window()
    window.activateWindow()  # a control draws its focus only in the active window,
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)  # and after the keyboard moved it
    QApplication.processEvents()
    assert QApplication.activeWindow() is window, window.windowTitle()
    stops = [widget for widget in window.findChildren(QWidget)
             if isinstance(widget, _FOCUS_STOPS) and widget.isVisible() and widget.isEnabled()
             and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
             and not (isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox))]
    for widget in stops:
        if not root.isAncestorOf(widget) and widget is not root:
            continue
        # As Tab moves it: the focus on the neighbour, then on the control itself.
        neighbour = next((other for other in stops if other is not widget), None)
        if neighbour is None:
            widget.clearFocus()
            window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        else:
            neighbour.setFocus(Qt.FocusReason.ShortcutFocusReason)
        QApplication.processEvents()
        without = widget.grab().toImage()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        QApplication.processEvents()
        with_focus = widget.grab().toImage()
        if without == with_focus:
            unseen.append(f"{root.windowTitle()}: {type(widget).__name__}"
                          f"({getattr(widget, 'text', lambda: '')() or widget.accessibleName()})")
    return unseen


class DialogWalk(Walk):
    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []
        self.unseen_focus: list[str] = []

    def dialog(self, dialog: QDialog) -> None:
        dialog.show()
        QApplication.processEvents()
        self.titles.append(dialog.windowTitle())
        self.screen(f"dialoog {dialog.windowTitle()}", dialog)
        self.unseen_focus += focus_unseen(dialog)
        dialog.reject()
        dialog.deleteLater()

    def assert_clean(self) -> None:
        findings = {**self.found.counts(), "unseen_focus": len(self.unseen_focus)}
        assert findings == {name: 0 for name in findings}, "\n".join(
            [line for items in vars(self.found).values() for line in items] + self.unseen_focus)


def _section(demo_path) -> tuple:
    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        section = s.scalars(sa.select(Section).where(Section.title == SECTION)).one()
        sp = s.scalars(sa.select(Party).where(Party.short_name == "SP")).one()
        gl = s.scalars(sa.select(Party).where(Party.short_name == "GL")).one()
        # SP asks GL to co-submit, so GL's window shows the co-submission panel beside its position.
        asked = ops.propose_amendment(s, ops.Actor.of_party(sp.id, "Jannie Hadders"), kind=AmendmentKind.MODIFY,
                                      section_id=section.id, headline="Samen met GL",
                                      text=section.text + "\n\nSamen met GL.", co_party_ids=[gl.id], submit=True)
        ids = section.id, asked.id
    gl_identity = party_identity(workspace, "GL", "Gerrit Groen")
    workspace.close()
    return ids, gl_identity


def test_every_dialog_is_walked_and_passes(window, make_window, demo_path, tmp_path, qtbot, runner, settings, council, monkeypatch):
    walk = DialogWalk()
    (section_id, asked_id), gl_identity = _section(demo_path)

    # The party's window: the editor for a new and for an existing amendment, the co-submission and
    # position panels of an amendment another party asked it to co-submit.
    assert window.open_workspace(demo_path, gl_identity)
    window.resize(1400, 900)
    window.go_to_section(section_id)
    views = window.work.section_view
    views.setCurrentIndex(AMENDMENTS)
    views.amendment_table.selectRow(views.amendment_model.row_of(asked_id))
    assert views.co_submission_panel.isVisible() and views.amendment_panel.isVisible()
    walk.screen("mede-indienen en standpunt", window)
    walk.unseen_focus += focus_unseen(views.co_submission_panel) + focus_unseen(views.amendment_panel)
    new = window.work.write_amendment(AmendmentKind.MODIFY, section_id)
    walk.screen("nieuw amendement", window)
    walk.unseen_focus += focus_unseen(new)
    editors = len(window.work.editors)
    window.work.open_amendment(views.amendment_model.entry(views.amendment_model.row_of(asked_id)))
    assert len(window.work.editors) == editors + 1
    walk.screen("bestaand amendement", window)
    walk.unseen_focus += focus_unseen(window.work.editors[-1])
    window.close()

    # The griffie's decisions, from the consolidation's own buttons: the reason to reject and the compromise.
    monkeypatch.setattr(QDialog, "exec", lambda dialog: walk.dialog(dialog) or int(QDialog.DialogCode.Rejected))
    window = make_window()
    assert window.open_workspace(demo_path, griffie_identity())
    window.go_to_section(section_id)
    views = window.work.section_view
    views.setCurrentIndex(CONSOLIDATION)
    consolidation = views.consolidation
    consolidation.table.selectRow(0)
    for button in (consolidation.reject_button, consolidation.partly_button):
        assert button.isEnabled()
        button.click()
    # Export and publishing open beside the window, not modal.
    for action in (window.export_action, window.publish_action):
        before = set(QApplication.topLevelWidgets())
        action.trigger()
        QApplication.processEvents()
        (opened,) = [w for w in set(QApplication.topLevelWidgets()) - before if isinstance(w, QDialog)]
        walk.dialog(opened)
    window.close()

    # Exchange: the passphrase (new and unlocking), the package preview, the import report and the
    # preview of a Word file with tracked changes.
    walk.dialog(PassphraseDialog(keystore.PassphraseRequest("GL", new=True)))
    walk.dialog(PassphraseDialog(keystore.PassphraseRequest("GL", new=False, problem="Die wachtwoordzin klopt niet.")))
    workspace = open_workspace(council.parties["GL"])
    with workspace.action() as s:
        preview = preview_package(s, (tmp_path / "ronde1.rkpkg").read_bytes(), "ronde1.rkpkg")
    workspace.close()
    walk.dialog(PackagePreviewDialog(preview, "gl.raadsakkoord"))
    walk.dialog(ImportReportDialog(_sample_outcomes()))
    other = open_workspace(str(tmp_path / "testdorp.raadsakkoord"), create=True)
    _ids, exported = export_round(other, tmp_path)
    document = read_tracked(party_edits(exported, tmp_path / "ronde1-GL.docx"))
    with other.action() as s:
        changes = trackedchanges.Preview("ronde1-GL.docx", plan_tracked_changes(s, document),
                                         [r for r in roles(s) if r.party_id], document)
    other.close()
    walk.dialog(trackedchanges.TrackedChangesDialog(changes))

    # The shell: a new workspace from a Word draft and its outline, a shared workspace and its password,
    # settings and about.
    numbered = tmp_path / "genummerd.docx"
    numbered_bold_docx(numbered)
    walk.dialog(NewFromMarkdownDialog(runner, person="Griet Griffier"))
    walk.dialog(OutlinePreviewDialog(read_outline(numbered)[0]))
    walk.dialog(DatabaseUrlDialog())
    walk.dialog(PasswordDialog("Het wachtwoord van gerda op db.assen.nl is nodig."))
    walk.dialog(SettingsDialog())
    walk.dialog(AboutDialog())

    assert set(walk.titles) == {
        "Amendement verwerpen", "Gedeeltelijk overnemen", "Exporteren", "Ronde publiceren", "Wachtwoordzin van de sleutel", "Pakket inlezen",
        "Pakketten ingelezen", "Wijzigingen uit Word inlezen", "Nieuw raadsakkoord uit een brondocument",
        "Indeling van genummerd.docx controleren", "Gedeelde werkruimte openen",
        "Aanmelden bij de gedeelde werkruimte", "Instellingen", "Over Raadsakkoord"}, walk.titles
    walk.assert_clean()
