"""Hypothesis stateful test: edits, pushes, crashes, lost and duplicated replies and server
restores in any order; in the end every hall operation is on the server exactly once."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from synchelp import add_household, assert_exactly_once, edit_household, server_database

from villagedesk.clock import CST, FixedClock
from villagedesk.db.store import Store
from villagedesk.server import db as server_db
from villagedesk.sync.client import SyncUnavailable
from villagedesk.sync.push import PushHooks


class Crash(BaseException):
    pass


class SyncMachine(RuleBasedStateMachine):
    template: Path
    actor: object
    make_hall: object
    server: object

    @initialize()
    def setup(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="vd-stateful-"))
        path = self.tmp / "hall.sqlite3"
        shutil.copyfile(self.template, path)
        self.store = Store.open(path, clock=FixedClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=CST)))
        self._db = server_database("sqlite", self.tmp)
        self.sdb = self._db.__enter__()
        self.srv = type(self).server
        self.srv.switch_to(self.sdb)
        self.hall = type(self).make_hall(self.store, self.actor, self.srv)
        self.ids: list[str] = []
        self.backed_up_ops: list[int] = []

    def teardown(self) -> None:
        if not hasattr(self, "hall"):
            return
        try:
            self.hall.transport.faults.clear()
            self.hall.push()
            self.hall.push()  # a restore seen only in the last reply is caught up here
            assert_exactly_once(self.store, self.sdb.engine)
        finally:
            self.hall.transport.shutdown()
            self._db.__exit__(None, None, None)
            self.store.close()
            shutil.rmtree(self.tmp, ignore_errors=True)

    @rule(n=st.integers(1, 3))
    def add(self, n: int) -> None:
        self.ids += add_household(self.store, self.actor, n)

    @precondition(lambda self: self.ids)
    @rule(i=st.integers(0, 100), text=st.sampled_from(["一组", "二组", "三组"]))
    def edit(self, i: int, text: str) -> None:
        edit_household(self.store, self.actor, self.ids[i % len(self.ids)], address=f"{text}{i}")

    @rule(max_ops=st.sampled_from([2, 500]))
    def push(self, max_ops: int) -> None:
        self.hall.push(max_ops=max_ops)

    @rule(fault=st.sampled_from(["drop_reply", "duplicate", "down", "captive"]))
    def push_with_fault(self, fault: str) -> None:
        self.hall.transport.add(fault)
        try:
            self.hall.push(max_ops=3)
        except SyncUnavailable:
            pass
        self.hall.transport.faults.clear()

    @rule()
    def crash_before_ack(self) -> None:
        def crash(_resp) -> None:
            raise Crash()

        try:
            self.hall.push(PushHooks(after_reply=crash), max_ops=3)
        except Crash:
            pass

    def _server_ops(self) -> int:
        with self.sdb.engine.connect() as c:
            return int(c.execute(sa.text("SELECT COUNT(*) FROM op_log")).scalar_one())

    @rule()
    def backup_server(self) -> None:
        self.sdb.backup()
        self.backed_up_ops.append(self._server_ops())

    # Only restores that lose something are interesting.
    @precondition(lambda self: self.backed_up_ops and self._server_ops() > self.backed_up_ops[-1])
    @rule()
    def restore_server(self) -> None:
        self.sdb.restore()
        self.backed_up_ops.pop()
        self.srv.reopen_engine()

    @rule(n=st.integers(1, 3))
    def server_loses_last_push(self, n: int) -> None:
        """Backup, the hall pushes, the county restores the backup."""
        self.backup_server()
        self.add(n)
        self.hall.push()
        self.restore_server()

    @rule()
    def new_epoch(self) -> None:
        server_db.rotate_epoch(self.sdb.engine)

    @invariant()
    def never_twice_on_the_server(self) -> None:
        if not hasattr(self, "sdb"):
            return
        with self.sdb.engine.connect() as c:
            dup = c.execute(sa.text("SELECT COUNT(*) FROM (SELECT device_id, seq FROM op_log GROUP BY 1, 2 HAVING COUNT(*) > 1) d")).scalar_one()
        assert dup == 0


@pytest.mark.slow
def test_sync_state_machine(_hall_template, actor_for_template, sqlite_server) -> None:
    from synchelp import make_hall

    SyncMachine.server = sqlite_server
    SyncMachine.template = _hall_template
    SyncMachine.actor = actor_for_template
    SyncMachine.make_hall = staticmethod(make_hall)
    run_state_machine_as_test(
        SyncMachine,
        settings=settings(max_examples=15, stateful_step_count=10, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]),
    )
