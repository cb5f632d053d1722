"""The audit view: events in Dutch, filters that keep exactly the right rows, and the chain's state."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QPoint

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentStatus, AuditEvent, Party, Position, Section
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity
from ui.griffie.auditview import AuditTableModel, AuditView
from ui.common.context import Changes, Context
from ui.common.background import TaskRunner


@pytest.fixture
def ctx(demo_path, settings):
    workspace = open_workspace(demo_path)
    actor, label = griffie_identity()
    yield Context(workspace, actor, label, Changes())
    workspace.close()


@pytest.fixture
def view(qtbot, ctx, runner):
    widget = AuditView(runner=runner)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.bind(ctx)
    return widget


def _all_rows(view: AuditView) -> list:
    while view.model.canFetchMore():
        view.model.fetchMore()
    return [view.model.row(i) for i in range(view.model.rowCount())]


def _seqs(ctx, *where) -> list[int]:
    with ctx.action() as s:
        return list(s.scalars(sa.select(AuditEvent.seq).where(*where).order_by(AuditEvent.seq.desc())))


def test_the_log_opens_a_page_at_a_time_with_the_chain_verified(view, ctx):
    assert view.model.rowCount() == 500 and view.model.canFetchMore()
    assert view.count_label.text() == "1.000 gebeurtenissen in het logboek. Nieuwste eerst."
    assert view.chain_label.text().endswith(
        ": de keten van 1.000 gebeurtenissen is intact; er is niets achteraf gewijzigd of weggehaald.")
    rows = _all_rows(view)
    assert [r.seq for r in rows] == _seqs(ctx)
    first = view.model.index(0, 0)
    local = dt.datetime(2026, 11, 12, 9, 39, tzinfo=dt.timezone.utc).astimezone().strftime("%d-%m-%Y %H:%M")
    assert [view.model.index(0, c).data() for c in range(6)] == [
        "1000", local, "Marleen Hoekstra", "griffie", "uitwerkingsopdracht toegevoegd",
        "Eén aanvraag voor alle minimaregelingen"]
    assert first.data() == "1000"


def test_new_operations_appear_in_dutch_after_a_change_notice(view, ctx, qtbot):
    with ctx.action() as s:
        cda = s.scalars(sa.select(Party).where(Party.short_name == "CDA")).one()
        section = s.scalars(sa.select(Section).order_by(Section.created_at)).first()
        amendment = s.scalars(sa.select(Amendment).where(Amendment.status == AmendmentStatus.SUBMITTED)
                              .order_by(Amendment.headline)).first()
        ops.endorse_section(s, ctx.actor, section.id, Position.ABSTAIN, party_id=cda.id)
        ops.decide_amendment(s, ctx.actor, amendment.id, AmendmentStatus.REJECTED, note="Geen meerderheid")
        number, title, headline, party = section.number, section.title, amendment.headline, amendment.party.short_name
        label = amendment.label
    view.show()
    ctx.changes.outline.emit()
    qtbot.waitUntil(lambda: view.model.row(0).seq == 1002, timeout=5000)
    top = [(r.actor, r.party, r.description, r.details) for r in (view.model.row(0), view.model.row(1))]
    assert top == [
        ("Griet Griffier", "", "besluit over een amendement", f"{label} ‘{headline}’ ({party}): verworpen — Geen meerderheid"),
        ("Griet Griffier", "", "standpunt over een hoofdlijn", f"hoofdlijn {number} {title}: CDA onthoudt zich"),
    ]
    assert view.count_label.text() == "1.002 gebeurtenissen in het logboek. Nieuwste eerst."
    assert view.actor.findData("Griet Griffier") > 0  # the new actor can be filtered on


def test_filters_keep_exactly_the_right_rows(view, ctx):
    with ctx.action() as s:
        cda = s.scalars(sa.select(Party.id).where(Party.short_name == "CDA")).one()
    view.actor.setCurrentIndex(view.actor.findData("Albert Brink"))
    assert [r.seq for r in _all_rows(view)] == _seqs(ctx, AuditEvent.actor == "Albert Brink")
    assert view.count_label.text() == "97 gebeurtenissen voldoen aan de filters. Nieuwste eerst."

    view.clear_filters()
    view.party.setCurrentIndex(view.party.findText("CDA"))
    assert [r.seq for r in _all_rows(view)] == _seqs(ctx, AuditEvent.party_id == cda)
    view.party.setCurrentIndex(view.party.findText("Griffie"))
    assert [r.seq for r in _all_rows(view)] == _seqs(ctx, AuditEvent.party_id.is_(None))

    view.clear_filters()
    view.kind.setCurrentIndex(view.kind.findText("Rondes en pakketten"))
    rows = _all_rows(view)
    assert [r.description for r in rows] == ["ronde gepubliceerd", "ronde gepubliceerd"]

    view.clear_filters()
    view.set_period(dt.date(2026, 9, 30), dt.date(2026, 9, 30))
    local = dt.datetime(2026, 9, 30).astimezone()
    expected = _seqs(ctx, AuditEvent.at >= local, AuditEvent.at < local + dt.timedelta(days=1))
    assert expected and [r.seq for r in _all_rows(view)] == expected
    assert all(r.at.astimezone().date() == dt.date(2026, 9, 30) for r in _all_rows(view))

    # Filters combine.
    view.kind.setCurrentIndex(view.kind.findText("Amendementen"))
    rows = _all_rows(view)
    assert rows and {r.description for r in rows} <= {"besluit over een amendement", "amendement ingediend",
                                                       "amendement opgesteld", "amendement ingetrokken"}
    view.clear_filters()
    assert view.model.rowCount() == 500 and view.count_label.text().startswith("1.000 gebeurtenissen in het logboek")


def test_a_tampered_event_is_named_where_the_chain_breaks(view, ctx):
    with ctx.workspace.engine.begin() as conn:
        conn.execute(sa.text("UPDATE audit_event SET actor = 'Iemand Anders' WHERE seq = 510"))
    view.check_button.click()
    text = view.chain_label.text()
    assert "Let op: de keten is verbroken bij gebeurtenis 510 (" in text
    assert "Iemand Anders: " in text
    assert "Gebeurtenis 510 in het logboek is gewijzigd of verplaatst." in text
    assert text.endswith("De 509 gebeurtenissen daarvoor zijn intact.")
    row = next(i for i in range(view.model.rowCount()) if view.model.row(i).seq == 510)
    assert view.model.index(row, 2).data(0x08) is not None  # BackgroundRole: the broken event stands out
    assert view.model.index(0, 2).data(0x08) is None


def test_a_deleted_event_is_reported_as_missing(view, ctx):
    with ctx.workspace.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM audit_event WHERE seq = 20"))
    view.verify()
    assert "Gebeurtenis 20 ontbreekt in het logboek." in view.chain_label.text()
    assert "verbroken bij gebeurtenis 21 (" in view.chain_label.text()


def test_the_model_passes_the_model_tester(qtmodeltester, ctx, runner):
    from raadsakkoord.queries.auditlog import audit_page

    model = AuditTableModel(runner)

    def fetch(before):
        with ctx.action() as s:
            return audit_page(s, before=before, limit=500)

    model.set_source(fetch)
    qtmodeltester.check(model)
    model.fetchMore()
    qtmodeltester.check(model)
    model.set_source(None)
    qtmodeltester.check(model)


def test_loading_and_verifying_run_off_the_gui_thread(qtbot, ctx):
    runner = TaskRunner()
    view = AuditView(runner=runner)
    qtbot.addWidget(view)
    view.bind(ctx)
    assert view.model.rowCount() == 0 and view.chain_label.text() == "De keten van gebeurtenissen wordt gecontroleerd…"
    qtbot.waitUntil(lambda: view.model.rowCount() == 500 and view.chain is not None, timeout=10_000)
    assert view.chain.report.ok
    assert runner.wait()


def _colour(image, widget, view, x: int, y: int) -> tuple[int, int, int]:
    point = widget.mapTo(view, QPoint(x, y))
    colour = image.pixelColor(point)
    return colour.red(), colour.green(), colour.blue()


def test_a_broken_event_stands_out_on_screen_and_the_warning_is_read_whole(view, ctx, qtbot):
    view.show()
    qtbot.waitExposed(view)
    with ctx.workspace.engine.begin() as conn:
        conn.execute(sa.text("UPDATE audit_event SET actor = 'Iemand Anders' WHERE seq = 982"))
    view.verify()
    view.refresh()
    label = view.chain_label
    # The two-line warning wraps and gets the height it needs: nothing of it is cut off.
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=5000)
    assert label.wordWrap() and label.text().startswith("Gecontroleerd om ")
    assert "Let op: de keten is verbroken bij gebeurtenis 982" in label.text()
    assert label.isVisible() and label.geometry().bottom() < view.table.geometry().top()

    row = next(i for i in range(view.model.rowCount()) if view.model.row(i).seq == 982)
    table = view.table
    cells = [table.visualRect(view.model.index(r, 0)) for r in (row - 1, row, row + 1)]
    assert all(table.viewport().rect().contains(rect) for rect in cells)  # in view without scrolling
    image = view.grab().toImage()
    # The number is right-aligned: the left edge of the cell shows the row's own background.
    above, broken, below = (_colour(image, table.viewport(), view, rect.left() + 3, rect.center().y())
                            for rect in cells)
    assert broken[0] - broken[2] > 15 and broken[0] > 200, broken  # a light red
    for neighbour in (above, below):
        assert max(neighbour) - min(neighbour) < 10, neighbour  # white or the alternate grey
    red, green, blue = _colour(image, label, view, *_darkest(image, label, view))
    assert red > 120 and red - green > 80 and red - blue > 80, (red, green, blue)  # the warning in red


def _darkest(image, widget, view) -> tuple[int, int]:
    """Where in ``widget`` the grabbed image is darkest: a point on its text."""
    points = ((x, y) for y in range(widget.height()) for x in range(0, widget.width(), 2))
    return min(points, key=lambda p: sum(_colour(image, widget, view, *p)))


def test_removed_newest_events_and_edited_seats_are_named_in_the_warning(view, ctx, qtbot):
    import sqlite3

    view.show()
    qtbot.waitExposed(view)
    with sqlite3.connect(ctx.workspace.target) as conn:  # as someone holding the file would
        conn.execute("DELETE FROM audit_event WHERE seq > 997")
        conn.execute("UPDATE party SET seats = seats + 1 WHERE short_name = 'PLOP'")
    view.verify()
    label = view.chain_label
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=5000)
    lines = label.text().split("\n")
    assert lines[0].endswith(": de keten van 997 gebeurtenissen is intact, maar de werkruimte klopt er niet mee:")
    assert lines[1:] == [
        ("• Het logboek eindigt bij gebeurtenis 997, maar de kop van het logboek noemt gebeurtenis 1000: "
         "de nieuwste 3 gebeurtenissen zijn weggehaald."),
        "• De fracties hebben samen 34 zetels, meer dan de 33 zetels van de raad.",
        "• Fractie PLOP heeft 6 zetels, maar volgens het logboek 5 zetels.",
    ]
    assert not view.chain.report.ok
    assert label.isVisible() and label.geometry().bottom() < view.table.geometry().top()
