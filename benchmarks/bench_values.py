"""Time the value checks of a package import and the printable pass of an export.

    .venv/bin/python benchmarks/bench_values.py

Builds the 1,000-amendment party package of the import responsiveness
checks (tests/largework.py, some seconds) and the demo workspace, then
prints the median of 5 runs of: checking every value of that package by the
rules of typed input (``serialize.check_values``, run before anything is
read in), next to reading the package's form (``read_package``) for scale;
and making the demo's amendment book printable (``printable_data``, run
once per export), next to gathering that book from the workspace.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import ms, print_command_line, row


def median(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    print_command_line()
    folder = Path(tempfile.mkdtemp(prefix="bench-values-"))
    os.environ.setdefault("RAADSAKKOORD_DATA_DIR", str(folder / "data"))
    from raadsakkoord.demo import create_demo_workspace
    from raadsakkoord.exchange import serialize
    from raadsakkoord.exchange.envelope import read_package
    from raadsakkoord.export import amendments
    from raadsakkoord.export.printable import printable_data
    from tests.largework import thousand_amendment_package

    _, data = thousand_amendment_package(folder)
    package = read_package(data, "pakket.rkpkg")
    row("package of 1,000 amendments: read its form (read_package)",
        ms(median(lambda: read_package(data, "pakket.rkpkg"))))
    row("package of 1,000 amendments: check every value (check_values)",
        ms(median(lambda: serialize.check_values(package, "pakket.rkpkg"))))
    workspace = create_demo_workspace(str(folder / "demo.raadsakkoord"))

    def gather():
        with workspace.action() as session:
            return amendments.amendment_book(session)

    book = gather()
    row("demo amendment book: gather it from the workspace (printable pass included)", ms(median(gather)))
    row("demo amendment book: printable pass alone (printable_data)", ms(median(lambda: printable_data(book))))
    workspace.close()


if __name__ == "__main__":
    main()
