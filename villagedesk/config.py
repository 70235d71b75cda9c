"""Where VillageDesk keeps its data, configuration and logs, and the TOML settings file."""

from __future__ import annotations

import dataclasses
import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import Any

import platformdirs
import tomli_w

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

APP_NAME = "VillageDesk"
DB_FILENAME = "villagedesk.sqlite"


@dataclasses.dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def default(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        """platformdirs locations, or everything under one folder when --data-dir is given."""
        if data_dir is not None:
            root = Path(data_dir).expanduser().resolve()
            return cls(root, root / "config", root / "logs")
        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    @property
    def database(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def archive(self) -> Path:
        """Every printed document is kept here as a PDF."""
        return self.data_dir / "archive"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "villagedesk.log"

    def ensure(self) -> None:
        for folder in (self.data_dir, self.config_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)


@dataclasses.dataclass
class Settings:
    language: str = "zh_CN"
    font_size: str = "standard"  # standard | large | xlarge
    idle_lock_minutes: int = 10
    backup_keep: int = 14
    server_url: str = ""
    printer_name: str = ""

    @classmethod
    def load(cls, path: Path) -> Settings:
        """The saved settings. A damaged file, or a value of the wrong type (someone edited the
        file by hand), falls back to the default for what cannot be read, so the app still starts."""
        if not path.exists():
            return cls()
        try:
            with path.open("rb") as fh:
                raw: dict[str, Any] = tomllib.load(fh)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            logging.getLogger(__name__).warning("settings file %s unreadable, using defaults: %s", path, exc)
            return cls()
        section = raw.get("villagedesk", {})
        if not isinstance(section, dict):
            section = {}
        defaults = cls()
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in section:
                continue
            value, wanted = section[f.name], type(getattr(defaults, f.name))
            if isinstance(value, wanted) and not (wanted is int and isinstance(value, bool)):
                values[f.name] = value
            else:
                logging.getLogger(__name__).warning("setting %s = %r ignored (not a %s)", f.name, value,
                                                    wanted.__name__)
        return cls(**values)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            tomli_w.dump({"villagedesk": dataclasses.asdict(self)}, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)


def setup_logging(paths: Paths, level: int = logging.INFO) -> Path:
    """A rotating log file; tracebacks go here, never into a dialog."""
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_villagedesk", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler._villagedesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return paths.log_file
