"""`villagedesk-server serve --workers 2`: a real server process with two workers over one
database; a hall enrolls and pushes through it (no state lives in a worker)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from synchelp import add_household, assert_exactly_once

from villagedesk.server.cli import main as server_main
from villagedesk.sync.enroll import enroll
from villagedesk.sync.push import push
from villagedesk.sync.state import client_for


@pytest.mark.slow
def test_two_workers_serve_one_database(tmp_path: Path, store, actor, capsys) -> None:
    db_url = f"sqlite:///{tmp_path / 'county.sqlite3'}"
    assert server_main(["--db", db_url, "halls", "create", "--code", "XG-0203", "--name", "示范村", "--json"]) == 0
    import json

    code = json.loads(capsys.readouterr().out)["enrollment_code"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = str(Path(sys.executable).with_name("villagedesk-server"))
    proc = subprocess.Popen([exe, "--db", db_url, "serve", "--port", str(port), "--workers", "2", "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        enroll(store, server_url=url, code=code)
        add_household(store, actor, 30)
        client = client_for(store)
        try:
            for _ in range(3):  # each push may land on either worker
                summary = push(store, client, max_ops=7)
        finally:
            client.close()
        assert summary.sent == 0
        engine = sa.create_engine(db_url)
        try:
            assert_exactly_once(store, engine)
        finally:
            engine.dispose()
    finally:
        proc.terminate()
        proc.wait(15)
