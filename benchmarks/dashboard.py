"""Progress dashboard speed on 10,000 saved sessions (issue 8).

Seeds 10,000 sessions (``seed_sessions``, the library benchmark's generator) and a
self-assessment for each into a temporary data directory, then times, offscreen:

- opening the dashboard as the app does it from the second time in a run on:
  pyqtgraph imported and the problem library loaded (the main window keeps it),
  reading the sessions and scores from the store, computing every figure,
  building the six charts and painting them once (budget 300 ms);
- the first opening in a run, which also imports pyqtgraph and loads the problem
  library (reported with its parts; budget 1,000 ms);
- re-filtering: choosing a problem in the filter and repainting (budget 100 ms),
  and going back to everything (same budget).

    python benchmarks/dashboard.py            # 10,000 sessions
    python benchmarks/dashboard.py --n 2000
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QEvent, QObject

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import bench_line, sized
from library_storage import seed_sessions


def seed_assessments(store, ids: list[int], seed: int = 8) -> None:
    """A self-assessment for every session, in one transaction."""
    from sqlalchemy import insert

    from sdi_desktop.domain.rubric import COMPETENCIES
    from sdi_desktop.storage import codec
    from sdi_desktop.storage.database import writing
    from sdi_desktop.storage.tables import AssessmentRow

    rng = random.Random(seed)
    rows = [
        {
            "session_id": session_id,
            "rubric_version": 1,
            "scores_json": codec.dumps({c.key: rng.randint(1, 4) for c in COMPETENCIES}),
            "reviewer_points_json": "[]",
            "note": "",
            "updated_at": codec.to_db_time(datetime(2026, 1, 1, tzinfo=UTC)),
        }
        for session_id in ids
    ]
    with writing(store.engine) as conn:
        conn.execute(insert(AssessmentRow.__table__), rows)


def _breakdown(store, library, app, watch: PaintWatch) -> list[tuple[str, float]]:
    """The parts of an opening, timed one by one (for the report, not the verdict)."""
    from sdi_desktop.domain.local_time import local_now
    from sdi_desktop.domain.progress import ProgressFilter, build_report
    from sdi_desktop.storage.queries import gc_paused
    from sdi_desktop.ui.review.dashboard import ProgressDashboard

    times: dict[str, list[float]] = {}
    clock = [time.perf_counter()]

    def lap(name: str) -> None:
        now = time.perf_counter()
        times.setdefault(name, []).append((now - clock[0]) * 1000)
        clock[0] = now

    moment = local_now()  # as build_dashboard: the machine's zone, summer time included
    today, tz = moment.date(), moment.tzinfo
    titles = {p.id: p.title for p in library.problems}
    tags = {p.id: list(p.tags) for p in library.problems}
    known = sorted({t for ts in tags.values() for t in ts})
    for _ in range(5):
        with gc_paused():
            clock[0] = time.perf_counter()
            entries = store.sessions.progress_entries(tags)
            lap("read sessions")
            build_report(entries, ProgressFilter(), today, tz, titles, known)
            lap("figures alone")
            dashboard = ProgressDashboard(entries, titles, known, today, tz)
            lap("widgets with figures")
        watch.watch(dashboard)
        dashboard.show()
        paints = watch.paints
        times.setdefault("painting", []).append(watch.settle(clock[0], app))
        times.setdefault("chart paints", []).append(watch.paints - paints)
        _close(dashboard, app)
        del dashboard, entries
    return [(name, statistics.median(values)) for name, values in times.items()]


class PaintWatch(QObject):
    """Which chart painted when. pyqtgraph can settle ranges and axis widths while it
    paints and call for another paint on a later pass of the event loop: an opening
    or a filter change counts until the pass holding the last chart's last paint is over."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: set[str] = set()
        self.paints = 0

    def watch(self, dashboard) -> None:
        for chart in dashboard.charts.values():
            chart.plot.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.add(watched.parent().objectName())
            self.paints += 1
        return False

    def settle(self, t0: float, app, quiet: float = 0.1) -> float:
        """Run the event loop until all six charts painted and none has painted for
        ``quiet`` seconds; milliseconds from ``t0`` to the end of the last pass that painted."""
        self.painted.clear()
        last = None
        while True:
            paints = self.paints
            app.processEvents()
            now = time.perf_counter()
            if self.paints != paints:
                last = now
            if last is not None and len(self.painted) >= 6 and now - last > quiet:
                return (last - t0) * 1000
            if now - t0 > 10:
                raise RuntimeError("the charts did not paint within 10 s")


