"""Elder-care screens: roster to elder page, a visit from the keyboard, the meal register by
Space / D / Ctrl+Enter, follow-ups, pension checks, home cards; models pass the model tester."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from villagedesk.clock import CST
from villagedesk.config import Settings
from villagedesk.services import eldercare_meals, eldercare_visits
from villagedesk.services.eldercare_demo import seed_eldercare_demo
from villagedesk.ui import errors as ui_errors
from villagedesk.ui.modules import UiContext
from villagedesk.ui.text import tr

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from eldercare_support import add_person  # noqa: E402


@pytest.fixture
def messages(monkeypatch):
    sink: list[tuple[str, str]] = []
    monkeypatch.setattr(ui_errors, "message_sink", sink)
    return sink


@pytest.fixture
def ctx(store, actor, paths, clock):
    clock.set(dt.datetime(2026, 3, 28, 10, 0, tzinfo=CST))
    navigated: list[tuple[str, dict]] = []
    printed: list[Path] = []
    c = UiContext(store=store, actor=actor, settings=Settings(), paths=paths, print_pdf=printed.append,
                  navigate=lambda key, **kw: navigated.append((key, kw)))
    c.navigated, c.printed = navigated, printed  # type: ignore[attr-defined]
    return c


@pytest.fixture
def demo(ctx, store, actor):
    seed_eldercare_demo(store, actor=actor)
    return store


def test_roster_filters_and_enter_opens_the_elder(qtbot, ctx, demo, qtmodeltester) -> None:
    from villagedesk.ui.eldercare.roster import RosterPage

    page = RosterPage(ctx)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model, force_py=True)
    names = [e.name for e in page.model.rows()]
    assert names[0] == "郑爱华" and "马国强" in names and len(names) == 12  # oldest first; 61-year-old in
    page.flag.setCurrentIndex(page.flag.findData("disabled"))
    assert [e.name for e in page.model.rows()] == ["刘秀英"]
    page.flag.setCurrentIndex(0)
    page.search.setText("桂兰")
    assert [e.name for e in page.model.rows()] == ["张桂兰"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert ctx.navigated[-1][0] == "eldercare.detail"
    assert "4209**" in page.model.data(page.model.index(0, 2))  # ID masked on the list


def test_sorting_the_roster_keeps_the_chosen_elder_selected(qtbot, ctx, demo) -> None:
    from villagedesk.ui.eldercare.roster import RosterPage

    page = RosterPage(ctx)
    qtbot.addWidget(page)
    page.view.selectRow(3)
    chosen = page.model.row_at(3).resident_id
    page.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by age: youngest first
    ages = [e.age for e in page.model.rows()]
    assert ages == sorted(ages) and ages[0] < ages[-1]
    assert page.model.row_at(page.view.currentIndex().row()).resident_id == chosen
    # The flag cell is formatted when painted, from the row's flag bits.
    i, elder = next((i, e) for i, e in enumerate(page.model.rows()) if len(e.flags) > 1)
    assert page.model.data(page.model.index(i, 3)) == "、".join(elder.flag_labels)


def test_visit_from_the_keyboard_shows_in_the_timeline(qtbot, ctx, demo, messages) -> None:
    from villagedesk.ui.eldercare.roster import ElderDetailPage
    from villagedesk.ui.eldercare.visits import DuePage

    elder = add_person(demo, ctx.actor, "新老人", dt.date(1950, 1, 1), lives_alone=True)
    due = DuePage(ctx)
    qtbot.addWidget(due)
    assert "新老人" in [i.elder.name for i in due.model.rows()]
    page = ElderDetailPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    page.open_with(resident_id=elder.id)
    qtbot.waitUntil(page.findings.hasFocus, timeout=2000)
    page.findings.insert("屋内潮湿")  # QTest cannot type Chinese; the IME would
    page.follow_up.setChecked(True)
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    rows = page.timeline.rows()
    assert [(r["what"], r["state"]) for r in rows] == [("探访", tr("EldercareUi", "Follow-up open"))]
    assert "屋内潮湿" in rows[0]["detail"] and page.findings.text() == ""
    due.refresh()
    assert "新老人" not in [i.elder.name for i in due.model.rows()]
    assert "新老人" in [r["name"] for r in due.follow_model.rows()]
    # Closing needs a result; then it leaves the list.
    due.follow_view.selectRow([r["name"] for r in due.follow_model.rows()].index("新老人"))
    due.close_selected()
    assert due.message.text() and "新老人" in [r["name"] for r in due.follow_model.rows()]
    due.result.setText("已联系儿子修缮")
    due.close_selected()
    assert "新老人" not in [r["name"] for r in due.follow_model.rows()]
    # A bad profile shows its message beside the field.
    page.checks["disabled"].setChecked(True)
    page.checks["semi_disabled"].setChecked(True)
    page.save_profile()
    assert page.profile.error_text("semi_disabled")
    page.checks["semi_disabled"].setChecked(False)
    page.carer_kind.setCurrentIndex(page.carer_kind.findData("beacon"))
    page.carer_name.setText("李春华")
    page.contacts.setPlainText("新小 儿子 13900000000")
    page.save_profile()
    assert page.profile.error_text("semi_disabled") == "" and "失能" in page.heading.text()
    page.print_card()
    assert ctx.printed and ctx.printed[-1].read_bytes().startswith(b"%PDF")


def test_meal_register_space_d_and_ctrl_enter(qtbot, ctx, demo, messages) -> None:
    from villagedesk.ui.eldercare.meals import ROW, MealRegisterPage

    page = MealRegisterPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    today = ctx.store.clock.today()
    served_before = {r["name"] for r in eldercare_meals.meal_register(demo, meal="lunch") if r["served"]}
    assert served_before == set()  # the demo registers meals up to yesterday
    page.list.setFocus()
    page.list.setCurrentRow(0)
    first = page.list.item(0).data(ROW)["name"]
    qtbot.keyClick(page.list, Qt.Key.Key_Space)
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    qtbot.keyClick(page.list, Qt.Key.Key_D)  # delivered, and ticked
    second = page.list.item(1).data(ROW)["name"]
    assert page.list.item(1).data(ROW)["mode"] == "delivered"
    assert "2" in page.total.text()
    assert len(page._ticked()) == 2, page.total.text()
    qtbot.keyClick(page.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.note.text(), page.message.text()
    after = {r["name"]: r for r in eldercare_meals.meal_register(demo, meal="lunch", meal_date=today)}
    assert after[first]["served"] and after[second]["served"] and after[second]["mode"] == "delivered"
    assert page.list.item(0).flags() & Qt.ItemFlag.ItemIsUserCheckable == Qt.ItemFlag(0)  # done: locked
    # Someone who is not a regular, added by name.
    page.add.setText("孙福生")
    qtbot.keyClick(page.add, Qt.Key.Key_Return)
    assert page.list.currentItem().data(ROW)["name"] == "孙福生"
    page.register()
    month = eldercare_meals.meal_statement(demo, month=f"{today:%Y-%m}")
    assert "孙福生" in [ln.name for ln in month.lines]


def test_statements_and_pension_pages(qtbot, ctx, demo, messages, qtmodeltester) -> None:
    from villagedesk.ui.eldercare.meals import StatementsPage
    from villagedesk.ui.eldercare.pension import PensionPage

    st = StatementsPage(ctx)
    qtbot.addWidget(st)
    qtmodeltester.check(st.model, force_py=True)
    total = eldercare_meals.meal_statement(demo, month="2026-03")
    assert len(st.model.rows()) == len(total.lines) and f"{total.paid:,.2f}" in st.totals.text()
    st.carer.setCurrentText("李春华")
    st.print_sheet()
    st.print_statement()
    assert [p.name for p in ctx.printed] == ["visit-sheet-2026-03-李春华.pdf", "meal-statement-2026-03.pdf"]

    page = PensionPage(ctx)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model, force_py=True)
    before = len(page.model.rows())
    name = page.model.rows()[0].name
    page.view.selectRow(0)
    page.method.setCurrentIndex(page.method.findData("home"))
    page.record()
    assert len(page.model.rows()) == before - 1 and name not in [e.name for e in page.model.rows()]
    page.view.selectRow(0)
    page.start_proxy()
    assert "XG0203-01-2026-" in page.note.text()
    page.month.setDate(page.month.date().addMonths(-1))  # 2026-02: nobody
    page.month.setDate(page.month.date().addMonths(1))
    assert [i.elder.name for i in page.allowance.rows()] == ["王德明"]  # 80 on 20 March


def test_home_cards_count_due_visits_and_follow_ups(ctx, demo) -> None:
    from villagedesk.ui.eldercare import home_cards

    cards = {c.title: c.count for c in home_cards(ctx)}
    assert cards[tr("EldercareUi", "Elders due for a visit")] == len(eldercare_visits.due_list(demo)) > 0
    assert cards[tr("EldercareUi", "Open follow-ups")] == len(eldercare_visits.open_follow_ups(demo))


def test_rules_page_saves_hall_overrides_and_refuses_bad_amounts(qtbot, ctx, demo) -> None:
    from villagedesk.services.eldercare_rules import get_rules
    from villagedesk.ui.eldercare.rules import RulesPage

    page = RulesPage(ctx)
    qtbot.addWidget(page)
    page.save()  # nothing changed: nothing stored
    assert get_rules(demo).overridden == frozenset()
    page.flag_days["empty_nest"].setValue(10)
    page.prices["lunch"].setText("13.5")
    page.save()
    rules = get_rules(demo)
    assert rules.visit_days({"empty_nest"}) == 10 and rules.meal_price_fen["lunch"] == 1350
    assert rules.overridden == {"visit_rules", "meal_prices"}
    page.subsidies["other"].setText("1.005")
    page.save()
    assert page.message.text() and get_rules(demo).meal_subsidy_fen["other"] == 200
    page.reset()
    assert get_rules(demo).overridden == frozenset() and page.prices["lunch"].text() == "12.00"


def test_a_mistaken_meal_is_voided_from_the_timeline(qtbot, ctx, demo) -> None:
    from villagedesk.services.eldercare_roster import roster
    from villagedesk.ui.eldercare.roster import ElderDetailPage

    elder = next(e for e in roster(demo) if e.name == "陈建国")
    before = eldercare_meals.meal_statement(demo, month="2026-03", resident_id=elder.resident_id).meals
    page = ElderDetailPage(ctx)
    qtbot.addWidget(page)
    page.open_with(resident_id=elder.resident_id)
    meal_row = next(i for i, r in enumerate(page.timeline.rows()) if r["kind"] == "meal")
    page.timeline_view.selectRow(meal_row)
    page.void_selected()
    assert eldercare_meals.meal_statement(demo, month="2026-03", resident_id=elder.resident_id).meals == before - 1
    assert tr("EldercareUi", "Voided") in [r["state"] for r in page.timeline.rows()]
