"""Child process of the crash test: the real app on a data directory, edited
through real key events until the parent kills it (SIGKILL).

Every edit is logged, with its time, to a file that is flushed and fsynced
before the next one: the parent compares that log with what the database holds.

    python crash_child.py DATA_DIR LOG_FILE SEED
"""

from __future__ import annotations

import os
import random
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from sdi_desktop.app import launch


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    app = QApplication.instance()
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def main() -> int:
    data_dir, log_path, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(seed)
    window = launch(["--data-dir", data_dir])
    persistence = window.persistence
    deadline = time.monotonic() + 20
    while persistence.store is None and time.monotonic() < deadline:
        pump(0.02)
    if persistence.store is None:
        print("the store did not open", file=sys.stderr)
        return 3
    pane = window.notes.panes["requirements"]
    view = window.board.view
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"{time.time():.3f} ready -\n")
        log.flush()
        for n in range(10_000):
            if n % 3 == 2:
                view.setFocus()
                # Ctrl+K needs an active window, which offscreen windows are not once a
                # popup has closed; open quick-add directly, then type into it for real.
                window.board.open_quick_add()
                popup = window.board.quick_add_popup
                QTest.keyClicks(popup.edit, "queue")
                QTest.keyClick(popup.edit, Qt.Key.Key_Return)
                entry = f"board {len(window.board.editor.document.components())}"
            else:
                word = f"w{n}x{rng.randrange(1000)}"
                pane.setFocus()
                QTest.keyClicks(pane, f" {word}")
                entry = f"note {word}"
            log.write(f"{time.time():.3f} {entry}\n")
            log.flush()
            os.fsync(log.fileno())
            pump(rng.uniform(0.05, 0.25))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
