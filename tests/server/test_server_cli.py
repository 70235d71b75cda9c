"""`villagedesk-server`: halls, one-time enrollment codes, stats in the documented shape,
reference publishing, and migrations that match the models (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from villagedesk.server import db as server_db
from villagedesk.server.cli import main
from villagedesk.server.ingest import ingest
from villagedesk.server.models import Device, metadata
from villagedesk.server.settings import utc_now
from villagedesk.server.upcast import SchemaWindow
from villagedesk.sync import signing


def _cli(capsys, url: str, *args: str) -> tuple[int, object]:
    rc = main(["--db", url, *args])
    out = capsys.readouterr().out
    return rc, json.loads(out) if out.strip().startswith(("{", "[")) else out


def _op(seq: int, entity: str, **fields) -> dict:
    return {"seq": seq, "txid": f"t{seq}", "entity": entity, "entity_id": fields.pop("id", str(uuid.uuid4())), "kind": "upsert",
            "fields": fields, "base_version": None, "version": 1, "schema_rev": 1, "created_at": "2026-03-02T01:00:00", "staff_id": None}


def test_halls_stats_and_reference_publish(sdb, capsys, tmp_path: Path) -> None:
    rc, created = _cli(capsys, sdb.url, "halls", "create", "--code", "XG-0203", "--name", "示范村", "--json")
    assert rc == 0 and set(created) == {"code", "enrollment_code"} and created["code"] == "XG-0203"
    _cli(capsys, sdb.url, "halls", "create", "--code", "XG-0204", "--name", "二村", "--json")
    rc, listed = _cli(capsys, sdb.url, "halls", "list", "--json")
    assert [h["code"] for h in listed["halls"]] == ["XG-0203", "XG-0204"]

    sessions = server_db.make_sessionmaker(sdb.engine)
    with server_db.transaction(sessions) as s:
        hall_id = listed["halls"][0]["hall_id"]
        s.add(Device(id="dev-1", hall_id=hall_id, public_key=signing.public_to_b64(signing.new_private_key()), enrolled_at=utc_now()))
        s.flush()
        ops = [_op(1, "household", address="一组"), _op(2, "household", address="二组"), _op(3, "resident", name="张三")]
        ingest(s, device_id="dev-1", ops=ops, window=SchemaWindow(), now=utc_now())
    rc, stats = _cli(capsys, sdb.url, "stats", "--json")
    assert stats == {"halls": [
        {"code": "XG-0203", "operations": 3, "records": {"household": 2, "resident": 1}},
        {"code": "XG-0204", "operations": 0, "records": {}},
    ]}
    rc, one = _cli(capsys, sdb.url, "stats", "--hall", "XG-0204", "--json")
    assert one == {"halls": [{"code": "XG-0204", "operations": 0, "records": {}}]}
    assert main(["--db", sdb.url, "stats", "--hall", "NOPE", "--json"]) != 0
    capsys.readouterr()

    ref = tmp_path / "catalogue.json"
    ref.write_text(json.dumps({"changes": [
        {"entity": "service_item", "id": "s1", "data": {"name": "低保申请", "fee_fen": 0}},
        {"entity": "product", "id": "p1", "data": {"name": "复合肥", "price_fen": 16500}},
        {"entity": "notice", "id": "n1", "deleted": True},
    ]}, ensure_ascii=False), encoding="utf-8")
    rc, counts = _cli(capsys, sdb.url, "reference", "publish", str(ref), "--json")
    assert rc == 0 and counts == {"upsert": 2, "delete": 1, "correction": 0}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"changes": [{"entity": "product", "id": "p2", "data": {"name": "x"}}, {"entity": "BAD name"}]}))
    assert main(["--db", sdb.url, "reference", "publish", str(bad)]) != 0
    assert "第 2 项" in capsys.readouterr().err
    from villagedesk.server.reference import changes_since

    with sessions() as s:
        items, cursor, _ = changes_since(s, hall_id=hall_id, cursor=0, limit=100)
    assert [c.entity_id for c in items] == ["s1", "p1", "n1"]  # the bad file published nothing


def test_console_script_is_installed(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("villagedesk-server")
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    out = subprocess.run([str(exe), "--db", url, "halls", "create", "--code", "XG-9", "--name", "x", "--json"],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert json.loads(out)["code"] == "XG-9"


def test_server_migrations_match_models(sdb) -> None:
    with sdb.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(ctx, metadata) == []


@pytest.mark.parametrize("code", ["", "x" * 41])
def test_hall_code_is_checked(tmp_path: Path, code: str) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    with pytest.raises(ValueError):
        main(["--db", url, "halls", "create", "--code", code])
