"""The USB path end to end: enrollment from a file, export, township import through the
shared ingest, acknowledgement. Replays, reorders, a stick that is full or pulled out, a
newer hall program, and the network path mixed in. Each test ends with the invariant:
every hall operation is on the server exactly once."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from bundlehelp import members, server_counts, usb_hall
from synchelp import add_household, assert_exactly_once, edit_household, outbox_states

from villagedesk.errors import DomainError
from villagedesk.server.bundles import retry_held
from villagedesk.server.settings import utc_now
from villagedesk.server.upcast import SchemaWindow


@pytest.fixture
def hall(store: Any, sdb: Any, tmp_path: Path) -> Any:
    return usb_hall(store, sdb, tmp_path)


def test_first_bundle_carries_the_key_and_the_ack_confirms_it(hall: Any, actor: Any) -> None:
    import json

    add_household(hall.store, actor, 3)
    first = hall.export()
    man = json.loads(members(first.read_bytes())["manifest.json"])
    assert set(man["enrollment"]) == {"secret", "public_key", "device_code"}  # never the private key
    assert man["previous_bundle_id"] == "" and man["seq_from"] == 1 and man["op_count"] == man["seq_to"]
    [out] = hall.upload(first)
    assert (out.status, out.hall_code, out.accepted) == ("accepted", "XG-0203", man["op_count"])
    res = hall.import_ack(hall.ack())
    assert res["acknowledged"] == man["op_count"] and res["pending"] == 0
    add_household(hall.store, actor, 1)
    second = json.loads(members(hall.export().read_bytes())["manifest.json"])
    assert "enrollment" not in second, "the secret stops travelling once the county has the key"
    assert second["previous_bundle_id"] == man["bundle_id"]
    hall.round_trip()
    assert_exactly_once(hall.store, hall.sdb.engine)


def test_exporting_again_before_an_ack_covers_everything_unacknowledged(hall: Any, actor: Any) -> None:
    add_household(hall.store, actor, 2)
    a = hall.export()
    [hid] = add_household(hall.store, actor, 1)
    edit_household(hall.store, actor, hid, address="五组")
    b = hall.export()
    ma, mb = (__import__("json").loads(members(p.read_bytes())["manifest.json"]) for p in (a, b))
    assert mb["seq_from"] == ma["seq_from"] and mb["seq_to"] > ma["seq_to"]
    assert outbox_states(hall.store) == {"pending": mb["seq_to"]}, "exporting leaves the outbox untouched"
    # The township gets both sticks' files in the wrong order: nothing counts twice.
    outs = hall.upload(b, a)
    assert [o.status for o in outs] == ["accepted", "duplicate"]
    assert outs[1].duplicates == ma["op_count"] and outs[1].accepted == 0
    hall.import_ack(hall.ack())
    assert_exactly_once(hall.store, hall.sdb.engine)


def test_replayed_bundles_and_acks_change_nothing_twice(hall: Any, actor: Any) -> None:
    add_household(hall.store, actor, 4)
    path = hall.export()
    hall.upload(path)
    counts = server_counts(hall.sdb)
    for _ in range(2):
        [again] = hall.upload(path)
        assert again.status == "duplicate" and again.duplicates == again.operations
        assert server_counts(hall.sdb) == counts
    ack = hall.ack()
    first = hall.import_ack(ack)
    again = hall.import_ack(ack)
    assert first["acknowledged"] > 0 and again["already_applied"] and again["acknowledged"] == 0
    assert_exactly_once(hall.store, hall.sdb.engine)


def test_a_full_or_pulled_stick_leaves_the_outbox_untouched(hall: Any, actor: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    add_household(hall.store, actor, 3)
    before = outbox_states(hall.store)
    real_fsync = os.fsync
    for err, words in ((errno.ENOSPC, "U盘已满"), (errno.EIO, "U盘是否被拔出")):
        def failing(fd: int, _err: int = err) -> None:
            raise OSError(_err, os.strerror(_err))

        monkeypatch.setattr(os, "fsync", failing)
        with pytest.raises(DomainError) as info:
            hall.export()
        monkeypatch.setattr(os, "fsync", real_fsync)
        assert words in info.value.message and "没有任何改动" in info.value.message
        assert list(hall.stick.iterdir()) == [], "no half-written file is left on the stick"
        assert outbox_states(hall.store) == before
    with pytest.raises(DomainError, match="U盘插好了吗"):
        __import__("villagedesk.sync.bundle_export", fromlist=["x"]).export_bundle(hall.store, out_dir=hall.stick / "gone")
    hall.round_trip()
    assert_exactly_once(hall.store, hall.sdb.engine)


def test_a_stick_that_gives_back_other_bytes_is_caught_and_its_file_removed(hall: Any, actor: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is read back from the stick and verified; a faulty stick that returns other
    bytes than were written leaves no file, a clear message, and the outbox as it was."""
    from bundlehelp import flip_byte

    add_household(hall.store, actor, 3)
    before = outbox_states(hall.store)
    real = Path.read_bytes

    def faulty(self: Path) -> bytes:
        data = real(self)
        return flip_byte(data) if self.parent == hall.stick else data

    monkeypatch.setattr(Path, "read_bytes", faulty)
    with pytest.raises(DomainError) as info:
        hall.export()
    monkeypatch.setattr(Path, "read_bytes", real)
    assert "U盘可能有故障" in info.value.message
    assert list(hall.stick.iterdir()) == [], "the bad copy is removed from the stick"
    assert outbox_states(hall.store) == before
    hall.round_trip()
    assert_exactly_once(hall.store, hall.sdb.engine)


