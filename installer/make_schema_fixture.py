"""Make the database fixture of one released schema: tests/fixtures/db/schema-<revision>.sqlite.

A small hall (示范村, XG0203) with its administrator and five residents in two
households, migrated only up to the given revision. tests/packaging/test_upgrade.py opens
every such fixture with the current code and checks that it is backed up first, then
upgraded to the heads, with the data intact.

    .venv/bin/python installer/make_schema_fixture.py                  # 0001_foundation
    .venv/bin/python installer/make_schema_fixture.py --revision heads  # at a release

Run it with the code of the release whose schema it records (for a past release: from a
checkout of that tag), and commit the .sqlite file. The data is written through the
services of that code, so it is what a hall would really have had.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (name, ID number, phone, relation to the head; "" = heads a new household)
RESIDENTS = [
    ("张建国", "420902195503120017", "13907120001", ""),
    ("李秀英", "420902195708230024", "", "配偶"),
    ("张小明", "420902198405160035", "13907120003", "子"),
    ("王桂兰", "420902194011020041", "", ""),
    ("𠮷田丽", "42090219900101005X", "13907120005", "女"),  # a rare character (U+20BB7)
]
EXPECTED_NAMES = sorted(name for name, *_ in RESIDENTS)


def check_digit(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


def make(revision: str, out: Path) -> Path:
    from villagedesk.clock import CST, FixedClock
    from villagedesk.db import migrate
    from villagedesk.db.store import Store
    from villagedesk.services import auth, residents

    clock = FixedClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=CST))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "villagedesk.sqlite"
        migrate.upgrade(db, revision)
        store = Store.open(db, clock=clock)
        try:
            auth.setup_hall(store, hall_name="孝南区新铺镇示范村党群服务中心", hall_code="XG0203",
                            admin_name="王管理", admin_password="secret123", township="新铺镇",
                            county="孝南区", phone="0712-2345678")
            admin = auth.actor_for(store)
            household_id = None
            for name, id_number, phone, relation in RESIDENTS:
                id_number = id_number[:17] + check_digit(id_number[:17])
                detail = residents.add_resident(
                    store, actor=admin, name=name, id_number=id_number, phone=phone,
                    household_id=household_id if relation else None, relation=relation,
                )
                household_id = detail.household_id
        finally:
            store.close()
        con = sqlite3.connect(db)
        try:
            con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
            con.execute("VACUUM")
        finally:
            con.close()
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(db.read_bytes())
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revision", default="0001_foundation")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    name = args.revision
    if name == "heads":
        from villagedesk.db import migrate

        name = "+".join(sorted(migrate.head_revisions()))
    out = args.out or ROOT / "tests" / "fixtures" / "db" / f"schema-{name}.sqlite"
    path = make(args.revision, out)
    print(path, path.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
