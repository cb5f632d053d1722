"""Time the formal amendments (amendement als formeel stuk): 1,000 of them in one file, as PDF, Word and Markdown.

    .venv/bin/python benchmarks/bench_amendment_forms.py [--workspace FILE] [--count N]

``--workspace`` is a workspace with at least N submitted (numbered)
amendments, such as the ten-times workspace of ``bench_workspace.py
--target FILE``; it is copied first (opening it may migrate it) and never
changed. Without it the ten-times workspace is built in a temporary folder
(about 2.5 minutes). The first N numbered amendments are written "all at
once", each on pages of its own. "read" finds the change instructions of
all N (with their line numbers) in one action; each format's row reads and
writes the file. Target: under 30 s for 1,000 amendments, in every format.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import print_command_line, row  # noqa: E402

from raadsakkoord.base.files import write_atomic  # noqa: E402
from raadsakkoord.export import pdf, word  # noqa: E402
from raadsakkoord.export.amendment_form import amendment_forms, numbered  # noqa: E402
from raadsakkoord.export.amendment_form_markdown import forms_markdown  # noqa: E402
from raadsakkoord.store.workspace import open_workspace  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace")
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    print_command_line()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "ten.raadsakkoord"
        if args.workspace:
            shutil.copyfile(args.workspace, copy)
        else:
            from bench_workspace import build

            build(str(copy))
        workspace = open_workspace(str(copy))

        def read():
            with workspace.action() as session:
                chosen = numbered(session, args.count)
                return amendment_forms(session, chosen)

        t = time.perf_counter()
        forms = read()
        row(f"read {len(forms.forms)} formal amendments (instructions, line numbers)",
            f"{time.perf_counter() - t:.1f} s")
        for fmt in ("pdf", "docx", "md"):
            target = Path(folder) / f"amendementen.{fmt}"
            t = time.perf_counter()
            data = read()
            if fmt == "pdf":
                pages = pdf.write_pdf(data, target)
            elif fmt == "docx":
                word.write_docx(data, target)
                pages = None
            else:
                write_atomic(target, forms_markdown(data).encode("utf-8"))
                pages = None
            seconds = time.perf_counter() - t
            size = target.stat().st_size / 1e6
            extra = f", {pages} pages" if pages else ""
            row(f"{len(data.forms)} formal amendments, {fmt.upper()}, read + write",
                f"{seconds:.1f} s ({size:.1f} MB{extra})")
        workspace.close()


if __name__ == "__main__":
    main()
