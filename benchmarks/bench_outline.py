"""Finding the outline of a Word draft without heading styles, and correcting it, at ten times a real size.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_outline.py

Writes a .docx of 1,000 sections in 50 chapters (about 200,000 words) whose
headings are typed numbers in bold ("3.", "3.2 Wonen"), as many programmes
are, and no heading style at all. Measures, median and max over 5 runs:

- ``read_outline``: unpacking, reading and finding the outline (the work
  the window does off the GUI thread before the preview opens);
- one edit of the outline (promote, merge, split), in the core;
- one button press in the preview dialog: the edit and the redrawn tree,
  the whole pause on the GUI thread.

Prints its command line, then README's rows.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dutchlike import agreement_texts  # noqa: E402
from report import ms, print_command_line, row  # noqa: E402

from raadsakkoord.importing.office import read_outline  # noqa: E402
from raadsakkoord.importing.outline import merge, promote, split  # noqa: E402
from tests.importing.office.samples import BUILT_IN, para, write_docx  # noqa: E402

CHAPTERS = 50
RUNS = 5


def numbered_document(path: Path) -> int:
    texts = agreement_texts()
    per_chapter = len(texts) // CHAPTERS
    rng = random.Random(2)
    paragraphs = []
    for index, text in enumerate(texts):
        chapter, section = divmod(index, per_chapter)
        if section == 0:
            paragraphs.append(para(f"{chapter + 1}. Thema {chapter + 1}", bold=True))
        paragraphs.append(para(f"{chapter + 1}.{section + 1} Hoofdlijn {rng.randint(1, 999)}", bold=True))
        # Markdown's bold and list markers are plain characters in a Word paragraph.
        paragraphs += [para(p.replace("**", "").lstrip("- ")) for p in text.split("\n") if p.strip()]
    write_docx(path, paragraphs, BUILT_IN)
    return sum(len(t.split()) for t in texts)


def micro(seconds: float) -> str:
    return f"{seconds * 1e6:.0f} µs"


def timed(work, runs: int = RUNS) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return times, result


def main() -> None:
    print_command_line()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "programma.docx"
        words = numbered_document(path)
        times, (outline, _) = timed(lambda: read_outline(path))
    chapters, sections = outline.counts()
    assert (chapters, sections) == (CHAPTERS, 1000), (chapters, sections)
    size = f"{chapters} chapters, {sections} sections, {words:,} words, {path.name}"
    row(f"read_outline: numbered bold headings found ({size})",
        f"median {ms(statistics.median(times))}, max {ms(max(times))}")
    middle = len(outline.entries) // 2 + 1  # a section
    merged = merge(outline, middle)
    title_at = len(outline.entries[middle - 1].body)  # the merged heading, now a paragraph
    for name, edit in (("promote", lambda: promote(outline, middle)),
                       ("merge with previous", lambda: merge(outline, middle)),
                       ("split at a paragraph", lambda: split(merged, middle - 1, title_at))):
        times, _ = timed(edit, runs=50)
        row(f"one outline edit on 1,050 entries: {name}",
            f"median {micro(statistics.median(times))}, max {micro(max(times))}")
    preview_press(outline, middle)


def preview_press(outline, index: int) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.shell.app import make_none_immortal
    from ui.shell.outlinepreview import ENTRY, OutlinePreviewDialog

    make_none_immortal()  # as the application does at start (see ui/shell/app.py)
    app = QApplication.instance() or QApplication([])
    dialog = OutlinePreviewDialog(outline)
    dialog.show()
    app.processEvents()

    def press() -> None:
        # Promote and demote again: two presses, each an edit and a redrawn tree.
        for button in (dialog.promote_button, dialog.demote_button):
            item = dialog.tree.currentItem()
            if item is None or item.data(0, ENTRY) != index:
                dialog._show(index)
            button.click()
            app.processEvents()

    times, _ = timed(press, runs=10)
    row("one button press in the preview (edit and redrawn tree of 1,050 entries)",
        f"median {ms(statistics.median(times) / 2)}, max {ms(max(times) / 2)}")
    dialog.close()


if __name__ == "__main__":
    main()
