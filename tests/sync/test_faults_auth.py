"""Fault test 11: requests that are unauthenticated, signed by another device, aimed at
another hall, malformed or oversized are refused with a 4xx and a reason; nothing is written."""

from __future__ import annotations

import gzip
import json
import time

import httpx
import pytest
import sqlalchemy as sa
from synchelp import add_household, assert_exactly_once

from villagedesk.sync import signing
from villagedesk.sync.client import SyncClient, SyncRefused
from villagedesk.sync.enroll import enroll
from villagedesk.sync.push import next_batch
from villagedesk.sync.state import load_state


def _snapshot(engine) -> tuple:
    with engine.connect() as c:
        return (
            c.execute(sa.text("SELECT device_id, seq, payload_hash FROM op_log ORDER BY device_id, seq")).all(),
            c.execute(sa.text("SELECT hall_id, entity, entity_id, version, data FROM record ORDER BY 1, 2, 3")).all(),
        )


def _post(hall, body: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    with httpx.Client(timeout=10) as http:
        return http.post(f"{hall.server.url}/api/v1/push", content=body, headers=headers or {})


def _signed_headers(key_b64: str, device_id: str, body: bytes) -> dict[str, str]:
    ts = int(time.time())
    key = signing.private_from_b64(key_b64)
    return {
        "Content-Type": "application/json", "X-VD-Device": device_id, "X-VD-Timestamp": str(ts),
        "X-VD-Signature": signing.sign_request(key, "POST", "/api/v1/push", ts, body),
    }


@pytest.fixture
def attack(sqlite_hall):
    return _attack(sqlite_hall)


@pytest.fixture
def attack_pg_too(hall):
    return _attack(hall)


def _attack(hall):
    add_household(hall.store, hall.actor, 2)
    ident = hall.store.identity
    body = json.dumps({"hall_id": ident.hall_id, "device_id": ident.device_id, "ops": next_batch(hall.store, after=0)}).encode()
    return hall, body, _snapshot(hall.server.sdb.engine)


def _refused(resp: httpx.Response, status: int) -> dict:
    assert resp.status_code == status, resp.text
    data = resp.json()
    assert data["service"] == "villagedesk" and data["kind"] == "error" and data["detail"]
    return data


def test_11_unauthenticated_and_wrongly_signed_requests(attack) -> None:
    hall, body, before = attack
    ident = hall.store.identity
    _refused(_post(hall, body, {"Content-Type": "application/json"}), 401)
    other_key = signing.private_to_b64(signing.new_private_key())
    assert _refused(_post(hall, body, _signed_headers(other_key, ident.device_id, body)), 401)["code"] == "bad_signature"
    own_key = load_state(hall.store).device_private_key
    headers = _signed_headers(own_key, ident.device_id, body)
    tampered = body.replace(b"\\u4e00\\u7ec4", b"\\u4e8c\\u7ec4") if b"\\u4e00" in body else body[:-1] + b" }"
    assert _refused(_post(hall, tampered, headers), 401)["code"] == "bad_signature"  # body changed after signing
    headers = _signed_headers(own_key, "00000000-0000-0000-0000-000000000000", body)
    assert _refused(_post(hall, body, headers), 401)["code"] == "unknown_device"
    assert _snapshot(hall.server.sdb.engine) == before
    hall.push()
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_11_other_halls_data_is_refused_whole(attack_pg_too, tmp_path, clock) -> None:
    hall, body, before = attack_pg_too
    ident = hall.store.identity
    own_key = load_state(hall.store).device_private_key
    # A second hall on the same server.
    from villagedesk.bootstrap import open_store
    from villagedesk.config import Paths
    from villagedesk.services.auth import setup_hall

    other = open_store(Paths.default(tmp_path / "other"), clock=clock)
    setup_hall(other, hall_name="另一村", hall_code="XG0204", admin_name="李", admin_password="secret123")
    with httpx.Client() as http:
        enroll(other, server_url=hall.server.url, code=hall.server.new_hall("XG-0204", "另一村"), http=http)
    other_hall = other.identity.hall_id
    other.close()

    payload = json.loads(body)
    as_other = json.dumps(payload | {"hall_id": other_hall}).encode()
    assert _refused(_post(hall, as_other, _signed_headers(own_key, ident.device_id, as_other)), 403)["code"] == "other_hall"
    ops = payload["ops"]
    ops[-1]["fields"]["hall_id"] = other_hall  # one op in the batch writes into the other hall
    sneaky = json.dumps(payload | {"ops": ops}).encode()
    assert _refused(_post(hall, sneaky, _signed_headers(own_key, ident.device_id, sneaky)), 403)["code"] == "other_hall"
    assert _snapshot(hall.server.sdb.engine)[0] == before[0]
    hall.push()
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_11_malformed_and_oversized(attack) -> None:
    hall, body, before = attack
    ident = hall.store.identity
    key = load_state(hall.store).device_private_key
    for bad in (b"{not json", json.dumps({"hall_id": ident.hall_id}).encode(), json.dumps({"hall_id": ident.hall_id, "device_id": ident.device_id, "ops": [{"seq": "x"}]}).encode()):
        assert _refused(_post(hall, bad, _signed_headers(key, ident.device_id, bad)), 422)["code"] == "malformed"
    huge = b"[" + b" " * (5 * 1024 * 1024) + b"]"
    assert _refused(_post(hall, huge, _signed_headers(key, ident.device_id, huge)), 413)["code"] == "too_large"
    bomb = gzip.compress(b" " * (40 * 1024 * 1024))  # 40 KB on the wire, 40 MB inflated
    headers = _signed_headers(key, ident.device_id, bomb) | {"Content-Encoding": "gzip"}
    assert _refused(_post(hall, bomb, headers), 413)["code"] == "too_large"
    assert _snapshot(hall.server.sdb.engine) == before
    hall.push()
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_enrollment_code_works_once_and_expires(sqlite_server, store) -> None:
    code = sqlite_server.new_hall("XG-0300")
    client = SyncClient(sqlite_server.url)
    from villagedesk.sync.protocol import EnrollRequest

    req = EnrollRequest(code=code, public_key=signing.public_to_b64(signing.new_private_key()))
    client.enroll(req)
    with pytest.raises(SyncRefused) as info:
        client.enroll(req)
    assert info.value.status == 403
    from villagedesk.server import db as server_db
    from villagedesk.server.halls import create_hall
    from villagedesk.server.settings import utc_now

    with server_db.transaction(sqlite_server.app.state.sessions) as s:
        expired = create_hall(s, code="XG-0301", name="x", now=utc_now(), valid_days=-1)["enrollment_code"]
    with pytest.raises(SyncRefused) as info:
        client.enroll(EnrollRequest(code=expired, public_key=req.public_key))
    assert info.value.status == 403 and info.value.detail
    client.close()


def test_a_second_pc_with_the_same_number_is_refused_until_it_takes_another(
    sqlite_server, _hall_template, tmp_path, clock
) -> None:
    """Two PCs of one hall printing XG0203-01-… would repeat receipt numbers."""
    import shutil

    from villagedesk.db.store import Store
    from villagedesk.errors import DomainError

    stores = []
    for name in ("pc1", "pc2"):
        shutil.copyfile(_hall_template, tmp_path / f"{name}.sqlite3")
        stores.append(Store.open(tmp_path / f"{name}.sqlite3", clock=clock))
    first, second = stores
    assert first.identity.device_code == second.identity.device_code == "01"
    enroll(first, server_url=sqlite_server.url, code=sqlite_server.new_hall("XG-0500"), device_name="柜台")
    code = sqlite_server.new_hall("XG-0500")
    with pytest.raises(DomainError) as info:
        enroll(second, server_url=sqlite_server.url, code=code, device_name="里屋")
    assert "01" in str(info.value) and "柜台" in str(info.value) and "--device-code" in str(info.value)
    assert load_state(second) is None or not load_state(second).device_private_key  # nothing adopted
    # The code was not spent: the clerk enrolls with another number in the same step.
    res = enroll(second, server_url=sqlite_server.url, code=code, device_name="里屋", device_code="2")
    second.forget_identity()
    assert res["hall_code"] == "XG-0500" and second.identity.device_code == "02"
    with sqlite_server.sdb.engine.connect() as conn:
        codes = sorted(conn.execute(sa.text("SELECT device_code FROM device")).scalars())
    assert codes == ["01", "02"]
    for st in stores:
        st.close()
