"""The inbox: packages from two parties read in by button and by dropping, and who sent nothing yet."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from raadsakkoord import operations as ops
from raadsakkoord.model import AmendmentKind, Position
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import BOUWEN, council, ok  # noqa: F401 - council is a fixture
from ui.exchange import packages as exchangeui
from ui.common.context import Changes, Context
from ui.griffie.inbox import InboxView, PartyInboxModel, ReceivedModel


@pytest.fixture
def reports(monkeypatch) -> list:
    found: list = []
    monkeypatch.setattr(exchangeui, "show_import_report", lambda parent, outcomes: found.append(outcomes))
    return found


@pytest.fixture
def packages(council, capsys, tmp_path) -> list[Path]:
    """GL amends a section and RP takes a position, each in its own workspace; both send a package."""
    gl = open_workspace(str(council.parties["GL"]))
    with gl.action() as s:
        ops.propose_amendment(s, ops.Actor.of_party(council.ids["GL"], "Gerda"), kind=AmendmentKind.MODIFY,
                              section_id=council.bouwen, headline="Meer woningen",
                              text=BOUWEN.replace("500", "800"), submit=True)
    gl.close()
    rp = open_workspace(str(council.parties["RP"]))
    with rp.action() as s:
        ops.endorse_section(s, ops.Actor.of_party(council.ids["RP"], "Ruud"), council.huur, Position.SUPPORT)
    rp.close()
    paths = []
    for short in ("GL", "RP"):
        path = tmp_path / f"{short.lower()}.rkpkg"
        ok(capsys, "package", "export", council.parties[short], "--party", short, "-o", path)
        paths.append(path)
    return paths


@pytest.fixture
def griffie(council, settings):
    workspace = open_workspace(str(council.griffie))
    yield Context(workspace, ops.Actor.griffie("Griet Griffier"), "Griet Griffier (griffie)", Changes())
    workspace.close()


@pytest.fixture
def view(qtbot, griffie, runner):
    widget = InboxView(runner=runner)
    qtbot.addWidget(widget)
    widget.resize(1000, 560)
    widget.bind(griffie)
    return widget


def _cells(model, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_before_anything_came_in_every_party_is_waited_for(view):
    assert [_cells(view.parties, r)[:4] for r in range(3)] == [
        ["GL", "7", "0", "nog niets ontvangen"], ["RP", "5", "0", "nog niets ontvangen"],
        ["BB", "3", "0", "nog niets ontvangen"]]
    assert view.received.rowCount() == 0
    assert view.summary.text() == "0 pakketten ontvangen. Nog niets ontvangen van: GL, RP, BB."


def test_two_party_packages_read_in_by_the_button_are_listed(view, packages, reports, monkeypatch, said):
    monkeypatch.setattr(exchangeui, "choose_package_files", lambda parent: [str(p) for p in packages])
    lines: list[str] = []
    view.status.connect(lines.append)
    view.import_button.click()
    assert lines == ["Pakketten: 2 ingelezen."] and len(reports) == 1 and said.errors == []

    rows = {view.parties.row(r).short_name: _cells(view.parties, r) for r in range(3)}
    assert rows["GL"][2] == "1" and rows["GL"][3].endswith("(nr. 1)") and rows["GL"][4]
    assert rows["RP"][2] == "1" and rows["RP"][3].endswith("(nr. 1)")
    assert rows["BB"][2:] == ["0", "nog niets ontvangen", ""]
    received = [_cells(view.received, r) for r in range(view.received.rowCount())]
    assert sorted((r[0], r[1], r[4], r[5]) for r in received) == [
        ("GL", "1", "1", "amendementen: 1 nieuw; nummers A1"), ("RP", "1", "1", "standpunten: 1 nieuw")]
    assert view.summary.text() == "2 pakketten ontvangen. Nog niets ontvangen van: BB."


def test_dropping_package_files_reads_them_in(view, packages, reports, tmp_path, said):
    letter = tmp_path / "brief.txt"
    letter.write_text("Beste griffie", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in [letter, *packages]])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)
    [outcomes] = reports
    assert [o.name for o in outcomes] == ["gl.rkpkg", "rp.rkpkg"]  # the letter is no package: left alone
    assert view.received.rowCount() == 2


def test_a_party_sees_the_round_packages_it_received(qtbot, council, runner, settings):
    workspace = open_workspace(str(council.parties["BB"]))
    try:
        ctx = Context(workspace, ops.Actor.of_party(council.ids["BB"], "Bram"), "Bram (BB)", Changes())
        view = InboxView(runner=runner)
        qtbot.addWidget(view)
        view.bind(ctx)
        view.show()
        assert view.party_table.isHidden()
        assert _cells(view.received, 0)[:2] == ["de griffie", "1"]
        assert view.summary.text() == "1 rondepakket van de griffie ingelezen."
    finally:
        workspace.close()


def test_the_models_pass_the_model_tester(qtmodeltester, view, packages, reports, monkeypatch):
    monkeypatch.setattr(exchangeui, "choose_package_files", lambda parent: [str(p) for p in packages])
    view.import_button.click()
    for model in (view.parties, view.received, PartyInboxModel(), ReceivedModel()):
        qtmodeltester.check(model)


def _ink(image, rect) -> tuple[int, int, int]:
    """The colour the text in ``rect`` of a grabbed image is drawn in: the one farthest from the background."""
    colours: dict[tuple[int, int, int], int] = {}
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            colour = image.pixelColor(x, y)
            key = (colour.red(), colour.green(), colour.blue())
            colours[key] = colours.get(key, 0) + 1
    background = max(colours, key=colours.get)
    return max(colours, key=lambda c: sum(abs(a - b) for a, b in zip(c, background)))


def test_shown_every_party_and_package_is_in_view_whole_and_who_sent_nothing_stands_out(
        view, packages, reports, monkeypatch, qtbot):
    monkeypatch.setattr(exchangeui, "choose_package_files", lambda parent: [str(p) for p in packages])
    view.import_button.click()
    view.show()
    qtbot.waitExposed(view)
    for table, rows in ((view.party_table, 3), (view.received_table, 2)):
        model = table.model()
        assert model.rowCount() == rows
        for column in range(model.columnCount()):
            # No cell cut short: the clerk reads every date and summary without widening a column.
            assert table.columnWidth(column) >= table.sizeHintForColumn(column), (model, column)
            for row in range(rows):
                assert table.viewport().rect().contains(table.visualRect(model.index(row, column))), (row, column)

    image = view.grab().toImage()

    def cell(row: int):
        rect = view.party_table.visualRect(view.parties.index(row, 3))
        return rect.translated(view.party_table.viewport().mapTo(view, rect.topLeft()) - rect.topLeft())

    red, green, blue = _ink(image, cell(2))  # BB: "nog niets ontvangen", in the warning colour (brown-orange)
    assert red - blue > 100 and red > green > blue, (red, green, blue)
    ink = _ink(image, cell(0))  # GL: the date of its package, in the ordinary text colour
    assert max(ink) - min(ink) < 30 and max(ink) < 100, ink
