"""The griffie's story, end to end through the real window, on separate workspaces.

Three parties (each with its own workspace file) send their packages; the
clerk reads them in, sees two of them collide on one passage, previews a
compatible set, accepts one, writes a compromise for the colliding pair,
rejects another with a reason, publishes round 3, exports the PDF and the
task agenda from the export dialog, and finds every decision in the log.
"""

import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentKind, AmendmentStatus, Round, Section
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import council, ok  # noqa: F401 - council is a fixture
from tests.ui.conftest import griffie_identity
from ui.griffie import decisiondialogs
from ui.exchange import packages as exchangeui, exportdialog
from ui.shell.sectionview import CONSOLIDATION

GL_TEXT = "We bouwen 800 woningen in Noord."
RP_TEXT = "We bouwen 600 woningen in Noord."
BB_TEXT = "Het college zoekt ruimte in de dorpen en bij de stations."


def _amend(path, party_id, short, section_id, headline, old, new):
    workspace = open_workspace(str(path))
    with workspace.action() as s:
        text = s.get(Section, section_id).text
        assert old in text
        ops.propose_amendment(s, ops.Actor.of_party(party_id, f"Lid {short}"), kind=AmendmentKind.MODIFY,
                              section_id=section_id, headline=headline, text=text.replace(old, new), submit=True)
    workspace.close()


def _status(path, headline):
    workspace = open_workspace(str(path))
    with workspace.action() as s:
        found = s.scalars(sa.select(Amendment).where(Amendment.headline == headline)).one()
        result = found.status, found.decision_note
    workspace.close()
    return result


def _row(view, headline):
    return next(i for i, a in enumerate(view.detail.amendments) if a.headline == headline)


