"""The support overview on the demo workspace (Assen, 10 parties, 31 sections), opened as the griffie."""

import html
import os

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage

from raadsakkoord import operations as ops
from raadsakkoord.queries.matrix import support_matrix
from raadsakkoord.model import Position
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity, party_identity
from ui.support import chart as supportchart
from ui.common.context import Changes, Context
from ui.support.matrix import (
    AGAINST,
    FIRST_PARTY,
    FOR,
    MINORITY,
    NO_BROAD_SUPPORT,
    NO_MAJORITY,
    NUMBER,
    PARTY_AGAINST,
    SIGNS,
    STALE,
    TITLE,
    WITH_STALE,
    SupportMatrixModel,
)
from ui.support.view import CHART, SupportView
from ui.common.background import TaskRunner

CELL = SupportMatrixModel.CellRole
ID = SupportMatrixModel.IdRole


@pytest.fixture
def workspace(demo_path):
    ws = open_workspace(demo_path)
    yield ws
    ws.close()


@pytest.fixture
def ctx(workspace, qapp):
    actor, label = griffie_identity()
    return Context(workspace, actor, label, Changes())


@pytest.fixture
def view(ctx, qtbot, runner):
    widget = SupportView(runner=runner)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.bind(ctx)
    return widget


def core(workspace):
    with workspace.action() as s:
        return support_matrix(s)


def oppose(workspace, section_id, *parties, minority=""):
    for short in parties:
        actor, _ = party_identity(workspace, short)
        with workspace.action() as s:
            ops.endorse_section(s, actor, section_id, Position.OPPOSE, minority_position=minority)


def shown_ids(view):
    return [view.proxy.index(n, 0).data(ID) for n in range(view.proxy.rowCount())]


def party_column(matrix, short):
    return FIRST_PARTY + [p.short_name for p in matrix.parties].index(short)


def test_cells_show_each_partys_position_on_the_current_text(view, workspace):
    matrix = core(workspace)
    model = view.model
    assert model.rowCount() == len(matrix.rows) == 31
    assert model.columnCount() == FIRST_PARTY + 10
    # Columns are the parties with their seats, most seats first.
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(FIRST_PARTY, model.columnCount())]
    assert headers == [f"{p.short_name} ({p.seats})" for p in matrix.parties]
    assert [p.seats for p in matrix.parties] == sorted((p.seats for p in matrix.parties), reverse=True)
    kinds = set()
    for row, section in enumerate(matrix.rows):
        assert model.index(row, NUMBER).data() == section.number
        assert model.index(row, TITLE).data() == section.title
        assert model.index(row, FOR).data() == str(section.support.support_seats)
        assert model.index(row, AGAINST).data() == str(section.support.oppose_seats)
        for n, position in enumerate(section.support.positions):
            index = model.index(row, FIRST_PARTY + n)
            code = index.data(CELL)
            expected = {None: 0, Position.SUPPORT: 1, Position.OPPOSE: 2, Position.ABSTAIN: 3}[position.position]
            assert code & 3 == expected
            assert bool(code & STALE) == position.stale
            assert bool(code & MINORITY) == bool(position.minority_position)
            assert index.data() == SIGNS[expected]
            kinds.add((position.position, position.stale))
    # The demo has every kind of cell: support, opposition, abstention, and positions on an older text.
    assert {(Position.SUPPORT, False), (Position.OPPOSE, False), (Position.ABSTAIN, False),
            (Position.SUPPORT, True)} <= kinds


def test_a_minority_position_is_in_the_cells_tooltip_and_a_stale_one_says_it_does_not_count(view, workspace):
    matrix = core(workspace)
    minority = [(r, n, p) for r, row in enumerate(matrix.rows) for n, p in enumerate(row.support.positions)
                if p.minority_position]
    assert minority
    for row, n, position in minority:
        tip = view.model.index(row, FIRST_PARTY + n).data(Qt.ItemDataRole.ToolTipRole)
        assert html.escape(position.minority_position, quote=False) in tip
        assert position.short_name in tip
    stale = next((r, n) for r, row in enumerate(matrix.rows) for n, p in enumerate(row.support.positions) if p.stale)
    tip = view.model.index(stale[0], FIRST_PARTY + stale[1]).data(Qt.ItemDataRole.ToolTipRole)
    assert "oudere tekst: telt niet mee" in tip
    plain = view.model.index(row, FIRST_PARTY + n).data(Qt.ItemDataRole.AccessibleTextRole)
    assert position.minority_position in plain and "<" not in plain


