"""The main window, driven as a user would: open a workspace, pick a section, read it."""

from PySide6.QtCore import Qt

from raadsakkoord import operations as ops
from raadsakkoord.model import Position
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity
from ui.common import messages
from ui.shell.navigator import AMENDMENTS, OWN, SUPPORT, NavigatorModel


def _identity(setup, actor, short):
    return actor, f"{actor.name} ({short})"


def test_opening_a_workspace_shows_chapters_sections_and_text(window, setup):
    assert window.open_workspace(setup.workspace.label, _identity(setup, setup.groen_actor, "GL"))
    model = window.navigator.model
    assert model.rowCount() == 2
    assert model.index(0, 1).data() == "Wonen"
    wonen = model.index(0, 0)
    assert [model.index(r, 0, wonen).data() for r in range(model.rowCount(wonen))] == ["1.1", "1.2"]
    assert "Raadsakkoord Testdorp" in window.windowTitle()
    # The first section is selected and its text is shown.
    assert "We bouwen 500 woningen." in window.work.section_view.text_view.toPlainText()
    window.navigator.select(setup.huur)
    assert "De huren stijgen niet harder" in window.work.section_view.text_view.toPlainText()
    assert model.index(1, SUPPORT, wonen).data() == "0/15"
    assert "Gerda Groen (GL)" in window.identity_label.text()


def test_badges_show_open_amendments_own_position_and_staleness(window, setup):
    with setup.workspace.action() as s:
        ops.endorse_section(s, setup.groen_actor, setup.bouwen, Position.SUPPORT)
        ops.endorse_section(s, setup.blauw_actor, setup.bouwen, Position.SUPPORT)
        ops.propose_amendment(s, setup.rood_actor, kind="modify", section_id=setup.bouwen, headline="Meer",
                              text="We bouwen 900 woningen.", submit=True)
        ops.revise_section(s, setup.griffie, setup.huur, "De huren dalen.", reason="x")
        ops.endorse_section(s, setup.groen_actor, setup.begroting, Position.OPPOSE)
        ops.revise_section(s, setup.griffie, setup.begroting, "De begroting is sluitend.", reason="x")
    window.open_workspace(setup.workspace.label, _identity(setup, setup.groen_actor, "GL"))
    model = window.navigator.model
    bouwen = model.index(0, 0, model.index(0, 0))
    assert bouwen.siblingAtColumn(SUPPORT).data() == "10/15"
    assert "brede steun" in bouwen.siblingAtColumn(SUPPORT).data(Qt.ItemDataRole.ToolTipRole)
    assert bouwen.siblingAtColumn(AMENDMENTS).data() == "1"
    assert bouwen.siblingAtColumn(OWN).data() == "✔"
    begroting = model.index(0, 0, model.index(1, 0))
    assert begroting.siblingAtColumn(OWN).data() == "✘ ⚠"
    assert "oudere tekst" in begroting.siblingAtColumn(OWN).data(Qt.ItemDataRole.ToolTipRole)
    assert bouwen.siblingAtColumn(SUPPORT).data(NavigatorModel.TallyRole).support_seats == 10


def test_html_in_a_section_is_shown_as_text(window, setup):
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, 'We bouwen <b>vet</b> <script>alert(1)</script>.',
                           reason="test")
    window.open_workspace(setup.workspace.label, griffie_identity())
    assert "<b>vet</b>" in window.work.section_view.text_view.toPlainText()


def test_a_bad_file_gets_a_dutch_message_and_keeps_the_open_workspace(window, setup, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: shown.append(text))
    window.open_workspace(setup.workspace.label, griffie_identity())
    bogus = tmp_path / "brief.docx"
    bogus.write_bytes(b"PK\x03\x04 niet een werkruimte")
    assert not window.open_workspace(str(bogus), griffie_identity())
    assert shown == [f"{bogus} is geen Raadsakkoord-werkruimte."]
    assert window.ctx is not None and window.navigator.model.rowCount() == 2


