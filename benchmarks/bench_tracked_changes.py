"""Time reading a party's tracked Word file of a round back as amendments (``import-changes``).

    .venv/bin/python benchmarks/bench_tracked_changes.py [--workspace PATH] [--round N]

Without ``--workspace`` the demo (Assen) is made in a temporary folder and
its latest round is used. The round is exported to Word, and in every
section one word is replaced with track changes on (as Word writes it:
``w:del`` with ``w:delText``, then ``w:ins``), so every section yields an
amendment. Timed, each the median of 3 runs: reading the file into
sections, planning (matching every section to the round and merging the
changes into its Markdown), and the whole import in one transaction
(rolled back after each run, so every run makes the same amendments).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from lxml import etree  # noqa: E402
from report import print_command_line, row  # noqa: E402

from raadsakkoord import operations as ops  # noqa: E402
from raadsakkoord.demo import create_demo_workspace  # noqa: E402
from raadsakkoord.export import document, word  # noqa: E402
from raadsakkoord.importing.office.tracked import read_tracked  # noqa: E402
from raadsakkoord.model import Party, Round  # noqa: E402
from raadsakkoord.operations.tracked_changes import import_tracked_changes, plan_tracked_changes  # noqa: E402
from raadsakkoord.store.workspace import open_workspace  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def edit_every_section(source: Path, target: Path) -> int:
    """Replace the last word of the first text run after every Heading 2 with "anders"; how many were edited."""
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    edited = 0
    waiting = False
    for p in root.iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") == "Heading1" and "Bijlage" in "".join(p.itertext()):
            break  # the task agenda: no sections there
        if style is not None and style.get(f"{W}val") == "Heading2":
            waiting = True
            continue
        if not waiting:
            continue
        run = next((r for r in p.iter(f"{W}r") if r.getparent().tag == f"{W}p"
                    and len((r.findtext(f"{W}t") or "").split()) > 1), None)
        if run is None:
            continue
        text = run.find(f"{W}t")
        head, last = text.text.rsplit(" ", 1)
        text.text = head + " "
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        for kind, tag, value in (("del", "delText", last), ("ins", "t", "anders")):
            change = etree.SubElement(p, f"{W}{kind}", {f"{W}id": str(1000 + edited * 2 + len(kind)),
                                                          f"{W}author": "Benchmark", f"{W}date": "2026-03-02T10:00:00Z"})
            new_run = etree.SubElement(change, f"{W}r")
            etree.SubElement(new_run, f"{W}{tag}").text = value
            run.addnext(change)
            run = change
        edited += 1
        waiting = False
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return edited


def median(fn, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace")
    parser.add_argument("--round", type=int)
    args = parser.parse_args()
    print_command_line()
    folder = Path(tempfile.mkdtemp(prefix="bench-tracked-"))
    if args.workspace:
        workspace = open_workspace(args.workspace)
    else:
        workspace = create_demo_workspace(folder / "demo.raadsakkoord")
    with workspace.action() as s:
        number = args.round or max(s.query(Round.number).all())[0]
        party = s.query(Party).order_by(Party.seats.desc()).first()
        party_id, party_name = party.id, party.short_name
        data = document.agreement_document(s, round_number=number)
    export = folder / "ronde.docx"
    word.write_docx(data, export)
    edited = edit_every_section(export, folder / "ronde-bewerkt.docx")
    words = sum(len(section.text.split()) for section in data.sections)
    print(f"ronde {number}: {len(data.sections)} hoofdlijnen, {words} woorden; {edited} hoofdlijnen bewerkt "
          f"(door {party_name})")

    read_time, tracked = median(lambda: read_tracked(folder / "ronde-bewerkt.docx"))

    def plan():
        with workspace.action() as s:
            return plan_tracked_changes(s, tracked, round_number=number, party_id=party_id)

    plan_time, planned = median(plan)

    def whole():
        with workspace.Session() as session:
            result = import_tracked_changes(session, ops.Actor.of_party(party_id, "Benchmark"),
                                            read_tracked(folder / "ronde-bewerkt.docx"), party_id=party_id,
                                            round_number=number)
            session.flush()
            session.rollback()  # every run makes the same amendments anew
        return result

    whole_time, imported = median(whole)
    row(f"read the tracked .docx into sections ({len(tracked.sections)} sections)", f"{read_time * 1000:.0f} ms")
    row(f"match to the round and merge into Markdown ({len(planned.amendments)} amendments)",
        f"{plan_time * 1000:.0f} ms")
    row(f"import-changes whole: read, plan, make {len(imported.new)} draft amendments", f"{whole_time * 1000:.0f} ms")
    workspace.close()


if __name__ == "__main__":
    main()
