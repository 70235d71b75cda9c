"""Residents and households through the service layer, as the counter clerk uses them."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from villagedesk.errors import DomainError
from villagedesk.services import residents
from villagedesk.services.idcard import build_id
import datetime as dt



def _id(year: int, seq: int = 11, region: str = "420902") -> str:
    return build_id(region, dt.date(year, 3, 15), seq)


def test_add_resident_makes_a_one_person_household_and_captures_it(store, actor) -> None:
    d = residents.add_resident(store, actor=actor, name=" 张三丰 ", id_number=_id(1980), phone="138 0000 1234")
    assert d.name == "张三丰" and d.sex == "M" and d.birth_date == dt.date(1980, 3, 15)
    assert d.phone == "13800001234" and d.is_head and d.relation == "户主"
    h = residents.get_household(store, household_id=d.household_id)
    assert [m.name for m in h.members] == ["张三丰"] and h.head_name == "张三丰"
    with store.read() as s:
        ops = s.execute(text("SELECT entity, fields FROM outbox WHERE entity_id IN (:r, :h) ORDER BY seq"),
                        {"r": d.id, "h": d.household_id}).all()
    # household insert, resident insert, household head update — and no local search columns leave the PC
    assert [o.entity for o in ops] == ["household", "resident", "household"]
    assert "search_keys" not in json.loads(ops[1].fields)
    assert json.loads(ops[1].fields)["id_number"] == _id(1980)


def test_wrong_check_character_is_refused_without_suggesting_one(store, actor) -> None:
    good = _id(1975)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(DomainError) as err:
        residents.add_resident(store, actor=actor, name="李四", id_number=bad)
    assert err.value.field == "id_number" and err.value.kind == "checksum"
    assert "逐位" in err.value.message and good[-1] not in err.value.message[-3:]
    assert residents.count_residents(store) == 0


def test_duplicate_id_names_the_resident_who_has_it(store, actor) -> None:
    residents.add_resident(store, actor=actor, name="王五", id_number=_id(1960))
    with pytest.raises(DomainError) as err:
        residents.add_resident(store, actor=actor, name="王六", id_number=_id(1960).lower())
    assert err.value.kind == "duplicate" and "王五" in err.value.message


def test_fifteen_digit_and_fullwidth_numbers_are_normalised(store, actor) -> None:
    d = residents.add_resident(store, actor=actor, name="赵七", id_number="420984460522006")
    assert d.id_number == "420984194605220069"
    fw = "".join(chr(ord(c) + 0xFEE0) for c in _id(1990, 21))
    assert residents.add_resident(store, actor=actor, name="钱八", id_number=fw).id_number == _id(1990, 21)


def test_household_members_and_head(store, actor) -> None:
    h = residents.add_household(store, actor=actor, household_no="3-00012", village_group="三组",
                                hamlet="张家湾")
    head = residents.add_resident(store, actor=actor, name="周大", id_number=_id(1955),
                                  household_id=h.id, relation="户主")
    residents.add_resident(store, actor=actor, name="吴二", id_number=_id(1957, 22),
                           household_id=h.id, relation="配偶")
    got = residents.get_household(store, household_no="3-00012")
    assert got.head_id == head.id and [m.name for m in got.members] == ["周大", "吴二"]
    with pytest.raises(DomainError):
        residents.add_household(store, actor=actor, household_no="3-00012")


def test_status_change_is_never_a_deletion(store, actor) -> None:
    d = residents.add_resident(store, actor=actor, name="孙九", id_number=_id(1940))
    residents.set_status(store, actor=actor, resident_id=d.id, status="deceased", note="2026-02-01")
    again = residents.get_resident(store, resident_id=d.id)
    assert again.status == "deceased" and again.status_label == "死亡"
    with pytest.raises(DomainError):
        residents.set_status(store, actor=actor, resident_id=d.id, status="active")
    assert residents.count_residents(store, status=None) == 1


def test_update_validates_each_field(store, actor) -> None:
    d = residents.add_resident(store, actor=actor, name="郑十", id_number=_id(1985))
    with pytest.raises(DomainError) as err:
        residents.update_resident(store, actor=actor, resident_id=d.id, phone="12345")
    assert err.value.field == "phone"
    d2 = residents.update_resident(store, actor=actor, resident_id=d.id, phone="0712-2345678",
                                   is_dibao=True)
    assert d2.phone == "0712-2345678" and d2.flags["is_dibao"] and d2.version == d.version + 1
    assert residents.check_fields(store, name="", id_number="123", phone="1") .keys() == {
        "name", "id_number", "phone"}


def test_a_name_beyond_the_bmp_is_stored_and_found_intact(store, actor) -> None:
    from villagedesk.services.resident_search import search_residents

    d = residents.add_resident(store, actor=actor, name="𠮷野家", id_number=_id(1970))
    assert residents.get_resident(store, resident_id=d.id).name == "𠮷野家"
    assert [h.name for h in search_residents(store, query="𠮷").hits] == ["𠮷野家"]
    assert [h.name for h in search_residents(store, query="野家").hits] == ["𠮷野家"]
