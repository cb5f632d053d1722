"""A new workspace file: refusing to overwrite one, and removing one that a refused import left half-made."""

from __future__ import annotations

from pathlib import Path

from raadsakkoord.base.errors import InputError
from raadsakkoord.base.i18n import tr


def refuse_existing(target: str) -> None:
    if "://" not in target and Path(target).exists() and Path(target).stat().st_size > 0:
        raise InputError(tr("{target} bestaat al; kies een nieuw bestand (er is niets overschreven).")
                         .format(target=target))


def remove_new_file(target: str) -> None:
    # A refused import leaves no half-made workspace behind.
    if "://" in target:
        return
    for suffix in ("", "-wal", "-shm"):
        Path(target + suffix).unlink(missing_ok=True)
