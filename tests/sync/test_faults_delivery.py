"""Fault tests 1-6: crashes, lost and duplicated replies, server exceptions, concurrent
pushes, changed payloads and bad operations. Each ends with the exactly-once invariant."""

from __future__ import annotations

import json
import threading
import time

import pytest
import sqlalchemy as sa
from synchelp import add_household, assert_exactly_once, edit_household, outbox_states

from villagedesk.sync.client import SyncRefused, SyncUnavailable
from villagedesk.sync.push import PushHooks, next_batch
from villagedesk.sync.service import list_problems


class SimulatedCrash(BaseException):
    """The hall program dies (power cut) at this point."""


def _server_ops(hall) -> int:
    with hall.server.sdb.engine.connect() as c:
        return c.execute(sa.text("SELECT COUNT(*) FROM op_log")).scalar_one()


def test_1_client_killed_after_server_commit_before_ack(hall) -> None:
    n0 = _server_ops(hall)
    add_household(hall.store, hall.actor, 5)

    def crash(_resp) -> None:
        raise SimulatedCrash()

    with pytest.raises(SimulatedCrash):
        hall.push(PushHooks(after_reply=crash))
    assert outbox_states(hall.store)["pending"] == 5  # nothing marked before the ack
    assert _server_ops(hall) == n0 + 5  # but the server committed
    summary = hall.push()  # the PC starts again and pushes
    assert summary.acknowledged == 5
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_2_reply_lost_then_reply_duplicated(sqlite_hall) -> None:
    hall = sqlite_hall
    ids = add_household(hall.store, hall.actor, 3)
    hall.transport.add("drop_reply")
    with pytest.raises(SyncUnavailable):
        hall.push()
    assert outbox_states(hall.store)["pending"] == 3
    edit_household(hall.store, hall.actor, ids[1], address="三组")
    hall.transport.add("duplicate")
    summary = hall.push()
    assert summary.acknowledged == 4
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_captive_portal_200_is_not_success(sqlite_hall) -> None:
    hall = sqlite_hall
    add_household(hall.store, hall.actor, 2)
    for fault in ("captive", "captive_json"):
        hall.transport.add(fault)
        with pytest.raises(SyncUnavailable):
            hall.push()
        assert outbox_states(hall.store)["pending"] == 2
    hall.push()
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_3_exception_between_apply_and_recording_the_key(hall) -> None:
    n0 = _server_ops(hall)
    add_household(hall.store, hall.actor, 4)
    fired = []

    def boom(_session) -> None:
        fired.append(1)
        raise RuntimeError("injected between apply and key")

    hall.server.settings.hooks.after_apply = boom
    with pytest.raises(SyncUnavailable):
        hall.push()
    assert fired and _server_ops(hall) == n0
    with hall.server.sdb.engine.connect() as c:  # rolled back together with the keys
        assert c.execute(sa.text("SELECT COUNT(*) FROM record WHERE entity = 'household'")).scalar_one() == 0
    hall.server.settings.hooks.after_apply = None
    assert hall.push().acknowledged == 4
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_4_same_operations_from_two_pushes_at_once(hall) -> None:
    n0 = _server_ops(hall)
    add_household(hall.store, hall.actor, 20)
    hall.server.settings.hooks.after_apply = lambda _s: time.sleep(0.2)  # widen the overlap
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []
    results = []

    def run() -> None:
        barrier.wait()
        try:
            results.append(hall.push())
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    hall.server.settings.hooks.after_apply = None
    with hall.server.sdb.engine.connect() as c:
        dup = c.execute(sa.text("SELECT COUNT(*) FROM op_log")).scalar_one()
    assert dup == n0 + 20
    hall.push()
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_5_same_key_changed_payload_is_409_and_nothing_changes(hall) -> None:
    ids = add_household(hall.store, hall.actor, 2)
    hall.push()
    with hall.server.sdb.engine.connect() as c:
        before = c.execute(sa.text("SELECT entity_id, version, data FROM record ORDER BY entity_id")).all()
        log_before = c.execute(sa.text("SELECT seq, payload_hash FROM op_log ORDER BY seq")).all()
    edit_household(hall.store, hall.actor, ids[0], address="新地址")  # pending
    batch = next_batch(hall.store, after=0)
    with hall.store.read() as s:
        seq, first = s.execute(sa.text("SELECT seq, fields FROM outbox WHERE entity_id = :i ORDER BY seq"), {"i": ids[0]}).first()
    forged = json.loads(first) | {"address": "篡改"}
    ident = hall.store.identity
    sent_op = {**batch[0], "seq": seq, "fields": forged, "base_version": None, "version": 1, "entity_id": ids[0]}
    client = hall.client()
    try:
        client.health()
        with pytest.raises(SyncRefused) as info:
            client.push({"hall_id": ident.hall_id, "device_id": ident.device_id, "ops": [sent_op, batch[0]]})
    finally:
        client.close()
    assert info.value.status == 409 and info.value.code == "payload_changed"
    with hall.server.sdb.engine.connect() as c:
        assert c.execute(sa.text("SELECT entity_id, version, data FROM record ORDER BY entity_id")).all() == before
        assert c.execute(sa.text("SELECT seq, payload_hash FROM op_log ORDER BY seq")).all() == log_before
    hall.push()
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_6_bad_operation_mid_batch_is_parked_and_others_flow(hall) -> None:
    add_household(hall.store, hall.actor, 2)
    with hall.store.write(None) as s:  # an update of a record the server never had
        s.execute(sa.text(
            "INSERT INTO outbox (txid, entity, entity_id, kind, fields, base_version, version, schema_rev, created_at, state) "
            "VALUES ('tx-bad', 'household', 'no-such-id', 'upsert', '{\"address\": \"x\"}', 4, 5, 1, '2026-03-02T01:30:00', 'pending')"
        ))
        s.execute(sa.text(  # an operation the server cannot even read as one
            "INSERT INTO outbox (txid, entity, entity_id, kind, fields, base_version, version, schema_rev, created_at, state) "
            "VALUES ('tx-odd', 'household', :long_id, 'merge', 'not json', NULL, 1, 1, '2026-03-02T01:30:00', 'pending')"
        ), {"long_id": "x" * 100})
    add_household(hall.store, hall.actor, 2)
    summary = hall.push()
    assert (summary.sent, summary.acknowledged, summary.rejected) == (6, 4, 2)
    problems = [p for p in list_problems(hall.store) if p.kind == "rejected"]
    assert [p.entity_id for p in problems] == ["no-such-id", "x" * 100]
    assert all(p.detail for p in problems)  # the reason is shown to staff
    assert_exactly_once(hall.store, hall.server.sdb.engine, allow_rejected=True)
    assert outbox_states(hall.store)["rejected"] == 2
