"""Starting the app loads no library it does not need for the window (start-up budget, DESIGN §8)."""

from __future__ import annotations

import subprocess
import sys

START_AND_LIST_MODULES = """
import sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from villagedesk.bootstrap import open_store
from villagedesk.config import Paths, Settings
from villagedesk.services.auth import actor_for
from villagedesk.ui.shell import Shell

app = QApplication([])
paths = Paths.default(sys.argv[1])
store = open_store(paths, daily_backup=False)
window = Shell(app, store=store, paths=paths, settings=Settings()).open_window(actor_for(store))
while window.home.loading:  # the home cards are counted too (QEventLoop: processEvents() in a
    loop = QEventLoop()     # tight loop drops a reference to None per call on PySide6 6.12 / 3.11)
    QTimer.singleShot(20, loop.quit)
    loop.exec()
print(window.isVisible(), len(window.home.cards), sorted({m.split('.')[0] for m in sys.modules}))
window.close_quietly()
store.close()
"""

# Slow to import and not needed to show the window: pinyin (search keys, loaded on first use)
# and Alembic (only when the schema must be upgraded).
NOT_AT_START = {"pypinyin", "alembic"}


def test_the_window_and_home_cards_come_up_without_pinyin_or_alembic(store, paths) -> None:  # type: ignore[no-untyped-def]
    store.close()
    out = subprocess.run([sys.executable, "-c", START_AND_LIST_MODULES, str(paths.data_dir)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    visible, cards, modules = out.stdout.split(maxsplit=2)
    assert visible == "True" and int(cards) > 0
    assert "sqlalchemy" in modules  # the listing is real
    assert not {m for m in NOT_AT_START if f"'{m}'" in modules}
