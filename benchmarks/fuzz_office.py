"""A longer run of mutated Word and OpenDocument files than the test suite's.

    .venv/bin/python benchmarks/fuzz_office.py [--cases N] [--seconds S] [--seed K]

Mutates our own exports of the demo (agreement as .docx and .odt) and the
test suite's drafts as tests/importing/office/fuzzing.py describes, reads
each with the importer and counts: imported, refused with a message, and
escapes (any other exception: each is printed). Exits with status 1 when
anything escaped.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import print_command_line  # noqa: E402

from raadsakkoord.demo import create_demo_workspace  # noqa: E402
from raadsakkoord.export import document, odt, word  # noqa: E402
from tests.importing.office.builders import draft_docx, draft_odt  # noqa: E402
from tests.importing.office.fuzzing import Tally, run_case, with_content_controls  # noqa: E402


def seeds(folder: Path) -> list[Path]:
    workspace = create_demo_workspace(folder / "demo.raadsakkoord")
    with workspace.action() as session:
        agreement = document.agreement_document(session)
    workspace.close()
    word.write_docx(agreement, folder / "akkoord.docx")
    odt.ensure_gui_application()
    odt.write_odt(agreement, folder / "akkoord.odt")
    draft_docx(folder / "concept.docx")
    draft_odt(folder / "concept.odt")
    with_content_controls(folder / "concept.docx", folder / "velden.docx")
    return sorted(folder.glob("*.do[ct]x")) + sorted(folder.glob("*.odt"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long, whatever --cases says")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print_command_line()
    folder = Path(tempfile.mkdtemp(prefix="raadsakkoord-fuzz-"))
    files = seeds(folder)
    rng = random.Random(args.seed)
    tally = Tally()
    start = time.perf_counter()
    while tally.cases < args.cases and not (args.seconds and time.perf_counter() - start > args.seconds):
        run_case(files[tally.cases % len(files)], rng, folder, tally)
    for escape in tally.escapes:
        print("  escaped:", escape)
    print(f"{tally.cases} cases from {len(files)} documents in {time.perf_counter() - start:.0f} s: "
          f"{tally.imported} imported, {tally.refused} refused with a message, {len(tally.escapes)} escaped "
          f"(slowest case {tally.slowest:.2f} s)")
    return 1 if tally.escapes else 0


if __name__ == "__main__":
    sys.exit(main())
