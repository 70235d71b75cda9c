"""One-box search finds a villager by any of the ways a clerk types, in a sensible order."""

from __future__ import annotations

import datetime as dt

import pytest

from villagedesk.services import residents
from villagedesk.services.idcard import build_id
from villagedesk.services.resident_search import search_residents


@pytest.fixture
def village(store, actor):
    people = {}
    for i, (name, phone) in enumerate([
        ("张三丰", "13812340069"), ("张三", ""), ("曾小华", "13900001111"), ("单田芳", ""),
        ("李张三", ""), ("仇大海", "0712-2345678"), ("解放", ""),
    ]):
        d = residents.add_resident(store, actor=actor, name=name, phone=phone,
                                   id_number=build_id("420902", dt.date(1960 + i, 5, 1), 11 + 2 * i))
        people[name] = d
    return people


def names(store, q, **kw):
    return [h.name for h in search_residents(store, query=q, **kw).hits]


def test_name_prefix_before_substring(store, village) -> None:
    assert names(store, "张三")[:2] == ["张三", "张三丰"]
    assert names(store, "张三")[-1] == "李张三"


def test_pinyin_initials_and_full(store, village) -> None:
    assert names(store, "zsf") == ["张三丰"]
    assert names(store, "ZhangSan")[:2] == ["张三", "张三丰"]
    assert "张三丰" in names(store, "zhangsanf")


@pytest.mark.parametrize("query,name", [("zxh", "曾小华"), ("zeng", "曾小华"), ("stf", "单田芳"),
                                        ("shan", "单田芳"), ("qiu", "仇大海"), ("xief", "解放")])
def test_surname_readings_people_use(store, village, query, name) -> None:
    assert name in names(store, query)


def test_exact_id_first_then_tails(store, village) -> None:
    target = village["曾小华"]
    hits = search_residents(store, query=target.id_number).hits
    assert hits[0].name == "曾小华" and hits[0].match_kind == "exact"
    assert names(store, target.id_number[-6:]) == ["曾小华"]
    assert "曾小华" in names(store, target.id_number[-4:])


def test_phone_whole_and_tail(store, village) -> None:
    assert names(store, "13812340069") == ["张三丰"]
    assert names(store, "0069")[0] == "张三丰"
    assert names(store, "2345678") == ["仇大海"]


def test_inactive_residents_can_be_left_out(store, actor, village) -> None:
    residents.set_status(store, actor=actor, resident_id=village["张三"].id, status="moved_out")
    assert "张三" in names(store, "张三")
    assert "张三" not in names(store, "张三", include_inactive=False)


def test_search_reports_its_time_and_finds_nothing_quietly(store, village) -> None:
    result = search_residents(store, query="不存在的人")
    assert result.hits == [] and result.elapsed_ms >= 0
