"""A realistic demo hall: Xiaogan region codes, common surnames, plausible households and ages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy import insert

from villagedesk.db.models.base import new_id, row_defaults
from villagedesk.db.models.residents import Household, Resident
from villagedesk.db.store import Store
from villagedesk.services import auth
from villagedesk.services.idcard import build_id
from villagedesk.services.residents import derived_columns

DEMO_ADMIN = "管理员"
DEMO_PASSWORD = "demo1234"
DEMO_STAFF = (("李代办", "proxy"), ("张养老", "eldercare"), ("陈农资", "supply"), ("刘党务", "party"))
XIAOGAN_REGIONS = ("420902", "420921", "420922", "420923", "420981", "420982", "420984")
# Roughly the frequency of surnames in Hubei villages (weights, not percentages).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
)
SURNAME_WEIGHTS = [max(1.0, 60.0 / (i + 1) ** 0.8) for i in range(len(SURNAMES))]
GIVEN_MALE = "伟强军平刚勇杰涛明超辉华建国志文斌鹏波宇浩俊峰磊亮成新春德林海生红兵金龙福贵祥"
GIVEN_FEMALE = "芳娟敏静丽艳娜秀英华玲霞红梅兰凤琴云珍燕萍桂芬翠莲慧婷雪琳丹洁"
GROUPS = [f"{n}组" for n in "一二三四五六七八九十"] + ["十一组", "十二组"]
HAMLETS = ("张家湾", "李家湾", "王家湾", "刘家湾", "陈家湾", "胡家湾", "周家湾", "杨家湾", "新湾", "大湾")


@dataclasses.dataclass(frozen=True)
class SeedResult:
    households: int
    residents: int
    created_hall: bool


def _given(rng: random.Random, sex: str) -> str:
    pool = GIVEN_MALE if sex == "M" else GIVEN_FEMALE
    return "".join(rng.choice(pool) for _ in range(1 if rng.random() < 0.25 else 2))


def _birth(rng: random.Random, today: dt.date, age_low: int, age_high: int) -> dt.date:
    age = rng.randint(max(0, age_low), max(age_low, age_high))
    start = dt.date(today.year - age - 1, today.month, 1) + dt.timedelta(days=1)
    return min(today, start + dt.timedelta(days=rng.randint(0, 364)))


def ensure_demo_hall(store: Store) -> bool:
    """Set up a demo hall with one account per role unless the hall exists already."""
    if store.is_set_up:
        return False
    auth.setup_hall(store, hall_name="孝南区新铺镇示范村党群服务中心", hall_code="XG0203",
                    admin_name=DEMO_ADMIN, admin_password=DEMO_PASSWORD, township="新铺镇",
                    county="孝感市孝南区", phone="0712-2345678", is_demo=True)
    admin = auth.actor_for(store)
    for name, role in DEMO_STAFF:
        auth.create_staff(store, actor=admin, name=name, role=role, password=DEMO_PASSWORD)
    return True


def seed_demo(store: Store, *, residents: int, seed: int = 20261205,
              progress: Callable[[int, int], None] | None = None) -> SeedResult:
    """Add `residents` residents in households, with bulk inserts (200,000 take seconds, not minutes)."""
    created = ensure_demo_hall(store)
    actor = auth.actor_for(store)
    rng = random.Random(seed)
    today = store.clock.today()
    used_ids: set[str] = set()
    seqs: dict[tuple[str, dt.date], int] = {}

    def make_id(region: str, birth: dt.date, sex: str) -> str:
        while True:
            n = seqs.get((region, birth), rng.randint(1, 300))
            n = n + 1 if (n % 2 == 1) == (sex == "M") else n
            n = n if (n % 2 == 1) == (sex == "M") else n + 1
            seqs[(region, birth)] = n + 1
            candidate = build_id(region, birth, n % 1000)
            if candidate not in used_ids:
                used_ids.add(candidate)
                return candidate

    made = households = 0
    with store.write(actor) as s:
        # A second seed on the same hall adds residents: never reuse an ID number already there.
        used_ids.update(r[0] for r in s.connection().exec_driver_sql("SELECT id_number FROM resident"))
        base = row_defaults(s)
        start_no = s.connection().exec_driver_sql(
            "SELECT count(*) FROM household").scalar_one()
        batch_h: list[dict] = []
        batch_r: list[dict] = []
        while made < residents:
            households += 1
            hid = new_id()
            group = rng.choice(GROUPS)
            region = rng.choices(XIAOGAN_REGIONS, weights=(5, 2, 1, 1, 1, 1, 2))[0]
            surname = rng.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0]
            size = min(residents - made, rng.choices((1, 2, 3, 4, 5, 6), weights=(12, 22, 24, 22, 13, 7))[0])
            head_age = rng.randint(28, 85) if size > 1 else rng.randint(55, 92)
            members: list[tuple[str, str, dt.date]] = []  # (relation, sex, birth)
            members.append(("户主", "M" if rng.random() < 0.85 else "F", _birth(rng, today, head_age, head_age)))
            if size > 1:
                members.append(("配偶", "F" if members[0][1] == "M" else "M",
                                _birth(rng, today, head_age - 5, head_age + 3)))
            for _ in range(size - len(members)):
                if head_age > 55 and rng.random() < 0.3:
                    members.append(("孙子女", rng.choice("MF"), _birth(rng, today, 1, 16)))
                elif head_age < 50 and rng.random() < 0.25:
                    members.append(("父母", rng.choice("MF"), _birth(rng, today, head_age + 22, head_age + 32)))
                else:
                    members.append(("子女", rng.choice("MF"), _birth(rng, today, max(0, head_age - 38), max(0, head_age - 20))))
            head_rid = None
            for relation, sex, birth in members:
                rid = new_id()
                head_rid = head_rid or rid
                name = (surname if relation in ("户主", "子女", "孙子女") or rng.random() < 0.2
                        else rng.choices(SURNAMES, weights=SURNAME_WEIGHTS)[0]) + _given(rng, sex)
                id_number = make_id(region, birth, sex)
                age = today.year - birth.year
                phone = f"1{rng.choice('3578')}{rng.randint(0, 999999999):09d}" if 18 <= age <= 75 and rng.random() < 0.8 else ""
                row = {**base, "id": rid, "household_id": hid, "name": name, "sex": sex,
                       "ethnicity": "汉族" if rng.random() < 0.97 else rng.choice(("土家族", "回族", "苗族")),
                       "id_number": id_number, "birth_date": birth, "phone": phone, "relation": relation,
                       "is_party_member": age >= 18 and rng.random() < 0.06,
                       "is_dibao": rng.random() < 0.03, "is_tekun": rng.random() < 0.004,
                       "is_disabled": rng.random() < 0.02, "lives_alone": size == 1 and age >= 60,
                       "status": "active", "status_changed_at": None, "status_note": "", "note": ""}
                row.update(derived_columns(name, id_number, phone))
                batch_r.append(row)
                made += 1
            batch_h.append({**base, "id": hid, "household_no": f"{group[:-1]}-{start_no + households:05d}",
                            "head_id": head_rid, "village_group": group, "hamlet": rng.choice(HAMLETS),
                            "grid": f"第{GROUPS.index(group) // 3 + 1}网格",
                            "address": f"{group}{rng.choice(HAMLETS)}{rng.randint(1, 120)}号", "status": "active"})
            if len(batch_r) >= 5000:
                s.execute(insert(Household), batch_h)
                s.execute(insert(Resident), batch_r)
                batch_h, batch_r = [], []
                if progress:
                    progress(made, residents)
        if batch_r:
            s.execute(insert(Household), batch_h)
            s.execute(insert(Resident), batch_r)
    if progress:
        progress(made, residents)
    return SeedResult(households, made, created)
