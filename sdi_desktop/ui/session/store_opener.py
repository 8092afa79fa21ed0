"""Opening the session store for a window: the data directory's lock first (one app
each), then ``Store.open`` on a worker thread (SQLModel costs ~0.3 s to import), so the
window is usable at once. The result comes back on the UI thread as ``opened``.

A data directory that cannot be written (read-only, full) is no other app: ``opened``
carries the reason, and ``start()`` may be called again later to retry (the lock, once
taken, is kept)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal


class StoreOpener(QObject):
    opened = Signal(object, object)  # (store, None) or (None, error message)
    refused = Signal(str)  # another app holds the data directory: a message

    def __init__(self, data_dir: Path, parent: QObject) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.lock = None

    def start(self) -> None:
        from sdi_desktop.ui.session.instance_lock import InstanceLock

        if self.lock is None:
            lock = InstanceLock(self.data_dir)
            if not lock.acquire():
                if lock.held_elsewhere():
                    self.refused.emit(lock.message() + "\n\nThis window will not save anything.")
                else:
                    self.opened.emit(None, lock.why_unwritable())
                return
            self.lock = lock
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-open")
        pool.submit(self._open)
        pool.shutdown(wait=False)

    def _open(self) -> None:
        """Runs on the worker thread; the signal is queued to the UI thread."""
        try:
            from sdi_desktop.storage.store import Store

            result = (Store.open(self.data_dir), None)
        except Exception as exc:  # StorageError and anything unexpected alike
            result = (None, str(exc) or type(exc).__name__)
        self.opened.emit(*result)

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
