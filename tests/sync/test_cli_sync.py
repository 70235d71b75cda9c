"""`villagedesk sync ...` end to end: JSON shapes, and a Chinese message with a non-zero
exit when the county server cannot be reached (the outbox stays untouched)."""

from __future__ import annotations

import json
import socket

import pytest
import sqlalchemy as sa

from villagedesk.cli import run


@pytest.fixture
def cli(tmp_path, clock, capsys):
    data = tmp_path / "pc"

    def call(*args: str) -> tuple[int, object, str]:
        code = run(["--data-dir", str(data), *args], clock=clock)
        out, err = capsys.readouterr()
        try:
            parsed = json.loads(out) if out.strip() else None
        except ValueError:
            parsed = out
        return code, parsed, err

    code, _, err = call("setup", "--hall-name", "示范村", "--hall-code", "XG0203", "--admin-name", "王管理", "--admin-password", "secret123")
    assert code == 0, err
    return call


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_enroll_push_pull_status_json(cli, sqlite_server) -> None:
    code = sqlite_server.new_hall("XG-0203", "示范村")
    rc, out, err = cli("sync", "enroll", "--server", sqlite_server.url, "--code", code, "--json")
    assert rc == 0, err
    assert out["hall_code"] == "XG-0203" and out["device_id"]
    rc, out, err = cli("sync", "status", "--json")
    assert rc == 0, err
    assert set(out) == {"pending", "rejected", "conflicts", "last_seq", "last_success", "server"}
    assert out["pending"] == out["last_seq"] >= 1 and out["last_success"] is None
    rc, pushed, err = cli("sync", "push", "--json")
    assert rc == 0, err
    assert pushed == {"sent": out["pending"], "acknowledged": out["pending"], "rejected": 0}
    rc, out, _ = cli("sync", "status", "--json")
    assert out["pending"] == 0 and out["last_success"] and out["server"] == sqlite_server.url
    rc, pulled, _ = cli("sync", "pull", "--json")
    assert rc == 0 and pulled["received"] == 0
    # The enrollment code works once.
    rc, _, err = cli("sync", "enroll", "--server", sqlite_server.url, "--code", code, "--force")
    assert rc != 0


def test_unreachable_server_exits_nonzero_in_chinese(cli, sqlite_server, tmp_path) -> None:
    code = sqlite_server.new_hall("XG-0203", "示范村")
    assert cli("sync", "enroll", "--server", sqlite_server.url, "--code", code)[0] == 0
    from villagedesk.config import Paths

    url = f"sqlite:///{Paths.default(tmp_path / 'pc').database}"
    with sa.create_engine(url).connect() as c:
        before = c.execute(sa.text("SELECT seq, state, sent_at FROM outbox ORDER BY seq")).all()
        c.execute(sa.text("UPDATE sync_state SET server_url = :u"), {"u": f"http://127.0.0.1:{_free_port()}"})
        c.commit()
    for command in ("push", "pull", "status"):
        rc, _, err = cli("sync", command, "--json")
        assert rc != 0
        assert "无法连接县级服务器" in err and "数据没有丢失" in err
    with sa.create_engine(url).connect() as c:
        assert c.execute(sa.text("SELECT seq, state, sent_at FROM outbox ORDER BY seq")).all() == before


def test_not_enrolled_says_how(cli) -> None:
    rc, _, err = cli("sync", "push")
    assert rc != 0 and "尚未在县级服务器登记" in err