def test_navigator_model_passes_the_qt_model_tester(qtmodeltester, setup):
    from raadsakkoord.queries.drafting import section_badges
    from raadsakkoord.queries.outline import agreement_outline

    model = NavigatorModel()
    with setup.workspace.action() as s:
        ops.propose_amendment(s, setup.rood_actor, kind="modify", section_id=setup.bouwen, headline="Meer",
                              text="We bouwen 900 woningen.", submit=True)
        outline = agreement_outline(s)
        badges = section_badges(s, setup.groen)
    model.set_outline(outline.chapters, outline.council_seats, badges)
    qtmodeltester.check(model)


def test_amendment_model_and_filter_pass_the_qt_model_tester(qtmodeltester, demo_path):
    import sqlalchemy as sa

    from raadsakkoord.queries.drafting import section_detail
    from raadsakkoord.model import Amendment
    from raadsakkoord.queries.outline import agreement_outline
    from raadsakkoord.queries.drafting import section_badges
    from ui.drafting.amendmentmodel import AmendmentTableModel
    from ui.shell.navigator import NavigatorFilter

    workspace = open_workspace(demo_path)
    with workspace.action() as s:
        busiest = s.execute(sa.select(Amendment.section_id, sa.func.count()).where(Amendment.section_id.is_not(None))
                            .group_by(Amendment.section_id).order_by(sa.func.count().desc()).limit(1)).first()[0]
        detail = section_detail(s, busiest, None)
        outline = agreement_outline(s)
        badges = section_badges(s, None)
    workspace.close()
    model = AmendmentTableModel()
    model.set_entries(detail.amendments)
    assert model.rowCount() >= 2
    qtmodeltester.check(model)
    source = NavigatorModel()
    source.set_outline(outline.chapters, outline.council_seats, badges)
    proxy = NavigatorFilter()
    proxy.setSourceModel(source)
    proxy.set_query("woningen")
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() <= source.rowCount()


def test_readability_per_section_and_chapter_in_the_navigator_and_the_report(window, demo_path, qtmodeltester):
    from raadsakkoord.queries.readability import analyse, combine
    from ui.shell.navigator import READABILITY
    from ui.drafting.readabilityview import ReadabilityDialog

    assert window.open_workspace(demo_path, griffie_identity())
    model = window.navigator.model
    outline = window.outline
    first_chapter = outline.chapters[0]
    section = first_chapter.sections[0]
    expected = analyse(section.text)
    cell = model.index(0, READABILITY, model.index(0, 0))
    assert cell.data() == str(int(expected.flesch_douma))
    assert expected.band in cell.data(Qt.ItemDataRole.ToolTipRole)
    chapter_score = combine(analyse(s.text) for s in first_chapter.sections).flesch_douma
    assert model.index(0, READABILITY).data() == str(int(chapter_score))
    # The demo is written to show a range: some sections plain, some in officialese.
    scores = [int(r.readability.flesch_douma) for r in window.readability_report.sections if r.readability.words]
    assert max(scores) - min(scores) >= 25

    window.show_readability()
    dialog = window.findChild(ReadabilityDialog)
    qtmodeltester.check(dialog.sections)
    qtmodeltester.check(dialog.chapters)
    hardest = dialog.sections.index(0, 0)
    assert dialog.sections.index(0, 2).data() == str(min(scores))
    dialog.section_table.activated.emit(hardest)  # what a double-click or Return emits
    assert window.work.section_view.detail.number == hardest.data()
    dialog.close()


def test_the_griffie_sees_no_column_for_a_position_of_its_own(window, setup):
    from ui.shell.navigator import OWN

    window.open_workspace(setup.workspace.label, griffie_identity())
    assert window.navigator.tree.isColumnHidden(OWN)
    window.open_workspace(setup.workspace.label, _identity(setup, setup.groen_actor, "GL"))
    assert not window.navigator.tree.isColumnHidden(OWN)
