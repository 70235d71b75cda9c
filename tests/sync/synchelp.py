"""Shared helpers for sync and server tests: server databases (SQLite and PostgreSQL), an
in-process uvicorn server on a random loopback port, a fault-injecting HTTP transport,
hall-side edits, and the exactly-once invariant."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import socket
import sqlite3
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
import uvicorn

from villagedesk.server import db as server_db
from villagedesk.server.app import create_app
from villagedesk.server.halls import create_hall
from villagedesk.server.settings import ServerSettings, utc_now

PG_ADMIN = os.environ.get("VD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
IN_CI = os.environ.get("CI", "").lower() == "true"


def pg_available() -> str | None:
    """None if PostgreSQL answers, else the reason."""
    try:
        eng = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with eng.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        eng.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return f"PostgreSQL at 127.0.0.1:5432 not reachable: {type(exc).__name__}"
    return None


def require_pg() -> None:
    reason = pg_available()
    if reason:
        if IN_CI:
            pytest.fail(reason + " (CI=true: PostgreSQL tests must run)")
        pytest.skip(reason)


@dataclass
class ServerDb:
    """One server database; ``backup()``/``restore()`` simulate restoring an old copy."""

    kind: str
    url: str
    engine: sa.Engine
    path: Path | None = None
    name: str = ""
    backups: list[Any] = field(default_factory=list)

    def backup(self) -> None:
        if self.kind == "sqlite":
            assert self.path
            copy = self.path.with_suffix(f".bak{len(self.backups)}")
            src, dst = sqlite3.connect(self.path), sqlite3.connect(copy)
            src.backup(dst)
            dst.close()
            src.close()
            self.backups.append(copy)
        else:
            bak = f"{self.name}_bak{len(self.backups)}"
            self.engine.dispose()
            _pg_admin(f'CREATE DATABASE "{bak}" TEMPLATE "{self.name}"')
            self.backups.append(bak)

    def restore(self) -> None:
        """Replace the live database with the last backup (same epoch: a true restore)."""
        src = self.backups.pop()
        self.engine.dispose()
        if self.kind == "sqlite":
            assert self.path
            bak, live = sqlite3.connect(src), sqlite3.connect(self.path)
            bak.backup(live)
            live.close()
            bak.close()
        else:
            _pg_admin(f'DROP DATABASE "{self.name}" WITH (FORCE)')
            _pg_admin(f'ALTER DATABASE "{src}" RENAME TO "{self.name}"')


def _pg_admin(sql: str) -> None:
    eng = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with eng.connect() as conn:
        conn.execute(sa.text(sql))
    eng.dispose()


_TEMPLATE: dict[str, Path] = {}


@contextmanager
def server_database(kind: str, tmp_path: Path) -> Iterator[ServerDb]:
    if kind == "sqlite":
        if "sqlite" not in _TEMPLATE:
            tpl = Path(os.environ.get("PYTEST_TMPDIR", "/tmp")) / f"vd-server-template-{os.getpid()}.sqlite3"
            tpl.unlink(missing_ok=True)
            eng = server_db.make_engine(f"sqlite:///{tpl}")
            server_db.migrate(eng)
            eng.dispose()
            raw = sqlite3.connect(tpl)
            raw.execute("DELETE FROM server_meta")  # each copy gets its own epoch and key
            raw.commit()
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raw.close()
            _TEMPLATE["sqlite"] = tpl
        path = tmp_path / "server.sqlite3"
        shutil.copyfile(_TEMPLATE["sqlite"], path)
        url = f"sqlite:///{path}"
        engine = server_db.make_engine(url)
        server_db.ensure_meta(engine)
        sdb = ServerDb("sqlite", url, engine, path=path)
        try:
            yield sdb
        finally:
            sdb.engine.dispose()
        return
    require_pg()
    if "postgresql" not in _PG_TEMPLATE:
        tpl = f"vd_test_tpl_{uuid.uuid4().hex[:8]}"
        _pg_admin(f'CREATE DATABASE "{tpl}"')
        atexit.register(_pg_admin, f'DROP DATABASE IF EXISTS "{tpl}" WITH (FORCE)')
        eng = server_db.make_engine(PG_ADMIN.rsplit("/", 1)[0] + "/" + tpl)
        server_db.migrate(eng)
        with eng.begin() as conn:
            conn.execute(sa.text("DELETE FROM server_meta"))
        eng.dispose()
        _PG_TEMPLATE["postgresql"] = tpl
    name = f"vd_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{_PG_TEMPLATE["postgresql"]}"')
    url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    engine = server_db.make_engine(url)
    sdb = ServerDb("postgresql", url, engine, name=name)
    try:
        server_db.ensure_meta(engine)
        yield sdb
    finally:
        sdb.engine.dispose()
        for bak in sdb.backups:
            _pg_admin(f'DROP DATABASE IF EXISTS "{bak}" WITH (FORCE)')
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_PG_TEMPLATE: dict[str, str] = {}


class ServerThread:
    """The real app under uvicorn on 127.0.0.1:<random port>, in a thread of this process."""

    def __init__(self, sdb: ServerDb, settings: ServerSettings | None = None) -> None:
        self.sdb = sdb
        self.settings = settings or ServerSettings()
        self.app = create_app(sdb.engine, settings=self.settings)
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=1)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(5)
        self.sock.close()

    def switch_to(self, sdb: ServerDb) -> None:
        """Serve another database from now on (the running server is reused)."""
        self.sdb = sdb
        self.app.state.engine = sdb.engine
        self.app.state.sessions = server_db.make_sessionmaker(sdb.engine)

    def reopen_engine(self) -> None:
        """After a restore: new connections to the replaced database."""
        self.sdb.engine.dispose()
        self.sdb.engine = server_db.make_engine(self.sdb.url)
        self.app.state.engine = self.sdb.engine
        self.app.state.sessions = server_db.make_sessionmaker(self.sdb.engine)

    def new_hall(self, code: str = "XG-0203", name: str = "示范村") -> str:
        with server_db.transaction(self.app.state.sessions) as s:
            return create_hall(s, code=code, name=name, now=utc_now())["enrollment_code"]


class FaultTransport(httpx.BaseTransport):
    """Wraps a real transport; queued faults apply to the next matching requests."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.faults: deque[tuple[str, str]] = deque()  # (path suffix, fault)
        self.calls: list[str] = []
        self.flap: Callable[[], bool] | None = None

    def add(self, fault: str, path: str = "/push") -> None:
        self.faults.append((path, fault))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request.url.path)
        if self.flap and self.flap():
            raise httpx.ConnectError("network down (flap)", request=request)
        fault = None
        if self.faults and request.url.path.endswith(self.faults[0][0]):
            fault = self.faults.popleft()[1]
        if fault == "down":
            raise httpx.ConnectError("network down", request=request)
        if fault == "captive":
            return httpx.Response(200, headers={"content-type": "text/html"}, content=b"<html>Login to WiFi</html>", request=request)
        if fault == "captive_json":
            return httpx.Response(200, json={"status": "ok"}, request=request)
        response = self.inner.handle_request(request)
        response.read()
        if fault == "drop_reply":
            raise httpx.ReadError("connection reset after the server answered", request=request)
        if fault == "duplicate":
            again = self.inner.handle_request(request)
            again.read()
            return again
        return response

    def close(self) -> None:
        pass  # shared by several clients; shutdown() closes the connections

    def shutdown(self) -> None:
        self.inner.close()


