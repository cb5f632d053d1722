"""The window keeps turning its event loop while a package of 1,000 amendments is read in.

On a worker thread it did not: the import holds the GIL, and PySide needs the
GIL for every call from Qt into Python, so the window froze for up to the
whole import (the first version of this test failed that way about half the
time). The import now runs in a worker process (ui/common/background.py
run_in_process). How long the loop's longest pause is: benchmarks/bench_responsiveness.py.
"""

from PySide6.QtCore import QTimer

from raadsakkoord import operations as ops
from raadsakkoord.exchange import import_package, keys
from raadsakkoord.exchange.party_package import export_party_package
from raadsakkoord.exchange.round_package import export_round_package
from raadsakkoord.model import AmendmentKind
from raadsakkoord.store.workspace import open_workspace
from tests.ui.conftest import griffie_identity
from ui.exchange import packages as exchangeui

SECTIONS = 50
PER_SECTION = 20


def _thousand_amendment_package(tmp_path) -> tuple[str, bytes]:
    griffie_path = str(tmp_path / "griffie.raadsakkoord")
    griffie_ws = open_workspace(griffie_path, create=True)
    griffie = ops.Actor.griffie("Griffie")
    with griffie_ws.action() as s:
        ops.create_agreement(s, griffie, title="Groot akkoord", municipality="Grootstad", council_seats=30)
        party = ops.add_party(s, griffie, name="Fractie Een", short_name="F1", seats=30).id
        chapter = ops.add_chapter(s, griffie, title="Alles").id
        sections = [ops.add_section(s, griffie, chapter_id=chapter, title=f"Hoofdlijn {i}",
                                    text=" ".join(f"woord{i}x{j}" for j in range(60)) + ".").id
                    for i in range(SECTIONS)]
        ops.publish_round(s, griffie)
        keys.init_key(s, griffie, keys.resolve_identity(s, "griffie"))
        griffie_pub = keys.export_public_key(s, keys.resolve_identity(s, "griffie"))
        round_data = export_round_package(s, griffie)
    party_ws = open_workspace(str(tmp_path / "f1.raadsakkoord"), create=True)
    with party_ws.action() as s:
        keys.register_public_key(s, griffie, griffie_pub, "griffie.pub")
    with party_ws.action() as s:
        import_package(s, griffie, round_data, "ronde.rkpkg")
    member = ops.Actor.of_party(party, "Lid")
    with party_ws.action() as s:
        keys.init_key(s, member, keys.resolve_identity(s, "F1"))
        party_pub = keys.export_public_key(s, keys.resolve_identity(s, "F1"))
        for i, sid in enumerate(sections):
            for j in range(PER_SECTION):
                text = " ".join(f"woord{i}x{k}" if k != j else f"anders{j}" for k in range(60)) + "."
                ops.propose_amendment(s, member, kind=AmendmentKind.MODIFY, section_id=sid,
                                      headline=f"Wijziging {i}.{j}", text=text, submit=True)
        data = export_party_package(s, member, party)
    party_ws.close()
    with griffie_ws.action() as s:
        keys.register_public_key(s, griffie, party_pub, "f1.pub")
    griffie_ws.close()
    return griffie_path, data


def test_the_event_loop_turns_while_1000_amendments_are_imported(tmp_path, make_window, monkeypatch, qtbot):
    griffie_path, data = _thousand_amendment_package(tmp_path)
    package = tmp_path / "f1.rkpkg"
    package.write_bytes(data)
    reports = []
    monkeypatch.setattr(exchangeui, "show_import_report", lambda parent, outcomes: reports.append(outcomes))
    window = make_window(synchronous=False)  # the real thread pool
    assert window.open_workspace(griffie_path, griffie_identity())
    qtbot.waitUntil(lambda: window.navigator.model.rowCount() == 1, timeout=10_000)

    # What a timer on the window's event loop sees until the import's report
    # comes: the status bar. A frozen window would see nothing.
    seen: list[str] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: seen.append(window.statusBar().currentMessage()))
    timer.start()
    window.import_packages([str(package)])
    qtbot.waitUntil(lambda: bool(reports), timeout=120_000)
    timer.stop()

    assert reports[0][0].report.counts[("amendments", "new")] == SECTIONS * PER_SECTION
    reading = seen.count("Pakket 1 van 1 wordt ingelezen: f1.rkpkg…")
    assert reading >= 10, (reading, len(seen))  # the loop turned, saying what it does, while 1,000 came in
    assert window.statusBar().currentMessage() == "Pakketten: 1 ingelezen."
