"""Where data, settings and logs go, and the settings file surviving what people do to it."""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs

from villagedesk.config import APP_NAME, Paths, Settings, setup_logging


def test_platformdirs_folders_for_villagedesk_and_one_folder_with_data_dir(tmp_path: Path) -> None:
    default = Paths.default()
    assert APP_NAME == "VillageDesk"
    assert default.data_dir == Path(platformdirs.user_data_dir("VillageDesk", appauthor=False))
    assert default.config_dir == Path(platformdirs.user_config_dir("VillageDesk", appauthor=False))
    assert default.log_dir == Path(platformdirs.user_log_dir("VillageDesk", appauthor=False))
    one = Paths.default(tmp_path / "hall")
    for path in (one.database, one.settings_file, one.log_file, one.backups):
        assert path.is_relative_to(tmp_path / "hall")  # --data-dir overrides them all
    assert one.settings_file.suffix == ".toml"


def test_settings_round_trip_through_toml(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.toml"
    assert Settings.load(path) == Settings()  # no file yet: the defaults (Chinese, 10 min lock)
    Settings(language="en", font_size="large", idle_lock_minutes=5).save(path)
    assert "[villagedesk]" in path.read_text(encoding="utf-8")
    loaded = Settings.load(path)
    assert (loaded.language, loaded.font_size, loaded.idle_lock_minutes) == ("en", "large", 5)


def test_a_damaged_or_hand_edited_settings_file_still_lets_the_app_start(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "settings.toml"
    path.write_text("[villagedesk\nfont_size = ", encoding="utf-8")  # cut off mid-write
    with caplog.at_level(logging.WARNING):
        assert Settings.load(path) == Settings()
    assert "unreadable" in caplog.text
    path.write_text('[villagedesk]\nfont_size = "large"\nidle_lock_minutes = "ten"\nbackup_keep = true\n'
                    'colour = "red"\n', encoding="utf-8")
    loaded = Settings.load(path)
    assert loaded.font_size == "large"  # what could be read is kept
    assert (loaded.idle_lock_minutes, loaded.backup_keep) == (10, 14)  # wrong types: defaults
    path.write_bytes(b"\xff\xfe not text")
    assert Settings.load(path) == Settings()


def test_the_log_file_rotates(tmp_path: Path) -> None:
    paths = Paths.default(tmp_path)
    log_file = setup_logging(paths)
    root = logging.getLogger()
    [handler] = [h for h in root.handlers if getattr(h, "_villagedesk", False)]
    try:
        handler.maxBytes = 2_000  # type: ignore[attr-defined]
        for i in range(100):
            logging.getLogger("villagedesk.test").info("line %d %s", i, "x" * 80)
        handler.flush()
        assert log_file.exists() and log_file.stat().st_size <= 2_000
        assert Path(f"{log_file}.1").exists()  # older lines moved aside, not lost
    finally:
        root.removeHandler(handler)
        handler.close()
