"""Sync services for the hall UI: problems stay until a person has seen them, old
acknowledged operations are pruned after the retention period, correction hooks run."""

from __future__ import annotations

import sqlalchemy as sa
from synchelp import add_household, outbox_states

from villagedesk.server import db as server_db
from villagedesk.server.reference import publish
from villagedesk.server.settings import utc_now
from villagedesk.sync.appliers import DEFAULT_APPLIERS
from villagedesk.sync.service import list_problems, note_problem, prune_sent, sync_status


def test_rejected_ops_stay_listed_after_a_person_saw_them(sqlite_hall) -> None:
    hall = sqlite_hall
    with hall.store.write(None) as s:
        s.execute(sa.text(
            "INSERT INTO outbox (txid, entity, entity_id, kind, fields, base_version, version, schema_rev, created_at, state) "
            "VALUES ('t', 'household', 'ghost', 'upsert', '{\"address\": \"x\"}', 2, 3, 1, '2026-03-02T01:30:00', 'pending')"))
    hall.push()
    [problem] = list_problems(hall.store)
    assert problem.kind == "rejected" and not problem.looked_at
    note_problem(hall.store, actor=hall.actor, seq=problem.id, note="已告知县里")
    [problem] = list_problems(hall.store)
    assert problem.looked_at and sync_status(hall.store)["rejected"] == 1  # never deleted silently


def test_prune_keeps_pending_and_rejected(sqlite_hall, clock) -> None:
    hall = sqlite_hall
    add_household(hall.store, hall.actor, 3)
    hall.push()
    add_household(hall.store, hall.actor, 1)  # pending
    assert prune_sent(hall.store, older_than_days=180) == 0  # too young
    clock.advance(days=200)
    removed = prune_sent(hall.store, older_than_days=180)
    assert removed == 4  # administrator + 3 households
    assert outbox_states(hall.store) == {"pending": 1}
    assert sync_status(hall.store)["last_seq"] == 5  # seq keeps counting


def test_correction_hook_runs_for_applied_fields(sqlite_hall, monkeypatch) -> None:
    hall = sqlite_hall
    [hid] = add_household(hall.store, hall.actor, 1)
    hall.push()
    seen = []
    monkeypatch.setitem(DEFAULT_APPLIERS._after_correction, "household", lambda s, i, f: seen.append((i, f)))
    with server_db.transaction(hall.server.app.state.sessions) as s:
        publish(s, {"changes": [{"entity": "household", "id": hid, "hall": "XG-0203", "correction": {"address": "二组"}}]}, now=utc_now())
    hall.pull()
    assert seen == [(hid, {"address": "二组"})]

