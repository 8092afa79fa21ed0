"""Start-up time: process start to the main window's first paint, beside a bare Qt window.

Budget (issue 20): the app paints its first frame in at most 1.3 times the time a bare
PySide6 window takes on the same machine. Median of 9 runs each, taken in turns,
offscreen, each child with a warm bytecode cache.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import SMOKE, bench_line, median, user_like_env

RUNS = int(__import__("os").environ.get("BENCH_RUNS", "1" if SMOKE else "9"))
BUDGET_RATIO = 1.3

# Each child prints time.time() at the first paint of its main window and when it
# is complete. The app records its first frame itself (MainWindow.first_paint_at):
# launch() paints the window (menus, toolbar, title, timeline, timer) before it builds
# the guidance column, the whiteboard and the notes.
APP_CHILD = """
import sys, time
from sdi_desktop.app import launch
window = launch(["--data-dir", sys.argv[1]])
print(repr(window.first_paint_at), repr(time.time()))
"""

BARE_CHILD = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel

class Window(QMainWindow):
    first_paint_at = None
    def paintEvent(self, event):
        if self.first_paint_at is None:
            self.first_paint_at = time.time()
        super().paintEvent(event)

app = QApplication([])
window = Window()
window.setCentralWidget(QLabel("hello"))
window.resize(1280, 800)
window.show()
while window.first_paint_at is None:
    app.processEvents()
print(repr(window.first_paint_at), repr(time.time()))
"""


def first_paint_seconds(code: str, data_dir: str) -> tuple[float, float]:
    """(first paint, window complete), seconds from process start."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, data_dir],
        capture_output=True,
        text=True,
        env=user_like_env(data_dir),  # the warm-up runs fill the cache, for both
        timeout=60,
        check=True,
    )
    painted, ready = (float(v) for v in out.stdout.strip().splitlines()[-1].split())
    return painted - start, ready - start


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        # one warm-up each so that both read their libraries from the page cache
        first_paint_seconds(BARE_CHILD, tmp)
        first_paint_seconds(APP_CHILD, tmp)
        bare, app, ready = [], [], []
        for _ in range(RUNS):  # interleaved, so that a busy moment hits both alike
            bare.append(first_paint_seconds(BARE_CHILD, tmp)[0])
            painted, complete = first_paint_seconds(APP_CHILD, tmp)
            app.append(painted)
            ready.append(complete)
    bare_median, app_median, ready_median = median(bare), median(app), median(ready)
    print(f"bare PySide6 window, first paint: {', '.join(f'{v:.3f}' for v in bare)} s")
    print(f"SDI Desktop main window, first paint: {', '.join(f'{v:.3f}' for v in app)} s")
    print(f"SDI Desktop, whiteboard and notes ready: {', '.join(f'{v:.3f}' for v in ready)} s")
    bench_line("startup_bare_window_first_paint", bare_median, "s", bare_median)
    bench_line("startup_first_paint", app_median, "s", BUDGET_RATIO * bare_median)
    ok = bench_line("startup_ratio_to_bare_window", app_median / bare_median, "x", BUDGET_RATIO)
    # Not in the budget: when the whole window is usable (our own aim: 2.5x).
    bench_line("startup_workspace_ready_ratio", ready_median / bare_median, "x", 2.5)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
