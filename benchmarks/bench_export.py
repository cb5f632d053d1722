"""Time the exports: the demo (Assen) and a workspace ten times a real agreement.

    .venv/bin/python benchmarks/bench_export.py [--workspace PATH] [--amendments N]

Without ``--workspace`` the ten-times workspace is built first with
bench_workspace.build (1,000 sections, 40 parties; 20,000 amendments unless
``--amendments`` says otherwise; about 100 s). Each figure is the best of a
few runs of reading the data and writing the file; the PDF line gives the
page count. Targets, so that an export is quick enough to make during a meeting: the demo's PDF under 2 s, a 100-page PDF
under 5 s.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtGui import QGuiApplication  # noqa: E402

from raadsakkoord.demo import create_demo_workspace  # noqa: E402
from raadsakkoord.export import amendments, document, html, markdown as md, pdf, word  # noqa: E402
from raadsakkoord.base.files import write_atomic  # noqa: E402
from raadsakkoord.store.workspace import open_workspace  # noqa: E402


def best(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def read_agreement(workspace):
    with workspace.action() as session:
        return document.agreement_document(session)


def read_book(workspace):
    with workspace.action() as session:
        return amendments.amendment_book(session)


def measure(label: str, workspace, out: Path, runs: int, book: bool) -> None:
    t_read, doc = best(lambda: read_agreement(workspace), runs)
    print(f"{label}: {len(doc.sections):,} sections, {sum(len(p.tasks) for p in doc.agenda)} tasks")
    print(f"  read the agreement (outline, support, tasks)    {t_read:7.2f} s")
    t, _ = best(lambda: write_atomic(out / "a.md", md.agreement_markdown(read_agreement(workspace)).encode()), runs)
    print(f"  Markdown, read + write                          {t:7.2f} s  ({(out / 'a.md').stat().st_size / 1024:,.0f} KiB)")
    t, _ = best(lambda: write_atomic(out / "a.html", html.agreement_html(read_agreement(workspace)).encode()), runs)
    print(f"  HTML, read + write                              {t:7.2f} s  ({(out / 'a.html').stat().st_size / 1024:,.0f} KiB)")
    t, _ = best(lambda: word.write_docx(read_agreement(workspace), out / "a.docx"), runs)
    print(f"  Word (.docx), read + write                      {t:7.2f} s  ({(out / 'a.docx').stat().st_size / 1024:,.0f} KiB)")
    t, pages = best(lambda: pdf.write_pdf(read_agreement(workspace), out / "a.pdf"), runs)
    print(f"  PDF/A-1b, read + lay out + write                {t:7.2f} s  ({pages:,} pages, "
          f"{(out / 'a.pdf').stat().st_size / 2**20:.1f} MiB)")
    if pages > 130:
        # The second target: a document of about a hundred pages.
        chapters, kept = [], 0
        for chapter in doc.chapters:
            chapters.append(chapter)
            kept += len(chapter.sections)
            if kept * pages / len(doc.sections) >= 100:
                break
        part = dataclasses.replace(doc, chapters=tuple(chapters))
        t, n = best(lambda: pdf.write_pdf(part, out / "part.pdf"), runs)
        print(f"  PDF/A-1b of the first {kept} sections (lay out + write) {t:7.2f} s  ({n} pages)")
    if book:
        t_book, data = best(lambda: read_book(workspace), 1)
        print(f"  read the amendment book ({data.count:,} amendments, diffs, conflicts) {t_book:7.2f} s")
        t, _ = best(lambda: write_atomic(out / "b.md", md.amendment_book_markdown(data).encode()), 1)
        print(f"  amendment book Markdown, write                  {t:7.2f} s")
        t, _ = best(lambda: write_atomic(out / "b.html", html.amendment_book_html(data).encode()), 1)
        print(f"  amendment book HTML, write                      {t:7.2f} s")
        t, _ = best(lambda: word.write_docx(data, out / "b.docx"), 1)
        print(f"  amendment book Word (tracked changes), write    {t:7.2f} s  "
              f"({(out / 'b.docx').stat().st_size / 2**20:.1f} MiB)")
        if data.count <= 500:
            t, n = best(lambda: pdf.write_pdf(data, out / "b.pdf"), 1)
            print(f"  amendment book PDF, lay out + write             {t:7.2f} s  ({n} pages)")


_app = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workspace", help="an existing ten-times workspace (from bench_workspace.py --target)")
    parser.add_argument("--amendments", type=int, default=20_000, help="when building the ten-times workspace")
    args = parser.parse_args()
    global _app
    # Qt lays out text only with an application; kept at module level so it
    # outlives every document.
    _app = QGuiApplication(["bench"])
    folder = Path(tempfile.mkdtemp(prefix="raadsakkoord-export-"))

    demo = create_demo_workspace(folder / "assen.raadsakkoord")
    measure("demo (Assen)", demo, folder, runs=5, book=True)
    demo.close()

    target = args.workspace
    if target is None:
        import bench_workspace

        target = str(folder / "tienvoud.raadsakkoord")
        print("building the ten-times workspace…", flush=True)
        bench_workspace.build(target, 1000, args.amendments, 40)
    big = open_workspace(target)
    measure("ten times a real agreement", big, folder, runs=2, book=True)
    big.close()
    print(f"files in {folder}")


if __name__ == "__main__":
    main()
