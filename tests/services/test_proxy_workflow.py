"""Proxy applications: acceptance, every allowed and refused step, due dates over holidays."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from proxy_helpers import make_resident
from sqlalchemy import text

from villagedesk.clock import CST
from villagedesk.errors import DomainError, NotFoundError
from villagedesk.services import proxy
from villagedesk.services.idcard import build_id

NUMBER = re.compile(r"^XG0203-01-(\d{4})-(\d{6})$")


def _count(store, sql: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(text(sql)).scalar_one())


@pytest.fixture
def resident(store, actor):
    return make_resident(store, actor)


def _accept(store, actor, resident, code="RS001", **kw):
    return proxy.accept_application(store, actor=actor, resident_id=resident.id, service_code=code, **kw)


def test_accept_gives_a_receipt_number_due_date_and_checklist(store, actor, resident) -> None:
    first = _accept(store, actor, resident, missing=["户口簿"])
    second = _accept(store, actor, resident, code="YB001")
    assert NUMBER.match(first.receipt_number).groups() == ("2026", "000001")
    assert NUMBER.match(second.receipt_number).groups() == ("2026", "000002")
    # Mon 2026-03-02 + 5 working days
    assert first.due_date == dt.date(2026, 3, 9)
    detail = proxy.get_application(store, number=first.receipt_number)
    assert detail.status == "accepted"
    assert detail.missing_materials == ["户口簿"]
    assert detail.received_materials == ["居民身份证", "本人银行卡或社会保障卡"]
    assert detail.accepted_by_name == "王管理"
    assert [t.kind for t in detail.timeline] == ["accepted"]
    # captured for the county, with the staff member, in the same transaction
    rows = _count(store, "SELECT count(*) FROM outbox WHERE entity IN ('proxy_application','proxy_event') "
                         "AND staff_id IS NOT NULL")
    assert rows == 4
    assert _count(store, "SELECT count(*) FROM audit_log WHERE entity='proxy_application'") == 2


def test_receipt_numbers_restart_each_year_and_never_repeat(store, actor, resident, clock) -> None:
    a = _accept(store, actor, resident)
    clock.set(dt.datetime(2027, 1, 4, 9, 0, tzinfo=CST))
    b = _accept(store, actor, resident)
    assert a.receipt_number.endswith("2026-000001")
    assert b.receipt_number.endswith("2027-000001")
    assert a.receipt_number != b.receipt_number


def test_accept_refuses_unknown_service_missing_material_and_bad_agent(store, actor, resident) -> None:
    with pytest.raises(NotFoundError, match="ZZ999"):
        _accept(store, actor, resident, code="ZZ999")
    with pytest.raises(DomainError, match="结婚证|not one of"):
        _accept(store, actor, resident, missing=["结婚证"])
    with pytest.raises(DomainError) as exc:
        _accept(store, actor, resident, agent_name="李四", agent_id_number="420902195604121230")
    assert exc.value.field == "agent_id_number"
    with pytest.raises(DomainError) as exc:
        _accept(store, actor, resident, agent_id_number=build_id("420902", dt.date(1980, 1, 1), 11))
    assert exc.value.field == "agent_name"
    assert _count(store, "SELECT count(*) FROM proxy_application") == 0
    # a refused acceptance uses up no receipt number
    assert _accept(store, actor, resident).receipt_number.endswith("-000001")


def test_agent_is_recorded(store, actor, resident) -> None:
    agent_id = build_id("420902", dt.date(1982, 5, 3), 22)
    res = _accept(store, actor, resident, agent_name="张小明", agent_id_number=agent_id, agent_relation="儿子")
    detail = proxy.get_application(store, number=res.receipt_number)
    assert (detail.agent_name, detail.agent_id_number, detail.agent_relation) == ("张小明", agent_id, "儿子")


def test_full_path_with_a_return_records_time_and_staff_of_every_step(store, actor, resident, clock) -> None:
    from villagedesk.services.auth import actor_for, create_staff

    create_staff(store, actor=actor, name="李代办", role="proxy", password="secret123")
    clerk = actor_for(store, "李代办")
    number = _accept(store, actor, resident, missing=["户口簿"]).receipt_number
    steps = [
        lambda: proxy.forward_application(store, actor=clerk, number=number),
        lambda: proxy.return_application(store, actor=clerk, number=number, reason="缺户口簿首页"),
        lambda: proxy.forward_application(store, actor=actor, number=number, arrived=["户口簿"]),
        lambda: proxy.complete_application(store, actor=clerk, number=number, result="已参保"),
        lambda: proxy.collect_application(store, actor=actor, number=number, satisfaction="满意"),
    ]
    statuses = []
    for step in steps:
        clock.advance(hours=20)
        statuses.append(step().status)
    assert statuses == ["forwarded", "returned", "forwarded", "completed", "collected"]
    detail = proxy.get_application(store, number=number)
    assert [(t.kind, t.staff_name) for t in detail.timeline] == [
        ("accepted", "王管理"), ("forwarded", "李代办"), ("returned", "李代办"),
        ("resubmitted", "王管理"), ("completed", "李代办"), ("collected", "王管理")]
    times = [t.at for t in detail.timeline]
    assert times == sorted(times) and len(set(times)) == 6
    assert detail.timeline[1].detail["office"] == "新铺镇便民服务中心"
    assert detail.timeline[2].detail["reason"] == "缺户口簿首页"
    assert detail.missing_materials == []  # the material arrived
    assert detail.collector_name == "张三明" and detail.satisfaction == "satisfied"
    assert detail.result == "已参保" and detail.completed_on is not None


ALL_ACTIONS = ("forward", "return", "complete", "collect")
PATH_TO = {  # the steps that bring an application into each status
    "accepted": [],
    "forwarded": ["forward"],
    "returned": ["forward", "return"],
    "completed": ["forward", "complete"],
    "collected": ["forward", "complete", "collect"],
}
ALLOWED = {("forward", "accepted"), ("forward", "returned"), ("return", "forwarded"),
           ("complete", "forwarded"), ("collect", "completed")}


def _do(store, actor, action: str, number: str):
    fn = {"forward": proxy.forward_application, "return": proxy.return_application,
          "complete": proxy.complete_application, "collect": proxy.collect_application}[action]
    return fn(store, actor=actor, number=number)


@pytest.mark.parametrize("status", list(PATH_TO))
def test_every_step_from_every_status(store, actor, resident, status: str) -> None:
    """Each of the four steps tried on an application in `status`: allowed ones move it on,
    refused ones leave it (and the outbox) untouched and say why."""
    for action in ALL_ACTIONS:
        number = _accept(store, actor, resident).receipt_number
        for step in PATH_TO[status]:
            _do(store, actor, step, number)
        before = _count(store, "SELECT count(*) FROM outbox")
        if (action, status) in ALLOWED:
            assert _do(store, actor, action, number).status != status
            continue
        with pytest.raises(DomainError) as exc:
            _do(store, actor, action, number)
        assert exc.value.kind == "refused", action
        assert number in exc.value.message  # says which application, and why
        assert "现在不能进行这一步" not in exc.value.message  # a specific reason, not the generic one
        assert proxy.get_application(store, number=number).status == status
        assert _count(store, "SELECT count(*) FROM outbox") == before


def test_refusal_messages_say_what_to_do(store, actor, resident) -> None:
    from villagedesk.i18n import set_language

    set_language("en")
    try:
        number = _accept(store, actor, resident).receipt_number
        with pytest.raises(DomainError, match="Forward it first"):
            proxy.complete_application(store, actor=actor, number=number)
        _do(store, actor, "forward", number)
        with pytest.raises(DomainError, match="no result to collect yet"):
            proxy.collect_application(store, actor=actor, number=number)
    finally:
        set_language("zh_CN")


def test_return_without_reason_uses_the_usual_one_and_rating_is_checked(store, actor, resident) -> None:
    number = _accept(store, actor, resident).receipt_number
    _do(store, actor, "forward", number)
    proxy.return_application(store, actor=actor, number=number, missing=["2"])
    detail = proxy.get_application(store, number=number)
    assert detail.return_reason and detail.missing_materials == ["户口簿"]
    _do(store, actor, "forward", number)
    _do(store, actor, "complete", number)
    with pytest.raises(DomainError) as exc:
        proxy.collect_application(store, actor=actor, number=number, satisfaction="很好")
    assert exc.value.field == "satisfaction"
    proxy.collect_application(store, actor=actor, number=number, collector_name="张小明",
                              satisfaction="基本满意")
    assert proxy.get_application(store, number=number).satisfaction == "fair"


def test_a_role_without_proxy_work_is_refused(store, actor, resident) -> None:
    from villagedesk.errors import PermissionDeniedError
    from villagedesk.services.auth import actor_for, create_staff

    create_staff(store, actor=actor, name="赵养老", role="eldercare", password="secret123")
    with pytest.raises(PermissionDeniedError):
        _accept(store, actor_for(store, "赵养老"), resident)


def test_unknown_number_is_a_clear_error(store, actor) -> None:
    with pytest.raises(NotFoundError, match="XG0203-01-2026-999999"):
        proxy.forward_application(store, actor=actor, number="XG0203-01-2026-999999")


# ------------------------------------------------------------------ due dates

DUE_CASES = [
    # Thu before the 2026 Spring Festival; Sat 02-14 is a make-up working day (调休),
    # 02-15..02-23 are off: 5 working days = 13, 14(Sat), 24, 25, 26.
    (dt.date(2026, 2, 12), "RS001", dt.date(2026, 2, 26)),
    # 3 working days from Fri 02-13: 14 (make-up Sat), 24, 25.
    (dt.date(2026, 2, 13), "GA003", dt.date(2026, 2, 25)),
    # Accepted during the holiday (Wed 02-18): counts from Tue 02-24.
    (dt.date(2026, 2, 18), "GA003", dt.date(2026, 2, 27)),
    # National Day 2026: Sun 09-20 is a make-up day; 10-01..07 off, Sat 10-10 make-up.
    (dt.date(2026, 9, 18), "GA005", dt.date(2026, 9, 22)),
    (dt.date(2026, 9, 30), "GA003", dt.date(2026, 10, 10)),
]


def test_due_date_skips_holidays_and_counts_make_up_days(store, actor, resident, clock) -> None:
    for accepted, code, due in DUE_CASES:
        clock.set(dt.datetime(accepted.year, accepted.month, accepted.day, 10, 0, tzinfo=CST))
        assert _accept(store, actor, resident, code=code).due_date == due, (accepted, code)


def test_history_rows_cannot_be_changed_or_deleted(store, actor, resident) -> None:
    number = _accept(store, actor, resident).receipt_number
    with store.engine.begin() as conn, pytest.raises(Exception, match="VD_APPEND_ONLY|VD_NO_DELETE"):
        conn.execute(text("UPDATE proxy_event SET kind='completed'"))
    with store.engine.begin() as conn, pytest.raises(Exception, match="VD_NO_DELETE|VD_APPEND_ONLY"):
        conn.execute(text("DELETE FROM proxy_application"))
    assert proxy.get_application(store, number=number).timeline[0].kind == "accepted"
    assert json.loads(_one(store, "SELECT fields FROM outbox WHERE entity='proxy_application'"))[
        "receipt_number"] == number


def _one(store, sql: str):
    with store.engine.connect() as conn:
        return conn.execute(text(sql)).scalar_one()


def test_a_counter_behind_the_records_never_reissues_a_number(store, actor, resident) -> None:
    first = _accept(store, actor, resident).receipt_number
    _accept(store, actor, resident)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE counter SET value = 0 WHERE name = 'proxy_receipt'"))
    third = _accept(store, actor, resident).receipt_number
    assert first.endswith("000001") and third.endswith("000003")
