"""Canonical JSON: the audit hashes and package signatures made before must still check out."""

from __future__ import annotations

import datetime as dt
import math
import uuid

import pytest

from raadsakkoord.base.canonical import canonical_json
from raadsakkoord.exchange.envelope import canonical
from raadsakkoord.store.audit import event_hash


def test_an_audit_hash_is_what_it_always_was():
    at = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
    payload = canonical_json({"round": 1, "id": uuid.UUID(int=9), "title": "Ë€ “x”", "n": None, "f": 1.5})
    assert payload == ('{"f":1.5,"id":"00000000-0000-0000-0000-000000000009","n":null,"round":1,'
                       '"title":"Ë€ “x”"}')
    assert event_hash(7, at, "Griet Griffier", uuid.UUID(int=5), "publish_round", payload, "0" * 64) == (
        "54e68e44bdc90919302e0a2650c6b6e3f2aa632ba5e6bc44b5ee86308acbc86a")


def test_package_bytes_are_what_they_always_were():
    assert canonical({"b": [1, 2, {"z": "é", "a": None}], "a": "€"}) == (
        '{"a":"€","b":[1,2,{"a":null,"z":"é"}]}'.encode())


@pytest.mark.parametrize("value", [uuid.UUID(int=1), math.nan, math.inf])
def test_a_package_refuses_what_it_could_not_read_back(value):
    with pytest.raises((TypeError, ValueError)):
        canonical({"x": value})
