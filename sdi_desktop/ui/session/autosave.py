"""Autosave: every change is written within two seconds, off the UI thread.

``mark_dirty()`` (called on any edit) restarts a short debounce timer; when it
fires, ``capture()`` turns the live session into a ``SessionRecord`` on the UI
thread (a copy of plain data, cheap), and a single worker thread writes it to
SQLite. Phase changes and closing save at once; closing waits for the write.
A failed write (read-only or full disk, locked database) keeps the work in
memory, reports it once, and retries every few seconds until it goes through.

Nothing is saved while the session controller says no (``can_save``: review mode).
Threads: the UI thread alone touches this object's state; the worker gets each
write's data as arguments and hands its result back through the write's future.
The only state the worker keeps is the id it created for each run of writes
(``_created``), which no other thread reads, so no lock is needed.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import NamedTuple

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from sdi_desktop.domain.record import SessionRecord

DEBOUNCE_MS = 700  # after the last edit; with the write itself, well inside 2 s
MAX_WAIT_MS = 1200  # ...and never later than this after the first unsaved edit,
# however fast the user keeps typing (a debounce alone would wait for a pause)
RETRY_MS = 4000


class Autosaver(QObject):
    saved = Signal(int)  # session id
    saveFailed = Signal(str)  # a message for the user
    recovered = Signal()  # a save went through after failures
    created = Signal(int)  # the first write of a new session created this row
    _done = Signal()  # a write finished (emitted from the worker: handled on the UI thread)

    def __init__(
        self,
        store,
        capture: Callable[[], SessionRecord],
        can_save: Callable[[], bool] = lambda: True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._capture = capture
        self._can_save = can_save
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
        self._shut = False  # after shutdown(): nothing more is written (a retry may be due)
        self._snapshots: list = []  # Snapshot, written with the next save
        self._writes: list[_Write] = []  # submitted, not yet handled (UI thread only)
        # Each session shown gets a new run number: a write finishing after a switch
        # belongs to the session before, and must not give its id to the new one.
        self._run = 0
        self._created: dict[int, int] = {}  # run -> id it created; the worker's alone
        self.last_ui_seconds = 0.0  # time the last save spent on the UI thread
        self.last_error: str | None = None
        self._done.connect(self._handle_done, Qt.ConnectionType.QueuedConnection)

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def failing(self) -> bool:
        return self._failing

    def mark_dirty(self) -> None:
        if not self._can_save():
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

    def switch_session(self) -> None:
        """Later writes belong to another session (its id comes with each record). Flush
        first."""
        self._run += 1
        self._snapshots = []

    def queue_snapshot(self, snapshot) -> None:
        """Store this phase-end snapshot with the next write."""
        self._snapshots.append(snapshot)
        self._dirty = True

    def save_now(self) -> Future | None:
        """Capture now and write in the background; returns the write's future."""
        if not self._dirty or not self._can_save() or self._shut:
            return None
        self._timer.stop()
        self._max_wait.stop()
        started = time.perf_counter()
        record = self._capture()
        snapshots, self._snapshots = self._snapshots, []
        self._dirty = False
        future = self._pool.submit(self._write, self._run, record, snapshots)
        self._writes.append(_Write(future, self._run, snapshots))
        future.add_done_callback(lambda _f: self._done.emit())
        self.last_ui_seconds = time.perf_counter() - started
        return future

    def flush(self, timeout: float = 10.0) -> bool:
        """Save anything unsaved and wait for the writes (closing the window)."""
        self.save_now()
        if self._writes:
            with contextlib.suppress(Exception):  # handled below like any failed write
                self._writes[-1].future.result(timeout)
        self._handle_done()
        return not self._dirty and not self._failing

    def _write(self, run: int, record: SessionRecord, snapshots: list) -> int:
        """Runs on the worker thread; returns the id written."""
        if record.id is None:
            record.id = self._created.get(run)  # created by an earlier write of this run
        if record.id is None:
            record.id = self.store.sessions.create(record)
            self._created[run] = record.id
        else:
            self.store.sessions.save(record)
        for snapshot in snapshots:
            self.store.sessions.add_snapshot(record.id, snapshot)
        return record.id

    def _handle_done(self) -> None:
        """The finished writes, in order (UI thread)."""
        while self._writes and self._writes[0].future.done():
            write = self._writes.pop(0)
            try:
                session_id = write.future.result()
            except Exception as exc:  # storage errors of every kind end up here
                self._failed(write, _explain(exc))
                continue
            if write.run == self._run:
                self.created.emit(session_id)  # the controller keeps the first it hears
            if self._failing:
                self._failing = False
                self.last_error = None
                self.recovered.emit()
            self.saved.emit(session_id)

    def _failed(self, write: _Write, error: str) -> None:
        if write.run == self._run:
            self._snapshots[:0] = write.snapshots  # kept for the retry
        self._dirty = True  # the work is still only in memory
        first = not self._failing
        self._failing = True
        self.last_error = error
        if first:
            self.saveFailed.emit(error)
        if not self._shut:
            QTimer.singleShot(RETRY_MS, self, self.save_now)

    def shutdown(self) -> None:
        self._shut = True
        self._timer.stop()
        self._max_wait.stop()
        self._pool.shutdown(wait=True)


class _Write(NamedTuple):
    future: Future
    run: int
    snapshots: list


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
