"""A written file gets the mode of any new document, without the process-wide umask being touched.

Files are written from worker threads; changing the umask to read it would
change it for every other thread for that moment.
"""

from __future__ import annotations

import errno
import os
import stat

import pytest

from raadsakkoord.base import files
from raadsakkoord.base.errors import InputError

UNUSUAL_UMASK = 0o027  # neither the usual 0o022 nor mkstemp's private 0o600 comes out as 0o640


@pytest.fixture
def umask():
    """A distinctive umask for this test, read before anything can forbid touching it; restored afterwards."""
    set_umask = os.umask  # still the real one when restoring, whatever a test put in its place
    before = set_umask(UNUSUAL_UMASK)
    current = set_umask(UNUSUAL_UMASK)
    yield current
    set_umask(before)


@pytest.fixture
def untouchable_umask(umask, monkeypatch):
    def refuse(_mask):
        raise AssertionError("the process-wide umask was changed")

    monkeypatch.setattr(os, "umask", refuse)
    return umask


def test_an_export_gets_the_mode_the_umask_gives_a_new_file(untouchable_umask, tmp_path):
    target = tmp_path / "akkoord.md"
    files.write_atomic(target, b"# Raadsakkoord\n")
    assert target.read_bytes() == b"# Raadsakkoord\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~untouchable_umask == 0o640
    assert list(tmp_path.iterdir()) == [target]  # no temporary file beside it


def test_a_write_that_fails_halfway_leaves_the_old_file_and_nothing_else(untouchable_umask, tmp_path, monkeypatch):
    target = tmp_path / "akkoord.md"
    files.write_atomic(target, b"de vorige versie\n")

    def disk_full(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)  # the bytes are written, making them durable fails
    with pytest.raises(InputError, match="er is niets geschreven"):
        files.write_atomic(target, b"de nieuwe versie, half\n")
    assert target.read_bytes() == b"de vorige versie\n"
    assert list(tmp_path.iterdir()) == [target]


def test_a_failed_first_write_leaves_no_file_at_all(untouchable_umask, tmp_path):
    target = tmp_path / "akkoord.md"
    with pytest.raises(RuntimeError), files.atomic_path(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("the writer failed halfway")
    assert list(tmp_path.iterdir()) == []
