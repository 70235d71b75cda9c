"""The Qt binding must not lose references to None: PySide6 6.12.0 on Python 3.11 dropped one
per call of a method that returns nothing, and the app aborted with ``none_dealloc`` after a
few thousand label updates — at the counter, mid-queue."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(3000):
        label.setText("张三")
        app.processEvents()
    print(sys.getrefcount(None) - before)
    """
)


def test_a_long_session_of_label_updates_keeps_none_alive() -> None:
    # A child process: a binding with the fault would abort the test run itself.
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    # 6,000 void calls; a leak of one reference each shows as about -6000.
    assert int(done.stdout.strip().splitlines()[-1]) > -100, done.stdout
