"""The griffie consolidates a section of the demo: conflicts, a preview, decisions, undo and redo."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentStatus, AuditEvent, Party, Section
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity
from ui.griffie import decisiondialogs
from ui.griffie.consolidation import AMENDMENT, CURRENT, PREVIEW, ConsolidationView
from ui.common.context import Changes, Context
from ui.griffie.decisiondialogs import CompromiseDialog, NoteDialog

TITLE = "Meedoen zonder geldzorgen"  # 8.4 in the demo: five open amendments, three of them on the income limit
SP = "Inkomensgrens minimaregelingen naar 130 procent"
CU = "Een zachte overgang boven de inkomensgrens"
VVD = "Inkomensgrens naar 125 procent"
D66 = "Contact binnen een week"
GL = "Inkomensgrens naar 140 procent"


@pytest.fixture
def workspace(demo_path):
    ws = open_workspace(demo_path)
    yield ws
    ws.close()


@pytest.fixture
def section_id(workspace):
    """8.4 as the demo has it: SP, VVD and GroenLinks change the same income limit."""
    with workspace.action() as s:
        return s.scalars(sa.select(Section).where(Section.title == TITLE)).one().id


@pytest.fixture(autouse=True)
def clerk_accepts_despite_stale_support(dialogs):
    """The question before each accepting step ("support becomes stale") is answered "Alleen aanvaarden",
    unless a test says otherwise."""
    dialogs.close_choice = "discard"


@pytest.fixture
def ctx(workspace):
    actor, label = griffie_identity()
    return Context(workspace, actor, label, Changes())


@pytest.fixture
def stack(qapp):
    return QUndoStack()


@pytest.fixture
def view(qtbot, ctx, stack, section_id):
    widget = ConsolidationView()
    qtbot.addWidget(widget)
    widget.bind(ctx, stack)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_section(section_id)
    return widget


def row(view, headline: str) -> int:
    return next(i for i, a in enumerate(view.detail.amendments) if a.headline == headline)


def amendment(ctx, headline: str) -> Amendment:
    with ctx.action() as s:
        found = s.scalars(sa.select(Amendment).where(Amendment.headline == headline)).one()
        s.expunge(found)
        return found


def label_of(ctx, headline: str) -> str:
    with ctx.action() as s:
        return s.scalars(sa.select(Amendment).where(Amendment.headline == headline)).one().label


def section_text(ctx, section_id) -> str:
    with ctx.action() as s:
        return s.get(Section, section_id).text


def test_the_grid_shows_which_amendments_collide(view):
    grid = view.grid_model
    headlines = [grid.entry(i).headline for i in range(grid.rowCount())]
    assert sorted(headlines) == sorted([SP, CU, VVD, D66, GL])
    sp, vvd, cu = headlines.index(SP), headlines.index(VVD), headlines.index(CU)
    assert grid.collides(sp, vvd) and grid.collides(vvd, sp) and not grid.collides(sp, cu)
    tip = grid.data(grid.index(sp, vvd), Qt.ItemDataRole.ToolTipRole)
    assert SP in tip and VVD in tip and "dezelfde passage" in tip
    assert grid.data(grid.index(sp, vvd)) == "✕" and grid.data(grid.index(sp, cu)) == ""
    assert "3 botsing(en)" in view.heading.text()
    conflicts = view.choice_model.index(row(view, SP), view.choice_model.CONFLICTS).data()
    # Named by the griffie's numbers, as everywhere: A12, A17.
    assert conflicts == ", ".join(view.detail.amendments[row(view, h)].label for h in (VVD, GL))
    assert all(view.detail.amendments[row(view, h)].label.startswith("A") for h in (VVD, GL))


def test_accepting_says_first_that_the_support_becomes_stale(view, ctx, dialogs):
    dialogs.close_choice = "cancel"
    for headline in (SP, CU):
        view.choice_model.toggle(row(view, headline))
    view.together_button.click()
    title, text = dialogs.shown[-1]
    assert title == "Steun wordt verouderd"
    assert ("De steun gaat dan van 33 naar 0 van 33 zetels" in text and "opnieuw geeft" in text
            and "De standpunten van alle fracties" in text), text
    assert amendment(ctx, SP).status == AmendmentStatus.SUBMITTED  # "Niet aanvaarden" changes nothing

    view.table.selectRow(row(view, D66))
    view.accept_button.click()
    assert len(dialogs.shown) == 2 and amendment(ctx, D66).status == AmendmentStatus.SUBMITTED
    dialogs.close_choice = "discard"  # "Alleen aanvaarden"
    view.accept_button.click()
    assert amendment(ctx, D66).status == AmendmentStatus.ACCEPTED

    # Now every position is on the old text already: nothing more to warn about.
    view.table.selectRow(row(view, CU))
    view.accept_button.click()
    assert len(dialogs.shown) == 3 and amendment(ctx, CU).status == AmendmentStatus.ACCEPTED


def test_every_model_passes_the_model_tester(qtmodeltester, view, ctx):
    view.choice_model.toggle(row(view, SP))
    view.table.selectRow(row(view, D66))
    view.accept_button.click()
    assert view.decided_model.rowCount() == 1
    for model in (view.choice_model, view.grid_model, view.decided_model):
        qtmodeltester.check(model)


def test_ticking_a_compatible_set_shows_the_combined_text(view, dialogs):
    model = view.choice_model
    for headline in (SP, CU, D66):
        assert model.toggle(row(view, headline))
    assert view.tabs.currentIndex() == PREVIEW
    assert "gaat omhoog naar 130 procent" in view.preview_text and "zachte overgang" in view.preview_text
    assert "Binnen een week" in view.preview_text
    shown = view.preview_view.toHtml()
    assert "Voorbeeld met 3 amendement(en)" in view.preview_view.toPlainText()
    assert "een week" in shown and "twee weken" in shown  # as tracked changes against the current text
    assert "Aangevinkte samen aanvaarden (3)" == view.together_button.text().replace("&", "")

    # VVD changes the same words as SP: greyed, the reason in its tooltip, and a tick refused with it.
    vvd = model.index(row(view, VVD), model.NUMBER)
    sp_label = view.detail.amendments[row(view, SP)].label
    assert f"Botst met {sp_label} „" + SP + "” (SP)" in vvd.data(Qt.ItemDataRole.ToolTipRole)
    assert vvd.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert not model.toggle(vvd.row())
    assert vvd.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    title, text = dialogs.shown[-1]
    assert title == "Voorbeeld" and VVD in text and "dezelfde passage" in text
    assert VVD not in view.preview_view.toPlainText()

    # Space ticks the selected row, and takes a tick off again.
    view.table.setFocus()
    view.table.selectRow(row(view, SP))
    QTest.keyClick(view.table, Qt.Key.Key_Space)
    assert SP not in [view.detail.amendments[view.detail.index_of(i)].headline for i in model.ticked]
    assert model.toggle(vvd.row())  # no longer blocked
    assert "ligt op 125 procent" in view.preview_text and "130" not in view.preview_text


def test_the_clerk_consolidates_the_section_and_undoes_the_last_decision(view, ctx, stack, section_id, dialogs,
                                                                          monkeypatch):
    original = section_text(ctx, section_id)
    decided = []
    view.decided.connect(decided.append)

    # Accept a plain amendment.
    view.table.selectRow(row(view, D66))
    view.accept_button.click()
    after_d66 = section_text(ctx, section_id)
    assert "Binnen een week" in after_d66 and amendment(ctx, D66).status == AmendmentStatus.ACCEPTED
    assert D66 not in [a.headline for a in view.detail.amendments]
    assert view.tabs.currentIndex() == CURRENT and "Wat het laatste besluit veranderde" in \
        view.current_view.toPlainText()
    assert "Aanvaard: " in view.result_label.text() and decided == [section_id]

    # Reject one with a reason: an empty reason is refused with the core's message, and nothing is decided.
    notes = iter(["", "Te duur voor deze periode."])
    results = []
    monkeypatch.setattr(decisiondialogs, "ask_note",
                        lambda parent, *, title, heading, prompt, button, apply: results.extend(
                            [apply(next(notes)), apply(next(notes))]))
    view.table.selectRow(row(view, GL))
    view.reject_button.click()
    assert results == [False, True]
    assert ("Besluiten over een amendement", "Geef bij verwerpen een reden op; de fractie leest die terug.") \
        in dialogs.shown
    rejected = amendment(ctx, GL)
    assert rejected.status == AmendmentStatus.REJECTED and rejected.decision_note == "Te duur voor deze periode."

    # A compromise between SP (130) and VVD (125), written by hand; the note is required.
    seen = {}

    def compromise(parent, *, heading, current_text, initial_text, apply):
        seen.update(initial=initial_text, current=current_text)
        assert not apply(initial_text.replace("130", "125"), "")
        return apply(initial_text.replace("130", "125"), "Een stap naar 125 procent, zoals de VVD voorstelde.")

    monkeypatch.setattr(decisiondialogs, "ask_compromise", compromise)
    view.table.selectRow(row(view, SP))
    view.partly_button.click()
    assert "gaat omhoog naar 130 procent" in seen["initial"] and seen["current"] == after_d66
    assert dialogs.shown[-1][1] == "Leg in een notitie uit wat er van het amendement is overgenomen."
    compromised = section_text(ctx, section_id)
    assert "gaat omhoog naar 125 procent" in compromised and "Binnen een week" in compromised
    assert amendment(ctx, SP).status == AmendmentStatus.PARTLY_ACCEPTED
    vvd = view.detail.amendments[row(view, VVD)]
    assert not vvd.on_current  # it changed the same words: now it needs rework
    assert [d.headline for d in view.detail.decided] == [SP, GL, D66]

    # Undo the last decision with the stack: SP is open again, the text as before the compromise.
    assert stack.undoText().startswith("gedeeltelijk overnemen van")
    stack.undo()
    assert view.result_label.isHidden()  # "Gedeeltelijk overgenomen: …" no longer holds
    assert amendment(ctx, SP).status == AmendmentStatus.SUBMITTED
    assert section_text(ctx, section_id) == after_d66
    assert SP in [a.headline for a in view.detail.amendments]
    assert view.grid_model.collides(row(view, SP), row(view, VVD))
    with ctx.action() as s:
        assert s.scalar(sa.select(sa.func.count()).where(AuditEvent.action == "undo_decision")) == 1

    # Redo makes the same compromise again.
    stack.redo()
    assert amendment(ctx, SP).status == AmendmentStatus.PARTLY_ACCEPTED
    assert section_text(ctx, section_id) == compromised

    # And everything back to the start.
    for _ in range(3):
        stack.undo()
    assert section_text(ctx, section_id) == original
    assert all(amendment(ctx, h).status == AmendmentStatus.SUBMITTED for h in (SP, GL, D66))
    assert len(view.detail.amendments) == 5 and view.detail.decided == ()
    assert not [t for t, _ in dialogs.shown if t in ("Besluit terugdraaien", "Opnieuw besluiten")]


def test_ticked_amendments_are_accepted_together_and_undone_as_one_step(view, ctx, stack, section_id):
    original = section_text(ctx, section_id)
    for headline in (SP, CU, D66):
        view.choice_model.toggle(row(view, headline))
    view.together_button.click()
    text = section_text(ctx, section_id)
    assert "130 procent" in text and "zachte overgang" in text and "Binnen een week" in text
    assert {amendment(ctx, h).status for h in (SP, CU, D66)} == {AmendmentStatus.ACCEPTED}
    assert view.choice_model.ticked == []
    assert stack.count() == 1
    stack.undo()
    assert section_text(ctx, section_id) == original
    assert {amendment(ctx, h).status for h in (SP, CU, D66)} == {AmendmentStatus.SUBMITTED}


def test_an_amendment_on_an_outdated_text_cannot_be_accepted(view):
    view.choice_model.toggle(row(view, SP))
    view.table.selectRow(row(view, SP))
    view.accept_button.click()
    view.table.selectRow(row(view, VVD))
    assert not view.accept_button.isEnabled() and "eerst herzien" in view.accept_button.toolTip()
    assert view.choice_model.index(row(view, VVD), view.choice_model.CONFLICTS).data() == "de huidige tekst"
    assert view.reject_button.isEnabled() and view.supersede_button.isEnabled()
    view.tabs.setCurrentIndex(AMENDMENT)
    assert "botst met de huidige tekst" in view.amendment_view.toPlainText()


def test_superseding_needs_no_note_and_a_decision_is_taken_back_from_the_list(view, ctx, stack, section_id,
                                                                             monkeypatch):
    monkeypatch.setattr(decisiondialogs, "ask_note",
                        lambda parent, *, title, heading, prompt, button, apply: apply(""))
    view.table.selectRow(row(view, GL))
    view.supersede_button.click()
    assert amendment(ctx, GL).status == AmendmentStatus.SUPERSEDED
    assert view.decided_model.entry(0).headline == GL
    view.decided_list.setCurrentIndex(view.decided_model.index(0))
    view.take_back_button.click()
    assert amendment(ctx, GL).status == AmendmentStatus.SUBMITTED
    assert "Besluit teruggedraaid" in view.result_label.text()
    assert stack.count() == 2
    stack.undo()  # undoing the take-back decides again
    assert amendment(ctx, GL).status == AmendmentStatus.SUPERSEDED


def test_a_published_decision_can_no_longer_be_undone(view, ctx, stack, section_id, dialogs):
    view.table.selectRow(row(view, D66))
    view.accept_button.click()
    with ctx.action() as s:
        ops.publish_round(s, ctx.actor)
    stack.undo()
    title, text = dialogs.shown[-1]
    assert title == "Besluit terugdraaien" and "is gepubliceerd in Concept 3" in text
    assert amendment(ctx, D66).status == AmendmentStatus.ACCEPTED
    assert "Binnen een week" in section_text(ctx, section_id)
    assert stack.count() == 0  # the step that can no longer be made is dropped


def test_the_view_follows_changes_made_elsewhere(view, ctx, section_id):
    with ctx.action() as s:
        party = s.scalars(sa.select(Party).where(Party.short_name == "GL")).one()
        text = s.get(Section, section_id).text
        ops.propose_amendment(s, ops.Actor.of_party(party.id, "Lid"), kind="modify", section_id=section_id,
                              headline="Schaamte voorbij", text=text.replace("Schaamte is", "Schaamte blijft"),
                              submit=True)
    ctx.changes.section.emit(section_id)
    assert "Schaamte voorbij" in [a.headline for a in view.detail.amendments]


def test_the_compromise_dialog_stays_open_until_the_core_accepts(qtbot):
    calls = []
    answers = iter([False, True])
    dialog = CompromiseDialog(None, heading="Kop", current_text="Een tekst.", initial_text="Een tekst.",
                              apply=lambda text, note: calls.append((text, note)) or next(answers))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text_edit.setPlainText("Een betere tekst.")
    dialog._show_changes()
    assert "betere" in dialog.changes_view.toPlainText()
    dialog.record_button.click()
    assert dialog.isVisible() and calls == [("Een betere tekst.", "")]
    QTest.keyClicks(dialog.note_edit, "Half overgenomen")
    dialog.record_button.click()
    assert not dialog.isVisible() and dialog.result() == CompromiseDialog.DialogCode.Accepted
    assert calls[-1] == ("Een betere tekst.", "Half overgenomen")


def test_the_note_dialog_passes_the_reason(qtbot):
    calls = []
    dialog = NoteDialog(None, title="Verwerpen", heading="Kop", prompt="&Reden:", button="Ve&rwerpen",
                        apply=lambda note: calls.append(note) or bool(note))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.record_button.click()
    assert dialog.isVisible()
    QTest.keyClicks(dialog.note_edit, "Te duur")
    dialog.record_button.click()
    assert calls == ["", "Te duur"] and not dialog.isVisible()


def test_a_compromise_starts_from_the_preview_when_the_amendment_is_ticked(view, monkeypatch):
    for headline in (SP, CU):
        view.choice_model.toggle(row(view, headline))
    seen = []
    monkeypatch.setattr(decisiondialogs, "ask_compromise",
                        lambda parent, *, heading, current_text, initial_text, apply: seen.append(initial_text))
    view.table.selectRow(row(view, SP))
    view.partly_button.click()
    view.table.selectRow(row(view, D66))  # not ticked: its own text
    view.partly_button.click()
    assert seen[0] == view.preview_text and "zachte overgang" in seen[0] and "130 procent" in seen[0]
    assert "Binnen een week" in seen[1] and "130 procent" not in seen[1]


def test_accepting_a_deletion_says_the_section_is_gone_and_undo_brings_it_back(view, ctx, section_id):
    with ctx.action() as s:
        party = s.scalars(sa.select(Party).where(Party.short_name == "CDA")).one()
        ops.propose_amendment(s, ops.Actor.of_party(party.id, "Lid"), kind="delete", section_id=section_id,
                              headline="Schrappen", submit=True)
    ctx.changes.section.emit(section_id)
    view.table.selectRow(row(view, "Schrappen"))
    assert not view.partly_button.isEnabled()
    view.accept_button.click()
    assert "geschrapt of ingetrokken" in view.heading.text()
    view.stack.undo()
    assert "geschrapt" not in view.heading.text() and amendment(ctx, "Schrappen").status == AmendmentStatus.SUBMITTED


def test_the_amendments_tab_names_the_submitters_as_the_consolidation_list_does(view, ctx, section_id):
    from raadsakkoord.queries.drafting import section_detail
    from ui.drafting.amendmentmodel import AmendmentTableModel

    tab = AmendmentTableModel()
    with ctx.action() as s:
        tab.set_entries(section_detail(s, section_id, None).amendments)
    in_tab = {tab.index(r, 2).data(): tab.index(r, 1).data() for r in range(tab.rowCount())}
    model = view.choice_model
    in_list = {view.detail.amendments[r].headline: model.index(r, model.PARTY).data() for r in range(model.rowCount())}
    assert in_tab[SP] == in_list[SP] == "SP, PvdA" and in_tab[CU] == in_list[CU] == "CU, CDA"
    assert in_tab == in_list
    assert tab.headerData(1, Qt.Orientation.Horizontal) == model.headerData(model.PARTY, Qt.Orientation.Horizontal) \
        == "Indieners"
    # And both name each amendment by the same number.
    numbers = {tab.index(r, 2).data(): tab.index(r, 0).data() for r in range(tab.rowCount())}
    assert numbers[SP] == model.index(row(view, SP), model.NUMBER).data() == label_of(ctx, SP)


def test_a_subamendment_stands_under_its_amendment_and_is_decided_first(view, ctx, stack, dialogs, qtbot):
    sp = amendment(ctx, SP)
    with ctx.action() as s:
        gl = s.scalars(sa.select(Party.id).where(Party.short_name == "GL")).one()
        sub = ops.propose_subamendment(s, ops.Actor.of_party(gl, "Femke Oosting"), sp.id, headline="Ook jongeren",
                                       text=sp.proposed_text + "\n\nOok jongeren tot 27 jaar.", submit=True)
        sub_id, sub_label = sub.id, sub.label
    ctx.changes.section.emit(view.detail.section_id)
    model = view.choice_model
    qtbot.waitUntil(lambda: model.row_of(sub_id) == model.row_of(sp.id) + 1)
    assert model.headerData(model.NUMBER, Qt.Orientation.Horizontal) == "Nummer"
    assert model.index(model.row_of(sub_id), model.NUMBER).data().strip() == f"↳ {sub_label}"
    assert not model.index(model.row_of(sub_id), model.NUMBER).flags() & Qt.ItemFlag.ItemIsUserCheckable
    # The amendment's own decision waits for the subamendment, with the message.
    view.table.selectRow(model.row_of(sp.id))
    assert f"Beslis eerst over subamendement {sub_label}" in view.amendment_view.toPlainText()
    view.accept_button.click()
    assert dialogs.shown[-1] == ("Besluiten over een amendement",
                                 f"Beslis eerst over subamendement {sub_label}; daarna over amendement {label_of(ctx, SP)}.")
    # Accepting the subamendment amends the amendment; the section's text waits for the amendment.
    before = section_text(ctx, view.detail.section_id)
    view.table.selectRow(model.row_of(sub_id))
    assert not view.partly_button.isEnabled()
    view.accept_button.click()
    qtbot.waitUntil(lambda: model.row_of(sub_id) == -1)
    assert amendment(ctx, SP).proposed_text.endswith("Ook jongeren tot 27 jaar.")
    assert section_text(ctx, view.detail.section_id) == before
    view.grab().save("/tmp/h19sub-consolidation.png")
    # Ctrl+Z takes the subamendment's decision back: the amendment reads as before.
    stack.undo()
    assert amendment(ctx, SP).proposed_text == sp.proposed_text
