"""Which Raadsakkoord this is: its version and, for a bundle, when and from which commit it was built.

The bundle build writes ``raadsakkoord/_build.json`` (``{"version", "date",
"commit"}``); an installed wheel or a checkout has none, and then the
installed package's metadata gives the version. Light to import: ``raadsakkoord
--version`` loads nothing more.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from raadsakkoord import __version__
from raadsakkoord.base.i18n import tr

BUILD_FILE = "_build.json"


@dataclass(frozen=True)
class Provenance:
    version: str
    date: str = ""    # when the bundle was built (ISO 8601), or "" outside a bundle
    commit: str = ""  # the commit it was built from, or ""

    def lines(self) -> list[str]:
        """``raadsakkoord 0.1.0``, and for a bundle the line that says when and from what it was built."""
        result = [f"raadsakkoord {self.version}"]
        if self.date or self.commit:
            result.append(self.build_text())
        return result

    def build_text(self) -> str:
        if self.date and self.commit:
            return tr("gebouwd op {date} uit commit {commit}").format(date=self.date, commit=self.commit)
        if self.date:
            return tr("gebouwd op {date}").format(date=self.date)
        return tr("gebouwd uit commit {commit}").format(commit=self.commit)


def _build_file():
    return resources.files("raadsakkoord").joinpath(BUILD_FILE)


def read_build_info(source: Path | None = None) -> dict[str, str]:
    """The bundle's build information, or {} when there is none or it cannot be read.

    A damaged file must not keep the program (or ``--version``) from starting.
    """
    source = source if source is not None else _build_file()
    try:
        document = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(document, dict):
        return {}
    return {key: str(document[key]).strip()[:80] for key in ("version", "date", "commit")
            if isinstance(document.get(key), (str, int, float)) and str(document[key]).strip()}


def provenance(source: Path | None = None) -> Provenance:
    build = read_build_info(source)
    try:
        version = metadata.version("raadsakkoord")
    except metadata.PackageNotFoundError:  # a bundle carries no package metadata
        version = build.get("version") or __version__
    return Provenance(version, build.get("date", ""), build.get("commit", ""))
