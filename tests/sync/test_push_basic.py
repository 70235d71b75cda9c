"""Enrollment and a plain push: the hall's operations land on the server exactly once."""

from __future__ import annotations

from synchelp import add_household, assert_exactly_once, edit_household, outbox_states

from villagedesk.sync.service import sync_status


def test_enrolled_hall_pushes_everything_exactly_once(hall) -> None:
    ids = add_household(hall.store, hall.actor, 3)
    edit_household(hall.store, hall.actor, ids[0], address="二组")
    before = outbox_states(hall.store)
    assert before.get("pending", 0) >= 4
    summary = hall.push()
    assert summary.sent == before["pending"] and summary.acknowledged == summary.sent
    assert summary.rejected == 0
    assert_exactly_once(hall.store, hall.server.sdb.engine)
    status = sync_status(hall.store)
    assert status["pending"] == 0 and status["last_success"] is not None
    # a second push sends nothing
    assert hall.push().sent == 0