def test_a_bundle_from_a_newer_hall_program_is_held_not_lost(hall: Any, actor: Any) -> None:
    hall.round_trip()
    add_household(hall.store, actor, 2)
    with hall.store.write(None) as s:  # this hall runs a newer program: schema revision 2
        s.connection().exec_driver_sql("UPDATE outbox SET schema_rev = 2 WHERE state = 'pending'")
    newer = hall.export()
    [out] = hall.upload(newer)
    assert out.status == "held" and out.held == 2 and "升级" in out.reason
    res = hall.import_ack(hall.ack())
    assert res["acknowledged"] == 0 and res["pending"] == 2, "the hall keeps them until the server takes them"
    # The county upgrades its server; the held bundle goes in through the same ingest.
    [again] = retry_held(hall.sessions, window=SchemaWindow(max_rev=2), now=utc_now())
    assert again.status == "accepted" and again.accepted == 2
    assert retry_held(hall.sessions, window=SchemaWindow(max_rev=2), now=utc_now()) == []
    hall.window = SchemaWindow(max_rev=2)
    hall.import_ack(hall.ack())
    assert_exactly_once(hall.store, hall.sdb.engine)


def test_network_and_usb_in_any_mix(store: Any, actor: Any, sqlite_server: Any, tmp_path: Path) -> None:
    from bundlehelp import UsbHall
    from conftest import make_hall

    net = make_hall(store, actor, sqlite_server)
    try:
        usb = UsbHall(store, sqlite_server.sdb, tmp_path)
        add_household(store, actor, 3)
        usb.upload(usb.export())  # carried to the township, ack not back yet
        [hid] = add_household(store, actor, 1)
        net.push()  # the network works today: the bundle's ops come back as duplicates
        edit_household(store, actor, hid, address="七组")
        bundle = usb.export()
        usb.import_ack(usb.ack())  # an older ack arrives after the network push
        net.push()
        usb.upload(bundle)  # a stale bundle: only duplicates
        usb.import_ack(usb.ack())
        net.pull()
        assert_exactly_once(store, sqlite_server.sdb.engine)
    finally:
        net.transport.shutdown()
