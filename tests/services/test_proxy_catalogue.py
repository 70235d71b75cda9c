"""The service catalogue: shipped on a new hall, found by pinyin, updated by the county."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import text

from villagedesk.db.models.proxy import catalogue_item_id
from villagedesk.resources import resource_path
from villagedesk.services import proxy_catalogue as cat
from villagedesk.sync.appliers import DEFAULT_APPLIERS, ApplyContext
from villagedesk.sync.protocol import Change


def test_a_new_hall_has_the_shipped_catalogue(store) -> None:
    items = cat.list_catalogue(store)
    shipped = json.loads(resource_path("data/service_catalogue.json").read_text(encoding="utf-8"))
    assert len(items) == len(shipped["items"]) >= 40
    assert len(cat.categories(store)) >= 8
    departments = {i.department for i in items}
    assert {"人社", "医保", "民政", "公安", "卫健", "农业农村", "残联"} <= departments
    for item in items:
        assert item.materials and item.promised_days > 0 and item.code and item.category
    id_card = cat.get_item(store, code="ga001")
    assert id_card.name == "居民身份证换领" and id_card.fee == "20.00"
    assert id_card.id == catalogue_item_id("GA001")  # the same id on every hall


def test_catalogue_is_county_data_and_not_sent_as_hall_records(store) -> None:
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM outbox WHERE entity='service_item'")).scalar_one() == 0


def test_search_by_name_code_and_pinyin(store) -> None:
    def codes(q: str) -> list[str]:
        return [i.code for i in cat.list_catalogue(store, search=q)]

    assert codes("养老")[0] == "RS002" and "RS001" in codes("养老")  # name starts with it first
    assert codes("RS002") == ["RS002"]
    assert "RS002" in codes("ylj")  # 养老金 by initials
    assert "GA001" in codes("shenfenzheng")  # 身份证 by full pinyin
    assert codes("cjr")[0].startswith("CL")  # 残疾人证
    assert "NY001" in codes("gengdi")
    assert codes("残联") and all(c.startswith("CL") for c in codes("残联"))
    assert codes("xyzxyz") == []
    # everyday words, in characters or pinyin
    assert codes("低保")[0] == "MZ001" and codes("dibao")[:1] == ["MZ001"] and "MZ001" in codes("db")[:3]
    assert "WJ001" in codes("准生证") and "GA004" in codes("shanghukou")


def test_county_update_replaces_and_tombstone_retires_an_item(store) -> None:
    applier = DEFAULT_APPLIERS.get("service_item")
    assert applier is cat.apply_service_item
    ctx = ApplyContext(store, store.clock.now())
    server_id = "9b8c7d6e-0000-4000-8000-000000000001"
    change = Change(cursor=1, entity="service_item", entity_id=server_id, kind="upsert", version=3,
                    created_at="2026-03-01T00:00:00Z",
                    data={"code": "GA001", "name": "居民身份证换领（到期换证）", "promised_days": 15,
                          "materials": ["原居民身份证", "户口簿", "数码照片回执"], "fee": "20.00"})
    new = Change(cursor=2, entity="service_item", entity_id="9b8c7d6e-0000-4000-8000-000000000002",
                 kind="upsert", version=1, created_at="2026-03-01T00:00:00Z",
                 data={"code": "MZ101", "name": "老年人意外伤害保险登记", "category": "社会救助",
                       "department": "民政", "promised_days": 5, "materials": ["居民身份证"]})
    with store.write(None) as s:
        applier(s, change, ctx)
        applier(s, new, ctx)
        applier(s, change, ctx)  # delivered again: no effect
    item = cat.get_item(store, code="GA001")
    assert item.promised_days == 15 and "数码照片回执" in item.materials and item.server_version == 3
    assert cat.get_item(store, code="MZ101").name == "老年人意外伤害保险登记"
    gone = Change(cursor=3, entity="service_item", entity_id=server_id, kind="delete", version=4,
                  created_at=dt.datetime(2026, 3, 2).isoformat())
    with store.write(None) as s:
        applier(s, gone, ctx)
    assert "GA001" not in [i.code for i in cat.list_catalogue(store)]
    assert "GA001" in [i.code for i in cat.list_catalogue(store, include_inactive=True)]
