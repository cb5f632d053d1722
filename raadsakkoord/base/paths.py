"""The one module that owns paths: the user's data and the application's own resources.

``RAADSAKKOORD_DATA_DIR`` overrides the user data folder; tests point it at a
temporary folder so they never touch a real user's files.

The resources (catalogues, word lists, the package schema, fonts, …) live in
the repository's top-level ``resources/`` folder. The build maps that folder
into the package as ``raadsakkoord/resources`` (see ``setup.py``), so a
wheel, a ``pipx`` install and the PyInstaller bundle find them inside the
package they import; a source tree (the editable install, or a checkout on
``PYTHONPATH``) has them beside the package instead.
"""

from __future__ import annotations

import importlib.resources
import os
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
    return _on_disk(importlib.resources.files("raadsakkoord.store.migrations"))


def resources_dir() -> Path:
    """The application's resources folder, a real folder on disk (a PDF engine needs font files).

    Always the resources of the code that runs: inside the imported package
    when it is installed, beside it in a source tree; never those of another
    copy installed elsewhere on the machine.
    """
    package = importlib.resources.files("raadsakkoord")
    packaged = package.joinpath("resources")
    if packaged.is_dir():
        return _on_disk(packaged)
    return _on_disk(package).parent / "resources"


def resource(*parts: str) -> Path:
    """One file or folder among the resources: ``resource("schemas", "package-v1.schema.json")``."""
    return resources_dir().joinpath(*parts)


def _on_disk(folder) -> Path:
    # Every way the application is installed (pip, pipx, the editable install,
    # PyInstaller's one-folder bundle) unpacks the package into real files;
    # only a zipped import would not, and Alembic and the fonts need files.
    if not isinstance(folder, Path):
        raise TypeError(f"Raadsakkoord needs its package unpacked on disk, not {folder!r}")
    return folder


def fonts_dir() -> Path:
    """The shipped fonts every PDF embeds (``resources/fonts``)."""
    return resource("fonts")


def typst_dir() -> Path:
    """The Typst templates of the PDF publications (``resources/typst``)."""
    return resource("typst")


def keys_dir() -> Path:
    """Private signing keys: in the user's data folder, never inside a workspace or package."""
    path = data_dir() / "keys"
    path.mkdir(parents=True, exist_ok=True)
    try:
        path.chmod(0o700)
    except OSError:  # a file system without permissions (a USB stick): nothing to tighten
        pass
    return path