def _open(build, app, watch: PaintWatch):
    """Open a dashboard as the Progress action does; (the dashboard, milliseconds)."""
    t0 = time.perf_counter()
    dashboard = build()
    watch.watch(dashboard)
    dashboard.show()
    return dashboard, watch.settle(t0, app)


def _close(dashboard, app) -> None:
    """Close and delete it as the app does (there the event loop runs the deferred delete,
    and ``ReviewWindows`` releases the dashboard's data)."""
    from PySide6.QtCore import QEvent

    dashboard.close()
    dashboard.deleteLater()
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    dashboard.release()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=sized(10_000, 50))
    n = parser.parse_args().n

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench", "-style", "fusion"])
    from sdi_desktop.domain.problems import load_library
    from sdi_desktop.domain.progress import ProgressFilter
    from sdi_desktop.paths import resource_root, user_problems_dir
    from sdi_desktop.storage.store import Store

    ok = True
    with tempfile.TemporaryDirectory(prefix="sdi-bench-dashboard-") as tmp:
        data_dir = Path(tmp)
        with Store.open(data_dir) as store:
            ids = seed_sessions(store, n)
            seed_assessments(store, ids)

            t0 = time.perf_counter()
            import pyqtgraph  # noqa: F401  (paid once per run, on the first opening)

            from sdi_desktop.ui.review.windows import build_dashboard

            import_ms = (time.perf_counter() - t0) * 1000
            t0 = time.perf_counter()
            library = load_library(resource_root("problems"), user_problems_dir(data_dir))
            library_ms = (time.perf_counter() - t0) * 1000
            watch = PaintWatch()
            dashboard, first_ms = _open(
                lambda: build_dashboard(store, data_dir, False, library), app, watch
            )
            _close(dashboard, app)
            del dashboard

            opens, filters, resets = [], [], []
            for _ in range(7):
                dashboard, ms = _open(
                    lambda: build_dashboard(store, data_dir, False, library), app, watch
                )
                opens.append(ms)
                problem = dashboard.problem_filter.findData("chat")
                t0 = time.perf_counter()
                dashboard.problem_filter.setCurrentIndex(problem)
                filters.append(watch.settle(t0, app))
                t0 = time.perf_counter()
                dashboard.problem_filter.setCurrentIndex(0)
                resets.append(watch.settle(t0, app))
                shown = len(dashboard.report.entries)
                dashboard.set_filter(ProgressFilter())
                _close(dashboard, app)
                del dashboard  # the app lets go of a closed dashboard too
            parts = _breakdown(store, library, app, watch)
        first_total = import_ms + library_ms + first_ms
        print(f"{shown} sessions on the charts")
        print(
            f"first opening in a run: import pyqtgraph {import_ms:.0f} ms, problem library "
            f"{library_ms:.0f} ms, opening {first_ms:.0f} ms"
        )
        print(
            "where a later opening goes (median ms): " + ", ".join(f"{k} {v:.0f}" for k, v in parts)
        )
        print("openings (ms): " + ", ".join(f"{v:.0f}" for v in opens))
        ok &= bench_line("dashboard_first_open_10k", first_total, "ms", 1000)
        ok &= bench_line("dashboard_open_10k", statistics.median(opens), "ms", 300)
        ok &= bench_line("dashboard_filter_problem_10k", statistics.median(filters), "ms", 100)
        ok &= bench_line("dashboard_filter_reset_10k", statistics.median(resets), "ms", 100)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