def test_without_majority_keeps_exactly_the_sections_short_of_half_the_seats(view, workspace, ctx):
    matrix = core(workspace)
    # The demo agrees on nearly everything: let four parties oppose two sections.
    for section in (matrix.rows[4], matrix.rows[20]):
        oppose(workspace, section.id, "AC", "CU", "PLOP")
        oppose(workspace, section.id, "D66")
    view.refresh()
    matrix = core(workspace)
    view.filter_bar.show_combo.setCurrentIndex(NO_MAJORITY)
    expected = [r.id for r in matrix.rows if not r.support.has_majority]
    assert expected == [matrix.rows[4].id, matrix.rows[20].id]
    assert shown_ids(view) == expected
    assert view.filter_bar.count.text() == "2 van 31 hoofdlijnen"
    view.filter_bar.show_combo.setCurrentIndex(NO_BROAD_SUPPORT)
    assert shown_ids(view) == [r.id for r in matrix.rows if not r.support.has_broad_support]
    view.filter_bar.show_combo.setCurrentIndex(WITH_STALE)
    stale = [r.id for r in matrix.rows if r.support.stale]
    assert 0 < len(stale) < 31 and shown_ids(view) == stale


def test_where_a_party_is_against_keeps_its_current_opposition_only(view, workspace):
    matrix = core(workspace)
    vvd = [p.short_name for p in matrix.parties].index("VVD")
    oppose(workspace, matrix.rows[7].id, "VVD")
    # VVD opposed a text that has changed since: shown (hatched), but not where VVD is against.
    oppose(workspace, matrix.rows[9].id, "VVD")
    with workspace.action() as s:
        ops.revise_section(s, ops.Actor.griffie("Griet Griffier"), matrix.rows[9].id, "Een nieuwe tekst.",
                           reason="Redactie")
    view.refresh()
    matrix = core(workspace)
    view.filter_bar.show_combo.setCurrentIndex(PARTY_AGAINST)
    assert view.filter_bar.party_combo.isEnabled()
    view.filter_bar.party_combo.setCurrentIndex(vvd)
    expected = [r.id for r in matrix.rows
                if r.support.positions[vvd].position == Position.OPPOSE and not r.support.positions[vvd].stale]
    assert len(expected) >= 2 and matrix.rows[7].id in expected and matrix.rows[9].id not in expected
    assert shown_ids(view) == expected
    # Another party, another set.
    sp = [p.short_name for p in matrix.parties].index("SP")
    view.filter_bar.party_combo.setCurrentIndex(sp)
    assert shown_ids(view) == [r.id for r in matrix.rows if r.support.positions[sp].position == Position.OPPOSE
                               and not r.support.positions[sp].stale]


def test_the_title_filter_combines_with_the_choice(view, workspace):
    matrix = core(workspace)
    view.filter_bar.search.setText("wonen")
    expected = [r.id for r in matrix.rows if "wonen" in f"{r.number} {r.title}".casefold()]
    assert 0 < len(expected) < 31 and shown_ids(view) == expected
    view.filter_bar.search.setText("6.2")
    assert shown_ids(view) == [r.id for r in matrix.rows if r.number == "6.2"]


def test_sorting_by_support_seats_and_by_a_partys_position(view, workspace):
    matrix = core(workspace)
    order = view.filter_bar.order_combo
    order.setCurrentIndex(1)
    order.activated.emit(1)  # "meeste steun eerst", as a user's choice
    seats = {r.id: r.support.support_seats for r in matrix.rows}
    numbers = {r.id: n for n, r in enumerate(matrix.rows)}
    shown = shown_ids(view)
    assert [seats[i] for i in shown] == sorted(seats.values(), reverse=True)
    # Equal support stays in the agreement's order.
    assert shown == sorted(shown, key=lambda i: (-seats[i], numbers[i]))
    assert view.table.horizontalHeader().sortIndicatorSection() == FOR
    # A click on a party's column header: its support first, then abstention, opposition, stale, silence.
    column = party_column(matrix, "VVD")
    view.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert order.currentText() == "standpunt van VVD, steun eerst"
    positions = {r.id: r.support.positions[column - FIRST_PARTY] for r in matrix.rows}
    rank = {Position.SUPPORT: 0, Position.ABSTAIN: 1, Position.OPPOSE: 2, None: 4}
    keys = [3 if positions[i].stale else rank[positions[i].position] for i in shown_ids(view)]
    assert keys == sorted(keys) and len(set(keys)) >= 3
    view.table.sortByColumn(NUMBER, Qt.SortOrder.AscendingOrder)
    assert shown_ids(view) == [r.id for r in matrix.rows] and order.currentText() == "op nummer"


