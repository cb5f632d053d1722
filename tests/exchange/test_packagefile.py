"""Writing a package file: the command line and the window share one function, and say the same."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from raadsakkoord import operations as ops
from raadsakkoord.base.errors import InputError
from raadsakkoord.exchange.packagefile import write_package_file
from raadsakkoord.model import PackageRecord
from raadsakkoord.store.workspace import open_workspace
from tests.exchange.conftest import ok


def test_the_command_line_says_what_the_window_says(council, capsys, tmp_path):
    target = tmp_path / "gl.rkpkg"
    out = ok(capsys, "package", "export", council.parties["GL"], "--party", "GL", "-o", target)
    assert out == f"Pakket geschreven naar {target} ({_kb(target)} kB).\n"

    ws = open_workspace(str(council.parties["GL"]))
    try:
        written = write_package_file(ws, ops.Actor.of_party(council.ids["GL"], "Gerda Groen"), council.ids["GL"],
                                     str(tmp_path / "gl-2.rkpkg"))
        with ws.action() as s:
            sequences = s.scalars(sa.select(PackageRecord.sequence).where(PackageRecord.direction == "out")
                                  .order_by(PackageRecord.sequence)).all()
    finally:
        ws.close()
    second = tmp_path / "gl-2.rkpkg"
    assert written.status_line() == f"Pakket geschreven naar {second} ({_kb(second)} kB)."
    assert sequences == [1, 2]  # both recorded as sent, numbered in order


def test_a_file_that_cannot_be_written_is_not_recorded_as_sent(council, capsys, tmp_path):
    ws = open_workspace(str(council.griffie))
    try:
        before = _sent(ws)
        with pytest.raises(InputError, match="bestaat niet; er is niets geschreven"):
            write_package_file(ws, ops.Actor.griffie("Griet Griffier"), None, str(tmp_path / "geen-map" / "r.rkpkg"))
        assert _sent(ws) == before
    finally:
        ws.close()


def _sent(ws) -> int:
    with ws.action() as s:
        return s.scalar(sa.select(sa.func.count()).select_from(PackageRecord).where(PackageRecord.direction == "out"))


def _kb(path) -> int:
    return max(1, round(path.stat().st_size / 1024))
