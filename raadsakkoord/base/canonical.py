"""Canonical JSON: one serialisation for every value, so that a hash or a signature over it can be checked again.

Keys are sorted, there is no insignificant white space, and characters
beyond ASCII stand as themselves (the bytes are UTF-8). The audit log's
hash chain and the package signatures both rest on this text: changing a
single byte of it breaks every hash and signature made before.
"""

from __future__ import annotations

import json


def canonical_json(value, *, strict: bool = False) -> str:
    """``value`` as canonical JSON text.

    Lenient (the audit log): a value JSON has no type for, such as a UUID or
    a date, is written as its ``str()``. Strict (signed packages): such a
    value, and a NaN or an infinity, is refused with an error, because a
    package must be read back exactly as it was signed.
    """
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=None if strict else str, allow_nan=not strict)
