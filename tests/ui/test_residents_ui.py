"""Residents screens driven from the keyboard: search, open, add with a wrong ID, households, status."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from villagedesk.services import residents as svc
from villagedesk.services.idcard import build_id as _build_id


def build_id(region: str, birth: str, seq: int) -> str:
    return _build_id(region, dt.datetime.strptime(birth, "%Y%m%d").date(), seq)

# Two residents whose names start alike, so the arrow keys have somewhere to go.
PEOPLE = (("张三", "19600302", 11), ("张三丰", "19700415", 23), ("李四", "19850101", 35))


@pytest.fixture
def people(store, actor):  # type: ignore[no-untyped-def]
    made = []
    for name, birth, seq in PEOPLE:
        made.append(svc.add_resident(store, actor=actor, name=name,
                                     id_number=build_id("420902", birth, seq), phone=""))
    return made


def test_search_with_the_keyboard_and_open_with_enter(qtbot, window, people) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F
    page = window.current_page()
    assert window.current_key == "residents"
    qtbot.keyClicks(page.box, "zs")  # pinyin initials of 张三 / 张三丰
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)  # debounced
    assert [h.name for h in page.model.rows()] == ["张三", "张三丰"]
    qtbot.keyClick(page.box, Qt.Key.Key_Down)  # into the results
    qtbot.keyClick(page.table, Qt.Key.Key_Down)  # second row
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)  # Esc: back to the box to type again
    assert page.box.selectedText() == "zs"
    qtbot.keyClick(page.box, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.current_key == "residents.detail"
    detail = window.current_page()
    assert detail.name.text() == "张三丰" and detail.id_number.text() == people[1].id_number


def test_enter_in_the_search_box_opens_the_first_hit(qtbot, window, people) -> None:  # type: ignore[no-untyped-def]
    window.navigate("residents")
    page = window.current_page()
    page.box.insert("李四")
    qtbot.keyClick(page.box, Qt.Key.Key_Return)  # before the debounce fired
    assert window.current_key == "residents.detail"
    assert window.current_page().title.text() == "李四"


def test_a_wrong_id_number_is_named_beside_the_field_and_nothing_is_saved(
        qtbot, window, store) -> None:  # type: ignore[no-untyped-def]
    before = svc.count_residents(store)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N
    assert window.current_key == "residents.new"
    page = window.current_page()
    page.name.insert("王小红")
    good = build_id("420902", "19900101", 24)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")  # wrong check character
    qtbot.keyClicks(page.id_number, bad)
    qtbot.keyClick(page.id_number, Qt.Key.Key_Return)  # Enter submits
    message = page.form.error_text("id_number")
    assert "校验" in message  # the service's own Chinese message, beside the ID field
    assert page.form.errors["id_number"].isVisible()
    assert svc.count_residents(store) == before

    page.id_number.clear()
    qtbot.keyClicks(page.id_number, good)
    assert page.form.error_text("id_number") == ""  # cleared as soon as 18 good characters are in
    qtbot.keyClick(page.id_number, Qt.Key.Key_Return)
    assert svc.count_residents(store) == before + 1
    saved = svc.get_resident(store, id_number=good)
    assert saved.name == "王小红" and saved.is_head  # a one-person household, headed by her
    qtbot.waitUntil(lambda: not window.home.loading and window.home.cards[0].card.count == before + 1,
                    timeout=5000)  # the home card follows


def test_a_household_gets_members_and_shows_them(qtbot, window, store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from villagedesk.ui.residents.household_page import NewHouseholdDialog

    dialog = NewHouseholdDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.village_group.insert("三组")
    dialog.address.insert("三组张家湾8号")
    dialog.submit()
    assert dialog.household_id
    window.navigate("residents.household", household_id=dialog.household_id)
    house = window.current_page()
    assert house.model.rowCount() == 0
    no = svc.get_household(store, household_id=dialog.household_id).household_no

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N: a member
    form = window.current_page()
    assert form.household_mode.currentData() == "join" and form.household_no.text() == no
    form.name.insert("赵大")
    form.relation.setCurrentText("户主")
    qtbot.keyClicks(form.id_number, build_id("420902", "19700101", 15))
    assert form.save()
    form.household_button.click()
    assert window.current_key == "residents.household"
    assert [m.name for m in house.model.rows()] == ["赵大"]
    assert house.head.text() == "赵大" and house.address.text() == "三组张家湾8号"

    # Mark him moved out, after a confirmation: the record stays.
    qtbot.keyClick(house.table, Qt.Key.Key_Return)
    detail = window.current_page()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    detail.moved_out_button.click()
    assert svc.get_resident(store, resident_id=detail.detail.id).status == "active"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    detail.moved_out_button.click()
    assert svc.get_resident(store, resident_id=detail.detail.id).status == "moved_out"
    assert detail.banner.isVisible() and not detail.moved_out_button.isVisible()


def test_the_item_models_pass_the_model_tester(qtmodeltester, store, actor, people) -> None:  # type: ignore[no-untyped-def]
    from villagedesk.services.resident_search import search_residents
    from villagedesk.ui.residents.models import (
        HouseholdsTableModel,
        MembersTableModel,
        ResidentHitsTableModel,
    )

    hits = ResidentHitsTableModel()
    hits.set_rows(search_residents(store, query="zs").hits)
    qtmodeltester.check(hits, force_py=True)
    members = MembersTableModel()
    members.set_rows(svc.get_household(store, household_id=people[0].household_id).members)
    qtmodeltester.check(members, force_py=True)
    households = HouseholdsTableModel()
    households.set_rows(svc.list_households(store))
    qtmodeltester.check(households, force_py=True)
    assert households.rowCount() == 3


def test_ctrl_n_never_throws_away_a_half_typed_new_resident(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.current_page()
    form.name.insert("王小红")
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # to the search page
    assert window.current_key == "residents"
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # and back with Ctrl+N
    assert window.current_page() is form and form.name.text() == "王小红"  # kept as it was

    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        return lambda _parent, _title, text, *a, **k: asked.append(text) or reply

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # on the form itself
    assert len(asked) == 1 and form.name.text() == "王小红"  # asked first; "No" keeps it
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2 and form.name.text() == ""  # "Yes": a blank form to start again


def test_tab_follows_the_reading_order_of_the_new_resident_form(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    keys = {id(w): k for k, w in page.form.widgets.items()}
    keys.update({id(box): k for k, box in page.flags.items()})
    keys.update({id(page.back_button): "back", id(page.save_button): "save"})
    page.name.setFocus()
    seen = []
    for _ in range(17):
        widget = QApplication.focusWidget()
        seen.append(keys.get(id(widget), type(widget).__name__))
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert seen == ["name", "id_number", "phone", "ethnicity", "relation", "household_mode",
                    "village_group", "hamlet", "address", "is_party_member", "is_dibao", "is_tekun",
                    "is_disabled", "lives_alone", "note", "back", "save"]