def hall_http(transport: FaultTransport, timeout: float = 10.0) -> httpx.Client:
    return httpx.Client(transport=transport, timeout=timeout)


# -- hall-side edits --------------------------------------------------------------------------

def add_household(store: Any, actor: Any, n: int = 1, *, prefix: str = "H") -> list[str]:
    from villagedesk.db.models.residents import Household

    ids = []
    with store.write(actor) as s:
        for _ in range(n):
            h = Household(household_no=f"{prefix}-{uuid.uuid4().hex[:10]}", address="一组")
            s.add(h)
            s.flush()
            ids.append(h.id)
    return ids


def edit_household(store: Any, actor: Any, hid: str, **values: Any) -> None:
    from villagedesk.db.models.residents import Household

    with store.write(actor) as s:
        h = s.get(Household, hid)
        for k, v in values.items():
            setattr(h, k, v)
        s.add(h)


# -- invariant ---------------------------------------------------------------------------------

def outbox_states(store: Any) -> dict[str, int]:
    with store.read() as s:
        rows = s.execute(sa.text("SELECT state, COUNT(*) FROM outbox GROUP BY state")).all()
    return {k: int(v) for k, v in rows}


def assert_exactly_once(store: Any, engine: sa.Engine, *, allow_rejected: bool = False) -> None:
    """Every hall operation is on the server exactly once, and the outbox is fully acknowledged."""
    device_id = store.identity.device_id
    with store.read() as s:
        local = s.execute(sa.text("SELECT seq, state FROM outbox ORDER BY seq")).all()
    with engine.connect() as conn:
        server = conn.execute(
            sa.text("SELECT seq, COUNT(*) FROM op_log WHERE device_id = :d GROUP BY seq ORDER BY seq"), {"d": device_id}
        ).all()
        hw = conn.execute(sa.text("SELECT high_water FROM device WHERE id = :d"), {"d": device_id}).scalar_one()
    local_seqs = [r[0] for r in local]
    assert local_seqs == list(range(1, len(local_seqs) + 1)), "outbox seq has gaps"
    assert [r[0] for r in server] == local_seqs, "server op log differs from the hall outbox"
    assert all(n == 1 for _, n in server), "an operation is on the server twice"
    allowed = {"sent", "rejected"} if allow_rejected else {"sent"}
    assert {r[1] for r in local} <= allowed, f"outbox not fully acknowledged: {outbox_states(store)}"
    assert hw == (local_seqs[-1] if local_seqs else 0)
    _assert_records_match(store, engine)


