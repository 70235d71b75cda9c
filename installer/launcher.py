"""Entry script of the frozen bundle (PyInstaller): the same as `python -m villagedesk`."""

import multiprocessing
import sys

from villagedesk.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
