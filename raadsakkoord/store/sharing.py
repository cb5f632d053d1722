"""Whether a workspace file lies on a network share, where SQLite's WAL journal must not be used.

WAL keeps its index in shared memory (the ``-shm`` file, mapped by every
process that has the workspace open). That works between the processes of
one computer only: on a network share two clerks' computers would each keep
their own index and could corrupt the workspace. A workspace on a share
therefore uses SQLite's rollback journal (``DELETE``), which goes through the
file system's locks; slower, but safe to open from several computers.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable
from pathlib import Path, PurePath

# Mount types (Linux's /proc/mounts, macOS's mount) of file systems on another machine.
NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "webdav", "davfs", "9p", "afs", "ncpfs",
    "ceph", "glusterfs", "lustre", "gpfs", "ocfs2", "gfs2", "sshfs", "fuse.sshfs", "fuse.davfs2",
    "fuse.glusterfs", "fuse.rclone", "fuse.ceph",
})
DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive


def linux_mounts(table: str) -> list[tuple[str, str]]:
    """(mount point, type) of each line of /proc/mounts; the kernel writes a space in a path as \\040."""
    mounts = []
    for line in table.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            point = fields[1].replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")
            mounts.append((point, fields[2]))
    return mounts


def mac_mounts(table: str) -> list[tuple[str, str]]:
    """(mount point, type) of each line of macOS's ``mount``: ``//u@server/share on /Volumes/share (smbfs, …)``."""
    mounts = []
    for line in table.splitlines():
        head, sep, tail = line.rpartition(" (")
        if sep and " on " in head:
            mounts.append((head.split(" on ", 1)[1], tail.split(",")[0].rstrip(")").strip()))
    return mounts


def file_system_of(path: PurePath, mounts: Iterable[tuple[str, str]]) -> str | None:
    """The type of the mount that holds ``path``: the longest mount point above it."""
    best, kind = -1, None
    for point, fs_type in mounts:
        mount = PurePath(point)
        if (path == mount or mount in path.parents) and len(mount.parts) > best:
            best, kind = len(mount.parts), fs_type
    return kind


def is_unc(path: str) -> bool:
    r"""A Windows path to a share without a drive letter: ``\\server\share\…`` (or ``\\?\UNC\server\…``)."""
    if path.startswith("\\\\?\\UNC\\"):
        return True
    local_device = path.startswith(("\\\\?\\", "\\\\.\\"))  # \\?\C:\… is a long local path
    return path.startswith(("\\\\", "//")) and not local_device


def mount_table() -> list[tuple[str, str]]:
    """This machine's mounts, as they are now."""
    if sys.platform == "darwin":
        import subprocess  # only here: every command opens a workspace, and few need subprocess

        try:
            listing = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=10, check=False)
        except (OSError, subprocess.SubprocessError):
            return []
        return mac_mounts(listing.stdout)
    try:
        return linux_mounts(Path("/proc/mounts").read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []  # no table to read (a BSD, a locked-down container): treated as local, as before


def on_network_share(path: str | Path) -> bool:
    full = Path(os.path.abspath(path))
    if sys.platform == "win32":
        if is_unc(str(full)):
            return True
        import ctypes  # GetDriveTypeW tells a mapped network drive (H:) from a local disk

        drive = os.path.splitdrive(str(full))[0]
        return bool(drive) and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
    try:
        full = full.resolve()  # a symbolic link into a share is on the share
    except OSError:
        pass
    return file_system_of(full, mount_table()) in NETWORK_TYPES


@functools.lru_cache(maxsize=64)
def _journal_mode(path: str) -> str:
    return "DELETE" if on_network_share(path) else "WAL"


def journal_mode(dbapi_connection) -> str:
    """``WAL`` for a workspace on this computer's own disks, ``DELETE`` on a network share.

    Asked once per file and process: every connection to one workspace must
    use the same journal, and the mount table does not change under an open
    workspace.
    """
    path = next((row[2] for row in dbapi_connection.execute("PRAGMA database_list") if row[1] == "main"), "")
    return _journal_mode(path) if path else "WAL"
