"""Long work in the background, and what the window does meanwhile: while a package is read in, the
workspace stays open; closing the window does not wait for long work without end."""

from raadsakkoord import operations as ops
from raadsakkoord.model import AmendmentKind, Section
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import council, ok  # noqa: F401 - council is a fixture
from tests.ui.conftest import griffie_identity
from ui.exchange import packages as exchangeui

STILL_READING = ("Werkruimte openen", "Er wordt nog een pakket ingelezen. Wacht tot het verslag daarvan verschijnt; "
                 "daarna kunt u een andere werkruimte openen of als iemand anders verder werken.")


def _party_package(c, capsys, tmp_path) -> str:
    """GL proposes one amendment and sends its package."""
    workspace = open_workspace(str(c.parties["GL"]))
    with workspace.action() as s:
        text = s.get(Section, c.bouwen).text
        ops.propose_amendment(s, ops.Actor.of_party(c.ids["GL"], "Gerda Groen"), kind=AmendmentKind.MODIFY,
                              section_id=c.bouwen, headline="Meer woningen",
                              text=text.replace("500 woningen", "800 woningen"), submit=True)
    workspace.close()
    target = tmp_path / "GL-1.rkpkg"
    ok(capsys, "package", "export", c.parties["GL"], "--party", "GL", "-o", target)
    return str(target)


def test_the_workspace_stays_open_while_a_package_is_read_in(council, capsys, tmp_path, make_window, dialogs,
                                                             monkeypatch, qtbot):
    package = _party_package(council, capsys, tmp_path)
    reports = []
    monkeypatch.setattr(exchangeui, "show_import_report", lambda parent, outcomes: reports.append(outcomes))
    window = make_window(synchronous=False)  # the real thread pool and worker process
    assert window.open_workspace(str(council.griffie), griffie_identity())
    qtbot.waitUntil(lambda: window.outline is not None, timeout=20_000)
    asked = []
    monkeypatch.setattr(window, "choose_identity", lambda workspace: asked.append(workspace) or griffie_identity())

    window.import_packages([package])
    # The import's result comes back through the event loop, which has not turned yet: it is still running.
    assert not window.open_workspace(str(council.parties["RP"]), griffie_identity())
    window.switch_identity_action.trigger()
    assert dialogs.shown == [STILL_READING, STILL_READING]
    assert window.ctx.workspace.target == str(council.griffie) and asked == []

    qtbot.waitUntil(lambda: bool(reports), timeout=60_000)
    assert [o.report.counts[("amendments", "new")] for o in reports[0]] == [1]
    assert window.statusBar().currentMessage() == "Pakketten: 1 ingelezen."
    # Once the report is there, the clerk may go elsewhere.
    assert window.open_workspace(str(council.parties["RP"]), griffie_identity())
    assert window.ctx.workspace.target == str(council.parties["RP"])
