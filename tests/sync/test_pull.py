"""Pull: reference data with cursor and tombstones, parked changes, atomic pages, and county
corrections merged field by field with conflicts a person resolves."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
import sqlalchemy as sa
from synchelp import assert_exactly_once

from villagedesk.db.models.core import Staff
from villagedesk.db.models.residents import Household, Resident
from villagedesk.db.models.sync import CountyNotice, SyncInbox
from villagedesk.server import db as server_db
from villagedesk.server.reference import publish
from villagedesk.server.settings import utc_now
from villagedesk.sync.appliers import DEFAULT_APPLIERS
from villagedesk.sync.service import list_problems, resolve_conflict
from villagedesk.sync.state import load_state


def _publish(hall, *changes: dict) -> None:
    with server_db.transaction(hall.server.app.state.sessions) as s:
        publish(s, {"changes": list(changes)}, now=utc_now())


def test_notices_and_staff_arrive_with_cursor_and_tombstones(sqlite_hall) -> None:
    hall = sqlite_hall
    nid, sid = str(uuid.uuid4()), str(uuid.uuid4())
    _publish(
        hall,
        {"entity": "notice", "id": nid, "data": {"title": "春耕通知", "body": "请各村做好准备", "published_on": "2026-03-01"}},
        {"entity": "staff", "id": sid, "hall": "XG-0203", "data": {"name": "赵代办", "role": "proxy", "phone": "13800000000"}},
        {"entity": "notice", "id": str(uuid.uuid4()), "data": {"title": "另一则"}},
    )
    summary = hall.pull()
    assert (summary.received, summary.applied, summary.parked) == (3, 3, 0)
    with hall.store.read() as s:
        assert s.get(CountyNotice, nid).title == "春耕通知"
        staff = s.get(Staff, sid)
        assert staff.name == "赵代办" and staff.hall_id == hall.store.identity.hall_id
    cursor = load_state(hall.store).pull_cursor
    assert cursor >= 3 and hall.pull().received == 0
    _publish(hall, {"entity": "notice", "id": nid, "deleted": True}, {"entity": "staff", "id": sid, "hall": "XG-0203", "deleted": True})
    hall.pull()
    with hall.store.read() as s:
        assert s.get(CountyNotice, nid).deleted is True
        assert s.get(Staff, sid).active is False  # disabled, never deleted
    # The staff row the county sent is hall data too: it reaches the server like any edit.
    hall.push()
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_changes_without_an_applier_wait_until_one_is_installed(sqlite_hall) -> None:
    hall = sqlite_hall
    _publish(hall, {"entity": "county_leaflet", "id": "s1", "data": {"name": "低保申请"}}, {"entity": "notice", "id": "n1", "data": {"title": "t"}})
    appliers = DEFAULT_APPLIERS.copy()
    summary = hall.pull(appliers=appliers)
    assert (summary.applied, summary.parked) == (1, 1)
    with hall.store.read() as s:
        assert s.get(SyncInbox, 1) is not None
    seen = []
    appliers.register("county_leaflet", lambda s, c, ctx: seen.append(c.data["name"]))
    assert hall.pull(appliers=appliers).applied == 1 and seen == ["低保申请"]
    with hall.store.read() as s:
        assert s.exec(sa.select(SyncInbox)).first() is None


class Crash(BaseException):
    pass


def test_a_page_applies_atomically_with_its_cursor(sqlite_hall, monkeypatch) -> None:
    hall = sqlite_hall
    _publish(hall, {"entity": "notice", "id": "a", "data": {"title": "一"}}, {"entity": "boom", "id": "b", "data": {}})

    def crash(*_a) -> None:
        raise Crash()

    monkeypatch.setitem(DEFAULT_APPLIERS._by_entity, "boom", crash)
    with pytest.raises(Crash):
        hall.pull()
    with hall.store.read() as s:
        assert s.get(CountyNotice, "a") is None  # the first change of the page is not kept either
    assert load_state(hall.store).pull_cursor == 0
    monkeypatch.setitem(DEFAULT_APPLIERS._by_entity, "boom", lambda *a: None)
    assert hall.pull().applied == 2


def _resident(hall) -> str:
    with hall.store.write(hall.actor) as s:
        h = Household(household_no="XG-H-1", address="一组")
        s.add(h)
        s.flush()
        r = Resident(household_id=h.id, name="张三", sex="M", id_number="420902196502030011",
                     birth_date=dt.date(1965, 2, 3), phone="13900000001", note="")
        s.add(r)
        s.flush()
        return r.id


def _edit_resident(hall, rid: str, **values) -> None:
    with hall.store.write(hall.actor) as s:
        r = s.get(Resident, rid)
        for k, v in values.items():
            setattr(r, k, v)
        s.add(r)


def _server_resident(hall, rid: str) -> dict:
    with hall.server.sdb.engine.connect() as c:
        return json.loads(c.execute(sa.text("SELECT data FROM record WHERE entity_id = :i"), {"i": rid}).scalar_one())


def test_county_correction_merges_field_by_field(hall) -> None:
    rid = _resident(hall)
    hall.push()
    # The county corrects the phone and the note of the version it has.
    _publish(hall, {"entity": "resident", "id": rid, "hall": "XG-0203", "correction": {"phone": "13900000002", "note": "县里核对"}})
    # Meanwhile the hall changed the phone itself, and the name.
    _edit_resident(hall, rid, phone="13900000009", name="张叁")
    summary = hall.pull()
    assert summary.conflicts == 1
    with hall.store.read() as s:
        r = s.get(Resident, rid)
        assert (r.name, r.phone, r.note) == ("张叁", "13900000009", "县里核对")  # untouched field taken
    problems = [p for p in list_problems(hall.store) if p.kind == "conflict"]
    assert [(p.field, p.hall_value, p.county_value) for p in problems] == [("phone", "13900000009", "13900000002")]
    resolve_conflict(hall.store, actor=hall.actor, conflict_id=problems[0].id, choice="county")
    with hall.store.read() as s:
        assert s.get(Resident, rid).phone == "13900000002"
    assert list_problems(hall.store) == []
    hall.push()
    assert _server_resident(hall, rid)["phone"] == "13900000002"  # the decision reaches the county
    assert hall.pull().conflicts == 0  # delivered again: nothing new
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_conflict_keep_hall_and_edit(sqlite_hall) -> None:
    hall = sqlite_hall
    rid = _resident(hall)
    hall.push()
    _publish(hall, {"entity": "resident", "id": rid, "hall": "XG-0203", "correction": {"phone": "13900000002", "relation": "户主"}})
    _edit_resident(hall, rid, phone="13900000009", relation="本人")
    assert hall.pull().conflicts == 2
    by_field = {p.field: p for p in list_problems(hall.store)}
    resolve_conflict(hall.store, actor=hall.actor, conflict_id=by_field["phone"].id, choice="hall")
    resolve_conflict(hall.store, actor=hall.actor, conflict_id=by_field["relation"].id, choice="edit", value="户主本人")
    with hall.store.read() as s:
        r = s.get(Resident, rid)
        assert (r.phone, r.relation) == ("13900000009", "户主本人")
    hall.push()
    assert _server_resident(hall, rid)["relation"] == "户主本人"
    assert_exactly_once(hall.store, hall.server.sdb.engine)
