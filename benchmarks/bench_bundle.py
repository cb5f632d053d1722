"""The desktop bundle: its size, and how long its executable takes to a usable window on the demo.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_bundle.py [EXECUTABLE] [--runs N]

EXECUTABLE is the bundle's program (default ``dist/raadsakkoord/raadsakkoord``,
which ``scripts/dev bundle`` builds). The size is that of every file in its
folder, unpacked as installed. Start-up is measured from outside, as a user
waits for it: from starting the executable on the demo workspace (``gui
FILE``, made once beforehand with ``demo FILE``) until it prints ``usable``,
which the start probe (``ui/shell/startprobe.py``) does once the first
section is shown and the window painted. The first start answers the
question who is working (the probe picks the griffie); the later ones open
straight away, as every start after the first does for a user. Each start
is a fresh process; the operating system's file cache is warm (the build or
the previous run read the files), which is what a second start of the day
gets; a start after a reboot reads the files from disk and is slower.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import print_command_line, row

ROOT = Path(__file__).resolve().parent.parent


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def start(executable: Path, workspace: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen([str(executable), "gui", str(workspace)], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env=env, cwd=workspace.parent)
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    assert line.strip() == "usable", f"the bundle did not report a usable window: {line!r}"
    process.communicate(timeout=120)  # the probe closes the window itself; runs never overlap
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("executable", nargs="?", default=str(ROOT / "dist" / "raadsakkoord" / "raadsakkoord"))
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    executable = Path(args.executable).resolve()
    print_command_line()
    size = folder_size(executable.parent)
    row("bundle size, unpacked (every file of its folder)", f"{size / 1e6:.0f} MB ({size / 2**20:.0f} MiB)")

    with tempfile.TemporaryDirectory(prefix="raadsakkoord-bench-bundle-") as temp:
        home = Path(temp)
        runtime = home / "runtime"
        runtime.mkdir(mode=0o700)
        env = {**os.environ, "RAADSAKKOORD_DATA_DIR": str(home / "data"), "HOME": str(home),
               "XDG_RUNTIME_DIR": str(runtime), "RAADSAKKOORD_START_PROBE": "0.5",
               "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        env.pop("PYTHONPATH", None)
        workspace = home / "demo.raadsakkoord"
        subprocess.run([str(executable), "demo", str(workspace)], env=env, check=True, capture_output=True)
        first = start(executable, workspace, env)
        later = [start(executable, workspace, env) for _ in range(args.runs)]
    row("start to a usable window on the demo: the first start (asks who is working)", f"{first:.2f} s")
    row(f"the same, later starts (median / max of {args.runs})",
        f"{statistics.median(later):.2f} s / {max(later):.2f} s")


if __name__ == "__main__":
    main()
