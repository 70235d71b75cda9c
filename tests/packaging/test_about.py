"""The About facts (version, folders, schema revision) and `villagedesk about`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from villagedesk import __version__, cli
from villagedesk.config import Paths
from villagedesk.db import migrate
from villagedesk.services.about import about

FOUNDATION = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "schema-0001_foundation.sqlite"


def test_about_a_migrated_hall(store, paths: Paths) -> None:
    info = about(paths, store)
    assert info.version == __version__
    assert info.data_dir == str(paths.data_dir)
    assert info.database == str(paths.database)
    assert info.schema_revisions == sorted(migrate.head_revisions())
    assert info.schema_current
    assert info.hall == "孝南区新铺镇示范村党群服务中心 (XG0203)"
    assert info.qt  # PySide6 version from its metadata
    assert not info.frozen


def test_about_before_setup_creates_no_database(tmp_path: Path) -> None:
    paths = Paths.default(tmp_path / "nothing-here")
    info = about(paths)
    assert not info.database_exists and info.schema_revisions == [] and not info.schema_current
    assert not paths.database.exists()


def test_about_an_old_database_reads_it_without_upgrading(tmp_path: Path) -> None:
    paths = Paths.default(tmp_path / "old")
    paths.ensure()
    shutil.copyfile(FOUNDATION, paths.database)
    info = about(paths)
    assert info.schema_revisions == ["0001_foundation"]
    assert not info.schema_current and info.schema_heads == sorted(migrate.head_revisions())
    assert "XG0203" in info.hall
    assert about(paths).schema_revisions == ["0001_foundation"]  # still old: no upgrade
    assert not paths.backups.exists() or not any(paths.backups.iterdir())


def test_cli_about_json_and_text(tmp_path: Path, capsys) -> None:
    paths = Paths.default(tmp_path / "old")
    paths.ensure()
    shutil.copyfile(FOUNDATION, paths.database)
    assert cli.run(["about", "--data-dir", str(paths.data_dir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == __version__ and data["schema_revisions"] == ["0001_foundation"]
    assert cli.run(["about", "--data-dir", str(paths.data_dir)]) == 0
    text = capsys.readouterr().out
    assert f"VillageDesk 村级党群服务中心 {__version__}" in text
    assert "数据文件夹：" + str(paths.data_dir) in text
    assert "下次启动时会先备份" in text


def test_version_option(capsys) -> None:
    try:
        cli.run(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out.strip() == f"VillageDesk {__version__}"
