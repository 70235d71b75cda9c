"""Pension checks per year, and who newly qualifies for the old-age allowance in a month."""

from __future__ import annotations

import datetime as dt

import pytest
from eldercare_support import add_person

from villagedesk.errors import DomainError, PermissionDeniedError
from villagedesk.services import residents
from villagedesk.services.auth import actor_for, create_staff
from villagedesk.services.eldercare_pension import (
    allowance_roster,
    certify,
    count_unchecked,
    newly_qualifying,
    start_pension_proxy,
    unchecked,
)
from villagedesk.services.eldercare_rules import set_rule
from villagedesk.services.proxy_catalogue import list_catalogue


def test_unchecked_list_empties_as_checks_are_recorded(store, actor, clock) -> None:
    a = add_person(store, actor, "甲", dt.date(1950, 1, 1))
    b = add_person(store, actor, "乙", dt.date(1951, 1, 1))
    add_person(store, actor, "年轻", dt.date(1980, 1, 1))
    assert [e.name for e in unchecked(store)] == ["甲", "乙"]
    done = certify(store, actor=actor, id_number=a.id_number, method="上门")
    assert done["method"] == "home" and done["year"] == 2026
    assert [e.name for e in unchecked(store)] == ["乙"]
    assert count_unchecked(store) == 1 and count_unchecked(store, year=2025) == 2
    with pytest.raises(DomainError):
        certify(store, actor=actor, id_number=a.id_number, method="现场")
    with pytest.raises(DomainError):
        certify(store, actor=actor, id_number=b.id_number, method="网上")
    # A new year starts with everyone unchecked again; last year's check stays on record.
    clock.set(dt.datetime(2027, 1, 5, 9, 0, tzinfo=dt.timezone.utc))
    assert [e.name for e in unchecked(store)] == ["甲", "乙"]
    assert [e.name for e in unchecked(store, year=2026)] == ["乙"]
    certify(store, actor=actor, id_number=a.id_number, method="现场")
    residents.set_status(store, actor=actor, resident_id=b.id, status="deceased")
    assert unchecked(store) == []


@pytest.fixture
def eldercare_worker(store, actor):
    create_staff(store, actor=actor, name="赵养老", role="eldercare", password="secret123")
    return actor_for(store, "赵养老")


def test_pension_check_can_start_as_a_proxy_application(store, actor, eldercare_worker) -> None:
    from villagedesk.services import proxy

    a = add_person(store, actor, "卧床老人", dt.date(1938, 1, 1))
    # An elder-care worker, who has no proxy role, starts it from the elder roster.
    started = start_pension_proxy(store, actor=eldercare_worker, id_number=a.id_number)
    app = proxy.get_application(store, number=started["receipt_number"])
    assert app.service_name == "养老金资格认证" and app.service_code == "RS002"
    assert app.status == "accepted" and started["status"] == "started"
    # Started is not done: the elder stays on the unchecked list until the check is recorded.
    assert [e.name for e in unchecked(store)] == ["卧床老人"]
    with pytest.raises(DomainError):
        start_pension_proxy(store, actor=eldercare_worker, id_number=a.id_number)
    done = certify(store, actor=eldercare_worker, id_number=a.id_number, method="代办")
    assert done["proxy_application_id"] == started["proxy_application_id"]
    assert unchecked(store) == []


def test_elder_care_role_may_accept_only_the_pension_check_through_the_proxy_service(
        store, actor, eldercare_worker) -> None:
    from villagedesk.services import proxy

    a = add_person(store, actor, "老人", dt.date(1940, 1, 1))
    other = next(i.code for i in list_catalogue(store) if i.code != "RS002")
    # Without saying on whose behalf, or for another item, the proxy role is still needed.
    with pytest.raises(PermissionDeniedError):
        proxy.accept_application(store, actor=eldercare_worker, resident_id=a.id, service_code="RS002")
    with pytest.raises(PermissionDeniedError):
        proxy.accept_application(store, actor=eldercare_worker, resident_id=a.id, service_code=other,
                                 on_behalf_of_affair="eldercare")
    # An affair the worker does not work in gives nothing either.
    with pytest.raises(PermissionDeniedError):
        proxy.accept_application(store, actor=eldercare_worker, resident_id=a.id, service_code="RS002",
                                 on_behalf_of_affair="supply")
    create_staff(store, actor=actor, name="钱农资", role="supply", password="secret123")
    with pytest.raises(PermissionDeniedError):
        start_pension_proxy(store, actor=actor_for(store, "钱农资"), id_number=a.id_number)
    accepted = proxy.accept_application(store, actor=eldercare_worker, resident_id=a.id, service_code="RS002",
                                        on_behalf_of_affair="eldercare")
    assert proxy.get_application(store, number=accepted.receipt_number).service_code == "RS002"


def test_newly_qualifying_allowance_in_the_month_they_reach_the_threshold(store, actor) -> None:
    add_person(store, actor, "三月满八十", dt.date(1946, 3, 31))
    add_person(store, actor, "四月满八十", dt.date(1946, 4, 1))
    add_person(store, actor, "三月满九十", dt.date(1936, 3, 1))
    add_person(store, actor, "三月满百岁", dt.date(1926, 3, 15))
    add_person(store, actor, "早已八十", dt.date(1945, 3, 20))
    gone = add_person(store, actor, "迁出满八十", dt.date(1946, 3, 5))
    residents.set_status(store, actor=actor, resident_id=gone.id, status="moved_out")
    march = newly_qualifying(store, month="2026-03")
    assert [(i.elder.name, i.threshold, i.qualifies_on.isoformat(), i.monthly_fen) for i in march] == [
        ("三月满九十", 90, "2026-03-01", 10000),
        ("三月满百岁", 100, "2026-03-15", 30000),
        ("三月满八十", 80, "2026-03-31", 5000),
    ]
    assert [i.elder.name for i in newly_qualifying(store, month="2026-04")] == ["四月满八十"]
    everyone = {i.elder.name: i.threshold for i in allowance_roster(store, month="2026-03")}
    assert everyone == {"三月满八十": 80, "三月满九十": 90, "三月满百岁": 100, "早已八十": 80}


def test_thresholds_are_configurable_and_leap_day_births_qualify_in_march(store, actor) -> None:
    add_person(store, actor, "闰日生", dt.date(1948, 2, 29))
    add_person(store, actor, "七十五", dt.date(1951, 3, 3))
    assert [i.elder.name for i in newly_qualifying(store, month="2028-02")] == ["闰日生"]
    set_rule(store, actor=actor, key="allowance_thresholds",
             value=[{"age": 75, "monthly": "30.00"}, {"age": 80, "monthly": "60.00"}])
    [item] = newly_qualifying(store, month="2026-03")
    assert (item.elder.name, item.threshold, item.monthly_fen) == ("七十五", 75, 3000)
    # 1948-02-29 + 81 years is a common year: the birthday is 1 March.
    set_rule(store, actor=actor, key="allowance_thresholds", value=[{"age": 81, "monthly": "1.00"}])
    [leap] = newly_qualifying(store, month="2029-03")
    assert leap.qualifies_on == dt.date(2029, 3, 1)
    assert newly_qualifying(store, month="2029-02") == []
