"""One-box resident search: name, pinyin initials or full pinyin, ID number or its tail, phone.

Every kind of match is an index range scan (names, pinyin keys, reversed ID and phone),
so a search stays fast over 100,000 residents. Ranking: exact ID or phone, then name
(exact, prefix), then pinyin (initials, then prefixes), then name substrings, then tails.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
import unicodedata

from sqlalchemy import text

from villagedesk.db.store import Store
from villagedesk.services.idcard import age_on, check_id_number, mask_id
from villagedesk.services.pinyin_keys import query_key

RANK_EXACT_ID, RANK_NAME_EXACT, RANK_NAME_PREFIX = 0, 1, 2
RANK_INITIALS, RANK_PINYIN_PREFIX, RANK_NAME_SUBSTRING, RANK_TAIL = 3, 4, 5, 6
MATCH_KINDS = {
    RANK_EXACT_ID: "exact", RANK_NAME_EXACT: "name", RANK_NAME_PREFIX: "name_prefix",
    RANK_INITIALS: "initials", RANK_PINYIN_PREFIX: "pinyin", RANK_NAME_SUBSTRING: "name_part",
    RANK_TAIL: "tail",
}
_HIGH = "\U0010ffff"
_COLUMNS = ("r.id, r.name, r.sex, r.id_number, r.phone, r.birth_date, r.status, r.household_id, "
            "h.household_no, h.village_group")


@dataclasses.dataclass(frozen=True)
class ResidentHit:
    id: str
    name: str
    sex: str
    id_number: str
    id_masked: str
    phone: str
    age: int
    status: str
    household_id: str
    household_no: str
    village_group: str
    match_kind: str


@dataclasses.dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[ResidentHit]
    elapsed_ms: float


def classify(query: str) -> str:
    q = unicodedata.normalize("NFKC", query).strip()
    if not q:
        return "empty"
    if re.fullmatch(r"[0-9]+[xX]?", q.replace(" ", "").replace("-", "")):
        return "number"
    if re.fullmatch(r"[A-Za-z' ]+", q):
        return "pinyin"
    return "name"


def _rows(conn, where: str, params: dict, limit: int):  # type: ignore[no-untyped-def]
    sql = f"SELECT {_COLUMNS} FROM resident r JOIN household h ON h.id = r.household_id WHERE {where} LIMIT :lim"
    return conn.execute(text(sql), {**params, "lim": limit}).all()


def _key_rows(conn, key: str, status_clause: str, limit: int, high: str = "{"):  # type: ignore[no-untyped-def]
    sql = (f"SELECT {_COLUMNS}, k.key FROM resident_key k "
           "JOIN resident r ON r.id = k.resident_id JOIN household h ON h.id = r.household_id "
           f"WHERE k.key >= :lo AND k.key < :hi{status_clause} ORDER BY k.key LIMIT :lim")
    return conn.execute(text(sql), {"lo": key, "hi": key + high, "lim": limit}).all()


def search_residents(store: Store, *, query: str, limit: int = 50,
                     include_inactive: bool = True) -> SearchResult:
    started = time.perf_counter()
    kind = classify(query)
    q = unicodedata.normalize("NFKC", query).strip()
    found: dict[str, tuple[int, object]] = {}

    def take(rank: int, rows) -> None:  # type: ignore[no-untyped-def]
        for row in rows:
            if row.id not in found or found[row.id][0] > rank:
                found[row.id] = (rank, row)

    status_clause = "" if include_inactive else " AND r.status = 'active'"
    with store.read() as s:
        conn = s.connection()
        if kind == "number":
            digits = q.replace(" ", "").replace("-", "").upper()
            if len(digits) in (15, 18):
                check = check_id_number(digits, today=store.clock.today())
                exact = check.normalized or digits
                take(RANK_EXACT_ID, _rows(conn, "r.id_number = :q" + status_clause, {"q": exact}, limit))
            take(RANK_EXACT_ID, _rows(conn, "r.phone = :q" + status_clause, {"q": digits}, limit))
            if len(digits) >= 4:
                rev = digits[::-1]
                for col in ("r.id_rev", "r.phone_rev"):
                    take(RANK_TAIL, _rows(conn, f"{col} >= :lo AND {col} < :hi" + status_clause,
                                          {"lo": rev, "hi": rev + _HIGH}, limit))
        elif kind == "pinyin":
            key = query_key(q)
            if key:
                for row in _key_rows(conn, key, status_clause, limit * 4):
                    take(RANK_INITIALS if row.key == key else RANK_PINYIN_PREFIX, [row])
        elif kind == "name":
            take(RANK_NAME_EXACT, _rows(conn, "r.name = :q" + status_clause, {"q": q}, limit))
            take(RANK_NAME_PREFIX, _rows(conn, "r.name >= :lo AND r.name < :hi" + status_clause,
                                         {"lo": q, "hi": q + _HIGH}, limit))
            if len(found) < limit:
                # resident_key holds every inner suffix of a name: a part of a name is a prefix of one.
                take(RANK_NAME_SUBSTRING, _key_rows(conn, q, status_clause, limit, high=_HIGH))
    today = store.clock.today()
    ordered = sorted(found.values(), key=lambda pair: (pair[0], pair[1].status != "active",
                                                       len(pair[1].name), pair[1].name))
    hits = [_hit(row, rank, today) for rank, row in ordered[:limit]]
    return SearchResult(query, hits, (time.perf_counter() - started) * 1000)


def _hit(row, rank: int, today: dt.date) -> ResidentHit:  # type: ignore[no-untyped-def]
    birth = row.birth_date if isinstance(row.birth_date, dt.date) else dt.date.fromisoformat(row.birth_date)
    return ResidentHit(
        id=row.id, name=row.name, sex=row.sex, id_number=row.id_number,
        id_masked=mask_id(row.id_number, head=6, tail=4), phone=row.phone, age=age_on(birth, today),
        status=row.status, household_id=row.household_id, household_no=row.household_no,
        village_group=row.village_group, match_kind=MATCH_KINDS[rank],
    )
