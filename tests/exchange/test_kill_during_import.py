"""An import killed at any moment leaves the workspace whole: the package is in it entirely or not at all.

The import runs as the real command in a process of its own, which is killed
with SIGKILL (no clean-up, no rollback of its own) at a chosen point: after
its n-th SQL statement, just before the database commits, or just after.
Counting statements instead of waiting a while makes every run kill at the
same points, on a fast machine or a busy one.
"""

import signal
import subprocess
import sys
import textwrap

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.model import Amendment, AmendmentKind, PackageRecord
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import BOUWEN, ok

AMENDMENTS = 1000

# Runs `raadsakkoord package import TARGET PACKAGE`, killing itself at KILL_AT:
# "statement:N" (after the N-th statement), "commit" (the transaction that wrote
# is about to be committed), "committed" (it just was) or "never".
IMPORT = textwrap.dedent("""
    import os, signal, sys
    import sqlalchemy as sa
    from sqlalchemy import event
    from sqlalchemy.orm import Session
    from raadsakkoord.cli import main

    kill_at, target, package = sys.argv[1:]
    statements = first_write = committed_after = 0
    writing = committing = False

    def kill():
        os.kill(os.getpid(), signal.SIGKILL)

    @event.listens_for(sa.engine.Engine, "after_cursor_execute")
    def executed(conn, cursor, statement, *args):
        global statements, writing, first_write
        statements += 1
        if statement.lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            writing = True
            first_write = first_write or statements
        if kill_at == f"statement:{statements}":
            kill()

    @event.listens_for(sa.engine.Engine, "commit")
    def commit(conn):
        global writing, committing, committed_after
        if writing and kill_at == "commit":
            kill()
        if writing:
            committed_after = statements
        committing, writing = writing, False

    @event.listens_for(sa.engine.Engine, "rollback")
    def rollback(conn):
        global writing
        writing = False

    @event.listens_for(Session, "after_commit")
    def committed(session):
        if committing and kill_at == "committed":
            kill()

    code = main(["package", "import", target, package])
    print(statements, first_write, committed_after, file=sys.stderr)
    sys.exit(code)
""")


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


def _import(target, package, kill_at="never") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", IMPORT, kill_at, str(target), str(package)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=300)


def _state(target):
    ws = open_workspace(str(target))
    try:
        with ws.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        with ws.action() as s:
            return (s.scalar(sa.select(sa.func.count()).select_from(Amendment)),
                    s.scalar(sa.select(sa.func.count()).select_from(PackageRecord).where(PackageRecord.direction == "in")))
    finally:
        ws.close()


def test_sigkill_at_any_statement_and_around_the_commit(council, big_package, copy_target):
    whole = copy_target(council.griffie, "heel")
    done = _import(whole, big_package)
    assert done.returncode == 0, done.stderr
    # An undisturbed import: how many statements, the first that wrote, the last before its commit.
    statements, first_write, committed_after = map(int, done.stderr.split()[-3:])
    assert _state(whole) == (AMENDMENTS, 1) and 1 < first_write < committed_after <= statements

    # Before anything was written, just after the first write, halfway, and at the last statement
    # before the commit; then at the commit itself, and just after it.
    points = [f"statement:{n}" for n in (1, first_write, (first_write + committed_after) // 2, committed_after)]
    for kill_at, expected in [*((p, (0, 0)) for p in points), ("commit", (0, 0)), ("committed", (AMENDMENTS, 1))]:
        target = copy_target(council.griffie, "poging")
        killed = _import(target, big_package, kill_at)
        assert killed.returncode == -signal.SIGKILL, (kill_at, killed.stderr)
        assert _state(target) == expected, kill_at
        # Whatever happened, importing again completes it (or says it is already in).
        again = _import(target, big_package)
        assert again.returncode == 0, (kill_at, again.stderr)
        assert _state(target) == (AMENDMENTS, 1), kill_at
