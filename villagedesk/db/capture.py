"""Change capture by SQLite triggers, so that no write path can bypass the outbox or the audit log.

For every synced table, migrations call `create_capture_triggers`. Each insert or update
then appends one outbox operation and one audit row in the same transaction, stamped with
the transaction id, staff member and time that the store wrote into `capture_context`.
Deletes are refused: nothing a person recorded is hard-deleted.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

NO_DELETE_MESSAGE = "VD_NO_DELETE: records are never deleted; change their status instead"


def _bind(op_or_conn: Any) -> Any:
    return op_or_conn.get_bind() if hasattr(op_or_conn, "get_bind") else op_or_conn


def table_columns(conn: Any, table: str) -> list[str]:
    return [row[1] for row in conn.execute(text(f'PRAGMA table_info("{table}")'))]


def _json_object(prefix: str, columns: list[str]) -> str:
    return "json_object(" + ", ".join(f"'{c}', {prefix}.\"{c}\"" for c in columns) + ")"


def drop_capture_triggers(op_or_conn: Any, table: str) -> None:
    conn = _bind(op_or_conn)
    for suffix in ("ins", "upd", "nodel"):
        conn.execute(text(f"DROP TRIGGER IF EXISTS trg_{table}_capture_{suffix}"))


def create_capture_triggers(op_or_conn: Any, table: str, exclude: tuple[str, ...] = ()) -> None:
    """(Re)create the capture triggers of `table` over its current columns."""
    conn = _bind(op_or_conn)
    drop_capture_triggers(conn, table)
    columns = [c for c in table_columns(conn, table) if c not in exclude]
    new_obj = _json_object("NEW", columns)
    old_obj = _json_object("OLD", columns)
    conn.execute(text(f"""
CREATE TRIGGER trg_{table}_capture_ins AFTER INSERT ON "{table}"
BEGIN
  INSERT INTO outbox (txid, entity, entity_id, kind, fields, base_version, version,
                      schema_rev, created_at, staff_id, state)
  SELECT c.txid, '{table}', NEW.id, 'upsert', {new_obj}, NULL, NEW.version,
         c.schema_rev, c.at, c.staff_id, 'pending'
  FROM capture_context c WHERE c.id = 1;
  INSERT INTO audit_log (at, staff_id, entity, entity_id, action, before, after)
  SELECT c.at, c.staff_id, '{table}', NEW.id, 'insert', NULL, {new_obj}
  FROM capture_context c WHERE c.id = 1;
END"""))
    # The diff keeps only the columns whose value (or JSON type) changed.
    diff = f"""(SELECT json_group_object(n.key, n.value) AS after_json,
                json_group_object(o.key, o.value) AS before_json
         FROM json_each({new_obj}) n JOIN json_each({old_obj}) o ON o.key = n.key
         WHERE n.value IS NOT o.value OR n.type IS NOT o.type)"""
    conn.execute(text(f"""
CREATE TRIGGER trg_{table}_capture_upd AFTER UPDATE ON "{table}"
BEGIN
  INSERT INTO outbox (txid, entity, entity_id, kind, fields, base_version, version,
                      schema_rev, created_at, staff_id, state)
  SELECT c.txid, '{table}', NEW.id, 'upsert', d.after_json, OLD.version, NEW.version,
         c.schema_rev, c.at, c.staff_id, 'pending'
  FROM capture_context c, {diff} d
  WHERE c.id = 1 AND d.after_json IS NOT NULL AND d.after_json != '{{}}';
  INSERT INTO audit_log (at, staff_id, entity, entity_id, action, before, after)
  SELECT c.at, c.staff_id, '{table}', NEW.id, 'update', d.before_json, d.after_json
  FROM capture_context c, {diff} d
  WHERE c.id = 1 AND d.after_json IS NOT NULL AND d.after_json != '{{}}';
END"""))
    conn.execute(text(f"""
CREATE TRIGGER trg_{table}_capture_nodel BEFORE DELETE ON "{table}"
BEGIN
  SELECT RAISE(ABORT, '{NO_DELETE_MESSAGE}');
END"""))


def create_append_only_triggers(op_or_conn: Any, table: str) -> None:
    """Rows of `table` can be added, never changed or removed."""
    conn = _bind(op_or_conn)
    for event_name in ("UPDATE", "DELETE"):
        conn.execute(text(f"""
CREATE TRIGGER IF NOT EXISTS trg_{table}_append_only_{event_name.lower()} BEFORE {event_name} ON "{table}"
BEGIN
  SELECT RAISE(ABORT, 'VD_APPEND_ONLY: {table} rows are never changed or removed');
END"""))