def test_the_griffie_story(council, capsys, tmp_path, make_window, dialogs, monkeypatch, qtbot):
    c = council
    # Round 2 first, so that the story ends by publishing round 3.
    workspace = open_workspace(str(c.griffie))
    with workspace.action() as s:
        ops.revise_section(s, ops.Actor.griffie("Griet Griffier"), c.huur,
                           s.get(Section, c.huur).text + "\n\nDe gemeente bouwt ook voor middeninkomens.",
                           reason="Uit het overleg")
        ops.publish_round(s, ops.Actor.griffie("Griet Griffier"))
    workspace.close()
    ok(capsys, "package", "export", c.griffie, "--round", "-o", tmp_path / "ronde2.rkpkg")
    for short, path in c.parties.items():
        ok(capsys, "package", "import", path, tmp_path / "ronde2.rkpkg")

    # Each party writes in its own workspace and sends its package.
    _amend(c.parties["GL"], c.ids["GL"], "GL", c.bouwen, "Meer woningen", "500 woningen", "800 woningen")
    _amend(c.parties["RP"], c.ids["RP"], "RP", c.bouwen, "Iets meer woningen", "500 woningen", "600 woningen")
    _amend(c.parties["BB"], c.ids["BB"], "BB", c.bouwen, "Ook bij de stations", "in de dorpen.",
           "in de dorpen en bij de stations.")
    _amend(c.parties["BB"], c.ids["BB"], "BB", c.huur, "Huurbevriezing", "niet harder dan de inflatie",
           "de komende vier jaar niet")
    packages = []
    for short, path in c.parties.items():
        target = tmp_path / f"{short}-1.rkpkg"
        ok(capsys, "package", "export", path, "--party", short, "-o", target)
        packages.append(str(target))

    # The clerk reads the three packages in, at once, from the window.
    reports = []
    monkeypatch.setattr(exchangeui, "show_import_report", lambda parent, outcomes: reports.append(outcomes))
    window = make_window()
    assert window.open_workspace(str(c.griffie), griffie_identity())
    said = []
    window.statusBar().messageChanged.connect(lambda text: said.append(text) if text else None)
    window.import_packages(packages)
    assert [line.split(":")[0] for line in said[:3]] == [f"Pakket {n} van 3 wordt ingelezen" for n in (1, 2, 3)]
    assert len(reports[0]) == 3 and not any(o.refused for o in reports[0])
    assert sum(o.report.counts[("amendments", "new")] for o in reports[0]) == 4

    # The consolidation of "Bouwen": GL and RP collide on one passage; BB does not.
    window.navigator.select(c.bouwen)
    view = window.work.section_view
    view.setCurrentIndex(CONSOLIDATION)
    consolidation = view.consolidation
    grid = consolidation.grid_model
    gl, rp, bb = (_row(consolidation, h) for h in ("Meer woningen", "Iets meer woningen", "Ook bij de stations"))
    assert grid.collides(gl, rp) and not grid.collides(gl, bb) and not grid.collides(rp, bb)

    # Preview a compatible set: GL and BB together.
    consolidation.choice_model.toggle(gl)
    consolidation.choice_model.toggle(bb)
    assert "800 woningen" in consolidation.preview_text and "bij de stations" in consolidation.preview_text

    # Accept BB's.
    consolidation.choice_model.toggle(gl)
    consolidation.choice_model.toggle(bb)
    consolidation.table.selectRow(_row(consolidation, "Ook bij de stations"))
    consolidation.accept_button.click()
    assert _status(c.griffie, "Ook bij de stations")[0] == AmendmentStatus.ACCEPTED

    # A compromise for the colliding pair: 700, partly taking over GL's; RP's is then superseded.
    def compromise(parent, *, heading, current_text, initial_text, apply):
        return apply(current_text.replace("500 woningen", "700 woningen"),
                     "Het midden tussen GroenLinks (800) en de Rode Partij (600).")

    monkeypatch.setattr(decisiondialogs, "ask_compromise", compromise)
    consolidation.table.selectRow(_row(consolidation, "Meer woningen"))
    consolidation.partly_button.click()
    assert _status(c.griffie, "Meer woningen")[0] == AmendmentStatus.PARTLY_ACCEPTED
    monkeypatch.setattr(decisiondialogs, "ask_note",
                        lambda parent, *, title, heading, prompt, button, apply: apply("Opgegaan in het compromis."))
    consolidation.table.selectRow(_row(consolidation, "Iets meer woningen"))
    consolidation.supersede_button.click()
    assert _status(c.griffie, "Iets meer woningen")[0] == AmendmentStatus.SUPERSEDED
    workspace = open_workspace(str(c.griffie))
    with workspace.action() as s:
        text = s.get(Section, c.bouwen).text
    workspace.close()
    assert "700 woningen" in text and "bij de stations" in text

    # Reject BB's rent freeze, with a reason.
    window.navigator.select(c.huur)
    view.setCurrentIndex(CONSOLIDATION)
    monkeypatch.setattr(decisiondialogs, "ask_note",
                        lambda parent, *, title, heading, prompt, button, apply: apply("Niet te betalen."))
    consolidation.table.selectRow(_row(consolidation, "Huurbevriezing"))
    consolidation.reject_button.click()
    assert _status(c.griffie, "Huurbevriezing") == (AmendmentStatus.REJECTED, "Niet te betalen.")

    # Publish round 3 from the Griffie menu.
    dialogs.answers = [True]
    window.publish_action.trigger()
    from ui.griffie.publishdialog import PublishRoundDialog

    publish = window.findChild(PublishRoundDialog)
    qtbot.waitUntil(lambda: publish.readiness is not None)
    publish.publish_button.click()
    qtbot.waitUntil(lambda: publish.result is not None)
    workspace = open_workspace(str(c.griffie))
    with workspace.action() as s:
        assert s.scalar(sa.select(sa.func.max(Round.number))) == 3
    workspace.close()
    publish.close()

    # Export the PDF of round 3 and the task agenda from the export dialog.
    monkeypatch.setattr(exportdialog, "open_url", lambda url: True)
    for what, fmt, name in (("agreement", "pdf", "ronde-3.pdf"), ("tasks", "csv", "agenda.csv")):
        window.export_action.trigger()
        dialog = window.findChildren(exportdialog.ExportDialog)[-1]
        dialog.what.setCurrentIndex(dialog.what.findData(what))
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        if what == "agreement":
            dialog.round.setCurrentIndex(dialog.round.findData(3))
        dialog.target.setText(str(tmp_path / name))
        with qtbot.waitSignal(dialog.exported, timeout=30_000):
            dialog.export_button.click()
        dialog.close()
    from pypdf import PdfReader

    pdf_text = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "ronde-3.pdf")).pages).replace("\t", " ")
    assert "700 woningen" in pdf_text and "bij de stations" in pdf_text
    assert (tmp_path / "agenda.csv").read_text(encoding="utf-8-sig").count("\n") >= 1

    # Every decision is in the log.
    window.audit_action.trigger()
    audit = window.work.currentWidget()
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0)
    while audit.model.canFetchMore():
        audit.model.fetchMore()
    rows = [audit.model.row(i) for i in range(audit.model.rowCount())]
    decisions = [r for r in rows if r.action == "decide_amendment"]
    assert len(decisions) == 4
    details = " ".join(f"{r.description} {r.details}" for r in decisions)
    for headline in ("Ook bij de stations", "Meer woningen", "Iets meer woningen", "Huurbevriezing"):
        assert headline in details
