"""The Qt-free background worker: push then pull when the server answers, back off with
jitter when it does not, and a wake-up for the 立即同步 button."""

from __future__ import annotations

import random
import threading
import time

from synchelp import add_household, assert_exactly_once

from villagedesk.sync.client import SyncClient
from villagedesk.sync.state import client_for
from villagedesk.sync.worker import SyncWorker


def test_backoff_grows_with_jitter_and_resets_after_success(sqlite_hall) -> None:
    hall = sqlite_hall
    results = []
    worker = SyncWorker(hall.store, hall.client, interval_s=60, base_delay_s=5, max_delay_s=300,
                        rng=random.Random(1), on_result=results.append)
    add_household(hall.store, hall.actor, 3)
    hall.transport.add("down", path="/health")
    hall.transport.add("down", path="/health")
    hall.transport.add("down", path="/health")
    delays = []
    for _ in range(3):
        res = worker.run_once()
        assert not res.ok and not res.online and res.status["pending"] == 3
        delays.append(worker.next_delay())
    assert all(2.5 <= d <= 300 for d in delays)
    caps = [min(300, 5 * 2**n) for n in (1, 2, 3)]
    assert all(d <= cap for d, cap in zip(delays, caps, strict=True))
    assert len(set(delays)) == 3  # jitter: no two halls retry in lockstep
    res = worker.run_once()
    assert res.ok and res.push.acknowledged == 3 and res.status["pending"] == 0
    assert worker.failures == 0 and worker.next_delay() == 60
    assert len(results) == 4
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_captive_portal_counts_as_offline(sqlite_hall) -> None:
    hall = sqlite_hall
    worker = SyncWorker(hall.store, hall.client)
    hall.transport.add("captive", path="/health")
    assert worker.run_once().online is False


def test_run_forever_wakes_on_demand_and_stops(sqlite_hall) -> None:
    hall = sqlite_hall
    runs = []
    worker = SyncWorker(hall.store, hall.client, interval_s=3600, on_result=runs.append)
    stop = threading.Event()
    thread = threading.Thread(target=worker.run_forever, args=(stop,), kwargs={"max_wait_s": 0.05}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not runs and time.monotonic() < deadline:
        time.sleep(0.02)
    add_household(hall.store, hall.actor, 2)
    worker.wake()  # 立即同步
    while len(runs) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert runs[-1].ok and runs[-1].push.acknowledged == 2
    stop.set()
    worker.wake()
    thread.join(5)
    assert not thread.is_alive()
    assert_exactly_once(hall.store, hall.server.sdb.engine)


def test_client_for_uses_the_enrolled_identity(sqlite_hall) -> None:
    client = client_for(sqlite_hall.store)
    assert isinstance(client, SyncClient) and client.device_id == sqlite_hall.store.identity.device_id
    client.close()


def test_a_wake_pressed_during_a_run_gives_another_run(sqlite_hall) -> None:
    """立即同步 pressed while a run is under way must not wait a whole interval."""
    hall = sqlite_hall
    runs: list = []
    stop = threading.Event()

    def during_first_run(result) -> None:  # type: ignore[no-untyped-def]
        runs.append(result)
        if len(runs) == 1:
            add_household(hall.store, hall.actor, 1)
            worker.wake()  # arrives before run_forever starts waiting

    worker = SyncWorker(hall.store, hall.client, interval_s=3600, on_result=during_first_run)
    thread = threading.Thread(target=worker.run_forever, args=(stop,), kwargs={"max_wait_s": 0.05}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while len(runs) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    stop.set()
    worker.wake()
    thread.join(5)
    assert len(runs) >= 2 and runs[1].ok and runs[1].push.acknowledged == 1
