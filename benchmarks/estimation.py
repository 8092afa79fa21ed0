"""The estimation panel: a keystroke's recompute with 30 rows, and its cost at start-up.

Budgets: recomputing after a keystroke (the calculator, 30 user rows on top of the
built-in results, and the results table's update) takes under 2 ms at the median and
under 4 ms at the 95th percentile; the main window's start imports nothing of the
calculator, the panel or the card, and installing their actions costs under 5 ms.
``BENCH_SMOKE=1`` runs a few keystrokes only.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import bench_line, median, offscreen_env

SMOKE = os.environ.get("BENCH_SMOKE") == "1"
KEYSTROKES = 40 if SMOKE else 600
ROWS = 30

STARTUP_CHILD = """
import sys, time
from sdi_desktop.app import launch
window = launch(["--data-dir", sys.argv[1]])
from PySide6.QtWidgets import QApplication
QApplication.processEvents()
heavy = [m for m in sys.modules if m.startswith(("sdi_desktop.domain.estimation",
         "sdi_desktop.ui.estimation.panel", "sdi_desktop.ui.estimation.numbers_card"))]
# what the window's start paid for the hooks: a second install on the same window
from sdi_desktop.ui.estimation import hooks
t0 = time.perf_counter()
hooks.install(window)
print(len(heavy), repr(time.perf_counter() - t0))
"""


def keystroke_times() -> list[float]:
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    from sdi_desktop.ui.estimation.panel import EstimationPanel

    panel = EstimationPanel()
    for name, text in (
        ("dau", "100 M"),
        ("writes_per_user", "1"),
        ("read_write_ratio", "100:1"),
        ("write_size", "500 B"),
        ("retention", "10 years"),
    ):
        panel.fields[name].setText(text)
        panel._input_edited(name, text)
    for i in range(ROWS):
        source = "storage_per_day" if i == 0 else f"r{i - 1}"
        panel.add_row(f"r{i}", f"{source} * 1.01 + dau * {i} * 1 B")
    panel.show()
    QApplication.processEvents()
    times = []
    typed = "250M"
    for k in range(KEYSTROKES):
        text = typed[: k % len(typed) + 1]
        panel.fields["dau"].setText(text)
        started = time.perf_counter()
        panel._input_edited("dau", text)
        times.append((time.perf_counter() - started) * 1000)
    for k in range(KEYSTROKES // 2):
        widget = panel.row_widgets[10]
        formula = f"r9 * 1.0{k % 10} + dau * 1 B"
        started = time.perf_counter()
        panel._row_edited(widget, "r10", formula)
        times.append((time.perf_counter() - started) * 1000)
    assert len(panel.state.results()) >= ROWS + 13
    return times


def main() -> int:
    times = keystroke_times()
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"{len(times)} keystrokes with {ROWS} rows: median {statistics.median(times):.3f} ms, "
        f"p95 {p95:.3f} ms, max {times[-1]:.3f} ms"
    )
    ok = bench_line("estimation_keystroke_median", median(times), "ms", 2.0)
    ok &= bench_line("estimation_keystroke_p95", p95, "ms", 4.0)
    with tempfile.TemporaryDirectory() as data:
        out = subprocess.run(
            [sys.executable, "-c", STARTUP_CHILD, data],
            capture_output=True,
            text=True,
            env=offscreen_env(),
            timeout=120,
        )
    if out.returncode != 0:
        print(out.stderr)
        return 1
    heavy, install = out.stdout.split()[-2:]
    ok &= bench_line("estimation_modules_before_first_paint", int(heavy), "modules", 0)
    ok &= bench_line("estimation_install_hooks", float(install) * 1000, "ms", 5.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
