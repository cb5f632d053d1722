"""Time the exports: the demo (Assen) and a workspace ten times a real agreement.

    .venv/bin/python benchmarks/bench_export.py [--workspace PATH] [--amendments N]

Without ``--workspace`` the ten-times workspace is built first with
bench_workspace.build (1,000 sections, 40 parties; 20,000 amendments unless
``--amendments`` says otherwise; about 100 s). Each figure is the median of
several runs (5 for the demo; 3 for the agreement of the ten-times
workspace; one run for its amendment book, whose reading and writing take
from seconds to more than half a minute each); what is inside the timed part
is in each row: "read + write" reads the data from the workspace and writes
the file, "write" writes data read before. Targets, so that an export is
quick enough to make during a meeting: a 100-page PDF under 2 s, the
ten-times agreement under 10 s, its amendment book of 20,000 amendments
under 60 s. Every PDF is typeset by Typst as tagged PDF/UA-1 with PDF/A-2a.

Prints its command line, then README's rows in README's order, the demo's
figure and the ten-times one side by side.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import print_command_line, row  # noqa: E402

from raadsakkoord.base.files import write_atomic  # noqa: E402
from raadsakkoord.demo import create_demo_workspace  # noqa: E402
from raadsakkoord.export import amendments, document, html, pdf, word  # noqa: E402
from raadsakkoord.export import markdown as md  # noqa: E402
from raadsakkoord.store.workspace import open_workspace  # noqa: E402


def median(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def timed_pdf(target: str, what: str, out: Path, runs: int, sections: int = 0) -> tuple[str, int]:
    """Median wall-clock and processor time of writing one PDF, each run in a fresh process.

    Typst keeps what it computed in one compilation for the next in the same
    process: a second run of the same document takes a fraction of the first,
    which no user making one export would see. The processor time (of all
    the process's threads) does not grow when other programs share the
    machine; the wall-clock time does.
    """
    import subprocess

    walls, cpus, pages = [], [], 0
    for _ in range(runs):
        line = subprocess.run([sys.executable, __file__, "--one", what, "--workspace", target,
                               "--sections", str(sections), "--output", str(out)],
                              capture_output=True, text=True, check=True).stdout.split()
        walls.append(float(line[0]))
        cpus.append(float(line[1]))
        pages = int(line[2])
    return f"{statistics.median(walls):.2f} s (processor {statistics.median(cpus):.2f} s)", pages


def one(target: str, what: str, sections: int, output: str) -> None:
    """Read, then time writing one PDF: "wall processor pages" on stdout (``--one``, in a fresh process)."""
    workspace = open_workspace(target)
    data = read_book(workspace) if what == "book" else read_agreement(workspace)
    workspace.close()
    if sections:
        data = dataclasses.replace(data, chapters=part_of(data, sections))
    t, c = time.perf_counter(), time.process_time()
    pages = pdf.write_pdf(data, output)
    print(f"{time.perf_counter() - t:.3f} {time.process_time() - c:.3f} {pages}")


def part_of(doc, sections: int) -> tuple:
    """The first chapters, up to the one that brings the count to ``sections``."""
    chapters, kept = [], 0
    for chapter in doc.chapters:
        chapters.append(chapter)
        kept += len(chapter.sections)
        if kept >= sections:
            break
    return tuple(chapters)


def read_agreement(workspace):
    with workspace.action() as session:
        return document.agreement_document(session)


def read_book(workspace):
    with workspace.action() as session:
        return amendments.amendment_book(session)


def size(path: Path) -> str:
    n = path.stat().st_size
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n / 1024:,.0f} KiB"


def read_back(out: Path, title: str) -> str:
    """The test suite's read-back checks (tests/export/pdfcheck.py) on the PDFs just written."""
    from tests.export import pdfcheck

    pages = []
    for name, prefix in (("a.pdf", ""), ("b.pdf", "Amendementenboek ")):
        _, _, texts = pdfcheck.check(out / name, prefix + title)
        pages.append(len(texts))
    return f"passed ({pages[0]:,} + {pages[1]:,} pages)"


def measure(workspace, target: str, out: Path, runs: int, book_runs: int) -> dict[str, str]:
    """Each of README's rows for one workspace, as the text of its cell."""
    out.mkdir(parents=True, exist_ok=True)
    cells: dict[str, str] = {}
    t, _ = median(lambda: write_atomic(out / "a.md", md.agreement_markdown(read_agreement(workspace)).encode()), runs)
    cells["md"] = f"{t:.2f} s ({size(out / 'a.md')})"
    t, _ = median(lambda: write_atomic(out / "a.html", html.agreement_html(read_agreement(workspace)).encode()),
                  runs)
    cells["html"] = f"{t:.2f} s ({size(out / 'a.html')})"
    t, pages = timed_pdf(target, "agreement", out / "a.pdf", runs)
    cells["pdf"] = f"{t}, {pages:,} pages"
    doc = read_agreement(workspace)
    total_pages = pages
    if total_pages > 130:
        # A document of about a hundred pages: the first chapters, typeset and written.
        wanted = round(100 * len(doc.sections) / total_pages)
        kept = sum(len(c.sections) for c in part_of(doc, wanted))
        t, n = timed_pdf(target, "agreement", out / "part.pdf", runs, sections=wanted)
        cells["part"] = f"{kept} sections: {t}, {n} pages"
    t_read, data = median(lambda: read_book(workspace), book_runs)
    book = [f"{data.count:,} amendments: reading {t_read:.2f} s"]
    t, _ = median(lambda: write_atomic(out / "b.md", md.amendment_book_markdown(data).encode()), book_runs)
    book.append(f"Markdown {t:.2f} s")
    t, _ = median(lambda: write_atomic(out / "b.html", html.amendment_book_html(data).encode()), book_runs)
    book.append(f"HTML {t:.2f} s")
    t, n = timed_pdf(target, "book", out / "b.pdf", book_runs)
    book.append(f"PDF {t}, {n:,} pages")
    cells["book"] = ", ".join(book)
    cells["check"] = read_back(out, data.meta.title)
    t, _ = median(lambda: word.write_docx(read_agreement(workspace), out / "a.docx"), runs)
    cells["docx"] = f"{t:.2f} s ({size(out / 'a.docx')})"
    t, _ = median(lambda: word.write_docx(data, out / "b.docx"), book_runs)
    cells["bookdocx"] = f"{data.count:,} amendments: {t:.2f} s ({size(out / 'b.docx')})"
    return cells


ROWS = (
    ("md", "Markdown (read + write)"),
    ("html", "HTML (read + write)"),
    ("pdf", "PDF/UA-1 + PDF/A-2a of the agreement (typeset + write; target: ten times under 10 s)"),
    ("part", "PDF of a part of the agreement (typeset + write; target: 100 pages under 2 s)"),
    ("book", "amendment book (read; write each: Markdown, HTML, PDF; target: PDF of 20,000 under 60 s)"),
    ("check", "the agreement's and the amendment book's PDF pass the test suite's read-back checks"),
    ("docx", "Word .docx of the agreement (read + write)"),
    ("bookdocx", "amendment book in Word with tracked changes (write)"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workspace", help="an existing ten-times workspace (from bench_workspace.py --target)")
    parser.add_argument("--amendments", type=int, default=20_000, help="when building the ten-times workspace")
    parser.add_argument("--one", choices=("agreement", "book"), help=argparse.SUPPRESS)
    parser.add_argument("--sections", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.workspace, args.one, args.sections, args.output)
        return
    print_command_line()
    folder = Path(tempfile.mkdtemp(prefix="raadsakkoord-export-"))

    demo = create_demo_workspace(folder / "assen.raadsakkoord")
    small = measure(demo, str(folder / "assen.raadsakkoord"), folder / "demo", runs=5, book_runs=5)
    demo.close()

    target = args.workspace
    if target is None:
        import bench_workspace

        target = str(folder / "tienvoud.raadsakkoord")
        print("  (building the ten-times workspace …)", flush=True)
        bench_workspace.build(target, 1000, args.amendments, 40)
    big_workspace = open_workspace(target)
    big = measure(big_workspace, target, folder / "tienvoud", runs=3, book_runs=1)
    big_workspace.close()
    row("(demo: median of 5 runs | ten times: median of 3 runs, the amendment book one run)",
        "demo (Assen) | ten times")
    for key, label in ROWS:
        row(label, f"{small.get(key, '')} | {big.get(key, '')}")


if __name__ == "__main__":
    main()
