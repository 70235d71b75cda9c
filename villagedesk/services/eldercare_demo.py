"""Demo elder-care records for a demo hall, screenshots and document samples.

Registers a dozen elders if the hall has none, then gives them flags, carers, a month of
visits and canteen meals, and some pension checks, all dated relative to the clock's today.
"""

from __future__ import annotations

import datetime as dt
import random

from villagedesk.db.store import Store
from villagedesk.services import residents
from villagedesk.services.auth import Actor
from villagedesk.services.eldercare_meals import register_meals
from villagedesk.services.eldercare_pension import certify
from villagedesk.services.eldercare_roster import roster, set_profile
from villagedesk.services.eldercare_visits import close_follow_up, open_follow_ups, record_visit
from villagedesk.services.idcard import build_id

DEMO_ELDERS = (
    # name, birth, flags, profile
    ("张桂兰", (1941, 3, 14), {"lives_alone": True, "is_dibao": True},
     {"semi_disabled": True, "care_level": 2, "carer_kind": "beacon", "carer_name": "李春华",
      "carer_phone": "13872001122", "meal_regular": True}),
    ("王德明", (1946, 3, 20), {}, {"empty_nest": True, "carer_kind": "beacon", "carer_name": "李春华",
                                 "carer_phone": "13872001122", "meal_regular": True}),
    ("刘秀英", (1936, 7, 2), {"lives_alone": True, "is_tekun": True},
     {"disabled": True, "care_level": 3, "carer_kind": "staff", "carer_name": "王管理", "meal_regular": True}),
    ("陈建国", (1952, 11, 30), {}, {"carer_kind": "volunteer", "carer_name": "周志愿", "meal_regular": True}),
    ("赵玉珍", (1949, 1, 8), {"lives_alone": True}, {"carer_kind": "beacon", "carer_name": "李春华",
                                                     "carer_phone": "13872001122"}),
    ("孙福生", (1958, 5, 17), {}, {"empty_nest": True, "carer_kind": "volunteer", "carer_name": "周志愿"}),
    ("周淑芬", (1944, 9, 23), {"is_dibao": True}, {"meal_regular": True, "carer_kind": "staff",
                                                  "carer_name": "王管理"}),
    ("吴长林", (1962, 2, 11), {}, {}),
    ("郑爱华", (1929, 12, 1), {"lives_alone": True}, {"semi_disabled": True, "care_level": 1,
                                                     "carer_kind": "beacon", "carer_name": "李春华",
                                                     "carer_phone": "13872001122"}),
    ("黄金海", (1955, 6, 6), {}, {}),
    ("何翠兰", (1950, 4, 28), {}, {"empty_nest": True}),
    ("马国强", (1964, 8, 19), {}, {}),
)


def seed_eldercare_demo(store: Store, *, actor: Actor, seed: int = 3) -> int:
    """Add the demo elder-care records; returns how many elders were given records."""
    rng = random.Random(seed)
    today = store.clock.today()
    created = []
    for i, (name, birth, flags, profile) in enumerate(DEMO_ELDERS):
        id_number = build_id("420902", dt.date(*birth), 100 + 2 * i + (i % 2))
        try:
            r = residents.get_resident(store, id_number=id_number)
        except Exception:
            r = residents.add_resident(
                store, actor=actor, name=name, id_number=id_number, phone=f"1387200{3000 + i * 7:04d}",
                village_group=f"{'一二三四'[i % 4]}组", hamlet=("张家湾", "刘家湾", "新湾")[i % 3],
                address=f"示范村{'一二三四'[i % 4]}组{10 + i}号", flags=flags)
        created.append((r, profile))
    on_roster = {e.resident_id for e in roster(store)}
    for r, profile in created:
        if r.id not in on_roster:
            continue
        contacts = [{"name": r.name[0] + "小明", "relation": "儿子", "phone": "13972005566"}]
        set_profile(store, actor=actor, resident_id=r.id, emergency_contacts=contacts, **profile)
    notes = ["精神状态良好", "屋内整洁，饮食正常", "反映腿脚疼痛", "血压偏高，已提醒按时服药",
             "代购米油各一份", "帮助打扫卫生", "天冷，已送棉被"]
    types = ["探访", "探访", "助洁", "助医", "代购"]
    elders = [r for r, _ in created if r.id in on_roster]
    for r in elders:
        for _ in range(rng.randint(0, 3)):
            day = today - dt.timedelta(days=rng.randint(1, 40))
            record_visit(store, actor=actor, resident_id=r.id, visit_type=rng.choice(types), visit_date=day,
                         visitor_name=rng.choice(["王管理", "李春华", "周志愿"]), findings=rng.choice(notes),
                         health_notes=rng.choice(["", "血压 150/95", "睡眠差", ""]),
                         follow_up_needed=rng.random() < 0.2)
    for f in open_follow_ups(store)[:1]:
        close_follow_up(store, actor=actor, visit_id=f["id"], result="已联系村医上门")
    regulars = [r.id for r, p in created if p.get("meal_regular") and r.id in on_roster]
    first = today.replace(day=1)
    day = first
    while day < today:
        if day.weekday() < 6:
            eaters = [rid for rid in regulars if rng.random() < 0.85]
            if eaters:
                delivered = {rid: "delivered" for rid in eaters[:1]}
                register_meals(store, actor=actor, meal_date=day, meal="lunch", resident_ids=eaters,
                               modes=delivered)
            if day.weekday() < 5 and eaters[1:3]:
                register_meals(store, actor=actor, meal_date=day, meal="dinner", resident_ids=eaters[1:3])
        day += dt.timedelta(days=1)
    for r in elders[::3]:
        certify(store, actor=actor, resident_id=r.id, method=rng.choice(["现场", "上门", "代办"]),
                check_date=today - dt.timedelta(days=rng.randint(0, 20)))
    return len(elders)
