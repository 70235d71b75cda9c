"""ops.jsonl is read into exactly the dicts a network push produces (Operation validated and
dumped), so the same operation hashes the same whichever way it arrives."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from villagedesk.server.bundles import _parse_ops, _Reject
from villagedesk.sync.protocol import Operation

BASE = {"seq": 1, "txid": "t1", "entity": "household", "entity_id": "h1", "kind": "upsert", "fields": {"address": "一组", "n": 1.5},
        "base_version": None, "version": 1, "schema_rev": 1, "created_at": "2026-03-02T01:00:00.000+00:00", "staff_id": None}


def _network(op: dict[str, Any]) -> dict[str, Any]:
    return Operation.model_validate_json(json.dumps(op)).model_dump(mode="json")


@pytest.mark.parametrize("change", [
    {}, {"staff_id": "s1"}, {"base_version": 3, "kind": "delete", "fields": None},
    {"seq": "7"}, {"version": 2.0}, {"drop": "staff_id"}, {"drop": "fields"}, {"fields": "not json {"},
    {"kind": "merge"}, {"entity_id": "x" * 80},  # odd ones a push also lets through, to be parked per operation
])
def test_plain_and_model_paths_give_the_network_dict(change: dict[str, Any]) -> None:
    op = dict(BASE)
    if "drop" in change:
        op.pop(change["drop"])
    else:
        op.update(change)
    line = json.dumps(op, ensure_ascii=False).encode()
    assert _parse_ops(line + b"\n") == [_network(op)]


@pytest.mark.parametrize("bad", [{"seq": 0}, {"seq": "abc"}, {"extra": 1}, {"schema_rev": None}])
def test_an_operation_a_push_would_refuse_makes_the_bundle_unusable(bad: dict[str, Any]) -> None:
    with pytest.raises(_Reject):
        _parse_ops(json.dumps({**BASE, **bad}).encode())
    with pytest.raises(_Reject):
        _parse_ops(b'{"seq": 1,')


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5), lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=4), c, max_size=3), max_leaves=6)


@settings(max_examples=60, deadline=None)
@given(seq=st.integers(1, 10**12), staff=st.none() | st.text(max_size=64), fields=json_values, base=st.none() | st.integers(0, 99))
def test_any_valid_operation_round_trips_identically(seq: int, staff: str | None, fields: Any, base: int | None) -> None:
    op = {**BASE, "seq": seq, "staff_id": staff, "fields": fields, "base_version": base}
    assert _parse_ops(json.dumps(op, ensure_ascii=False).encode()) == [_network(op)]
