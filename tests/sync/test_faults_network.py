"""Fault tests 7-10: restored server, cut and slow connections, a flapping network, a hall
clock a year off, and schema revisions one behind and one ahead of the server."""

from __future__ import annotations

import datetime as dt
import random
import socket
import time

import pytest
import sqlalchemy as sa
from synchelp import add_household, assert_exactly_once, edit_household, outbox_states

from villagedesk.server import db as server_db
from villagedesk.server.upcast import SchemaWindow
from villagedesk.sync import signing
from villagedesk.sync.client import SyncRefused, SyncUnavailable
from villagedesk.sync.protocol import SCHEMA_REV
from villagedesk.sync.service import sync_status
from villagedesk.sync.state import load_state


def _server_count(hall, sql: str = "SELECT COUNT(*) FROM op_log") -> int:
    with hall.server.sdb.engine.connect() as c:
        return c.execute(sa.text(sql)).scalar_one()


def test_7_server_restored_from_backup_before_last_push(hall) -> None:
    ids = add_household(hall.store, hall.actor, 3)
    hall.push()
    hall.server.sdb.backup()
    hall.server.reopen_engine()
    edit_household(hall.store, hall.actor, ids[0], address="二组")
    add_household(hall.store, hall.actor, 2)
    hall.push()
    total = _server_count(hall)
    hall.server.sdb.restore()  # the county restores last night's backup
    hall.server.reopen_engine()
    assert _server_count(hall) == total - 3
    summary = hall.push()
    assert summary.resent == 3 and summary.acknowledged == 3
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_7b_new_epoch_makes_the_hall_send_again(sqlite_hall) -> None:
    hall = sqlite_hall
    add_household(hall.store, hall.actor, 2)
    hall.push()
    old_epoch = load_state(hall.store).epoch
    server_db.rotate_epoch(hall.server.sdb.engine)
    summary = hall.push()
    assert summary.resent == 3  # administrator + 2 households, all answered as duplicates
    assert load_state(hall.store).epoch != old_epoch
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def _raw_partial_push(hall) -> None:
    """Headers promise 4000 bytes, 1000 arrive, then the connection drops."""
    ident = hall.store.identity
    key = signing.private_from_b64(load_state(hall.store).device_private_key)
    body = b"{" + b" " * 3998 + b"}"
    ts = int(time.time())
    sig = signing.sign_request(key, "POST", "/api/v1/push", ts, body)
    head = (
        f"POST /api/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nX-VD-Device: {ident.device_id}\r\nX-VD-Timestamp: {ts}\r\n"
        f"X-VD-Signature: {sig}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", hall.server.port)) as sock:
        sock.sendall(head + body[:1000])
    time.sleep(0.2)


def test_8_cut_mid_body_slow_server_and_flapping_network(sqlite_hall) -> None:
    hall = sqlite_hall
    before = _server_count(hall)
    add_household(hall.store, hall.actor, 3)
    _raw_partial_push(hall)
    assert _server_count(hall) == before  # half a request writes nothing

    # The server commits, but so slowly that the hall gives up waiting.
    hall.server.settings.hooks.before_commit = lambda _s: time.sleep(1.2)
    with pytest.raises(SyncUnavailable):
        hall.push(timeout=0.4)
    hall.server.settings.hooks.before_commit = None
    deadline = time.monotonic() + 5
    while _server_count(hall) < before + 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _server_count(hall) == before + 3 and outbox_states(hall.store)["pending"] == 3

    # The network flaps: every request fails with probability 0.5 while the clerk keeps working.
    rng = random.Random(7)
    hall.transport.flap = lambda: rng.random() < 0.5
    ids = add_household(hall.store, hall.actor, 2)
    failures = 0
    for round_no in range(40):
        edit_household(hall.store, hall.actor, ids[round_no % 2], address=f"{round_no}组")
        try:
            hall.push(max_ops=3)
        except SyncUnavailable:
            failures += 1
    assert failures > 5
    hall.transport.flap = None
    hall.push()
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_9_hall_clock_set_back_a_year(sqlite_hall, clock) -> None:
    hall = sqlite_hall
    clock.set(clock.now() - dt.timedelta(days=365))
    ids = add_household(hall.store, hall.actor, 2)
    edit_household(hall.store, hall.actor, ids[0], address="二组")
    summary = hall.push()  # requests are signed with the server's time as learnt from /health
    assert summary.acknowledged == 3
    with hall.store.read() as s:
        created = s.execute(sa.text("SELECT created_at FROM outbox ORDER BY seq DESC LIMIT 1")).scalar_one()
    assert created.startswith(str(clock.now().year))  # the hall's own times are kept as recorded
    # Without that correction the server would refuse the request as stale.
    client = hall.client()
    client._offset_known = True  # a client that trusts its own clock
    try:
        with pytest.raises(SyncRefused) as info:
            client.device_state()
    finally:
        client.close()
    assert info.value.status == 401
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def _rename_address(op: dict) -> dict:
    """Revision N renamed household.address to household.addr (for this test only)."""
    fields = op.get("fields")
    if op["entity"] == "household" and isinstance(fields, dict) and "address" in fields:
        fields = dict(fields)
        fields["addr"] = fields.pop("address")
        op["fields"] = fields
    return op


def test_10_schema_revision_behind_and_ahead(sqlite_hall) -> None:
    hall = sqlite_hall
    engine = hall.server.sdb.engine
    # Hall N-1 (our SCHEMA_REV) pushes to server N: accepted and upcast.
    hall.server.settings.window = SchemaWindow(min_rev=SCHEMA_REV, max_rev=SCHEMA_REV + 1, upcasters={SCHEMA_REV: _rename_address})
    ids = add_household(hall.store, hall.actor, 1)
    assert hall.push().acknowledged == 1
    with engine.connect() as c:
        data = c.execute(sa.text("SELECT data FROM record WHERE entity_id = :i"), {"i": ids[0]}).scalar_one()
    assert '"addr"' in data and '"address"' not in data

    # Hall N+1 pushes to server N: "later"; the operations stay on the hall.
    hall.server.settings.window = SchemaWindow()
    hall.store.schema_rev = SCHEMA_REV + 1
    edit_household(hall.store, hall.actor, ids[0], address="未来")
    add_household(hall.store, hall.actor, 1)
    summary = hall.push()
    assert summary.later == 2 and summary.acknowledged == 0
    assert outbox_states(hall.store)["pending"] == 2
    assert sync_status(hall.store)["waiting_for_server_upgrade"] == 2
    # The county upgrades its server; the held operations go through.
    hall.server.settings.window = SchemaWindow(max_rev=SCHEMA_REV + 1, upcasters={SCHEMA_REV: _rename_address})
    assert hall.push().acknowledged == 2
    assert_exactly_once(hall.store, engine)
