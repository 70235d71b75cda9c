"""A bundle that was tampered with, truncated, re-zipped, wrongly signed, foreign or aimed at
another hall is rejected whole, with a reason a township clerk understands, and nothing from
it is written. Each test corrupts a real bundle and ends with the invariant: every hall
operation is on the server exactly once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from bundlehelp import flip_byte, members, resign, rezip, server_counts, usb_hall
from synchelp import add_household, assert_exactly_once, edit_household, server_database

from villagedesk.sync import signing


@pytest.fixture
def hall(store: Any, sdb: Any, tmp_path: Path) -> Any:
    return usb_hall(store, sdb, tmp_path)


def _first_round(hall: Any, actor: Any) -> None:
    add_household(hall.store, actor, 3)
    hall.round_trip()


def _rejected_whole(hall: Any, data: bytes, code: str | tuple[str, ...]) -> Any:
    before = server_counts(hall.sdb)
    [out] = hall.upload(data)
    assert out.status == "rejected", out
    assert out.code in ((code,) if isinstance(code, str) else code), out
    assert out.reason and any("\u4e00" <= ch <= "\u9fff" for ch in out.reason), "the clerk reads Chinese"
    assert out.accepted == 0 and out.duplicates == 0
    assert server_counts(hall.sdb) == before, "nothing from a rejected bundle is written"
    return out


def _finish(hall: Any) -> None:
    hall.round_trip()
    assert_exactly_once(hall.store, hall.sdb.engine)


def test_a_flipped_byte_anywhere_rejects_the_bundle_whole(hall: Any, actor: Any) -> None:
    _first_round(hall, actor)
    add_household(hall.store, actor, 20)
    data = hall.export().read_bytes()
    # local header (a size field zipfile itself ignores), compressed data, central directory, seal
    for at in (20, len(data) // 2, 3 * len(data) // 4, len(data) - 90, len(data) - 30):
        out = _rejected_whole(hall, flip_byte(data, at), ("damaged", "tampered", "not_a_bundle", "bad_signature"))
        assert "U盘" in out.reason or "改动" in out.reason or "签名" in out.reason or "不是" in out.reason
    _finish(hall)


def test_a_truncated_bundle_is_rejected_whole(hall: Any, actor: Any) -> None:
    add_household(hall.store, actor, 10)
    data = hall.export().read_bytes()
    for short in (b"", data[:22], data[: len(data) // 2], data[:-1]):
        out = _rejected_whole(hall, short, ("damaged", "not_a_bundle"))
        if len(short) == len(data) // 2:
            assert "不完整" in out.reason
    _finish(hall)


def test_rezipped_with_a_changed_member_is_rejected(hall: Any, actor: Any) -> None:
    [hid] = add_household(hall.store, actor, 1)
    edit_household(hall.store, actor, hid, address="二组")
    parts = members(hall.export().read_bytes())
    changed = parts["ops.jsonl"].replace("二组".encode(), "三组".encode())
    assert changed != parts["ops.jsonl"]
    _rejected_whole(hall, rezip({**parts, "ops.jsonl": changed}), "tampered")
    # The forger also fixes the digest in the manifest: the device's signature no longer matches.
    man = json.loads(parts["manifest.json"])
    man["members"]["ops.jsonl"]["sha256"] = __import__("hashlib").sha256(changed).hexdigest()
    body = json.dumps(man, ensure_ascii=False, sort_keys=True, indent=1).encode()
    _rejected_whole(hall, rezip({**parts, "ops.jsonl": changed, "manifest.json": body}), "bad_signature")
    # An extra member smuggled in.
    _rejected_whole(hall, rezip({**parts, "evil.txt": b"x"}), "tampered")
    _finish(hall)


def test_signed_with_another_key_is_rejected(hall: Any, actor: Any) -> None:
    _first_round(hall, actor)
    add_household(hall.store, actor, 2)
    parts = members(hall.export().read_bytes())
    out = _rejected_whole(hall, resign(parts, signing.new_private_key()), "bad_signature")
    assert "签名" in out.reason
    _finish(hall)


def test_a_bundle_from_a_pc_of_another_county_is_foreign(hall: Any, actor: Any, tmp_path: Path, _hall_template: Path, clock: Any) -> None:
    from villagedesk.db.store import Store

    add_household(hall.store, actor, 2)
    other_db = tmp_path / "other-hall.sqlite3"
    shutil.copyfile(_hall_template, other_db)
    other_store = Store.open(other_db, clock=clock)
    (tmp_path / "other").mkdir()
    try:
        with server_database("sqlite", tmp_path / "other") as other_county:
            other = usb_hall(other_store, other_county, tmp_path / "other", code="XG-0203")
            data = other.export().read_bytes()
        out = _rejected_whole(hall, data, "foreign")
        assert "未在" in out.reason or "登记" in out.reason
        # Without the enrollment it is an unknown PC all the same.
        parts = members(data)
        assert "enrollment" in json.loads(parts["manifest.json"])
        _rejected_whole(hall, resign(parts, signing.private_from_b64(_device_key(other_store)), enrollment=None), "foreign")
    finally:
        other_store.close()
    _finish(hall)


def _device_key(store: Any) -> str:
    from villagedesk.sync.state import load_state

    st = load_state(store)
    assert st is not None
    return st.device_private_key


def test_another_halls_bundle_or_records_are_refused(hall: Any, actor: Any, tmp_path: Path) -> None:
    from bundlehelp import enrollment_file

    _first_round(hall, actor)
    enrollment_file(hall.sdb, tmp_path, code="XG-0999")  # a second hall on the same server
    with hall.sdb.engine.connect() as conn:
        other_id = conn.exec_driver_sql("SELECT id FROM hall WHERE code = 'XG-0999'").scalar_one()
    add_household(hall.store, actor, 2)
    parts = members(hall.export().read_bytes())
    key = signing.private_from_b64(_device_key(hall.store))
    out = _rejected_whole(hall, resign(parts, key, hall_id=other_id, hall_code="XG-0999"), "other_hall")
    assert "XG-0203" in out.reason
    # The PC signs records that claim another hall's id: refused whole as well.
    ops = parts["ops.jsonl"].decode().replace(hall.store.identity.hall_id, other_id).encode()
    man = json.loads(parts["manifest.json"])
    man["members"]["ops.jsonl"] = {"sha256": __import__("hashlib").sha256(ops).hexdigest(), "size": len(ops)}
    _rejected_whole(hall, resign({**parts, "ops.jsonl": ops}, key, members=man["members"]), "other_hall")
    _finish(hall)


def test_the_first_bundle_with_a_wrong_enrollment_secret_is_refused(hall: Any, actor: Any) -> None:
    """The PC's key is taken only together with the enrollment's one-time secret."""
    add_household(hall.store, actor, 2)
    parts = members(hall.export().read_bytes())
    man = json.loads(parts["manifest.json"])
    key = signing.private_from_b64(_device_key(hall.store))
    guessed = {**man["enrollment"], "secret": man["enrollment"]["secret"][:-1] + ("0" if man["enrollment"]["secret"][-1] != "0" else "1")}
    out = _rejected_whole(hall, resign(parts, key, enrollment=guessed), "foreign")
    assert "登记" in out.reason
    with hall.sdb.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM device").scalar_one() == 0, "no device was enrolled"
    _finish(hall)
