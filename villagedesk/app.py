"""Entry point: with a subcommand VillageDesk is a CLI, without one it starts the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from villagedesk import cli

    argv = list(sys.argv[1:] if argv is None else argv)
    code = cli.run(argv)
    if code != -1:
        return code
    from villagedesk.ui.main import run_gui

    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
