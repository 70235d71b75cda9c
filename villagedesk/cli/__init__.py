"""Command-line interface, thin over the services. `--json` gives machine output."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from villagedesk.errors import DomainError
from villagedesk.i18n import tr

log = logging.getLogger(__name__)

# Each module defines register(subparsers, common) and sets `handler` defaults on its parsers.
COMMAND_MODULES = ["setup", "db", "residents", "demo", "proxy", "eldercare", "supply", "sync", "about"]


class CliContext:
    """What a command handler needs: paths, a lazily opened store, the acting staff member."""

    def __init__(self, args: argparse.Namespace, clock: Any = None) -> None:
        from villagedesk.config import Paths

        self.args = args
        self.paths = Paths.default(getattr(args, "data_dir", None))
        self.clock = clock
        self._app: Any = None
        self._actor: Any = None

    @property
    def app(self) -> Any:
        if self._app is None:
            from villagedesk.bootstrap import bootstrap

            self._app = bootstrap(self.paths, clock=self.clock)
        return self._app

    @property
    def store(self) -> Any:
        store = self.app.store
        if getattr(self.args, "needs_hall", True):
            _ = store.identity  # raises "not set up: run villagedesk setup ..."
        return store

    @property
    def actor(self) -> Any:
        if self._actor is None:
            from villagedesk.services.auth import actor_for

            self._actor = actor_for(self.store, getattr(self.args, "staff", None))
        return self._actor

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def out(self, data: Any, text: str | Callable[[], str] | None = None) -> None:
        """Print `data` as JSON with --json, else the human text."""
        if self.json:
            print(json.dumps(data, ensure_ascii=False, indent=1, default=str))
        else:
            print(text() if callable(text) else (text if text is not None else data))

    def close(self) -> None:
        if self._app is not None:
            self._app.store.close()


class ChineseErrorParser(argparse.ArgumentParser):
    """argparse says what is wrong in English; the clerk or technician also gets it in Chinese."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, tr("cli", "Error: the command is not complete or not right ({detail}). "
                               "Add --help to see how to use it.").format(detail=message) + "\n")


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} < 1")
    return value


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", default=argparse.SUPPRESS, help="data folder (default: platformdirs)")
    parser.add_argument("--staff", default=argparse.SUPPRESS, help="act as this staff member")
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine output")


def build_parser() -> argparse.ArgumentParser:
    from villagedesk import __version__

    parser = ChineseErrorParser(prog="villagedesk", description="VillageDesk 村级党群服务中心")
    parser.add_argument("--version", action="version", version=f"VillageDesk {__version__}")
    parser.add_argument("--data-dir", help="data folder (default: platformdirs)")
    parser.add_argument("--staff", help="act as this staff member (default: the administrator)")
    # GUI-only options (used when no subcommand is given).
    parser.add_argument("--demo-login", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--screenshot", help=argparse.SUPPRESS)
    parser.add_argument("--page", help=argparse.SUPPRESS)
    parser.add_argument("--size", help=argparse.SUPPRESS)
    parser.add_argument("--font-size", help=argparse.SUPPRESS)
    parser.add_argument("--lang", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"villagedesk.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"villagedesk.cli.{name}":
                continue
            raise
        module.register(sub, add_common)
    return parser


def run(argv: Sequence[str] | None = None, *, clock: Any = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if not set(words) & {*COMMAND_MODULES, "-h", "--help", "--version"}:
        return -1  # no command: the GUI starts without importing every command module
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        return -1  # the caller starts the GUI
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.parse_args([*(argv or sys.argv[1:]), "--help"])
        return 2
    ctx = CliContext(args, clock=clock)
    try:
        if getattr(args, "staff", None) and getattr(args, "needs_hall", True):
            _ = ctx.actor  # an unknown --staff name is an error before anything runs
        result = handler(ctx)
        return int(result or 0)
    except DomainError as exc:
        print(tr("cli", "Error: {message}").format(message=exc.message), file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(tr("cli", "Interrupted."), file=sys.stderr)
        return 130
    except Exception:
        log.exception("command failed")
        from villagedesk.config import Paths

        paths = Paths.default(getattr(args, "data_dir", None))
        print(tr("cli", "An unexpected error occurred. Details are in the log file: {path}").format(
            path=paths.log_file), file=sys.stderr)
        return 1
    finally:
        ctx.close()
