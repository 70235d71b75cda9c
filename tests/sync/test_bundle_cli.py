"""The USB path through both command lines: ``villagedesk-server halls create
--enrollment-file``, ``villagedesk sync enroll --file``, ``sync export-bundle --out DIR
--json``, ``villagedesk-server bundles import FILE... --ack-out DIR --json`` (non-zero when a
bundle was rejected whole) and ``sync import-ack FILE --json``. Ends with the invariant:
every hall operation is on the server exactly once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from bundlehelp import flip_byte
from synchelp import add_household, assert_exactly_once

from villagedesk.cli import run
from villagedesk.config import Paths
from villagedesk.db.store import Store
from villagedesk.server import db as server_db
from villagedesk.server.cli import main as server_main


def _json(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


def test_usb_round_trip_on_the_command_lines(tmp_path: Path, _hall_template: Path, clock: Any, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'county.sqlite3'}"
    enroll_file = tmp_path / "XG-0203.vdenroll"
    assert server_main(["--db", url, "halls", "create", "--code", "XG-0203", "--name", "示范村", "--enrollment-file", str(enroll_file), "--json"]) == 0
    created = _json(capsys)
    assert created["code"] == "XG-0203" and enroll_file.exists() and created["expires_at"]
    assert server_main(["--db", url, "township", "add-user", "--username", "xinpu", "--password", "township1", "--json"]) == 0
    capsys.readouterr()

    data_dir = tmp_path / "hall"
    data_dir.mkdir()
    shutil.copyfile(_hall_template, Paths.default(data_dir).database)
    hall = ["--data-dir", str(data_dir)]
    assert run([*hall, "sync", "enroll", "--file", str(enroll_file), "--json"], clock=clock) == 0
    assert _json(capsys)["hall_code"] == "XG-0203"
    store = Store.open(Paths.default(data_dir).database, clock=clock)
    try:
        from villagedesk.services.auth import actor_for

        add_household(store, actor_for(store), 4)
        stick = tmp_path / "stick"
        stick.mkdir()
        assert run([*hall, "sync", "export-bundle", "--out", str(stick), "--json"], clock=clock) == 0
        exported = _json(capsys)
        good = Path(exported["file"])
        assert exported["operations"] >= 5 and exported["includes_enrollment"] and good.suffix == ".vdbundle"
        bad = stick / "tampered.vdbundle"
        bad.write_bytes(flip_byte(good.read_bytes()))

        acks = tmp_path / "acks"
        assert server_main(["--db", url, "bundles", "import", str(good), str(bad), "--ack-out", str(acks), "--json"]) == 1
        result = _json(capsys)
        first, second = result["bundles"]
        assert (first["status"], first["accepted"], first["duplicates"], first["rejected"]) == ("accepted", exported["operations"], 0, 0)
        assert second["status"] == "rejected" and ("U盘" in second["reason"] or "改动" in second["reason"])
        [ack] = result["acks"]
        assert ack["hall_code"] == "XG-0203" and Path(ack["file"]).exists()
        assert server_main(["--db", url, "bundles", "import", str(good), "--json"]) == 0
        again = _json(capsys)["bundles"][0]
        assert again["status"] == "duplicate" and again["duplicates"] == exported["operations"]

        assert run([*hall, "sync", "import-ack", ack["file"], "--json"], clock=clock) == 0
        applied = _json(capsys)
        assert applied["acknowledged"] == exported["operations"] and applied["pending"] == 0
        assert run([*hall, "sync", "import-ack", ack["file"], "--json"], clock=clock) == 0
        assert _json(capsys)["already_applied"] is True
        assert run([*hall, "sync", "import-ack", str(good)], clock=clock) == 2
        assert "不是回执" in capsys.readouterr().err
        assert run([*hall, "sync", "export-bundle", "--out", str(tmp_path / "no-stick")], clock=clock) == 2
        assert "U盘插好了吗" in capsys.readouterr().err
        engine = server_db.make_engine(url)
        try:
            assert_exactly_once(store, engine)
        finally:
            engine.dispose()
    finally:
        store.close()
