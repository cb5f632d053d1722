"""Progress messages that also say how far along the work is.

Writers report progress as text (the CLI prints it on stderr). Where the
work counts (pages drawn, sections compared) the message is a ``Step``: still
a plain string for whoever prints it, with ``done`` and ``total`` for a
progress bar. A caller may also raise from its progress callback to stop the
work; every writer writes through ``files.atomic_path``, so nothing is left.
"""

from __future__ import annotations


class Step(str):
    done: int
    total: int

    def __new__(cls, text: str, done: int, total: int) -> Step:
        step = super().__new__(cls, text)
        step.done = done
        step.total = total
        return step
