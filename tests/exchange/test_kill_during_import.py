"""An import killed at any moment leaves the workspace whole: the package is in it entirely or not at all."""

import random
import shutil
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentKind, PackageRecord
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import BOUWEN, ok

AMENDMENTS = 1000


@pytest.fixture
def big_package(council, capsys, tmp_path):
    ws = open_workspace(str(council.parties["GL"]))
    gl = ops.Actor.of_party(council.ids["GL"], "Gerda")
    with ws.action() as s:
        for n in range(AMENDMENTS):
            ops.propose_amendment(s, gl, kind=AmendmentKind.MODIFY, section_id=council.bouwen,
                                  headline=f"Variant {n}", text=BOUWEN.replace("500", str(501 + n)), submit=True)
    ws.close()
    path = tmp_path / "groot.rkpkg"
    ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", path)
    return path


def _copy(source, target):
    # The workspace is closed, so its WAL has been checkpointed into the main file.
    shutil.copyfile(source, target)
    return target


def _import(target, package):
    return subprocess.Popen([sys.executable, "-m", "raadsakkoord", "package", "import", str(target), str(package)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _finish(child) -> int:
    _, err = child.communicate(timeout=300)
    assert child.returncode == 0, err.decode()
    return child.returncode


def _state(target):
    ws = open_workspace(str(target))
    try:
        with ws.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        with ws.action() as s:
            return (s.scalar(sa.select(sa.func.count()).select_from(Amendment)),
                    s.scalar(sa.select(sa.func.count()).select_from(PackageRecord).where(PackageRecord.direction == "in")))
    finally:
        ws.close()


def test_sigkill_at_random_moments(council, big_package, tmp_path):
    # How long an undisturbed import takes, to spread the kills over it.
    whole = _copy(council.griffie, tmp_path / "heel.raadsakkoord")
    started = time.monotonic()
    _finish(_import(whole, big_package))
    duration = time.monotonic() - started
    print(f"undisturbed import: {duration:.2f} s")
    assert _state(whole) == (AMENDMENTS, 1)

    rng = random.Random(4)
    outcomes = set()
    for trial in range(6):
        target = _copy(council.griffie, tmp_path / f"poging-{trial}.raadsakkoord")
        child = _import(target, big_package)
        time.sleep(rng.uniform(0.1, 1.0) * duration)
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
        amendments, packages = _state(target)
        assert (amendments, packages) in ((0, 0), (AMENDMENTS, 1)), (trial, amendments, packages)
        outcomes.add(amendments)
        # Whatever happened, importing again completes it (or says it is already in).
        _finish(_import(target, big_package))
        assert _state(target) == (AMENDMENTS, 1)
    assert 0 in outcomes  # at least one kill landed before the commit
