"""The saved-sessions experience with 10,000 sessions, through the real window.

Prints: time to show the session library (budget 200 ms), a full-text search in it
(50 ms), opening a session whose board has 1,000 components into the window (500 ms),
and the UI-thread time of one autosave of that session (16 ms; the write itself runs
on a worker thread). benchmarks/library_storage.py measures the storage layer alone.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import bench_line, sized
from library_storage import big_board, seed_sessions

SESSIONS = sized(10_000, 50)
COMPONENTS = sized(1000, 20)


def median_ms(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from sdi_desktop.app import launch
    from sdi_desktop.domain.record import SessionRecord
    from sdi_desktop.storage.store import Store

    with tempfile.TemporaryDirectory(prefix="sdi-library-bench-") as tmp:
        data = Path(tmp)
        with Store.open(data) as store:
            seed_sessions(store, SESSIONS)
            big = SessionRecord(title="Big board", board=big_board(COMPONENTS), status="finished")
            big_id = store.sessions.create(big)
        window = launch(["--data-dir", str(data)])
        app = QApplication.instance()
        persistence = window.persistence
        deadline = time.monotonic() + 30
        while persistence.store is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)

        def show_library() -> None:
            persistence.library_opener.open()
            app.processEvents()
            persistence.library_opener.library.close()

        show = median_ms(show_library)
        persistence.library_opener.open()
        library = persistence.library_opener.library

        def search(text: str):
            def run() -> None:
                library.search.setText(text)
                library.refresh()

            return run

        found = median_ms(search("hyperlog"))  # a prefix, as typed: about 5 % match
        rows = library.model.rowCount()
        broad = median_ms(search("cache"))  # a word in nearly every session
        broad_rows = library.model.rowCount()
        library.close()

        def open_big() -> None:
            persistence.open_session(big_id)
            app.processEvents()

        opened = median_ms(open_big, repeat=3)
        persistence.review.continue_editing()  # editable again, as after one click
        saver = persistence.autosaver
        ui_times = []
        for i in range(5):
            window.notes.panes["api"].setPlainText(f"GET /urls/{i}")
            saver.save_now()
            ui_times.append(saver.last_ui_seconds * 1000)
            saver.flush()
        window.close()
    print(f"{SESSIONS:,} sessions; the searches found {rows:,} and {broad_rows:,}")
    ok = bench_line("library_show_10k", show, "ms", 200)
    ok &= bench_line("library_search_10k", found, "ms", 50)
    bench_line("library_search_10k_nearly_all_match", broad, "ms", 200)
    ok &= bench_line("open_session_1000_components", opened, "ms", 500)
    ok &= bench_line("autosave_ui_thread", statistics.median(ui_times), "ms", 16)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