def _assert_records_match(store: Any, engine: sa.Engine) -> None:
    hall_id = store.identity.hall_id
    with store.read() as s:
        local = {r[0]: r[1] for r in s.execute(sa.text("SELECT id, version FROM household")).all()}
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT entity_id, version, data FROM record WHERE hall_id = :h AND entity = 'household'"), {"h": hall_id}
        ).all()
    server = {r[0]: (r[1], json.loads(r[2])) for r in rows}
    assert set(server) == set(local)
    for hid, version in local.items():
        assert server[hid][0] == version, f"household {hid}: server version {server[hid][0]} != hall {version}"


# -- an enrolled hall PC -------------------------------------------------------------------

@dataclass
class HallPC:
    store: Any
    actor: Any
    server: ServerThread
    transport: FaultTransport

    def client(self, timeout: float = 10.0) -> Any:
        from villagedesk.sync.state import client_for

        c = client_for(self.store, http=hall_http(self.transport, timeout))
        c._own_http = True  # close the wrapper client with the SyncClient
        return c

    def push(self, hooks: Any = None, **kw: Any) -> Any:
        from villagedesk.sync.push import push

        c = self.client(kw.pop("timeout", 10.0))
        try:
            return push(self.store, c, hooks=hooks, **kw)
        finally:
            c.close()

    def pull(self, **kw: Any) -> Any:
        from villagedesk.sync.pull import pull

        c = self.client()
        try:
            return pull(self.store, c, **kw)
        finally:
            c.close()


def make_hall(store: Any, actor: Any, srv: ServerThread, code: str = "XG-0203") -> HallPC:
    from villagedesk.sync.enroll import enroll

    transport = FaultTransport()
    enrollment_code = srv.new_hall(code)
    http = hall_http(transport)
    try:
        enroll(store, server_url=srv.url, code=enrollment_code, http=http)
    finally:
        http.close()
    pc = HallPC(store, actor, srv, transport)
    pc.push()  # what setting up the hall recorded (the administrator) is on the server first
    return pc
