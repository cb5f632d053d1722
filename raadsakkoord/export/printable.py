"""What a publication shows, made printable once for every format.

The operations and the package import refuse control characters, but a
workspace written by an older version, or a database edited by hand, may
still hold them. One NUL makes a Word or OpenDocument file unwritable, a
lone carriage return ends a line of a calendar file, and an escape sequence
has no business in a PDF. So every text of the gathered publication passes
through ``printable`` (``raadsakkoord.base.text``) before any writer sees
it: each writer, the PDF renderers included, gets text it can set as is.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import TypeVar

from raadsakkoord.base.text import printable

T = TypeVar("T")


@functools.cache
def _text_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


def printable_data(value: T) -> T:
    """``value`` with every string in it printable; what was already printable is returned as it was.

    Walks frozen dataclasses, tuples, lists and dicts. Strings of an enum
    (a status, a kind) are left alone: they are ours, and code compares
    them by identity.
    """
    if type(value) is str:
        return printable(value)
    if isinstance(value, tuple | list):
        items = [printable_data(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        pairs = {printable_data(k): printable_data(v) for k, v in value.items()}
        if all(k in value and pairs[k] is value[k] for k in pairs) and len(pairs) == len(value):
            return value
        return pairs
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for name in _text_fields(type(value)):
            old = getattr(value, name)
            new = printable_data(old)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
