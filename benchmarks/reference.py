"""Reference answers in review on a 1,000-component session (issue 17).

Builds a session board of 1,000 components (every kind, labels, ~1,500 connectors, some
asynchronous, zones) with filled notes, then times, offscreen:

- the structural comparison with the URL shortener's reference board and the notes
  coverage alone (the domain work; budget 50 ms);
- opening the reference panel in review as the app does it: the session's board is on the
  whiteboard already (review mode loads it; ``benchmarks/board.py`` times that), so the
  panel compares, shows the whiteboard's scene read-only beside the reference board
  drawn in its own scene, fills every tab, shows the window and paints both boards once
  (budget 300 ms);
- the same panel drawing the candidate's board again in a scene of its own, as it does
  when no whiteboard holds the board (budget 600 ms);
- end to end in the real window: opening the saved finished session from the store
  (review mode: the whiteboard and notes loaded, read-only), then Reference Answer, until
  both windows have painted (budget 300 ms; most of it is the review loading the board).

    python benchmarks/reference.py           # 1,000 components
    python benchmarks/reference.py --n 3000
    BENCH_SMOKE=1 python benchmarks/reference.py   # 50 components, a quick run
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import bench_line

SMOKE = os.environ.get("BENCH_SMOKE") == "1"
LABELS = ("API", "Redis", "orders", "events", "users", "feed", "search", "media", "billing")


def session_board(n: int, seed: int = 17) -> list[dict]:
    """``n`` components on a grid, each connected to one or two earlier ones."""
    from sdi_desktop.domain.board.kinds import KINDS

    rng = random.Random(seed)
    elements: list[dict] = [
        {"type": "zone", "id": f"z{i}", "title": f"Region {i}", "x": i * 3000.0, "y": -100.0,
         "w": 2900.0, "h": 6000.0}
        for i in range(max(1, n // 250))
    ]  # fmt: skip
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        elements.append(
            {"type": "component", "id": f"c{i}", "kind": kind.key,
             "label": f"{rng.choice(LABELS)} {kind.label.lower()} {i}", "x": (i % 40) * 180.0,
             "y": (i // 40) * 120.0, "w": 132.0, "h": 76.0, "note": ""}
        )  # fmt: skip
    for i in range(1, n):
        for j in {rng.randrange(i), max(0, i - 1)} if i % 2 else {rng.randrange(i)}:
            elements.append(
                {"type": "connector", "id": f"e{i}-{j}", "source": f"c{j}", "target": f"c{i}",
                 "label": "reads" if i % 3 else "", "style": "async" if i % 7 == 0 else "sync",
                 "arrows": "end"}
            )  # fmt: skip
    return elements


NOTES = {
    "requirements": "## Functional\n\n1. Shorten a long URL\n2. Redirect to the long URL\n\n"
    "## Non-functional\n\n- p99 under 50 ms\n- highly available\n- 100 reads per write\n",
    "deep_dive": "## Generating codes\n\nA global counter in base62 with leased ranges.\n",
    "wrap_up": "Cache in front of the store; click events go to a stream.",
}


class PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted: set[str] = set()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.add(watched.parent().objectName())
        return False


def open_panel(app, problem, board, editor=None) -> tuple[float, object]:
    from sdi_desktop.ui.reference.panel import ReferencePanel

    watch = PaintWatch()
    t0 = time.perf_counter()
    panel = ReferencePanel(problem, board, NOTES, dark=False, board_editor_in_use=editor)
    for view in (panel.mine_board, panel.reference_board):
        view.viewport().installEventFilter(watch)
    panel.show()
    while len(watch.painted) < 2:
        app.processEvents()
    elapsed = (time.perf_counter() - t0) * 1000
    return elapsed, panel


def end_to_end(app, board: list[dict], runs: int) -> float:
    """Open a saved finished session in the window, then its reference; the median ms."""
    import tempfile

    # the closed window may still be releasing its lock and settings as the folder goes
    with tempfile.TemporaryDirectory(
        prefix="sdi-bench-reference-", ignore_cleanup_errors=True
    ) as tmp:
        return _end_to_end(app, board, runs, Path(tmp))


def _end_to_end(app, board: list[dict], runs: int, data_dir: Path) -> float:
    from sdi_desktop.app import _build_window
    from sdi_desktop.domain.formats import standard
    from sdi_desktop.domain.record import SessionRecord
    from sdi_desktop.storage.store import Store

    clock = {"format": standard().to_dict(), "spent": [300, 1200, 900, 300], "current": 3,
             "state": "finished"}  # fmt: skip
    with Store.open(data_dir) as store:
        big = store.sessions.create(
            SessionRecord(title="Big board", problem_id="url-shortener", format=standard(),
                          clock=clock, status="finished", board=board, notes=NOTES)
        )  # fmt: skip
        small = store.sessions.create(SessionRecord(title="Empty"))
    window = _build_window(data_dir)
    window.attach_sessions()
    deadline = time.monotonic() + 60
    while window.persistence.store is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.problem_library()  # loaded once per run in the app
    watch = PaintWatch()
    window.board.view.viewport().installEventFilter(watch)
    times = []
    for _ in range(runs + 1):  # the first one warms up
        window.persistence.open_session(small)
        app.processEvents()
        gc.collect()
        watch.painted.clear()
        t0 = time.perf_counter()
        window.persistence.open_session(big)
        panel = window.reference.reveal()
        for view in (panel.mine_board, panel.reference_board):
            view.viewport().installEventFilter(watch)
        while len(watch.painted) < 3:
            app.processEvents()
        times.append((time.perf_counter() - t0) * 1000)
        panel.close()
    window.close()
    window.deleteLater()
    app.processEvents()
    print("review + reference in the window, runs (ms):", " ".join(f"{v:.0f}" for v in times[1:]))
    return statistics.median(times[1:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50 if SMOKE else 1000)
    parser.add_argument("--runs", type=int, default=2 if SMOKE else 7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([sys.argv[0], "-style", "fusion"])

    from sdi_desktop.domain.problems import load_library
    from sdi_desktop.domain.problems.reference import reference_board
    from sdi_desktop.domain.reference.compare import compare_boards
    from sdi_desktop.domain.reference.coverage import notes_coverage
    from sdi_desktop.domain.reference.summary import board_lines, coverage_lines
    from sdi_desktop.paths import resource_root

    problem = load_library(resource_root("problems"), Path("/nonexistent")).get("url-shortener")
    board = session_board(args.n)
    components = sum(1 for e in board if e["type"] == "component")
    connectors = sum(1 for e in board if e["type"] == "connector")
    print(f"session board: {components} components, {connectors} connectors")
    reference = reference_board(problem)

    domain = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        comparison = compare_boards(reference, board)
        board_lines(comparison)
        coverage_lines(problem, notes_coverage(problem, NOTES))
        domain.append((time.perf_counter() - t0) * 1000)
    print(f"comparison: {len(comparison.pairs)} counterparts, "
          f"{len(comparison.missing_paths)} missing paths")  # fmt: skip

    from sdi_desktop.ui.reference.board_view import board_editor

    whiteboard = board_editor(board, dark=False)  # the review's whiteboard, loaded before
    figures = {}
    for name, editor in (("shared", whiteboard), ("own", None)):
        open_panel(app, problem, board, editor)[1].close()  # warm: imports, icons, fonts
        runs = []
        for _ in range(args.runs):
            gc.collect()
            elapsed, panel = open_panel(app, problem, board, editor)
            runs.append(elapsed)
            panel.close()
            panel.deleteLater()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            app.processEvents()
        print(f"{name} scene, runs (ms):", " ".join(f"{v:.0f}" for v in runs))
        figures[name] = statistics.median(runs)
    figures["window"] = end_to_end(app, board, args.runs)
    ok = bench_line(f"reference_compare_{components}", statistics.median(domain), "ms", 50.0)
    ok &= bench_line(f"reference_review_open_{components}", figures["shared"], "ms", 300.0)
    ok &= bench_line(f"reference_panel_own_scene_{components}", figures["own"], "ms", 600.0)
    ok &= bench_line(f"reference_review_session_{components}", figures["window"], "ms", 300.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
