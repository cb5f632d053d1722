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


_ATOM, _TEXT, _SEQUENCE, _MAPPING, _RECORD = range(5)


@functools.cache
def _kind(cls: type) -> int:
    # Strings of an enum (a status, a kind) are atoms: they are ours, and
    # code compares them by identity.
    if cls is str:
        return _TEXT
    if issubclass(cls, tuple | list):
        return _SEQUENCE
    if issubclass(cls, dict):
        return _MAPPING
    if dataclasses.is_dataclass(cls):
        return _RECORD
    return _ATOM


@functools.cache
def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


def printable_data(value: T) -> T:
    """``value`` with every string in it printable; what was already printable is returned as it was.

    Walks dataclasses, tuples, lists and dicts; numbers, ids, dates and
    enums are left as they are. A book of 20,000 amendments holds millions
    of values, so the walk does the least it can for each.
    """
    kind = _kind(type(value))
    if kind == _TEXT:
        return printable(value)
    if kind == _SEQUENCE:
        items = [item if _kind(type(item)) == _ATOM else printable_data(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    if kind == _MAPPING:
        pairs = {printable_data(k): printable_data(v) for k, v in value.items()}
        unchanged = all(k in value and pairs[k] is value[k] for k in pairs) and len(pairs) == len(value)
        return value if unchanged else pairs
    if kind == _RECORD:
        changes = {}
        for name in _fields(type(value)):
            old = getattr(value, name)
            cls = type(old)
            if cls is str:
                new = printable(old)
            elif _kind(cls) == _ATOM:
                continue
            else:
                new = printable_data(old)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
