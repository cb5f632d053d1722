"""A workspace on a network share uses SQLite's rollback journal: WAL works only between processes of one computer."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest

from raadsakkoord import operations as ops
from raadsakkoord.store import sharing
from raadsakkoord.store.workspace import open_workspace

# /proc/mounts of a council laptop with a Samba share, an NFS home and an sshfs folder (a space written as \040).
PROC_MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime,errors=remount-ro 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
//fs01.assen.local/griffie /mnt/griffie cifs rw,relatime,vers=3.1.1,cache=strict,username=griet 0 0
nas:/export/home /home nfs4 rw,relatime,vers=4.2,rsize=1048576 0 0
/dev/sdb1 /home/griet/usb vfat rw,nosuid,nodev,relatime 0 0
griet@server:/stukken /media/Raad\\040stukken fuse.sshfs rw,nosuid,nodev,user_id=1000 0 0
"""

MAC_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)
//griet@fs01.assen.local/griffie on /Volumes/griffie (smbfs, nodev, nosuid, mounted by griet)
/dev/disk4s1 on /Volumes/USB stick (msdos, local, nodev, nosuid, noowners)
"""


@pytest.mark.parametrize(("path", "expected"), [
    ("/mnt/griffie/akkoord.raadsakkoord", "cifs"),
    ("/home/griet/akkoord.raadsakkoord", "nfs4"),
    ("/home/griet/usb/akkoord.raadsakkoord", "vfat"),  # a disk mounted inside the share is local again
    ("/media/Raad stukken/akkoord.raadsakkoord", "fuse.sshfs"),
    ("/tmp/akkoord.raadsakkoord", "tmpfs"),
    ("/var/akkoord.raadsakkoord", "ext4"),
])
def test_the_mount_that_holds_a_file_on_linux(path, expected):
    assert sharing.file_system_of(PurePosixPath(path), sharing.linux_mounts(PROC_MOUNTS)) == expected


def test_the_mount_that_holds_a_file_on_a_mac():
    mounts = sharing.mac_mounts(MAC_MOUNT)
    assert sharing.file_system_of(PurePosixPath("/Volumes/griffie/a.raadsakkoord"), mounts) == "smbfs"
    assert sharing.file_system_of(PurePosixPath("/Volumes/USB stick/a.raadsakkoord"), mounts) == "msdos"
    assert sharing.file_system_of(PurePosixPath("/Users/griet/a.raadsakkoord"), mounts) == "apfs"


def test_which_types_are_network_shares():
    assert {"cifs", "nfs4", "smbfs", "fuse.sshfs"} <= sharing.NETWORK_TYPES
    assert not {"ext4", "tmpfs", "vfat", "apfs", "msdos", "overlay", "btrfs"} & sharing.NETWORK_TYPES


def test_windows_paths_to_a_share():
    assert sharing.is_unc(r"\\fs01\griffie\akkoord.raadsakkoord")
    assert sharing.is_unc(r"\\?\UNC\fs01\griffie\akkoord.raadsakkoord")
    assert not sharing.is_unc(r"\\?\C:\Users\griet\akkoord.raadsakkoord")
    assert not sharing.is_unc(r"C:\Users\griet\akkoord.raadsakkoord")


def test_a_temporary_file_here_is_local_and_keeps_wal(tmp_path):
    assert not sharing.on_network_share(tmp_path / "nieuw.raadsakkoord")
    ws = open_workspace(tmp_path / "nieuw.raadsakkoord", create=True)
    with ws.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    ws.close()


def test_a_workspace_on_a_share_uses_the_rollback_journal(tmp_path, monkeypatch):
    # This machine's real mount table, with the test's folder mounted from a Samba server.
    table = [*sharing.mount_table(), (str(tmp_path.resolve()), "cifs")]
    monkeypatch.setattr(sharing, "mount_table", lambda: table)
    sharing._journal_mode.cache_clear()
    target = tmp_path / "gedeeld.raadsakkoord"
    assert sharing.on_network_share(target)
    ws = open_workspace(target, create=True)
    try:
        with ws.action() as s:
            ops.create_agreement(s, ops.Actor.griffie("Griet"), title="Raadsakkoord Assen", municipality="Assen",
                                 council_seats=33)
        with ws.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        assert not Path(f"{target}-wal").exists() and not Path(f"{target}-shm").exists()
    finally:
        ws.close()
        sharing._journal_mode.cache_clear()
    reopened = open_workspace(target)
    with reopened.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT title FROM agreement").scalar() == "Raadsakkoord Assen"
    reopened.close()
