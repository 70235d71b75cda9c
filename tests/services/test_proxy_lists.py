"""Lists of applications (overdue, due soon, status, service, date) and the home-card count."""

from __future__ import annotations

import datetime as dt

import pytest
from proxy_helpers import make_resident

from villagedesk.clock import CST
from villagedesk.errors import DomainError
from villagedesk.services import proxy
from villagedesk.services.proxy_lists import count_overdue, counts, list_applications


@pytest.fixture
def filled(store, actor, clock):
    """Applications accepted on 2026-03-02 (Mon) and 2026-03-09; then 'today' is 2026-03-12."""
    a = make_resident(store, actor, "张三明", 101)
    b = make_resident(store, actor, "李小红", 102)
    numbers = {}
    numbers["yb"] = proxy.accept_application(store, actor=actor, resident_id=a.id, service_code="YB001").receipt_number  # due 03-05
    numbers["rs"] = proxy.accept_application(store, actor=actor, resident_id=b.id, service_code="RS001").receipt_number  # due 03-09
    numbers["mz"] = proxy.accept_application(store, actor=actor, resident_id=a.id, service_code="MZ001").receipt_number  # due 04-14
    proxy.forward_application(store, actor=actor, number=numbers["rs"])
    proxy.complete_application(store, actor=actor, number=numbers["rs"])
    clock.set(dt.datetime(2026, 3, 9, 10, 0, tzinfo=CST))
    numbers["ga"] = proxy.accept_application(store, actor=actor, resident_id=b.id, service_code="GA003").receipt_number  # due 03-12
    clock.set(dt.datetime(2026, 3, 12, 10, 0, tzinfo=CST))
    return numbers


def _numbers(rows) -> list[str]:
    return [r.receipt_number for r in rows]


def test_overdue_due_soon_and_home_count(store, filled) -> None:
    overdue = list_applications(store, overdue=True)
    assert _numbers(overdue) == [filled["yb"]]  # the completed one is not overdue
    assert overdue[0].overdue and overdue[0].applicant_name == "张三明"
    assert overdue[0].applicant_id_masked.startswith("4209") and "*" in overdue[0].applicant_id_masked
    assert _numbers(list_applications(store, due_soon=True)) == [filled["ga"]]
    assert count_overdue(store) == 1
    c = counts(store)
    assert (c.overdue, c.due_soon, c.by_status["accepted"], c.by_status["completed"]) == (1, 1, 3, 1)


def test_by_status_service_and_date(store, filled) -> None:
    assert _numbers(list_applications(store, status="completed")) == [filled["rs"]]
    assert _numbers(list_applications(store, service_code="mz001")) == [filled["mz"]]
    march_2 = list_applications(store, date_from=dt.date(2026, 3, 2), date_to=dt.date(2026, 3, 2))
    assert set(_numbers(march_2)) == {filled["yb"], filled["rs"], filled["mz"]}
    newest_first = list_applications(store)
    assert newest_first[0].receipt_number == filled["ga"]
    assert _numbers(list_applications(store, number="000004")) == [filled["ga"]]
    with pytest.raises(DomainError):
        list_applications(store, status="lost")
