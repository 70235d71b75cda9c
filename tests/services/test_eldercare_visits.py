"""Visits: the due list follows the frequency rules; follow-ups stay listed until closed."""

from __future__ import annotations

import datetime as dt

import pytest
from eldercare_support import add_person

from villagedesk.errors import DomainError
from villagedesk.services.eldercare_roster import set_profile
from villagedesk.services.eldercare_rules import get_rules, set_rule
from villagedesk.services.eldercare_visits import (
    close_follow_up,
    due_count,
    due_list,
    open_follow_ups,
    record_visit,
    void_visit,
)

TODAY = dt.date(2026, 3, 2)  # the clock fixture


def due_names(store, **kw) -> list[tuple[str, int]]:
    return [(i.elder.name, i.days_overdue) for i in due_list(store, **kw)]


def test_interval_is_the_shortest_matching_rule() -> None:
    from villagedesk.services.eldercare_rules import default_rules, parse_rules

    rules = parse_rules(default_rules())
    assert rules.visit_days(set()) == 30
    assert rules.visit_days({"lives_alone"}) == 7
    assert rules.visit_days({"empty_nest"}) == 14
    assert rules.visit_days({"empty_nest", "disabled"}) == 7
    assert rules.visit_days({"dibao_tekun"}) == 30


def test_due_list_follows_the_rules_and_sorts_by_days_overdue(store, actor, clock) -> None:
    alone = add_person(store, actor, "独居甲", dt.date(1950, 1, 1), lives_alone=True)
    other = add_person(store, actor, "普通乙", dt.date(1952, 1, 1))
    nest = add_person(store, actor, "空巢丙", dt.date(1951, 1, 1))
    set_profile(store, actor=actor, resident_id=nest.id, empty_nest=True)
    # Everyone is due on the day the hall started keeping records.
    assert sorted(due_names(store)) == [("普通乙", 0), ("独居甲", 0), ("空巢丙", 0)]
    assert due_count(store) == 3
    for p in (alone, other, nest):
        record_visit(store, actor=actor, resident_id=p.id, visit_type="探访")
    assert due_list(store) == []
    # Weekly for 独居, fortnightly for 空巢, monthly for the rest.
    assert due_names(store, today=TODAY + dt.timedelta(days=6)) == []
    assert due_names(store, today=TODAY + dt.timedelta(days=7)) == [("独居甲", 0)]
    assert due_names(store, today=TODAY + dt.timedelta(days=20)) == [("独居甲", 13), ("空巢丙", 6)]
    assert due_names(store, today=TODAY + dt.timedelta(days=31)) == [
        ("独居甲", 24), ("空巢丙", 17), ("普通乙", 1)]
    item = due_list(store, today=TODAY + dt.timedelta(days=31))[0]
    assert item.last_visit == TODAY and item.every_days == 7
    assert item.due_date == TODAY + dt.timedelta(days=7)
    # A visit 10 days later resets only that elder.
    clock.advance(days=10)
    record_visit(store, actor=actor, id_number=alone.id_number, visit_type="助洁", visitor_name="志愿者小刘")
    assert due_names(store) == []
    assert due_names(store, ahead_days=7) == [("空巢丙", -4), ("独居甲", -7)]


def test_hall_rule_override_changes_the_due_list(store, actor) -> None:
    p = add_person(store, actor, "普通丁", dt.date(1952, 1, 1))
    record_visit(store, actor=actor, resident_id=p.id, visit_type="探访")
    assert due_list(store, today=TODAY + dt.timedelta(days=20)) == []
    rules = set_rule(store, actor=actor, key="visit_default_days", value=15)
    assert rules.visit_default_days == 15 and "visit_default_days" in rules.overridden
    assert due_names(store, today=TODAY + dt.timedelta(days=20)) == [("普通丁", 5)]
    set_rule(store, actor=actor, key="visit_default_days", value=None)
    assert get_rules(store).visit_default_days == 30
    with pytest.raises(DomainError):
        set_rule(store, actor=actor, key="visit_rules", value=[{"flag": "富裕", "days": 3}])


