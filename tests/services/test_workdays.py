"""Working days: due dates across holidays, 调休 make-up days and year boundaries."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from villagedesk.resources import resource_path
from villagedesk.services.workdays import (
    HolidayCalendar,
    add_working_days,
    is_working_day,
    working_days_between,
)

D = dt.date


def test_every_year_file_is_well_formed() -> None:
    for year in (2024, 2025, 2026, 2027):
        data = json.loads(resource_path(f"data/holidays/{year}.json").read_text("utf-8"))
        assert data["year"] == year and data["source"]
        for period in data["periods"]:
            first, last = (D.fromisoformat(x) for x in period["off"])
            assert first.year == last.year == year and first <= last
            for text in period["work"]:
                assert D.fromisoformat(text).weekday() >= 5, "a make-up day is a weekend day"


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 2, 14), True),   # Saturday, 调休 before the Spring Festival
        (D(2026, 2, 16), False),  # 除夕, Monday
        (D(2026, 2, 23), False),  # Monday, last day of the break
        (D(2026, 2, 24), True),
        (D(2026, 2, 28), True),   # Saturday, 调休
        (D(2026, 3, 7), False),   # an ordinary Saturday
        (D(2026, 9, 20), True),   # Sunday, 调休 before National Day
        (D(2026, 10, 7), False),
        (D(2026, 10, 10), True),  # Saturday, 调休
        (D(2026, 1, 4), True),    # Sunday after New Year
        (D(2025, 10, 8), False),  # 2025: National Day and Mid-Autumn together
        (D(2024, 2, 18), True),
    ],
)
def test_holidays_and_make_up_days(day: D, working: bool) -> None:
    assert is_working_day(day) is working


def test_due_dates_across_the_2026_spring_festival() -> None:
    accepted = D(2026, 2, 13)  # Friday before the break
    assert add_working_days(accepted, 1) == D(2026, 2, 14)  # the make-up Saturday counts
    assert add_working_days(accepted, 2) == D(2026, 2, 24)  # Feb 15-23 are holidays
    assert add_working_days(accepted, 5) == D(2026, 2, 27)
    assert add_working_days(accepted, 6) == D(2026, 2, 28)  # second make-up Saturday
    assert add_working_days(accepted, 7) == D(2026, 3, 2)


def test_due_dates_across_national_day_2026() -> None:
    assert add_working_days(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert add_working_days(D(2026, 9, 30), 3) == D(2026, 10, 10)  # make-up Saturday
    # 20 working days, the common promise, from mid-September
    assert add_working_days(D(2026, 9, 15), 20) == D(2026, 10, 19)


def test_accepted_on_a_rest_day_counts_from_the_next_working_day() -> None:
    # Sunday in the Spring Festival break: deemed accepted Tue 24 Feb, day 1 is Wed 25
    assert add_working_days(D(2026, 2, 22), 1) == D(2026, 2, 25)
    # Saturday 19 Sep: the next day is a make-up Sunday, so that is the acceptance day
    assert add_working_days(D(2026, 9, 19), 1) == D(2026, 9, 21)
    # ordinary Saturday: deemed accepted Monday, due Tuesday
    assert add_working_days(D(2026, 3, 7), 1) == D(2026, 3, 10)
    # zero days: the acceptance day itself, moved to a working day
    assert add_working_days(D(2026, 3, 7), 0) == D(2026, 3, 9)
    assert add_working_days(D(2026, 3, 9), 0) == D(2026, 3, 9)


def test_year_boundaries() -> None:
    # New Year 2026: Jan 1-3 off, Sunday Jan 4 is a working day
    assert add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 4)
    assert add_working_days(D(2024, 12, 31), 1) == D(2025, 1, 2)


def test_provisional_year_warns(caplog: pytest.LogCaptureFixture) -> None:
    calendar = HolidayCalendar()
    assert calendar.is_provisional(2027) and not calendar.is_provisional(2026)
    with caplog.at_level(logging.WARNING, logger="villagedesk.services.workdays"):
        due = calendar.add_working_days(D(2026, 12, 31), 1)
    assert due == D(2027, 1, 4)  # Jan 1 is a holiday even in the provisional data
    assert any("provisional" in r.getMessage() for r in caplog.records)


def test_year_without_data_counts_weekdays_and_warns(caplog: pytest.LogCaptureFixture) -> None:
    calendar = HolidayCalendar()
    with caplog.at_level(logging.WARNING, logger="villagedesk.services.workdays"):
        assert calendar.add_working_days(D(2031, 1, 3), 1) == D(2031, 1, 6)
    assert calendar.is_provisional(2031)
    assert any("no holiday calendar for 2031" in r.getMessage() for r in caplog.records)


def test_calendar_from_data_and_counting_between() -> None:
    calendar = HolidayCalendar.from_data(
        {"year": 2030, "periods": [{"name": "X", "off": ["2030-01-01", "2030-01-02"],
                                     "work": ["2030-01-05"]}]})
    assert calendar.holiday_name(D(2030, 1, 5)) == "X"
    assert calendar.add_working_days(D(2029, 12, 31), 1) == D(2030, 1, 3)
    assert working_days_between(D(2026, 2, 13), D(2026, 2, 24)) == 2
    with pytest.raises(ValueError):
        calendar.add_working_days(D(2030, 1, 1), -1)
    with pytest.raises(ValueError):
        HolidayCalendar.from_data({"year": 2030, "periods": [
            {"name": "X", "off": ["2030-01-05", "2030-01-05"], "work": ["2030-01-05"]}]})


@given(st.dates(min_value=D(2024, 1, 1), max_value=D(2027, 10, 31)), st.integers(0, 60))
def test_due_date_is_a_working_day_exactly_n_working_days_on(start: D, n: int) -> None:
    due = add_working_days(start, n)
    assert is_working_day(due) and due >= start
    effective = start if is_working_day(start) else add_working_days(start, 0)
    assert working_days_between(effective, due) == n
