"""Demo records for the affairs (proxy applications, elder care, supply) on a demo hall.

Dates are spread over the last weeks by running the real services on a moved clock, so
lists, due dates, overdue cards, statements and ledgers all have something to show.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import text

from villagedesk.clock import CST, FixedClock
from villagedesk.db.store import Store
from villagedesk.services import auth

PROXY_SERVICES = ("RS002", "YB001", "MZ001", "GA001", "CL001", "NY001", "RS004", "WJ001", "MZ004", "YB002")
STOCK = (("C0101", 120), ("C0103", 80), ("C0201", 200), ("C0202", 150), ("C0206", 60), ("C0302", 40),
         ("C0304", 35), ("C0309", 12), ("C0310", 6), ("C0401", 30), ("C0601", 8), ("C0702", 50))


@contextmanager
def _clock_at(store: Store, when: dt.datetime) -> Iterator[None]:
    original = store.clock
    store.clock = FixedClock(when)
    try:
        yield
    finally:
        store.clock = original


def _sample_residents(store: Store, n: int, rng: random.Random) -> list[Any]:
    with store.read() as s:
        rows = s.execute(text(
            "SELECT id, id_number, name FROM resident WHERE status = 'active' AND birth_date < :adult "
            "ORDER BY id LIMIT 2000"), {"adult": dt.date(2004, 1, 1)}).all()
    return rng.sample(rows, min(n, len(rows)))


def seed_proxy(store: Store, rng: random.Random) -> int:
    from villagedesk.services import proxy

    admin = auth.actor_for(store)
    clerk = auth.actor_for(store, "李代办") if _has_staff(store, "李代办") else admin
    now = store.clock.now().astimezone(CST)
    made = 0
    for i, person in enumerate(_sample_residents(store, 36, rng)):
        days_ago = 40 - i
        accepted_at = (now - dt.timedelta(days=days_ago)).replace(hour=9 + i % 7, minute=(i * 7) % 60)
        with _clock_at(store, accepted_at):
            result = proxy.accept_application(
                store, actor=clerk, resident_id=person.id, service_code=PROXY_SERVICES[i % len(PROXY_SERVICES)],
                missing=(), notes="")
        made += 1
        stage = i % 6
        if stage == 0 or days_ago < 2:
            continue  # still at the counter
        with _clock_at(store, accepted_at + dt.timedelta(days=1)):
            proxy.forward_application(store, actor=clerk, number=result.receipt_number)
        if stage == 1:
            continue
        if stage == 2:
            with _clock_at(store, accepted_at + dt.timedelta(days=3)):
                proxy.return_application(store, actor=clerk, number=result.receipt_number,
                                         reason="缺少户口簿复印件")
            continue
        if days_ago < 5:
            continue
        with _clock_at(store, accepted_at + dt.timedelta(days=4)):
            proxy.complete_application(store, actor=clerk, number=result.receipt_number)
        if stage >= 4:
            with _clock_at(store, accepted_at + dt.timedelta(days=5)):
                proxy.collect_application(store, actor=clerk, number=result.receipt_number,
                                          collector_name=person.name,
                                          satisfaction=("satisfied", "fair")[i % 2])
    return made


def seed_supply(store: Store, rng: random.Random) -> int:
    from villagedesk.services import supply_orders, supply_sales, supply_stock

    keeper = auth.actor_for(store, "陈农资") if _has_staff(store, "陈农资") else auth.actor_for(store)
    now = store.clock.now().astimezone(CST)
    today = now.date()
    with _clock_at(store, now - dt.timedelta(days=30)):
        for n, (code, qty) in enumerate(STOCK):
            supply_stock.receive(store, actor=keeper, product=code, qty=qty, supplier="孝感市农资有限公司",
                                 lot_no=f"L{today:%y%m}{n:03d}", production_date=today - dt.timedelta(days=200),
                                 expiry_date=today + dt.timedelta(days=20 if code == "C0304" else 500))
    farmers = _sample_residents(store, 16, rng)
    sales = 0
    for i, farmer in enumerate(farmers[:10]):
        when = now - dt.timedelta(days=25 - 2 * i, hours=-1)
        items = [(STOCK[i % 6][0], 1 + i % 3), (STOCK[(i + 3) % 6][0], 1)]
        with _clock_at(store, when):
            if i % 4 == 3:
                supply_sales.sell(store, actor=keeper, items=[("C0309", 1)], pay="cash", buyer=farmer.id_number,
                                  buyer_id_number=farmer.id_number, use="水稻 二化螟")
            else:
                supply_sales.sell(store, actor=keeper, items=items, pay=("cash", "mobile", "credit")[i % 3],
                                  buyer=farmer.id_number)
        sales += 1
    for i, farmer in enumerate(farmers[10:]):
        supply_orders.register_order(store, actor=keeper, farmer=farmer.id_number,
                                     items=[(STOCK[i % 4][0], 2 + i)], wanted_date=today + dt.timedelta(days=i % 3))
    return sales


def _has_staff(store: Store, name: str) -> bool:
    return any(s.name == name and s.active for s in auth.list_staff(store))


def seed_modules(store: Store, *, seed: int = 11) -> dict[str, int]:
    """Seed each affair once; a second call adds nothing."""
    with store.read() as s:
        if s.execute(text("SELECT count(*) FROM proxy_application")).scalar_one():
            return {}
    rng = random.Random(seed)
    out = {"proxy_applications": seed_proxy(store, rng), "supply_sales": seed_supply(store, rng)}
    from villagedesk.services.eldercare_demo import seed_eldercare_demo

    out["elders_with_records"] = seed_eldercare_demo(store, actor=auth.actor_for(store))
    return out
