"""Autosave: every change is written within two seconds, off the UI thread.

``mark_dirty()`` (called on any edit) restarts a short debounce timer; when it
fires, ``capture()`` turns the live session into a ``SessionRecord`` on the UI
thread (a copy of plain data, cheap), and a single worker thread writes it to
SQLite. Phase changes and closing save at once; closing waits for the write.
A failed write (read-only or full disk, locked database) keeps the work in
memory, reports it once, and retries every few seconds until it goes through.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal

from sdi_desktop.domain.record import SessionRecord

DEBOUNCE_MS = 700  # after the last edit; with the write itself, well inside 2 s
MAX_WAIT_MS = 1200  # ...and never later than this after the first unsaved edit,
# however fast the user keeps typing (a debounce alone would wait for a pause)
RETRY_MS = 4000


class Autosaver(QObject):
    saved = Signal(int)  # session id
    saveFailed = Signal(str)  # a message for the user
    recovered = Signal()  # a save went through after failures

    def __init__(
        self,
        store,
        capture: Callable[[], SessionRecord],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._capture = capture
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.save_now)
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(MAX_WAIT_MS)
        self._max_wait.timeout.connect(self.save_now)
        self._dirty = False
        self._failing = False
        self._snapshots: list = []  # Snapshot, written with the next save
        self._pending: Future | None = None
        self._lock = threading.Lock()
        self.enabled = True
        self.on_created: Callable[[int], None] | None = None  # learns the id of a new session
        self.session_id: int | None = None  # the row this session's writes go to
        self.last_ui_seconds = 0.0  # time the last save spent on the UI thread
        self.last_error: str | None = None
        self._done.connect(self._on_done)

    _done = Signal(object, object)  # (record, error message or None), from the worker

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def failing(self) -> bool:
        return self._failing

    def mark_dirty(self) -> None:
        if not self.enabled:
            return
        self._dirty = True
        if not self._failing:
            self._timer.start()
            if not self._max_wait.isActive():
                self._max_wait.start()

    def mark_clean(self) -> None:
        """What is shown now is what is stored (just opened)."""
        self._timer.stop()
        self._max_wait.stop()
        self._dirty = False

    def switch_session(self, session_id: int | None) -> None:
        """Writes go to another session's row from now on (None: a new one). Flush first."""
        self.session_id = session_id
        self._snapshots = []

    def queue_snapshot(self, snapshot) -> None:
        """Store this phase-end snapshot with the next write."""
        self._snapshots.append(snapshot)
        self._dirty = True

    def save_now(self) -> Future | None:
        """Capture now and write in the background; returns the write's future."""
        if not self.enabled or not self._dirty:
            return None
        self._timer.stop()
        self._max_wait.stop()
        started = time.perf_counter()
        record = self._capture()
        snapshots, self._snapshots = self._snapshots, []
        self._dirty = False
        future = self._pool.submit(self._write, record, snapshots)
        self._pending = future
        self.last_ui_seconds = time.perf_counter() - started
        return future

    def flush(self, timeout: float = 10.0) -> bool:
        """Save anything unsaved and wait for the writes (closing the window)."""
        self.save_now()
        pending = self._pending
        if pending is not None:
            try:
                pending.result(timeout)
            except Exception:  # reported through _done already
                return False
        return not self._dirty and not self._failing

    def _write(self, record: SessionRecord, snapshots: list) -> None:
        """Runs on the worker thread."""
        try:
            with self._lock:
                if record.id is None and self.session_id is not None:
                    record.id = self.session_id  # created by an earlier write of this session
                if record.id is None:
                    self.session_id = self.store.sessions.create(record)
                else:
                    self.store.sessions.save(record)
                for snapshot in snapshots:
                    self.store.sessions.add_snapshot(record.id, snapshot)
        except Exception as exc:  # storage errors of every kind end up here
            self._snapshots[:0] = snapshots  # keep them for the retry
            self._done.emit(record, _explain(exc))
            raise
        self._done.emit(record, None)

    def _on_done(self, record: SessionRecord, error: str | None) -> None:
        # Tell the binding the id of a newly created row, but only for the session now
        # shown: a write that finishes after a switch belongs to the previous one.
        if record.id is not None and record.id == self.session_id and self.on_created:
            self.on_created(record.id)
        if error is None:
            if self._failing:
                self._failing = False
                self.last_error = None
                self.recovered.emit()
            self.saved.emit(record.id)
            return
        self._dirty = True  # the work is still only in memory
        first = not self._failing
        self._failing = True
        self.last_error = error
        if first:
            self.saveFailed.emit(error)
        QTimer.singleShot(RETRY_MS, self.save_now)

    def shutdown(self) -> None:
        self._timer.stop()
        self._pool.shutdown(wait=True)


def _explain(exc: Exception) -> str:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text or "permission" in text:
        why = "the data directory is read-only"
    elif "disk" in text and ("full" in text or "space" in text):
        why = "the disk is full"
    elif "locked" in text:
        why = "the database is locked by another program"
    else:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"Could not save: {why}. Your work is kept in memory; saving is retried."
