"""The demo hall looks like a real Xiaogan village: valid ID numbers with local region codes,
a realistic spread of surnames, households of plausible size with one head each."""

from __future__ import annotations

import collections
import statistics

from sqlalchemy import text

from villagedesk.services import auth
from villagedesk.services.demo import DEMO_ADMIN, XIAOGAN_REGIONS, seed_demo
from villagedesk.services.idcard import age_on, check_id_number


def test_demo_hall_is_set_up_with_one_account_per_role(bare_store) -> None:  # type: ignore[no-untyped-def]
    result = seed_demo(bare_store, residents=50)
    assert result.created_hall and bare_store.identity.is_demo
    roles = {s.role for s in auth.list_staff(bare_store)}
    assert roles == set(auth.ROLES)
    assert auth.authenticate(bare_store, name=DEMO_ADMIN, password="demo1234").role == "admin"


def test_demo_residents_look_like_a_xiaogan_village(bare_store) -> None:  # type: ignore[no-untyped-def]
    result = seed_demo(bare_store, residents=3000)
    today = bare_store.clock.today()
    with bare_store.read() as s:
        rows = s.execute(text("SELECT name, sex, id_number, birth_date, household_id, relation FROM resident")).all()
        heads = s.execute(text("SELECT count(*) FROM household h JOIN resident r ON r.id = h.head_id "
                               "AND r.household_id = h.id")).scalar_one()
    assert len(rows) == result.residents == 3000
    for name, sex, id_number, birth, _hid, _rel in rows:
        check = check_id_number(id_number, today=today)
        assert check.ok, (name, id_number, check.message)
        assert id_number[:6] in XIAOGAN_REGIONS
        assert (check.sex, check.birth_date.isoformat()) == (sex, str(birth))  # the ID decides them
    assert len({r.id_number for r in rows}) == len(rows)
    sizes = collections.Counter(r.household_id for r in rows).values()
    assert heads == result.households == len(sizes)  # every household has its head among its members
    assert 1 <= min(sizes) and max(sizes) <= 6 and 2.3 <= statistics.mean(sizes) <= 4.0
    surnames = collections.Counter(r.name[0] for r in rows)
    top = [name for name, _ in surnames.most_common(5)]
    assert len(surnames) >= 40 and {"王", "李", "张"} & set(top)
    assert surnames.most_common(1)[0][1] < 0.2 * len(rows)  # spread, not one clan
    ages = [age_on(dt, today) for dt in (check_id_number(r.id_number, today=today).birth_date for r in rows)]
    assert min(ages) < 10 and max(ages) > 80 and 30 <= statistics.median(ages) <= 60


def test_seeding_the_demo_hall_again_adds_residents_with_new_id_numbers(bare_store) -> None:  # type: ignore[no-untyped-def]
    seed_demo(bare_store, residents=200)
    again = seed_demo(bare_store, residents=200)
    assert not again.created_hall
    with bare_store.read() as s:
        ids = [r[0] for r in s.execute(text("SELECT id_number FROM resident"))]
    assert len(ids) == 400 == len(set(ids))
