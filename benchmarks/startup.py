"""Start-up time: process start to the main window's first paint, beside a bare Qt window.

Budget: the app paints its first frame in at most 1.5 times the time a bare
PySide6 window takes on the same machine. Median of 5 runs each, offscreen.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import bench_line, median, offscreen_env

RUNS = int(__import__("os").environ.get("BENCH_RUNS", "5"))
BUDGET_RATIO = 1.5

# Both children print time.time() at the first paint of their window, then quit.
# The filter watches the window alone: an application-wide Python event filter
# makes PySide6 create the Python type of every object it sees, which is slow.
PAINT_WATCH = """
import time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def __init__(self, window):
        super().__init__()
        self.window = window
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(repr(time.time()), flush=True)
            QApplication.instance().exit(0)
        return False
"""

APP_CHILD = (
    """
import sys
from sdi_desktop.app import launch
window = launch(["--data-dir", sys.argv[1]])
"""
    + PAINT_WATCH
    + """
watch = FirstPaint(window)
window.installEventFilter(watch)
QApplication.instance().exec()
"""
)

BARE_CHILD = (
    """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.resize(1280, 800)
window.show()
"""
    + PAINT_WATCH
    + """
watch = FirstPaint(window)
window.installEventFilter(watch)
app.exec()
"""
)


def first_paint_seconds(code: str, data_dir: str) -> float:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, data_dir],
        capture_output=True,
        text=True,
        env=offscreen_env(),
        timeout=60,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1]) - start


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        # one warm-up each so that both read their libraries from the page cache
        first_paint_seconds(BARE_CHILD, tmp)
        first_paint_seconds(APP_CHILD, tmp)
        bare, app = [], []
        for _ in range(RUNS):  # interleaved, so that a busy moment hits both alike
            bare.append(first_paint_seconds(BARE_CHILD, tmp))
            app.append(first_paint_seconds(APP_CHILD, tmp))
    bare_median, app_median = median(bare), median(app)
    print(f"bare PySide6 window, first paint: {', '.join(f'{v:.3f}' for v in bare)} s")
    print(f"SDI Desktop main window, first paint: {', '.join(f'{v:.3f}' for v in app)} s")
    bench_line("startup_bare_window_first_paint", bare_median, "s", bare_median)
    bench_line("startup_first_paint", app_median, "s", BUDGET_RATIO * bare_median)
    ok = bench_line("startup_ratio_to_bare_window", app_median / bare_median, "x", BUDGET_RATIO)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
