"""Saved sessions in the window: open the store after the first paint, resume or
open a session, autosave every change, snapshot the board at each phase change,
and flush on close.

The store (SQLModel, ~0.3 s to import) is opened on a worker thread so the
window is usable at once; edits made before it is ready are saved when it is.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence

from sdi_desktop.ui.autosave import Autosaver
from sdi_desktop.ui.session_binding import SessionBinding

if TYPE_CHECKING:
    from sdi_desktop.ui.main_window import MainWindow

CLOCK_SAVE_MS = 5000


class Persistence(QObject):
    ready = Signal()  # the store is open and the session attached
    failed = Signal(str)  # the store could not be opened
    _opened = Signal(object, object)  # (store, error), from the worker thread

    def __init__(self, window: MainWindow, data_dir: Path, open_id: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = Path(data_dir)
        self.open_id = open_id
        self.store = None
        self.autosaver: Autosaver | None = None
        self.binding = SessionBinding(window)
        self.review = None
        self._opened.connect(self._on_opened)
        # While the clock runs, its time is saved every few seconds like any edit.
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_SAVE_MS)
        self._clock_timer.timeout.connect(self._clock_tick)
        self._clock_timer.start()
        window.closing.connect(self.close)
        window.phaseChanged.connect(self._on_phase_changed)
        window.aboutToReplaceSession.connect(self._before_replace)
        window.sessionChanged.connect(self._watch_clock)
        self._watch_clock()
        self._add_actions()

    # -- opening -------------------------------------------------------------------------------
    def start(self, wait: bool = False) -> None:
        """Open the store on a worker thread (``wait``: block until attached)."""
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-open")
        future = pool.submit(self._open_store)
        pool.shutdown(wait=False)
        if wait:
            store, error = future.result()
            self._on_opened(store, error)

    def _open_store(self):
        try:
            from sdi_desktop.storage.store import Store

            store = Store.open(self.data_dir)
        except Exception as exc:  # StorageError and anything unexpected alike
            result = (None, str(exc) or type(exc).__name__)
        else:
            result = (store, None)
        self._opened.emit(*result)
        return result

    def _on_opened(self, store, error) -> None:
        if self.store is not None or (store is None and error is None):
            return
        window = self.window
        if store is None:
            message = (
                f"Sessions cannot be saved: {error}\nYou can keep practising; export the "
                "whiteboard or copy your notes before you close the app."
            )
            window.statusBar().showMessage(message.splitlines()[0])
            self.failed.emit(message)
            self._warn("Saving is not available", message)
            return
        self.store = store
        self.autosaver = Autosaver(store, self.binding.capture, self)
        self.autosaver.saveFailed.connect(self._save_failed)
        self.autosaver.on_created = self.binding.learn_id
        self.autosaver.recovered.connect(
            lambda: window.statusBar().showMessage("Saving works again; everything is saved.", 8000)
        )
        self.binding.changed.connect(self.autosaver.mark_dirty)
        self.refresh_history()
        if store.recovered_from is not None:
            self._warn(
                "The session database was damaged",
                f"The database could not be read, so it was moved aside to\n"
                f"{store.recovered_from}\n(nothing was deleted) and a fresh one was started.",
            )
        if self.open_id is not None:
            self.open_session(self.open_id)
        else:
            self._resume_latest()
        if self.binding.record_id is None and self._has_content():
            self.autosaver.mark_dirty()  # edits made while the store was opening
        self.ready.emit()

    def refresh_history(self) -> None:
        """How often and when each problem was practised, for the problem picker."""
        from sdi_desktop.domain.problems.practice import PracticeRecord

        self.window.practice_history = {
            problem_id: PracticeRecord(count, last)
            for problem_id, (count, last) in self.store.sessions.practice_history().items()
        }

    def _has_content(self) -> bool:
        window = self.window
        return (
            window.session.clock.total_elapsed() > 0
            or len(window.board.editor.document) > 0
            or any(p.document().characterCount() > 1 for p in window.notes.panes.values())
        )

    def _resume_latest(self) -> None:
        if self._has_content():
            return  # the user already started something: keep it
        from sdi_desktop.storage.queries import SessionQuery

        latest = self.store.sessions.list(SessionQuery(sort="started", descending=True, limit=5))
        active = [s for s in latest if s.status == "active"]
        if active:
            self.open_session(active[0].id)
            self.window.statusBar().showMessage(
                f"Resumed “{active[0].title}”. Ctrl+N starts a new session, Ctrl+O opens another.",
                10000,
            )

    # -- sessions --------------------------------------------------------------------------------
    def open_session(self, session_id: int) -> bool:
        from sdi_desktop.storage.errors import SessionNotFound

        self._flush()
        try:
            record = self.store.sessions.get(session_id)
        except SessionNotFound:
            self._warn("No such session", f"There is no saved session with id {session_id}.")
            return False
        problem = self._problem(record.problem_id)
        self.binding.restore(record, problem)
        if self.autosaver is not None:
            self.autosaver.switch_session(record.id)
            self.autosaver.mark_clean()
        self.show_review(record if record.status == "finished" else None)
        return True

    def _problem(self, problem_id: str | None):
        if not problem_id:
            return None
        from sdi_desktop.ui.problem_picker import load_app_library

        library = load_app_library(self.data_dir)
        return library.get(problem_id) if hasattr(library, "get") else None

    def _before_replace(self) -> None:
        if self.autosaver is not None:
            self._flush()
            self.autosaver.switch_session(None)
        self.binding.forget()
        self.show_review(None)

    def _on_phase_changed(self, left: int, _entered: int) -> None:
        if self.autosaver is None or self.review is not None:
            return
        self.autosaver.queue_snapshot(self.binding.snapshot(left))
        self.autosaver.mark_dirty()
        self.autosaver.save_now()

    def save_now(self) -> None:
        if self.autosaver is None:
            self.window.statusBar().showMessage("Saving is not available.", 5000)
            return
        self.autosaver.mark_dirty()
        self.autosaver.save_now()
        self.window.statusBar().showMessage("Saved.", 3000)

    def _flush(self) -> None:
        """Save everything now, clock time included (a running clock is no edit)."""
        if self.autosaver is None:
            return
        if self.binding.record_id is not None or self._has_content():
            self.autosaver.mark_dirty()
        self.autosaver.flush()

    def _watch_clock(self) -> None:
        self.window.session.clock.changed.connect(self._clock_changed)

    def _clock_changed(self) -> None:
        """Finishing saves at once and turns to review mode (read-only until "Continue")."""
        from sdi_desktop.domain.clock import ClockState

        if self.window.session.clock.state is not ClockState.FINISHED or self.review is not None:
            return
        if self.store is None or self.autosaver is None:
            return
        self._flush()
        session_id = self.binding.record_id or self.autosaver.session_id
        if session_id is not None:
            self.binding.learn_id(session_id)
            self.show_review(self.store.sessions.get(session_id))

    def _clock_tick(self) -> None:
        if self.autosaver is not None and self.window.session.clock.is_running:
            self.autosaver.mark_dirty()

    def close(self) -> None:
        self._clock_timer.stop()
        if self.autosaver is not None:
            self._flush()
            self.autosaver.shutdown()
        if self.store is not None:
            self.store.close()

    # -- review mode -------------------------------------------------------------------------------
    def show_review(self, record) -> None:
        from sdi_desktop.ui.review_banner import ReviewBanner

        if record is None:
            if self.review is not None:
                self.review.leave()
                self.review = None
            return
        self.review = ReviewBanner(self.window, record, self)
        self.review.continued.connect(self._continue_editing)

    def _continue_editing(self) -> None:
        self.review = None
        self.window.session.clock.reopen()
        self.binding.ended_at = None
        self.autosaver.mark_dirty()

    # -- library and actions --------------------------------------------------------
    def open_library(self) -> None:
        if self.store is None:
            self.window.statusBar().showMessage("The session library is still opening…", 4000)
            return
        from sdi_desktop.ui.library.session_library import SessionLibrary

        self._flush()
        library = SessionLibrary(self.store, self.window)
        library.openRequested.connect(self.open_session)
        library.sessionEdited.connect(self._edited_in_library)
        library.message.connect(lambda text: self.window.statusBar().showMessage(text, 6000))
        self.library = library
        library.show()

    def _edited_in_library(self, session_id: int) -> None:
        """Keep a rename or new tags of the open session (the next autosave writes them)."""
        if session_id != self.binding.record_id:
            return
        record = self.store.sessions.get(session_id)
        self.binding.tags = list(record.tags)
        self.window.rename_session(record.title)

    def _add_actions(self) -> None:
        window = self.window
        save = QAction("&Save Now", window)
        save.setObjectName("actionSave")
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        save.triggered.connect(self.save_now)
        library = QAction("&Session Library…", window)
        library.setObjectName("actionOpenLibrary")
        library.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        library.triggered.connect(self.open_library)
        for action in (save, library):
            window.addAction(action)
        window.add_file_actions([library, save])

    def _save_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(message)
        self._warn(
            "Saving failed", message + "\n\nUse Export (File menu) to keep a copy elsewhere."
        )

    def _warn(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName("storageWarning")
        box.setModal(False)
        box.show()
        self.last_warning = text
