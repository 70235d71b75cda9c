"""Change capture: every write leaves its outbox operation and audit row, in the same transaction."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from villagedesk.db.models.core import Staff
from villagedesk.services import auth


def _outbox(store):
    with store.read() as s:
        return s.execute(text("SELECT seq, entity, entity_id, kind, fields, base_version, version, "
                              "staff_id, txid FROM outbox ORDER BY seq")).all()


def test_insert_and_update_leave_one_operation_each(store, actor) -> None:
    before = len(_outbox(store))
    info = auth.create_staff(store, actor=actor, name="李代办", role="proxy", password="pw123456")
    store.clock.advance(minutes=5)
    auth.change_role(store, actor=actor, staff_id=info.id, role="eldercare")
    ops = _outbox(store)[before:]
    assert [(o.entity, o.entity_id, o.kind) for o in ops] == [
        ("staff", info.id, "upsert"), ("staff", info.id, "upsert")]
    created, changed = json.loads(ops[0].fields), json.loads(ops[1].fields)
    assert created["name"] == "李代办" and created["role"] == "proxy"
    # The update carries only what changed, with the version it was based on.
    assert set(changed) == {"role", "version", "updated_at"}
    assert changed["role"] == "eldercare"
    assert (ops[1].base_version, ops[1].version) == (1, 2)
    assert ops[0].staff_id == actor.staff_id and ops[0].txid != ops[1].txid


def test_rolled_back_transaction_leaves_nothing(store, actor) -> None:
    before = _outbox(store)
    with pytest.raises(RuntimeError):
        with store.write(actor) as s:
            s.add(Staff(name="回滚者", role="proxy"))
            s.flush()
            raise RuntimeError("clerk cancelled")
    assert _outbox(store) == before
    with store.read() as s:
        assert s.exec(select(Staff).where(Staff.name == "回滚者")).first() is None


def test_seq_has_no_gaps_after_failures(store, actor) -> None:
    auth.create_staff(store, actor=actor, name="甲", role="proxy", password="pw123456")
    with pytest.raises(IntegrityError):
        with store.write(actor) as s:  # duplicate name violates the unique constraint
            s.add(Staff(name="甲", role="proxy"))
    auth.create_staff(store, actor=actor, name="乙", role="proxy", password="pw123456")
    seqs = [o.seq for o in _outbox(store)]
    assert seqs == list(range(1, len(seqs) + 1))


def test_core_update_without_orm_is_captured_too(store, actor) -> None:
    info = auth.create_staff(store, actor=actor, name="丙", role="proxy", password="pw123456")
    with store.write(actor) as s:
        s.execute(text("UPDATE staff SET phone = '13800000000', version = version + 1 WHERE id = :i"),
                  {"i": info.id})
    last = _outbox(store)[-1]
    assert last.entity_id == info.id and json.loads(last.fields)["phone"] == "13800000000"


def test_records_cannot_be_hard_deleted_and_audit_is_append_only(store, actor) -> None:
    info = auth.create_staff(store, actor=actor, name="丁", role="proxy", password="pw123456")
    with pytest.raises(IntegrityError, match="never deleted"):
        with store.write(actor) as s:
            s.execute(text("DELETE FROM staff WHERE id = :i"), {"i": info.id})
    with pytest.raises(IntegrityError, match="never changed or removed"):
        with store.write(actor) as s:
            s.execute(text("DELETE FROM audit_log"))
    with store.read() as s:
        rows = s.execute(text("SELECT action, staff_id, after FROM audit_log WHERE entity_id = :i"),
                         {"i": info.id}).all()
    assert [r.action for r in rows] == ["insert"]
    assert rows[0].staff_id == actor.staff_id and "丁" in rows[0].after
