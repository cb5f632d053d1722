"""Exporting in a process of its own, which ends when the file is written.

Typesetting the amendment book of a large workspace holds gigabytes, and the
typesetter keeps its cache for the life of the process: run in the window's
own process, that memory would stay until the window is closed.
"""

from __future__ import annotations

from raadsakkoord.base import i18n
from raadsakkoord.export.progress import Step
from raadsakkoord.export.writer import export
from raadsakkoord.store.workspace import open_workspace


def export_at(target: str, what: str, fmt: str, path: str, *, round_number: int | None, attach_source: bool,
              readability: bool, language: str, messages, line_numbers: bool = True) -> None:
    """Open the workspace by its target, export, and put every message on ``messages``.

    ``messages`` receives ("progress", text, done, total) as the export goes,
    then ("done", pages) or ("failed", error): the parent reads them on a
    thread and may end this process at any moment.
    """
    i18n.set_language(language)

    def progress(message: str) -> None:
        done, total = (message.done, message.total) if isinstance(message, Step) else (-1, -1)
        messages.put(("progress", str(message), done, total))

    try:
        workspace = open_workspace(target)
        try:
            pages = export(workspace, what, fmt, path, round_number=round_number, attach_source=attach_source,
                           readability=readability, force=True, progress=progress, line_numbers=line_numbers)
        finally:
            workspace.close()
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the window
        try:
            messages.put(("failed", exc))
        except Exception:  # noqa: BLE001 - an error that does not pickle still reaches the window as words
            messages.put(("failed", RuntimeError(str(exc))))
        return
    messages.put(("done", pages))
