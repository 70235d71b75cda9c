"""The text an operation is hashed and stored as never changes: the fast encoder writes
exactly the bytes ``json.dumps`` wrote, so an operation received before (its hash stored)
and sent again is a duplicate, not a changed payload (409)."""

from __future__ import annotations

import hashlib
import json
import math
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from villagedesk.sync.protocol import canonical_json, compact_json, payload_hash

_text = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()), max_size=12)
_scalars = (
    st.none() | st.booleans() | st.integers() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True) | _text
)
_json = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=5), max_leaves=25)


def _old_canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_text, _json, max_size=8))
def test_canonical_text_is_the_json_dumps_text(value: dict) -> None:
    assert canonical_json(value) == _old_canonical(value)
    assert compact_json(value) == json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def test_every_character_and_odd_number_is_written_as_before() -> None:
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    ops = [
        {"fields": {"text": chars, chars[:300]: 1}},
        {"fields": {"a": 1e-7, "b": 1e16, "c": float("nan"), "d": float("-inf"), "e": -0.0, "f": 0.1}},
        {"fields": {"big": 2**64, "small": -(2**63) - 1, "max": 2**64 - 1}},
        {"fields": {"lone": "\ud800"}},  # can only come from Python, never from JSON; json's text, all the same
        {"fields": [[], {}, [None, True, False, ""]]},
    ]
    for op in ops:
        assert canonical_json(op) == _old_canonical(op)
    assert math.isnan(json.loads(compact_json({"x": float("nan")}))["x"])


def _op(seq: int, **fields: object) -> dict:
    return {"seq": seq, "txid": "t", "entity": "household", "entity_id": str(uuid.uuid4()), "kind": "upsert",
            "fields": fields, "base_version": None, "version": 1, "schema_rev": 1, "created_at": "2026-03-02T01:00:00",
            "staff_id": None}


def test_an_operation_stored_before_replays_as_a_duplicate(sdb) -> None:
    """Ops whose hash and text were stored by the json encoder: sending them again answers
    the stored result, whatever the fields hold."""
    from villagedesk.server import db as server_db
    from villagedesk.server.halls import create_hall
    from villagedesk.server.ingest import ingest
    from villagedesk.server.models import Device, OpLog
    from villagedesk.server.settings import utc_now
    from villagedesk.server.upcast import SchemaWindow
    from villagedesk.sync import signing

    sessions = server_db.make_sessionmaker(sdb.engine)
    now = utc_now()
    ops = [_op(1, address="示范村一组\n\"二号\"", note="\x00\x1f\u2028😀"), _op(2, weight=1e-7, big=2**70, nan=float("nan")),
           _op(3, nested={"b": [1, {"z": None, "a": "中"}]})]
    with server_db.transaction(sessions) as s:
        hall_id = create_hall(s, code="XG-0203", name="示范村", now=now)["hall_id"]
        s.add(Device(id="dev-1", hall_id=hall_id, public_key=signing.public_to_b64(signing.new_private_key()), enrolled_at=now))
        s.flush()
        # What the server stored before the fast encoder: json's text and its hash.
        for op in ops:
            text = _old_canonical(op)
            s.add(OpLog(device_id="dev-1", seq=op["seq"], hall_id=hall_id, txid="t", entity="household",
                        entity_id=op["entity_id"], kind="upsert", schema_rev=1,
                        payload_hash=hashlib.sha256(text.encode()).hexdigest(), payload=text, status="applied",
                        received_at=now))
    for op in ops:
        assert payload_hash(op) == hashlib.sha256(_old_canonical(op).encode()).hexdigest()
    with server_db.transaction(sessions) as s:
        res = ingest(s, device_id="dev-1", ops=ops, window=SchemaWindow(), now=now)
    assert res.duplicates == 3 and [r.duplicate for r in res.results] == [True, True, True]
    assert [r.status for r in res.results] == ["applied"] * 3
