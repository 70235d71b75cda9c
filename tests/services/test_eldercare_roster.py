"""The elder roster is derived from residents: 60+ on the clock's today, active only."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from eldercare_support import add_person
from sqlalchemy import text

from villagedesk.errors import DomainError
from villagedesk.services import residents
from villagedesk.services.eldercare_roster import (
    count_roster,
    elder_detail,
    roster,
    roster_sql,
    set_profile,
)
from villagedesk.services.eldercare_rules import born_on_or_before

# The clock fixture says 2026-03-02 09:30 CST.


def names(rows) -> list[str]:
    return [r.name for r in rows]


def test_turning_60_tomorrow_is_absent_today_and_present_tomorrow(store, actor, clock) -> None:
    add_person(store, actor, "明天六十", dt.date(1966, 3, 3))
    add_person(store, actor, "今天六十", dt.date(1966, 3, 2))
    add_person(store, actor, "五十九岁", dt.date(1966, 12, 1))
    assert names(roster(store)) == ["今天六十"]
    assert count_roster(store) == 1
    clock.advance(days=1)
    assert sorted(names(roster(store))) == ["今天六十", "明天六十"]
    assert count_roster(store) == 2


def test_late_evening_utc_is_already_the_next_day_in_china(store, actor, clock) -> None:
    add_person(store, actor, "明天六十", dt.date(1966, 3, 3))
    clock.set(dt.datetime(2026, 3, 2, 16, 30, tzinfo=dt.timezone.utc))  # 00:30 on 3 March in CST
    assert names(roster(store)) == ["明天六十"]


def test_leap_day_birth_joins_on_1_march_of_a_common_year() -> None:
    assert born_on_or_before(dt.date(2027, 2, 28), 60) == dt.date(1967, 2, 28)
    assert born_on_or_before(dt.date(2028, 2, 29), 61) == dt.date(1967, 2, 28)


def test_roster_query_is_a_range_on_the_birth_date_index(store) -> None:
    with store.read() as s:
        plan = " ".join(str(r[-1]) for r in s.execute(text(
            "EXPLAIN QUERY PLAN " + roster_sql(dt.date(2026, 3, 2), 60))))
    # A range on a covering index that starts with birth_date, one probe per elder for the
    # profile: no scan, no sort.
    assert "COVERING INDEX ix_resident_elder_roster (birth_date<?)" in plan
    assert "ix_elder_profile_resident (resident_id=?)" in plan
    assert "SCAN" not in plan and "TEMP B-TREE" not in plan


def test_moved_out_and_deceased_leave_the_roster_but_keep_history(store, actor) -> None:
    a = add_person(store, actor, "迁出者", dt.date(1950, 5, 1))
    b = add_person(store, actor, "已故者", dt.date(1940, 5, 1))
    add_person(store, actor, "在册者", dt.date(1945, 5, 1))
    from villagedesk.services.eldercare_visits import record_visit

    record_visit(store, actor=actor, id_number=b.id_number, visit_type="探访", findings="精神好")
    residents.set_status(store, actor=actor, resident_id=a.id, status="moved_out")
    residents.set_status(store, actor=actor, resident_id=b.id, status="deceased")
    assert names(roster(store)) == ["在册者"]
    assert sorted(names(roster(store, include_inactive=True))) == ["在册者", "已故者", "迁出者"]
    detail = elder_detail(store, resident_id=b.id)
    assert detail["on_roster"] is False and detail["status"] == "deceased"
    assert [e["findings"] for e in detail["timeline"]] == ["精神好"]
    with pytest.raises(DomainError, match="不在|no longer"):
        record_visit(store, actor=actor, id_number=b.id_number, visit_type="探访")


def test_age80_is_computed_and_flags_filter(store, actor, clock) -> None:
    old = add_person(store, actor, "八十老人", dt.date(1946, 3, 3), is_dibao=True)
    add_person(store, actor, "独居老人", dt.date(1955, 1, 1), lives_alone=True)
    assert names(roster(store, flag="高龄")) == []
    assert names(roster(store, flag="独居")) == ["独居老人"]
    assert names(roster(store, flag="低保")) == ["八十老人"]
    clock.advance(days=1)
    assert names(roster(store, flag="高龄")) == ["八十老人"]
    row = roster(store, flag="age80")[0]
    assert row.age == 80 and row.category == "dibao_tekun"
    with store.read() as s:  # 高龄 is not a stored column anywhere
        cols = [c[1] for c in s.execute(text("PRAGMA table_info(elder_profile)"))]
    assert not any("80" in c or "old" in c for c in cols)
    with pytest.raises(DomainError):
        roster(store, flag="富裕")
    assert old.id in {r.resident_id for r in roster(store)}


def test_profile_is_created_on_first_edit_and_lives_alone_is_the_residents_flag(store, actor) -> None:
    p = add_person(store, actor, "张奶奶", dt.date(1948, 7, 9))
    with store.read() as s:
        assert s.execute(text("SELECT count(*) FROM elder_profile")).scalar_one() == 0
    detail = set_profile(store, actor=actor, resident_id=p.id, lives_alone=True, empty_nest=True,
                         semi_disabled=True, care_level=2, carer_kind="beacon", carer_name="李明灯",
                         carer_phone="13800000001",
                         emergency_contacts=[{"name": "张小", "relation": "儿子", "phone": "13900000002"}])
    assert set(detail["flags"]) == {"lives_alone", "empty_nest", "semi_disabled"}
    assert detail["carer_name"] == "李明灯" and detail["emergency_contacts"][0]["relation"] == "儿子"
    assert residents.get_resident(store, resident_id=p.id).flags["lives_alone"] is True
    with store.read() as s:
        ops = s.execute(text("SELECT entity, fields FROM outbox WHERE entity = 'elder_profile'")).all()
    assert len(ops) == 1 and json.loads(ops[0].fields)["carer_name"] == "李明灯"
    with pytest.raises(DomainError):
        set_profile(store, actor=actor, resident_id=p.id, disabled=True)  # and semi_disabled
    with pytest.raises(DomainError):
        set_profile(store, actor=actor, resident_id=p.id,
                    emergency_contacts=[{"name": "无电话", "phone": ""}])


def test_under_60_cannot_get_a_profile(store, actor) -> None:
    p = add_person(store, actor, "年轻人", dt.date(1990, 1, 1))
    with pytest.raises(DomainError, match="36"):
        set_profile(store, actor=actor, resident_id=p.id, empty_nest=True)


def test_ages_and_flags_from_the_query_for_a_leap_day_birth(store, actor) -> None:
    p = add_person(store, actor, "闰日生", dt.date(1964, 2, 29), lives_alone=True)
    set_profile(store, actor=actor, resident_id=p.id, disabled=True, carer_kind="volunteer", carer_name="小刘",
                meal_regular=True)
    # 61 only on 1 March of a common year.
    [row] = roster(store, today=dt.date(2025, 2, 28))
    assert row.age == 60
    [row] = roster(store, today=dt.date(2025, 3, 1))
    assert row.age == 61 and row.birth_date == dt.date(1964, 2, 29)
    assert row.flags == ("lives_alone", "disabled") and row.status == "active"
    assert row.as_json()["meal_regular"] is True and row.as_json()["birth_date"] == "1964-02-29"
    assert row.as_json()["carer_kind"] == "volunteer" and row.category == "other"
    assert names(roster(store, carer="小刘")) == ["闰日生"] and roster(store, carer="别人") == []
    assert names(roster(store, flag="失能", query="闰日")) == ["闰日生"]
    assert roster(store, flag="空巢") == []


def test_roster_rows_are_plain_tuples_the_collector_lets_go_of(store, actor) -> None:
    import gc

    add_person(store, actor, "甲", dt.date(1950, 1, 1))
    rows = roster(store)
    # Named rows are made on reading; the list holds plain tuples, which one collector pass
    # stops tracking, so thousands of elders on a page do not slow down every full collection.
    assert type(rows.raw[0]) is tuple and rows[0].name == "甲" and rows == [rows[0]]
    gc.collect()
    assert not gc.is_tracked(rows.raw[0])
