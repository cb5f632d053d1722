"""How fast the command line answers: --help, --version, diff and merge on small files.

    .venv/bin/python benchmarks/bench_cli.py [--runs N]

Each command runs N times (default 20) as a whole process,
``python -m raadsakkoord …``, from a temporary folder outside the checkout and
with PYTHONPATH as inherited, beside ``python -c pass``: what a person at a
terminal or a script waits for. One run of each first, not counted, so that
compiled bytecode is in place, as it is for an installed program (so
PYTHONDONTWRITEBYTECODE is dropped for these runs). Prints the median, min and max of each in
milliseconds, and the median as a multiple of Python's own start.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE = "De raad vergadert op dinsdag.\n\nWij bouwen 100 woningen per jaar.\n"
OURS = "De raad vergadert op woensdag.\n\nWij bouwen 100 woningen per jaar.\n"
THEIRS = "De raad vergadert op dinsdag.\n\nWij bouwen 300 woningen per jaar.\n"


ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=folder, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def measure(command: list[str], folder: Path, runs: int) -> list[float]:
    timed(command, folder)
    return [timed(command, folder) for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as name:
        folder = Path(name)
        for file, text in (("basis.md", BASE), ("onze.md", OURS), ("hun.md", THEIRS)):
            (folder / file).write_text(text, encoding="utf-8")
        where = subprocess.run([sys.executable, "-c", "import raadsakkoord; print(raadsakkoord.__file__)"],
                               cwd=folder, env=ENV, capture_output=True, text=True, check=True).stdout.strip()
        print(f"{sys.executable}, raadsakkoord from {Path(where).parent}, {runs} runs each")
        program = [sys.executable, "-m", "raadsakkoord"]
        cases = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("raadsakkoord --help", [*program, "--help"]),
            ("raadsakkoord --version", [*program, "--version"]),
            ("raadsakkoord diff A B", [*program, "diff", "basis.md", "onze.md"]),
            ("raadsakkoord merge BASE OURS THEIRS", [*program, "merge", "basis.md", "onze.md", "hun.md"]),
        ]
        baseline = None
        print(f"{'':36} {'median':>8} {'min':>8} {'max':>8}  {'× python':>8}")
        for label, command in cases:
            times = measure(command, folder, runs)
            median = statistics.median(times)
            baseline = baseline or median
            print(f"{label:36} {median * 1000:6.1f}ms {min(times) * 1000:6.1f}ms {max(times) * 1000:6.1f}ms"
                  f"  {median / baseline:7.1f}×")


if __name__ == "__main__":
    main()
