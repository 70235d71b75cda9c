"""Shared fixtures: a fresh migrated hall database per test, an injected clock, the administrator."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from villagedesk.clock import CST, FixedClock  # noqa: E402
from villagedesk.config import Paths  # noqa: E402
from villagedesk.db.store import Store  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_fixture(name: str) -> Path:
    """A file from ../shared/fixtures, falling back to the copy in tests/fixtures."""
    shared = REPO_ROOT.parent / "shared" / "fixtures" / name
    return shared if shared.exists() else FIXTURES / name


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime(2026, 3, 2, 9, 30, tzinfo=CST))


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    p = Paths.default(tmp_path / "data")
    p.ensure()
    return p


@pytest.fixture
def bare_store(paths: Paths, clock: FixedClock) -> Store:
    """A migrated database with no hall set up yet."""
    from villagedesk.bootstrap import open_store

    store = open_store(paths, clock=clock)
    yield store
    store.close()


@pytest.fixture
def store(bare_store: Store) -> Store:
    from villagedesk.services.auth import setup_hall

    setup_hall(bare_store, hall_name="孝南区新铺镇示范村党群服务中心", hall_code="XG0203",
               admin_name="王管理", admin_password="secret123", township="新铺镇",
               county="孝南区", phone="0712-2345678")
    return bare_store


@pytest.fixture
def actor(store: Store):
    from villagedesk.services.auth import actor_for

    return actor_for(store)
