"""County corrections of residents rebuild the hall's search columns (the residents service's
correction hook): a corrected name is found by its new pinyin, a corrected ID number by its new
tail, and the birth date and sex follow the corrected ID number."""

from __future__ import annotations

import datetime as dt

from synchelp import assert_exactly_once

from villagedesk.server import db as server_db
from villagedesk.server.reference import publish
from villagedesk.server.settings import utc_now
from villagedesk.services import residents as svc
from villagedesk.services.resident_search import search_residents
from villagedesk.sync.service import list_problems, resolve_conflict


def _publish(hall, correction: dict, rid: str) -> None:
    with server_db.transaction(hall.server.app.state.sessions) as s:
        publish(s, {"changes": [{"entity": "resident", "id": rid, "hall": "XG-0203", "correction": correction}]},
                now=utc_now())


def _names(store, query: str) -> list[str]:
    return [h.name for h in search_residents(store, query=query).hits]


def test_corrected_name_is_found_by_its_new_pinyin(sqlite_hall) -> None:
    hall = sqlite_hall
    rid = svc.add_resident(hall.store, actor=hall.actor, name="张小芳", id_number="420902196502030013",
                           phone="13900000001").id
    hall.push()
    assert _names(hall.store, "zxf") == ["张小芳"]
    _publish(hall, {"name": "曾晓芳"}, rid)  # the county's register spells her name this way
    assert hall.pull().applied == 1
    assert svc.get_resident(hall.store, resident_id=rid).name == "曾晓芳"
    assert _names(hall.store, "zxf") == ["曾晓芳"]  # initials are the same; the keys were rebuilt
    assert _names(hall.store, "zengxiaofang") == ["曾晓芳"]  # the surname reading people use
    assert _names(hall.store, "晓芳") == ["曾晓芳"]  # a part of the new name
    assert _names(hall.store, "zhangxiaofang") == []  # the old name's pinyin no longer finds her
    assert _names(hall.store, "小芳") == []
    hall.push()
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_corrected_id_number_and_phone_are_found_by_their_tails(sqlite_hall) -> None:
    hall = sqlite_hall
    rid = svc.add_resident(hall.store, actor=hall.actor, name="李四", id_number="420902196502030013",
                           phone="13900000001").id
    hall.push()
    # The hall typed the birth date wrong (1965-02-03); the card says 1956-02-03, a woman.
    _publish(hall, {"id_number": "420902195602030024", "phone": "13712345678"}, rid)
    hall.pull()
    assert _names(hall.store, "030024") == ["李四"]
    assert _names(hall.store, "0013") == []
    assert _names(hall.store, "5678") == ["李四"]
    assert _names(hall.store, "0001") == []
    detail = svc.get_resident(hall.store, resident_id=rid)
    assert (detail.birth_date, detail.sex) == (dt.date(1956, 2, 3), "F")
    hall.push()  # the derived birth date and sex reach the county like any hall edit
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_a_name_conflict_resolved_with_the_county_value_is_searchable(sqlite_hall) -> None:
    hall = sqlite_hall
    rid = svc.add_resident(hall.store, actor=hall.actor, name="王五", id_number="420902196502030013").id
    hall.push()
    _publish(hall, {"name": "单五"}, rid)
    svc.update_resident(hall.store, actor=hall.actor, resident_id=rid, name="王伍")  # the hall edits too
    assert hall.pull().conflicts == 1
    assert _names(hall.store, "wangwu") == ["王伍"]
    [conflict] = [p for p in list_problems(hall.store) if p.kind == "conflict"]
    resolve_conflict(hall.store, actor=hall.actor, conflict_id=conflict.id, choice="county")
    assert _names(hall.store, "shanwu") == ["单五"]  # 单 as a surname reads shan
    assert _names(hall.store, "wangwu") == []
