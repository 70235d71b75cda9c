"""Acknowledgement bundles at the hall: reference data applied atomically with the ack;
refused with nothing changed when older than one applied, claiming operations the hall never
made, tampered, signed by another key, for another hall or expired. Enrollment files work
once. Each test ends with the invariant: every hall operation is on the server exactly once."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from bundlehelp import enrollment_file, flip_byte, members, resign, usb_hall
from synchelp import add_household, assert_exactly_once, outbox_states

from villagedesk.errors import DomainError
from villagedesk.server import db as server_db
from villagedesk.server.acks import hall_by_code, make_ack
from villagedesk.server.reference import publish
from villagedesk.server.settings import utc_now
from villagedesk.sync import signing
from villagedesk.sync.enroll_file import enroll_from_file


@pytest.fixture
def hall(store: Any, sqlite_sdb: Any, tmp_path: Path) -> Any:
    return usb_hall(store, sqlite_sdb, tmp_path)


def _publish(hall: Any, *entries: dict[str, Any]) -> None:
    with server_db.transaction(hall.sessions) as s:
        publish(s, {"changes": list(entries)}, now=utc_now())


def _notices(store: Any) -> dict[str, str]:
    with store.read() as s:
        return dict(s.execute(sa.text("SELECT id, title FROM county_notice WHERE deleted = 0")).all())


def _refused(hall: Any, data: bytes, words: str) -> None:
    before = (outbox_states(hall.store), _notices(hall.store))
    with pytest.raises(DomainError) as info:
        hall.import_ack(data)
    assert words in info.value.message and "\u4e00" <= info.value.message[0] <= "\u9fff"
    assert (outbox_states(hall.store), _notices(hall.store)) == before, "a refused ack changes nothing"


def test_reference_data_comes_back_with_the_ack_and_applies_once(hall: Any, actor: Any, sqlite_server: Any) -> None:
    add_household(hall.store, actor, 2)
    hall.upload(hall.export())
    nid = str(uuid.uuid4())
    _publish(hall, {"entity": "notice", "id": nid, "data": {"title": "春耕通知", "body": "备耕", "published_on": "2026-03-01"}},
             {"entity": "notice", "id": "n2", "data": {"title": "秋收"}})
    res = hall.import_ack(hall.ack())
    assert res["reference_changes"] == 2 and _notices(hall.store) == {nid: "春耕通知", "n2": "秋收"}
    _publish(hall, {"entity": "notice", "id": "n2", "deleted": True})
    add_household(hall.store, actor, 1)
    res = hall.round_trip()
    assert res["reference_changes"] == 1 and _notices(hall.store) == {nid: "春耕通知"}
    assert_exactly_once(hall.store, hall.sdb.engine)


def test_an_older_ack_or_one_claiming_unmade_operations_is_refused(hall: Any, actor: Any) -> None:
    add_household(hall.store, actor, 2)
    hall.upload(hall.export())
    old = hall.ack()
    _publish(hall, {"entity": "notice", "id": "n1", "data": {"title": "新通知"}})
    hall.import_ack(hall.ack())
    _refused(hall, old, "比本机已导入的回执旧")
    # A server that claims more operations from this PC than it ever made (a forged or
    # mixed-up database): refused, with its reference data not applied either.
    _publish(hall, {"entity": "notice", "id": "n3", "data": {"title": "不应出现"}})
    with server_db.transaction(hall.sessions) as s:
        s.execute(sa.text("UPDATE device SET high_water = high_water + 50"))
        bogus, _ = make_ack(s, hall_id=hall_by_code(s, "XG-0203").id, now=utc_now())
        s.execute(sa.text("UPDATE device SET high_water = high_water - 50"))
    _refused(hall, bogus, "本机只产生过")
    hall.round_trip()
    assert "n3" in _notices(hall.store)
    assert_exactly_once(hall.store, hall.sdb.engine)


def test_a_tampered_foreign_or_expired_ack_is_refused(hall: Any, actor: Any, tmp_path: Path) -> None:
    add_household(hall.store, actor, 2)
    hall.upload(hall.export())
    ack = hall.ack()
    _refused(hall, flip_byte(ack), "回执文件已损坏")
    _refused(hall, ack[: len(ack) // 2], "请乡镇重新下载")
    _refused(hall, resign(members(ack), signing.new_private_key()), "不是本机登记的县服务器签发")
    enrollment_file(hall.sdb, tmp_path, code="XG-0999")
    with server_db.transaction(hall.sessions) as s:
        other, _ = make_ack(s, hall_id=hall_by_code(s, "XG-0999").id, now=utc_now())
        expired, _ = make_ack(s, hall_id=hall_by_code(s, "XG-0203").id, now=utc_now(), valid_days=-400)
    _refused(hall, other, "其他服务中心")
    _refused(hall, expired, "已过期")
    _refused(hall, hall.export().read_bytes(), "不是回执")
    hall.import_ack(hall.ack())
    assert_exactly_once(hall.store, hall.sdb.engine)


def test_an_enrollment_file_works_once(hall: Any, actor: Any, tmp_path: Path, _hall_template: Path, clock: Any) -> None:
    from villagedesk.db.store import Store

    add_household(hall.store, actor, 1)
    hall.round_trip()
    # A second PC enrolls from the same file: its first bundle cannot take the used secret.
    path = tmp_path / "second.sqlite3"
    shutil.copyfile(_hall_template, path)
    second = Store.open(path, clock=clock)
    try:
        enroll_from_file(second, path=tmp_path / "XG-0203.vdenroll")
        from bundlehelp import UsbHall

        other = UsbHall(second, hall.sdb, hall.stick)
        [out] = other.upload(other.export())
        assert out.status == "rejected" and out.code == "enrollment_used" and "已被另一台电脑用过" in out.reason
    finally:
        second.close()
    doc = json.loads((tmp_path / "XG-0203.vdenroll").read_text())
    doc["payload"]["hall_name"] = "别的村"
    (tmp_path / "bad.vdenroll").write_text(json.dumps(doc))
    with pytest.raises(DomainError, match="不是有效的登记文件"):
        enroll_from_file(hall.store, path=tmp_path / "bad.vdenroll", force=True)
    with pytest.raises(DomainError, match="已经在县服务器登记"):
        enroll_from_file(hall.store, path=tmp_path / "XG-0203.vdenroll")
    assert_exactly_once(hall.store, hall.sdb.engine)


def test_operations_the_server_parks_come_back_rejected_with_the_reason(hall: Any, actor: Any) -> None:
    from villagedesk.sync.service import list_problems

    hall.round_trip()
    add_household(hall.store, actor, 2)
    with hall.store.write(None) as s:  # an update of a record whose creation the server never got
        s.connection().exec_driver_sql(
            "INSERT INTO outbox (txid, entity, entity_id, kind, fields, base_version, version, schema_rev, created_at, state) "
            "VALUES ('t', 'household_note', 'never-created', 'upsert', '{}', 3, 4, 1, '2026-03-02T01:00:00', 'pending')"
        )
    [out] = hall.upload(hall.export())
    assert out.status == "accepted" and out.rejected == 1 and out.accepted == 2
    res = hall.import_ack(hall.ack())
    assert res["rejected"] == 1 and res["pending"] == 0
    [problem] = list_problems(hall.store)
    assert problem.kind == "rejected" and problem.entity_id == "never-created" and problem.detail
    assert outbox_states(hall.store) == {"sent": outbox_states(hall.store)["sent"], "rejected": 1}
    assert_exactly_once(hall.store, hall.sdb.engine, allow_rejected=True)


def test_an_ack_import_interrupted_halfway_leaves_nothing_applied(hall: Any, actor: Any) -> None:
    """Marking the outbox and applying the reference data is one transaction: the PC switched
    off (here: the program interrupted) after the first county change leaves no trace."""
    from villagedesk.db.models.usb import UsbState
    from villagedesk.sync.appliers import DEFAULT_APPLIERS, apply_notice
    from villagedesk.sync.bundle_ack import apply_ack

    add_household(hall.store, actor, 2)
    hall.upload(hall.export())
    _publish(hall, {"entity": "notice", "id": "n1", "data": {"title": "第一条"}},
             {"entity": "notice", "id": "n2", "data": {"title": "第二条"}})
    ack = hall.ack()
    applied: list[str] = []

    def power_cut_after_the_first(session: Any, change: Any, ctx: Any) -> None:
        if applied:
            raise KeyboardInterrupt  # not an error an applier may park: the import stops here
        apply_notice(session, change, ctx)
        session.flush()
        applied.append(change.entity_id)

    appliers = DEFAULT_APPLIERS.copy()
    appliers.register("notice", power_cut_after_the_first)
    before = outbox_states(hall.store)
    with pytest.raises(KeyboardInterrupt):
        apply_ack(hall.store, ack, appliers=appliers)
    assert applied == ["n1"], "the first notice was written inside the transaction"
    assert outbox_states(hall.store) == before == {"pending": before["pending"]}
    assert _notices(hall.store) == {}
    with hall.store.read() as s:
        usb = s.get(UsbState, 1)
        assert usb is not None and usb.ack_version == 0
    res = hall.import_ack(ack)  # the same ack again, uninterrupted: everything at once
    assert res["acknowledged"] == before["pending"] and res["reference_changes"] == 2
    assert _notices(hall.store) == {"n1": "第一条", "n2": "第二条"}
    assert_exactly_once(hall.store, hall.sdb.engine)
