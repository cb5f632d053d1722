"""The one module that owns paths.

``RAADSAKKOORD_DATA_DIR`` overrides the user data folder; tests point it at a
temporary folder so they never touch a real user's files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "raadsakkoord"


def data_dir() -> Path:
    override = os.environ.get("RAADSAKKOORD_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_workspace_path() -> Path:
    return data_dir() / "demo-assen.raadsakkoord"


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "store" / "migrations"


def resources_dir() -> Path:
    """The project's resources (schemas, fonts, …) beside the packages."""
    return Path(__file__).resolve().parent.parent.parent / "resources"


def fonts_dir() -> Path:
    """The shipped fonts every PDF embeds (``resources/fonts``), or the copy a wheel installs under the prefix."""
    here = resources_dir() / "fonts"
    if here.is_dir():
        return here
    return Path(sys.prefix) / "share" / "raadsakkoord" / "fonts"


def typst_dir() -> Path:
    """The Typst templates of the PDF publications (``resources/typst``), or the copy a wheel installs."""
    here = resources_dir() / "typst"
    if here.is_dir():
        return here
    return Path(sys.prefix) / "share" / "raadsakkoord" / "typst"


def keys_dir() -> Path:
    """Private signing keys: in the user's data folder, never inside a workspace or package."""
    path = data_dir() / "keys"
    path.mkdir(parents=True, exist_ok=True)
    try:
        path.chmod(0o700)
    except OSError:  # a file system without permissions (a USB stick): nothing to tighten
        pass
    return path
