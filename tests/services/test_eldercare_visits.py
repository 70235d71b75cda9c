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
