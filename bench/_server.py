"""Helpers for the sync benchmarks: a throw-away PostgreSQL database and a real
``villagedesk-server serve`` subprocess on a loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import sqlalchemy as sa

PG_ADMIN = os.environ.get("VD_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
EXE = str(Path(sys.executable).with_name("villagedesk-server"))


def admin(sql: str) -> None:
    eng = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with eng.connect() as conn:
        conn.execute(sa.text(sql))
    eng.dispose()


@contextmanager
def pg_database(prefix: str = "vd_bench") -> Iterator[str]:
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin(f'CREATE DATABASE "{name}"')
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + "/" + name
    finally:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db_url: str, *, workers: int = 1, log_level: str = "warning") -> Iterator[str]:
    port = free_port()
    log = open(Path(os.environ.get("TMPDIR", "/tmp")) / f"vd-bench-server-{port}.log", "w+b")  # noqa: SIM115
    proc = subprocess.Popen(
        [EXE, "--db", db_url, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
         "--log-level", log_level, "--limit-concurrency", "500"],
        stdout=subprocess.DEVNULL, stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError("server did not start: " + log.read().decode(errors="replace"))
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.seek(0)
        errors = [line for line in log.read().decode(errors="replace").splitlines() if '"level": "error"' in line]
        if errors:
            print(f"server logged {len(errors)} errors; first: {errors[0][:300]}", file=sys.stderr)
        log.close()


def halls_create(db_url: str, code: str, name: str = "") -> str:
    import json

    out = subprocess.run([EXE, "--db", db_url, "halls", "create", "--code", code, "--name", name or code, "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["enrollment_code"]
