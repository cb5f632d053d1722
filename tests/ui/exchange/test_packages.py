"""Sending and receiving packages from the window: the whole offline cycle, and every refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QApplication, QFileDialog

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentKind, PackageRecord, Section, TrustedKey
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import dump
from ui.exchange import packages as exchangeui
from ui.common.context import Changes, Context
from ui.exchange.packages import ImportReportDialog, PackageOutcome, describe, report_text
from ui.common.background import TaskRunner


class Window:
    """What the main window would do around these functions: status line, report dialog, change notices."""

    def __init__(self, monkeypatch, qtbot):
        self.status: list[str] = []
        self.reports: list[list[PackageOutcome]] = []
        self.outline_notices = 0
        self.save_as: str | None = None
        self.save_asked: list[str] = []
        monkeypatch.setattr(exchangeui, "show_import_report", lambda parent, outcomes: self.reports.append(outcomes))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)

    def _save(self, parent, title, suggested, file_filter):
        self.save_asked.append(suggested)
        return (self.save_as or "", "")

    def context(self, workspace, actor, label) -> Context:
        changes = Changes()
        changes.outline.connect(self._notice)
        return Context(workspace, actor, label, changes)

    def _notice(self):
        self.outline_notices += 1


@pytest.fixture
def window(monkeypatch, qtbot, settings):
    return Window(monkeypatch, qtbot)


@pytest.fixture
def griffie(setup, window):
    """The griffie of the setup agreement, with round 1 published."""
    with setup.workspace.action() as s:
        ops.publish_round(s, setup.griffie)
    return window.context(setup.workspace, ops.Actor.griffie("Griet Griffier"), "Griet Griffier (griffie)")


@pytest.fixture
def party_ws(new_target):
    ws = open_workspace(new_target("gl"), create=True)
    yield ws
    ws.close()


def _export_round(griffie, window, runner, said, tmp_path) -> Path:
    window.save_as = str(tmp_path / "ronde1")
    exchangeui.export_round_package(None, griffie, runner, window.status.append)
    assert said.errors == [] and said.bugs == []
    return tmp_path / "ronde1.rkpkg"


def _party_with_round(setup, griffie, party_ws, window, runner, said, tmp_path) -> Context:
    """GL's own workspace: the griffie's key registered, round 1 read in."""
    round_package = _export_round(griffie, window, runner, said, tmp_path)
    gl = window.context(party_ws, ops.Actor.of_party(setup.groen, "Gerda Groen"), "Gerda Groen (GL)")
    exchangeui.register_key_file(None, gl, runner, str(tmp_path / "Griffie-openbare-sleutel.json"),
                                 window.status.append)
    exchangeui.import_packages(None, gl, runner, [str(round_package)], window.status.append)
    assert said.errors == [] and said.bugs == []
    return gl


def test_the_whole_offline_cycle(setup, griffie, party_ws, window, runner, said, tmp_path):
    # The griffie sends round 1; its signing key is made on the way, and its public key written beside it.
    round_package = _export_round(griffie, window, runner, said, tmp_path)
    assert window.save_asked[0].endswith(f"ronde-1-{_today()}.rkpkg")
    assert round_package.is_file()
    assert window.status[-1].startswith("Sleutel gemaakt (vingerafdruk ")
    assert f"Pakket geschreven naar {round_package} (" in window.status[-1]
    assert window.status[-1].endswith("Stuur ook de openbare sleutel Griffie-openbare-sleutel.json mee.")

    # GL's laptop: trust the griffie's key after comparing the fingerprint, then read the round in.
    gl = window.context(party_ws, ops.Actor.of_party(setup.groen, "Gerda Groen"), "Gerda Groen (GL)")
    exchangeui.register_key_file(None, gl, runner, str(tmp_path / "Griffie-openbare-sleutel.json"),
                                 window.status.append)
    assert "Vingerafdruk: " in said.questions[-1] and "Bel de afzender" in said.questions[-1]
    assert window.status[-1] == "Sleutel van Griffie vastgelegd."
    exchangeui.import_packages(None, gl, runner, [str(round_package)], window.status.append)
    [[outcome]] = window.reports
    text = describe(outcome)
    assert text.verdict == "Ingelezen: rondepakket van de griffie"
    assert ("Hoofdlijnen: 3 nieuw", []) in text.lines and ("Fracties: 3 nieuw", []) in text.lines
    assert window.status[-1] == "Pakketten: 1 ingelezen."
    assert window.outline_notices == 1
    with party_ws.action() as s:
        assert s.get(Section, setup.bouwen).text.startswith("We bouwen 500 woningen.")

    # GL amends and sends its package; the party's key is made now.
    with party_ws.action() as s:
        ops.propose_amendment(s, gl.actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                              headline="Meer woningen", submit=True,
                              text="We bouwen 800 woningen.\n\nDe helft is sociale huur.")
    window.save_as = str(tmp_path / "gl.rkpkg")
    exchangeui.export_party_package(None, gl, runner, window.status.append)
    assert window.save_asked[-1].endswith(f"GL-{_today()}.rkpkg")
    assert said.errors == [] and said.bugs == []
    assert window.status[-1].startswith("Sleutel gemaakt")
    assert window.status[-1].endswith("Stuur ook de openbare sleutel GL-openbare-sleutel.json mee.")

    # Meanwhile RP's amendment on the same words reached the griffie.
    with setup.workspace.action() as s:
        ops.propose_amendment(s, setup.rood_actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                              headline="Minder woningen", submit=True,
                              text="We bouwen 300 woningen.\n\nDe helft is sociale huur.")

    # The griffie trusts GL's key and reads the package in.
    exchangeui.register_key_file(None, griffie, runner, str(tmp_path / "GL-openbare-sleutel.json"),
                                 window.status.append)
    assert window.status[-1] == "Sleutel van GL vastgelegd."
    exchangeui.import_packages(None, griffie, runner, [str(tmp_path / "gl.rkpkg")], window.status.append)
    [outcome] = window.reports[-1]
    text = describe(outcome)
    assert text.verdict == "Ingelezen: fractiepakket van GL"
    assert ("Amendementen: 1 nieuw", []) in text.lines
    assert ("Botst met een ander amendement op dezelfde passage:",
            ["‘Meer woningen’ (GL) botst met ‘Minder woningen’ (RP) in hoofdlijn 1.1 Bouwen"]) in text.lines
    assert window.outline_notices == 2
    with setup.workspace.action() as s:
        assert s.scalars(sa.select(Amendment.headline).where(Amendment.party_id == setup.groen)).all() == [
            "Meer woningen"]


def test_a_new_round_names_the_amendments_moved_and_those_to_rework(setup, griffie, party_ws, window, runner,
                                                                     said, tmp_path):
    gl = _party_with_round(setup, griffie, party_ws, window, runner, said, tmp_path)
    with party_ws.action() as s:
        ops.propose_amendment(s, gl.actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                              headline="Meer woningen", submit=True,
                              text="We bouwen 800 woningen.\n\nDe helft is sociale huur.")
        ops.propose_amendment(s, gl.actor, kind=AmendmentKind.MODIFY, section_id=setup.bouwen,
                              headline="Ook middenhuur",
                              text="We bouwen 500 woningen.\n\nDe helft is sociale huur of middenhuur.")
    window.save_as = str(tmp_path / "gl.rkpkg")
    exchangeui.export_party_package(None, gl, runner, window.status.append)  # GL's key: its own party now known
    with setup.workspace.action() as s:
        ops.revise_section(s, setup.griffie, setup.bouwen, "We bouwen 600 woningen.\n\nDe helft is sociale huur.",
                           reason="Compromis")
        ops.publish_round(s, setup.griffie)
    window.save_as = str(tmp_path / "ronde2.rkpkg")
    exchangeui.export_round_package(None, griffie, runner, window.status.append)
    exchangeui.import_packages(None, gl, runner, [str(tmp_path / "ronde2.rkpkg")], window.status.append)
    assert said.errors == [] and said.bugs == []
    [outcome] = window.reports[-1]
    assert outcome.rebased == ["‘Ook middenhuur’ (GL)"]
    assert outcome.needs_rework == ["‘Meer woningen’ (GL)"]
    lines = dict(describe(outcome).lines)
    assert lines["Botst met de nieuwe tekst en moet worden herzien (de tekst van de fractie is bewaard):"] == [
        "‘Meer woningen’ (GL)"]


def test_a_second_package_needs_no_key_file(setup, griffie, party_ws, window, runner, said, tmp_path):
    gl = _party_with_round(setup, griffie, party_ws, window, runner, said, tmp_path)
    window.save_as = str(tmp_path / "gl-1.rkpkg")
    exchangeui.export_party_package(None, gl, runner, window.status.append)
    window.save_as = str(tmp_path / "gl-2.rkpkg")
    exchangeui.export_party_package(None, gl, runner, window.status.append)
    assert window.status[-1] == f"Pakket geschreven naar {tmp_path / 'gl-2.rkpkg'} (1 kB)."


def test_reading_the_same_package_twice_changes_nothing(setup, griffie, party_ws, window, runner, said, tmp_path):
    gl = _party_with_round(setup, griffie, party_ws, window, runner, said, tmp_path)
    before = dump(party_ws.label)
    notices = window.outline_notices
    exchangeui.import_packages(None, gl, runner, [str(tmp_path / "ronde1.rkpkg")], window.status.append)
    [outcome] = window.reports[-1]
    assert describe(outcome).verdict == "Al eerder ingelezen"
    assert window.status[-1] == "Pakketten: 1 al eerder ingelezen."
    assert window.outline_notices == notices  # nothing changed, nothing to refresh
    assert dump(party_ws.label) == before


def test_several_packages_each_get_their_verdict(setup, griffie, party_ws, window, runner, said, tmp_path):
    gl = _party_with_round(setup, griffie, party_ws, window, runner, said, tmp_path)
    window.save_as = str(tmp_path / "gl.rkpkg")
    exchangeui.export_party_package(None, gl, runner, window.status.append)
    exchangeui.register_key_file(None, griffie, runner, str(tmp_path / "GL-openbare-sleutel.json"), window.status.append)
    letter = tmp_path / "brief.txt"
    letter.write_text("Beste griffie, hierbij ons pakket.", encoding="utf-8")
    tampered = tmp_path / "gl-gewijzigd.rkpkg"
    document = json.loads((tmp_path / "gl.rkpkg").read_bytes())
    document["content"]["endorsements"] = []
    tampered.write_text(json.dumps(document), encoding="utf-8")
    before = dump(setup.workspace.label)

    paths = [str(letter), str(tampered), str(tmp_path / "weg.rkpkg"), str(tmp_path / "ronde1.rkpkg"),
             str(tmp_path / "gl.rkpkg")]
    exchangeui.import_packages(None, griffie, runner, paths, window.status.append)
    outcomes = window.reports[-1]
    assert [o.name for o in outcomes] == ["brief.txt", "gl-gewijzigd.rkpkg", "weg.rkpkg", "ronde1.rkpkg", "gl.rkpkg"]
    refused = {o.name: o.refused for o in outcomes if o.report is None}
    assert refused["brief.txt"] == ("brief.txt is geen pakket van Raadsakkoord of is beschadigd (afgebroken?); "
                                    "het is niet ingelezen.")
    assert refused["gl-gewijzigd.rkpkg"] == "gl-gewijzigd.rkpkg is na het ondertekenen gewijzigd; het is niet ingelezen."
    assert refused["weg.rkpkg"] == f"bestand niet gevonden: {tmp_path / 'weg.rkpkg'}"
    # The griffie's own round package: it knows it, having sent it.
    assert describe(outcomes[3]).verdict == "Al eerder ingelezen"
    assert describe(outcomes[-1]).verdict == "Ingelezen: fractiepakket van GL"
    assert window.status[-1] == "Pakketten: 1 ingelezen, 1 al eerder ingelezen, 3 geweigerd."
    assert said.bugs == []
    after = dump(setup.workspace.label)
    # Only the good package changed anything.
    assert after != before and len(after["package_record"]) == len(before["package_record"]) + 1


def test_a_package_for_another_agreement_is_refused(setup, griffie, window, runner, said, tmp_path, new_target):
    round_package = _export_round(griffie, window, runner, said, tmp_path)
    other = open_workspace(new_target("ander"), create=True)
    try:
        with other.action() as s:
            ops.create_agreement(s, ops.Actor.griffie(), title="Ander akkoord", municipality="Elders",
                                 council_seats=9)
        before = dump(other.label)
        ctx = window.context(other, ops.Actor.griffie("Griet"), "Griet (griffie)")
        exchangeui.import_packages(None, ctx, runner, [str(round_package)], window.status.append)
        [outcome] = window.reports[-1]
        assert outcome.refused == "ronde1.rkpkg hoort bij een ander raadsakkoord dan deze werkruimte; het is niet ingelezen."
        assert describe(outcome).verdict == "Niet ingelezen" and window.outline_notices == 0
        assert dump(other.label) == before
    finally:
        other.close()


def test_an_unregistered_sender_is_refused_with_what_to_do(setup, griffie, party_ws, window, runner, said, tmp_path):
    round_package = _export_round(griffie, window, runner, said, tmp_path)
    gl = window.context(party_ws, ops.Actor.of_party(setup.groen, "Gerda Groen"), "Gerda Groen (GL)")
    exchangeui.import_packages(None, gl, runner, [str(round_package)], window.status.append)
    [outcome] = window.reports[-1]
    assert "registreer eerst de openbare sleutel" in outcome.refused


def test_a_key_not_confirmed_is_not_registered(setup, griffie, party_ws, window, runner, said, tmp_path):
    _export_round(griffie, window, runner, said, tmp_path)
    gl = window.context(party_ws, ops.Actor.of_party(setup.groen, "Gerda Groen"), "Gerda Groen (GL)")
    said.answer = False
    status = len(window.status)
    exchangeui.register_key_file(None, gl, runner, str(tmp_path / "Griffie-openbare-sleutel.json"),
                                 window.status.append)
    assert len(window.status) == status
    with party_ws.action() as s:
        assert s.scalars(sa.select(TrustedKey)).all() == []


def test_a_bad_key_file_is_refused(setup, griffie, window, runner, said, tmp_path):
    bad = tmp_path / "sleutel.json"
    bad.write_text('{"format": "iets anders"}', encoding="utf-8")
    exchangeui.register_key_file(None, griffie, runner, str(bad), window.status.append)
    assert said.errors == [("Sleutel vastleggen", "sleutel.json is geen sleutelbestand van Raadsakkoord.")]
    assert said.questions == []


def test_roles_are_checked_before_asking_where_to_save(setup, griffie, window, runner, said):
    exchangeui.export_party_package(None, griffie, runner, window.status.append)
    gl = window.context(setup.workspace, setup.groen_actor, "Gerda Groen (GL)")
    exchangeui.export_round_package(None, gl, runner, window.status.append)
    assert [title for title, _ in said.errors] == ["Pakket voor de griffie maken", "Rondepakket maken"]
    assert window.save_asked == [] and window.status == []


def test_no_round_yet_is_said_before_asking_where_to_save(setup, window, runner, said):
    ctx = window.context(setup.workspace, setup.griffie, "Griet Griffier (griffie)")
    exchangeui.export_round_package(None, ctx, runner, window.status.append)
    assert said.errors == [("Rondepakket maken", "Er is nog geen ronde gepubliceerd; publiceer eerst een ronde.")]
    assert window.save_asked == []


def test_a_party_without_a_round_gets_the_cores_message(setup, party_ws, window, runner, said, tmp_path):
    with party_ws.action() as s:
        ops.create_agreement(s, ops.Actor.griffie(), title="Akkoord", municipality="Testdorp", council_seats=15)
        party = ops.add_party(s, ops.Actor.griffie(), name="Groene Lijst", short_name="GL", seats=7)
    gl = window.context(party_ws, ops.Actor.of_party(party.id, "Gerda"), "Gerda (GL)")
    window.save_as = str(tmp_path / "gl.rkpkg")
    exchangeui.export_party_package(None, gl, runner, window.status.append)
    assert said.errors == [("Pakket voor de griffie maken",
                            "Deze werkruimte heeft nog geen ronde van de griffie; lees eerst een rondepakket in.")]
    assert not (tmp_path / "gl.rkpkg").exists() and window.status == []


def test_cancelling_the_save_dialog_does_nothing(setup, griffie, window, runner, said, tmp_path):
    window.save_as = None
    exchangeui.export_round_package(None, griffie, runner, window.status.append)
    assert window.save_asked and window.status == [] and said.errors == []
    with setup.workspace.action() as s:
        assert s.scalars(sa.select(TrustedKey)).all() == []  # no key made for an export that did not happen


def test_an_unwritable_place_records_no_package(setup, griffie, window, runner, said, tmp_path):
    window.save_as = str(tmp_path / "weg" / "ronde1.rkpkg")
    exchangeui.export_round_package(None, griffie, runner, window.status.append)
    assert said.errors == [("Rondepakket maken", f"De map {tmp_path / 'weg'} bestaat niet; er is niets geschreven.")]
    with setup.workspace.action() as s:
        assert s.scalars(sa.select(PackageRecord)).all() == []
    # The next try, somewhere writable, works and still hands out the public key.
    window.save_as = str(tmp_path / "ronde1.rkpkg")
    exchangeui.export_round_package(None, griffie, runner, window.status.append)
    assert window.status[-1].endswith("Stuur ook de openbare sleutel Griffie-openbare-sleutel.json mee.")
    assert json.loads((tmp_path / "ronde1.rkpkg").read_bytes())["header"]["sequence"] == 1


def test_export_and_import_run_off_the_gui_thread(setup, griffie, party_ws, window, qtbot, said, tmp_path):
    runner = TaskRunner()
    window.save_as = str(tmp_path / "ronde1.rkpkg")
    exchangeui.export_round_package(None, griffie, runner, window.status.append)
    qtbot.waitUntil(lambda: bool(window.status), timeout=20_000)
    assert (tmp_path / "ronde1.rkpkg").is_file()
    gl = window.context(party_ws, ops.Actor.of_party(setup.groen, "Gerda Groen"), "Gerda Groen (GL)")
    exchangeui.register_key_file(None, gl, runner, str(tmp_path / "Griffie-openbare-sleutel.json"),
                                 window.status.append)
    qtbot.waitUntil(lambda: window.status[-1] == "Sleutel van Griffie vastgelegd.", timeout=20_000)
    with qtbot.waitSignal(gl.changes.outline, timeout=20_000):
        exchangeui.import_packages(None, gl, runner, [str(tmp_path / "ronde1.rkpkg")], window.status.append)
    qtbot.waitUntil(lambda: window.status[-1] == "Pakketten: 1 ingelezen.", timeout=20_000)
    assert runner.wait()
    assert said.errors == [] and said.bugs == []


# --- the report dialog ------------------------------------------------------------------------

def _sample_outcomes() -> list[PackageOutcome]:
    from collections import Counter

    from raadsakkoord.exchange import ImportReport

    report = ImportReport("party", "GL", counts=Counter({("amendments", "new"): 2, ("endorsements", "updated"): 1}))
    return [
        PackageOutcome("/tmp/GL-2026-11-29.rkpkg", report, rebased=["‘Fietspad’ (GL)"],
                       needs_rework=["‘Meer woningen’ (GL)"],
                       conflicts=["‘Meer woningen’ (GL) botst met ‘Minder woningen’ (RP) in hoofdlijn 1.1 Bouwen"]),
        PackageOutcome("/tmp/RP-2026-11-28.rkpkg", refused="RP-2026-11-28.rkpkg heeft een ongeldige handtekening: "
                       "het is gewijzigd of niet door RP ondertekend. Het is niet ingelezen."),
        PackageOutcome("/tmp/BB.rkpkg", ImportReport("party", "BB", already_imported=True)),
    ]


def test_the_report_dialog_lists_every_package(qtbot, settings):
    dialog = ImportReportDialog(_sample_outcomes())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.summary.text() == "Pakketten: 1 ingelezen, 1 al eerder ingelezen, 1 geweigerd."
    shown = dialog.browser.toPlainText()
    for expected in ("GL-2026-11-29.rkpkg", "Ingelezen: fractiepakket van GL", "Amendementen: 2 nieuw",
                     "Standpunten: 1 bijgewerkt", "Overgezet op de nieuwe tekst", "‘Fietspad’ (GL)",
                     "moet worden herzien", "botst met ‘Minder woningen’ (RP)", "RP-2026-11-28.rkpkg",
                     "Niet ingelezen", "ongeldige handtekening", "Al eerder ingelezen"):
        assert expected in shown, expected
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == report_text(_sample_outcomes())
    assert report_text(_sample_outcomes()).startswith(
        "GL-2026-11-29.rkpkg — Ingelezen: fractiepakket van GL\n  Amendementen: 2 nieuw\n")
    with qtbot.waitSignal(dialog.accepted):
        dialog.close_button.click()


def test_package_texts_are_shown_as_text_not_html(qtbot, settings):
    outcome = PackageOutcome("/tmp/x.rkpkg", refused="<b>x.rkpkg</b> is <script>kapot</script>")
    dialog = ImportReportDialog([outcome])
    qtbot.addWidget(dialog)
    assert "<b>x.rkpkg</b> is <script>kapot</script>" in dialog.browser.toPlainText()


def _today() -> str:
    import datetime as dt

    return dt.date.today().isoformat()


def test_the_workspace_is_refused_as_the_package_file(setup, griffie, window, runner, said, backend):
    if backend != "sqlite":
        pytest.skip("a workspace on a database server has no file to choose")
    workspace = Path(setup.workspace.target)
    before = workspace.read_bytes()
    window.save_as = str(workspace)
    exchangeui.export_round_package(None, griffie, runner, window.status.append)
    refusal = (f"{workspace} is een werkruimte of een ander gegevensbestand; die wordt nooit overschreven. Er is niets "
               "geschreven; kies een andere bestandsnaam.")
    assert said.errors == [("Rondepakket maken", refusal)]
    assert window.status == [] and workspace.read_bytes() == before
    with setup.workspace.action() as s:
        assert s.scalars(sa.select(PackageRecord)).all() == []
        assert s.scalars(sa.select(TrustedKey)).all() == []  # refused before a key was made


def test_a_name_completed_with_the_suffix_is_asked_about_before_replacing(setup, griffie, window, runner, said,
                                                                          tmp_path):
    # The file dialog asked about "ronde1", not about the "ronde1.rkpkg" it becomes.
    first = _export_round(griffie, window, runner, said, tmp_path)
    before = first.read_bytes()
    said.answer = False
    window.save_as = str(tmp_path / "ronde1")
    exchangeui.export_round_package(None, griffie, runner, window.status.append)
    assert said.questions == ["ronde1.rkpkg bestaat al. Wilt u het vervangen?"]
    assert first.read_bytes() == before and said.errors == []
    said.answer = True
    exchangeui.export_round_package(None, griffie, runner, window.status.append)
    assert json.loads(first.read_bytes())["header"]["sequence"] == 2