def test_model_and_filter_pass_the_qt_model_tester(view, qtmodeltester):
    qtmodeltester.check(view.model)
    view.filter_bar.show_combo.setCurrentIndex(NO_BROAD_SUPPORT)
    view.table.sortByColumn(FOR, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(view.proxy)


def test_a_recorded_position_changes_its_row_at_once(view, workspace, ctx, qtbot):
    matrix = core(workspace)
    section = matrix.rows[12]
    view.table.sortByColumn(FOR, Qt.SortOrder.AscendingOrder)
    assert view.table.select_section(section.id)
    with qtbot.assertNotEmitted(view.model.modelReset):
        oppose(workspace, section.id, "AC", "CU")
        ctx.changes.section.emit(section.id)
    row = view.model.source_row_of(section.id)
    ac = view.model.index(row, party_column(matrix, "AC"))
    assert ac.data(CELL) & 3 == 2 and ac.data() == "✘"
    assert view.table.current_section() == section.id  # still selected, wherever the row went
    assert section.support.support_seats - 10 < min(r.support.support_seats for r in matrix.rows)
    assert view.model.index(row, FOR).data() == str(section.support.support_seats - 10)
    # The proxy sorted it again: now the least supported section.
    assert shown_ids(view)[0] == section.id


def test_an_outline_change_reloads_when_shown_and_later_when_hidden(view, workspace, ctx, qtbot):
    view.show()
    qtbot.waitExposed(view)
    matrix = core(workspace)
    oppose(workspace, matrix.rows[0].id, "CU")
    with qtbot.waitSignal(view.loaded):
        ctx.changes.outline.emit()
    assert view.model.index(0, AGAINST).data() == "5"
    view.hide()
    oppose(workspace, matrix.rows[1].id, "CU")
    ctx.changes.outline.emit()
    qtbot.wait(20)
    assert view.model.index(1, AGAINST).data() == "0"  # not loaded while nobody looks
    with qtbot.waitSignal(view.loaded):
        view.show()
    assert view.model.index(1, AGAINST).data() == "5"


def test_double_click_or_enter_on_a_row_goes_to_the_section(view, workspace, qtbot):
    view.show()
    qtbot.waitExposed(view)
    matrix = core(workspace)
    index = view.proxy.index(3, TITLE)
    rect = view.table.visualRect(index)
    with qtbot.waitSignal(view.section_activated) as signal:
        # A double click arrives after the click of its first press, as on a real mouse.
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [matrix.rows[3].id]
    view.table.setCurrentIndex(view.proxy.index(5, FIRST_PARTY + 2))
    with qtbot.waitSignal(view.section_activated) as signal:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert signal.args == [matrix.rows[5].id]


def test_loading_off_the_gui_thread(ctx, qtbot):
    runner = TaskRunner(synchronous=False)
    widget = SupportView(runner=runner)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.bind(ctx)
    assert widget.model.rowCount() == 31
    runner.wait()


def test_another_workspace_or_none(view, ctx):
    view.bind(None)
    assert view.model.rowCount() == 0 and view.model.columnCount() == FIRST_PARTY
    assert view.filter_bar.party_combo.count() == 0
    ctx.changes.outline.emit()  # the old workspace's notices no longer reach the view
    assert view.model.rowCount() == 0
    view.bind(ctx)
    assert view.model.rowCount() == 31 and view.filter_bar.party_combo.count() == 10


def test_the_chart_per_chapter_and_per_section_follows_the_matrix(view, workspace):
    matrix = core(workspace)
    view.tabs.setCurrentIndex(CHART)
    chart = view.chart_panel.chart
    assert chart.data.title == "Steun per hoofdstuk"
    assert [b.label for b in chart.data.bars] == [f"{c.number}. {c.title}" for c in matrix.chapter_support()]
    assert (chart.data.majority_seats, chart.data.broad_seats) == (17, 22)
    first = matrix.chapter_support()[0]
    layout = chart.chart_painter.layout(chart.width())
    pointed = chart.bar_at(layout.bars_top + layout.row // 2)
    assert pointed is chart.data.bars[0] and chart.bar_at(layout.bars_top - 1) is None
    assert supportchart.bar_tooltip(pointed).startswith(
        f"{first.number}. {first.title}: {first.sections} hoofdlijn(en), gemiddeld ")
    assert f"; {first.with_majority} met een meerderheid" in supportchart.bar_tooltip(pointed)
    view.chart_panel.per_section.setChecked(True)
    assert len(chart.data.bars) == 31
    view.filter_bar.search.setText("wonen")
    expected = [f"{r.number} {r.title}" for r in matrix.rows if "wonen" in f"{r.number} {r.title}".casefold()]
    view.chart_panel.chart.set_data(None)  # what the next event-loop turn must put back
    view._chart_timer.timeout.emit()
    assert [b.label for b in chart.data.bars] == expected
    assert f"{len(expected)} van 31" in chart.data.subtitle


def test_the_chart_exports_a_sharp_png(view, monkeypatch, tmp_path, qtbot):
    view.show()
    view.tabs.setCurrentIndex(CHART)
    folder = tmp_path / "export"
    folder.mkdir()
    target = folder / "grafiek"
    asked = []
    monkeypatch.setattr(supportchart, "choose_png_path",
                        lambda parent, suggested: asked.append(suggested) or str(target) + ".png")
    with qtbot.waitSignal(view.status) as said:
        view.chart_panel.export_button.click()
    path = folder / "grafiek.png"
    assert asked == ["steun-per-hoofdstuk.png"]
    assert said.args == [f"Grafiek bewaard als {path}"]
    image = QImage(str(path))
    size = view.chart_panel.chart.export_size()
    assert (image.width(), image.height()) == (size.width() * 2, size.height() * 2)
    # Not blank: the green of support and the red of opposition are in it.
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert {"#2e7d32", "#c62828", "#ffffff"} <= colours
    assert os.listdir(folder) == ["grafiek.png"]  # no temporary file left beside it


def test_an_export_that_cannot_be_written_says_why_and_leaves_nothing(view, monkeypatch, tmp_path, dialogs):
    view.tabs.setCurrentIndex(CHART)
    target = tmp_path / "bestaat-niet" / "grafiek.png"
    monkeypatch.setattr(supportchart, "choose_png_path", lambda parent, suggested: str(target))
    view.chart_panel.export_button.click()
    assert dialogs.shown == [("Grafiek exporteren", f"De map {target.parent} bestaat niet; er is niets geschreven.")]
    assert not target.parent.exists()


def test_a_chart_is_never_saved_over_a_workspace(view, monkeypatch, tmp_path, dialogs):
    import sqlite3

    folder = tmp_path / "elders"
    folder.mkdir()
    workspace = folder / "akkoord.raadsakkoord"
    with sqlite3.connect(workspace) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
    connection.close()
    before = workspace.read_bytes()
    view.tabs.setCurrentIndex(CHART)
    monkeypatch.setattr(supportchart, "choose_png_path", lambda parent, suggested: str(workspace))
    view.chart_panel.export_button.click()
    refusal = (f"{workspace} is een werkruimte of een ander gegevensbestand; die wordt nooit overschreven. Er is niets "
               "geschreven; kies een andere bestandsnaam.")
    assert dialogs.shown == [("Grafiek exporteren", refusal)]
    assert workspace.read_bytes() == before and os.listdir(folder) == [workspace.name]


def test_a_cancelled_export_writes_nothing(view, monkeypatch, tmp_path, dialogs):
    view.tabs.setCurrentIndex(CHART)
    monkeypatch.setattr(supportchart, "choose_png_path", lambda parent, suggested: None)
    folder = tmp_path / "export"
    folder.mkdir()
    monkeypatch.chdir(folder)
    view.chart_panel.export_button.click()
    assert dialogs.shown == [] and os.listdir(folder) == []


def test_a_chart_too_large_for_one_picture_is_refused_before_asking_where(view, monkeypatch, dialogs):
    view.tabs.setCurrentIndex(CHART)
    view.chart_panel.per_section.setChecked(True)
    monkeypatch.setattr(supportchart, "PIXEL_BUDGET", 100_000)
    monkeypatch.setattr(supportchart, "choose_png_path", lambda parent, suggested: pytest.fail("asked where"))
    view.chart_panel.export_button.click()
    assert dialogs.shown == [("Grafiek exporteren", "Deze grafiek is te groot voor één afbeelding (31 balken). "
                              "Kies per hoofdstuk, of filter de matrix op minder hoofdlijnen.")]


def test_the_export_runs_off_the_gui_thread(ctx, qtbot, monkeypatch, tmp_path):
    runner = TaskRunner(synchronous=False)
    widget = SupportView(runner=runner)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.bind(ctx)
    widget.tabs.setCurrentIndex(CHART)
    target = tmp_path / "los.png"
    monkeypatch.setattr(supportchart, "choose_png_path", lambda parent, suggested: str(target))
    with qtbot.waitSignal(widget.chart_panel.exported, timeout=10_000):
        widget.chart_panel.export_button.click()
        assert not widget.chart_panel.export_button.isEnabled()  # once at a time
    assert widget.chart_panel.export_button.isEnabled()
    assert QImage(str(target)).width() == 2 * widget.chart_panel.chart.export_size().width()
    runner.wait()


def test_export_scale_doubles_unless_the_picture_would_be_huge():
    from PySide6.QtCore import QSize

    assert supportchart.export_scale(QSize(1000, 1000)) == 2.0
    assert 1 <= supportchart.export_scale(QSize(1000, 20_000)) < 2
    with pytest.raises(supportchart.ChartTooLarge):
        supportchart.export_scale(QSize(1000, 60_000))


def test_the_model_answers_nothing_for_roles_it_does_not_handle(view):
    index = view.model.index(0, FIRST_PARTY)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert view.model.data(QModelIndex()) is None