def test_voided_visit_does_not_count(store, actor) -> None:
    p = add_person(store, actor, "戊", dt.date(1952, 1, 1))
    v = record_visit(store, actor=actor, resident_id=p.id, visit_type="探访")
    assert due_list(store) == []
    void_visit(store, actor=actor, visit_id=v.id, reason="录错人")
    assert due_names(store) == [("戊", 0)]


def test_follow_up_stays_until_closed(store, actor, clock) -> None:
    p = add_person(store, actor, "己", dt.date(1945, 6, 1))
    record_visit(store, actor=actor, resident_id=p.id, visit_type="助医", findings="血压高",
                 health_notes="160/100", follow_up_needed=True)
    record_visit(store, actor=actor, resident_id=p.id, visit_type="探访")
    clock.advance(days=9)
    [f] = open_follow_ups(store)
    assert f["name"] == "己" and f["findings"] == "血压高" and f["days_open"] == 9
    with pytest.raises(DomainError):
        close_follow_up(store, actor=actor, visit_id=f["id"], result=" ")
    close_follow_up(store, actor=actor, visit_id=f["id"], result="已联系村医上门复查")
    assert open_follow_ups(store) == []
    with pytest.raises(DomainError):
        close_follow_up(store, actor=actor, visit_id=f["id"], result="again")


def test_visit_input_is_checked(store, actor) -> None:
    p = add_person(store, actor, "庚", dt.date(1945, 6, 1))
    with pytest.raises(DomainError):
        record_visit(store, actor=actor, resident_id=p.id, visit_type="聊天")
    with pytest.raises(DomainError):
        record_visit(store, actor=actor, resident_id=p.id, visit_type="探访",
                     visit_date=TODAY + dt.timedelta(days=1))


def test_a_rule_longer_than_the_default_and_the_age80_rule_apply(store, actor) -> None:
    # The shortest *matching* rule wins, even when it is longer than the default.
    set_rule(store, actor=actor, key="visit_rules",
             value=[{"flag": "empty_nest", "days": 60}, {"flag": "age80", "days": 10}])
    nest = add_person(store, actor, "空巢", dt.date(1955, 1, 1))
    set_profile(store, actor=actor, resident_id=nest.id, empty_nest=True)
    old = add_person(store, actor, "高龄", dt.date(1940, 1, 1))
    plain = add_person(store, actor, "普通", dt.date(1956, 1, 1))
    for p in (nest, old, plain):
        record_visit(store, actor=actor, resident_id=p.id, visit_type="探访")
    assert due_names(store, today=TODAY + dt.timedelta(days=30)) == [("高龄", 20), ("普通", 0)]
    assert due_names(store, today=TODAY + dt.timedelta(days=60)) == [("高龄", 50), ("普通", 30), ("空巢", 0)]
    set_rule(store, actor=actor, key="visit_rules", value=[])
    assert [i.every_days for i in due_list(store, today=TODAY + dt.timedelta(days=30))] == [30, 30, 30]


def test_never_visited_elder_is_due_from_turning_60_and_carer_filter(store, actor) -> None:
    # The hall started keeping records today; 新六十 turns 60 eight days later.
    late = add_person(store, actor, "新六十", dt.date(1966, 3, 10))
    early = add_person(store, actor, "老人", dt.date(1950, 1, 1))
    set_profile(store, actor=actor, resident_id=early.id, carer_kind="beacon", carer_name="李明灯")
    [item] = due_list(store)
    assert (item.name, item.last_visit, item.due_date, item.days_overdue) == ("老人", None, TODAY, 0)
    later = due_list(store, today=dt.date(2026, 3, 20))
    assert [(i.name, i.due_date, i.days_overdue) for i in later] == [
        ("老人", TODAY, 18), ("新六十", dt.date(2026, 3, 10), 10)]
    assert later[1].elder.resident_id == late.id and later[1].as_json()["last_visit"] is None
    assert [i.name for i in due_list(store, today=dt.date(2026, 3, 20), carer="李明灯")] == ["老人"]
    assert [i.name for i in due_list(store, today=dt.date(2026, 3, 20), limit=1)] == ["老人"]
    assert due_count(store, today=dt.date(2026, 3, 20)) == 2
