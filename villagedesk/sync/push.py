"""Push: send the outbox in batches of whole local transactions and record the server's
answer per operation in one local transaction. Only then does an operation count as sent."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import orjson
from sqlalchemy import text

from villagedesk.db.store import Store
from villagedesk.sync.client import SyncClient, SyncRefused, SyncUnavailable, encode_push
from villagedesk.sync.protocol import MAX_BATCH_BYTES, MAX_BATCH_OPS, ClientState, PushResponse
from villagedesk.sync.state import counts, get_state, record_attempt

OP_COLUMNS = "seq, txid, entity, entity_id, kind, fields, base_version, version, schema_rev, created_at, staff_id"


@dataclasses.dataclass
class PushSummary:
    sent: int = 0
    acknowledged: int = 0
    rejected: int = 0
    later: int = 0
    resent: int = 0  # operations marked to send again because the server went backwards
    high_water: int = 0

    def as_json(self) -> dict[str, int]:
        return {"sent": self.sent, "acknowledged": self.acknowledged, "rejected": self.rejected}


@dataclasses.dataclass
class PushHooks:
    """Fault-injection points for tests."""

    after_reply: Callable[[PushResponse], None] | None = None  # before the local ack


@dataclasses.dataclass
class _Prepared:
    ops: list[dict[str, Any]]
    body: bytes  # gzip JSON, signed when sent

    @property
    def last_seq(self) -> int:
        return int(self.ops[-1]["seq"])


def _row_to_op(row: Any) -> dict[str, Any]:
    seq, txid, entity, entity_id, kind, fields, base_version, version, rev, created_at, staff_id = row
    try:
        parsed: Any = orjson.loads(fields) if fields else {}
    except ValueError:
        try:
            parsed = json.loads(fields)  # NaN and the like, which orjson refuses
        except ValueError:
            parsed = fields  # the server parks it as rejected, with a reason
    return {
        "seq": seq, "txid": txid or "", "entity": entity, "entity_id": entity_id, "kind": kind,
        "fields": parsed, "base_version": base_version, "version": version if version is not None else 0,
        "schema_rev": rev, "created_at": created_at or "", "staff_id": staff_id,
    }


def next_batch(store: Store, *, after: int, max_ops: int = MAX_BATCH_OPS, max_bytes: int = MAX_BATCH_BYTES) -> list[dict[str, Any]]:
    """Pending operations after ``after``: whole local transactions, up to the limits.
    Only a transaction that alone exceeds a batch is split."""
    with store.read() as s:
        rows = s.execute(
            text(f"SELECT {OP_COLUMNS} FROM outbox WHERE state = 'pending' AND seq > :after ORDER BY seq LIMIT :n"),
            {"after": after, "n": max_ops + 1},
        ).all()
    batch: list[dict[str, Any]] = []
    size = 0
    tx_start = 0
    for row in rows:
        if batch and row[1] != batch[-1]["txid"]:
            tx_start = len(batch)
            if len(batch) >= max_ops or size >= max_bytes:
                return batch
        if len(batch) >= max_ops or size >= max_bytes:
            return batch[:tx_start] if tx_start > 0 else batch  # the open transaction goes next time
        batch.append(_row_to_op(row))
        size += len(row[5] or "") + 200
    return batch


def _mark_resend(s: Any, st: Any, epoch: str, high_water: int) -> int:
    """A different server database (epoch): send everything kept again; the server answers
    what it has as duplicates. The same database gone backwards: send what it lost."""
    if epoch != st.epoch:
        threshold = 0
    elif high_water < st.acked_high_water:
        threshold = high_water
    else:
        return 0
    return int(
        s.execute(
            text("UPDATE outbox SET state = 'pending', sent_at = NULL, reject_reason = NULL WHERE seq > :hw AND state != 'pending'"),
            {"hw": threshold},
        ).rowcount
    )


def reconcile(store: Store, *, epoch: str, high_water: int) -> int:
    """If the server is a different database or went backwards (restored from a backup),
    everything it no longer has becomes pending again. Returns how many ops that was."""
    with store.write(None) as s:
        st = get_state(s)
        assert st is not None
        resent = _mark_resend(s, st, epoch, high_water)
        st.epoch = epoch
        st.acked_high_water = high_water
        s.add(st)
    return resent


def _ack(store: Store, sent: list[dict[str, Any]], resp: PushResponse, summary: PushSummary) -> bool:
    now = store.clock.now().isoformat(timespec="seconds")
    acked: list[int] = []
    rejected: list[dict[str, Any]] = []
    later = 0
    for r in resp.results:
        if r.status == "applied":
            acked.append(r.seq)
        elif r.status == "rejected":
            rejected.append({"seq": r.seq, "at": now, "reason": r.reason or ""})
        else:
            later += 1
    with store.write(None) as s:
        conn = s.connection()
        if acked:  # one statement for the batch (the seqs as a JSON array), not one per op
            conn.execute(
                text("UPDATE outbox SET state = 'sent', sent_at = :at, reject_reason = NULL "
                     "WHERE seq IN (SELECT value FROM json_each(:seqs))"),
                {"at": now, "seqs": json.dumps(acked)},
            )
        if rejected:
            conn.execute(text("UPDATE outbox SET state = 'rejected', sent_at = :at, reject_reason = :reason WHERE seq = :seq"), rejected)
        st = get_state(s)
        assert st is not None
        # A new epoch is certain from one reply. A restore of the same database is caught
        # by the device-state check that starts every push.
        went_back = resp.epoch != st.epoch
        if went_back:
            summary.resent += _mark_resend(s, st, resp.epoch, resp.high_water)
            st.acked_high_water = resp.high_water
        else:
            st.acked_high_water = max(st.acked_high_water, resp.high_water)
        st.epoch = resp.epoch
        st.server_schema_max = resp.schema_rev_max
        st.later_count = later
        s.add(st)
    summary.sent += len(sent)
    summary.acknowledged += len(acked)
    summary.rejected += len(rejected)
    summary.later += later
    summary.high_water = resp.high_water
    return went_back


def push(
    store: Store, client: SyncClient, *, hooks: PushHooks | None = None, max_ops: int = MAX_BATCH_OPS,
    max_bytes: int = MAX_BATCH_BYTES,
) -> PushSummary:
    """Send everything pending. Raises SyncUnavailable/SyncRefused; what was acknowledged
    before a failure stays acknowledged, the rest stays pending."""
    hooks = hooks or PushHooks()
    with record_attempt(store):
        return _push(store, client, hooks, max_ops, max_bytes)


def _push(store: Store, client: SyncClient, hooks: PushHooks, max_ops: int, max_bytes: int) -> PushSummary:
    ident = store.identity
    client.health()
    state = client.device_state()
    summary = PushSummary(high_water=state.high_water)
    summary.resent = reconcile(store, epoch=state.epoch, high_water=state.high_water)
    with store.read() as s:
        c = counts(s)

    handed = 0  # operations in the batches prepared so far, for the pending count reported

    def prepare(after: int) -> _Prepared | None:
        """The next batch after seq ``after``, read and encoded (JSON, gzip)."""
        nonlocal handed
        ops = next_batch(store, after=after, max_ops=max_ops, max_bytes=max_bytes)
        if not ops:
            return None
        report = ClientState(pending=max(c["pending"] - handed, 0), rejected=c["rejected"], conflicts=c["conflicts"], last_seq=c["last_seq"])
        handed += len(ops)
        body = encode_push({"hall_id": ident.hall_id, "device_id": ident.device_id, "ops": ops, "client_state": report.model_dump()})
        return _Prepared(ops, body)

    def send(p: _Prepared) -> PushResponse:
        return client.push_encoded(p.body)  # signed as it leaves

    # Batches go in seq order and batch k+1 leaves only after the server answered batch k,
    # so an update never arrives before the insert it depends on. While the server works on
    # k+1, the hall records the answer to k and prepares k+2, so that it leaves as soon as
    # the answer to k+1 is in.
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vd-push")
    try:
        batch = prepare(0)
        future = pool.submit(send, batch) if batch else None
        upcoming = prepare(batch.last_seq) if batch else None
        while batch is not None and future is not None:
            resp = future.result()
            if sorted(r.seq for r in resp.results) != [op["seq"] for op in batch.ops]:
                raise SyncUnavailable("the server's answer does not match the operations sent")
            if hooks.after_reply:
                hooks.after_reply(resp)
            following = upcoming
            ahead = pool.submit(send, following) if following else None
            if _ack(store, batch.ops, resp, summary):
                # A different server database: let the batch on its way finish (its
                # answer is not needed), then start again from the first pending op.
                if ahead is not None:
                    try:
                        ahead.result()
                    except (SyncUnavailable, SyncRefused):
                        pass
                following = prepare(0)
                ahead = pool.submit(send, following) if following else None
            upcoming = prepare(following.last_seq) if following else None
            batch, future = following, ahead
        return summary
    finally:
        pool.shutdown(wait=True)
