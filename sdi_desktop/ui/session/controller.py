"""The one owner of the open session: which session it is, and in which mode.

``SessionController`` alone opens, resumes, switches, finishes and reviews a session and
holds its id. Its mode (``domain/edit_gate.SessionMode``) is one state that every editing
path asks through the window's ``EditGate``: ``EDITING``, or ``REVIEW`` for a finished
session (replaying its phase snapshots included) until "Continue editing". In review
nothing is saved, whatever reaches the widgets. Autosave and the window binding ask the
controller for the id and for whether saving is allowed now.

The store (SQLModel, ~0.3 s to import) is opened on a worker thread so the window is
usable at once; edits made before it is ready are saved when it is.

Features that keep data with the session register a part (``register_part``): see
``ui/session/parts.py`` and docs/architecture.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence

from sdi_desktop.domain.edit_gate import SessionMode
from sdi_desktop.ui.session.autosave import Autosaver
from sdi_desktop.ui.session.binding import SessionBinding
from sdi_desktop.ui.session.earlier_names import EarlierNames
from sdi_desktop.ui.session.parts import SessionPart, SessionParts
from sdi_desktop.ui.session.store_opener import StoreOpener

if TYPE_CHECKING:
    from sdi_desktop.domain.record import SessionRecord
    from sdi_desktop.ui.main_window import MainWindow

CLOCK_SAVE_MS = 5000
OPEN_RETRY_MS = 4000  # a data directory that cannot be written is tried again this often


class SessionController(QObject, EarlierNames):
    ready = Signal()  # the store is open and the session attached
    failed = Signal(str)  # the store could not be opened (or another app holds the data)
    sessionOpened = Signal(object)  # the SessionRecord just put into the window
    finished = Signal(int)  # a session was finished and saved (its id)

    def __init__(self, window: MainWindow, data_dir: Path, open_id: int | None = None) -> None:
        super().__init__(window)
        from sdi_desktop.ui.library.opener import LibraryOpener
        from sdi_desktop.ui.review.windows import ReviewWindows

        self.window = window
        self.gate = window.edit_gate
        self.data_dir = Path(data_dir)
        self.open_id = open_id
        self.store = None
        self.autosaver: Autosaver | None = None
        self.review = None  # the review banner while a finished session is shown
        self.last_warning: str | None = None
        self._session_id: int | None = None
        self._record: SessionRecord | None = None  # the finished session under review
        self.parts = SessionParts(self.gate, self._part_changed)
        self.binding = SessionBinding(window, self)
        self.binding.changed.connect(self._changed)
        self.library_opener = LibraryOpener(self)
        self.reviews = ReviewWindows(self)
        self._opener = StoreOpener(self.data_dir, self)
        self._opener.opened.connect(self._on_opened)
        self._opener.refused.connect(self.refuse_saving)
        self._open_retry = QTimer(self)
        self._open_retry.setSingleShot(True)
        self._open_retry.setInterval(OPEN_RETRY_MS)
        self._open_retry.timeout.connect(self._opener.start)
        self._closed = False
        # While the clock runs, its time is saved every few seconds like any edit.
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_SAVE_MS)
        self._clock_timer.timeout.connect(self._clock_tick)
        self._clock_timer.start()
        window.closing.connect(self.close)
        window.phaseChanged.connect(self._on_phase_changed)
        window.aboutToReplaceSession.connect(self._before_replace)
        window.sessionFinished.connect(self._on_finished)
        self._add_actions()

    # -- the state others ask ---------------------------------------------------------------
    @property
    def session_id(self) -> int | None:
        """The stored row of the open session (None until its first save)."""
        return self._session_id

    @property
    def mode(self) -> SessionMode:
        return self.gate.mode

    @property
    def read_only(self) -> bool:
        return not self.gate.editable

    @property
    def replay_phase(self) -> int | None:
        """In review: the phase whose end is shown (None: the session as finished)."""
        return self.review.shown_phase if self.review is not None else None

    def can_save(self) -> bool:
        return self.gate.editable

    def learn_id(self, session_id: int) -> None:
        """A first save created the row; later saves update it (autosave tells us)."""
        if self._session_id is None:
            self._session_id = session_id

    # -- per-feature session data -------------------------------------------------------------
    def register_part(self, key: str, snapshot, restore, **options) -> SessionPart:
        """Keep a feature's data with the session under ``extras[key]``:
        ``register_part(key, snapshot: () -> Any, restore: (Any | None) -> None, *,
        in_snapshots: bool = False) -> SessionPart`` (see ``ui/session/parts.py``)."""
        return self.parts.register(key, snapshot, restore, **options)

    def _part_changed(self) -> None:
        if self.autosaver is not None and self.can_save():
            self.autosaver.mark_dirty()

    # -- opening -------------------------------------------------------------------------------
    def start(self) -> None:
        """Take the data directory's lock, then open the store off the UI thread."""
        self._opener.start()

    def refuse_saving(self, message: str) -> None:
        """Nothing will be saved in this window (another app holds the data directory)."""
        self.window.statusBar().showMessage(message.splitlines()[0])
        self.warn("Already running", message)
        self.failed.emit(message)

    def _on_opened(self, store, error) -> None:
        if self.store is not None or (store is None and error is None):
            return
        window = self.window
        if store is None:
            message = (
                f"Sessions cannot be saved: {error}\nYour work is kept in memory and saving "
                "is tried again every few seconds; it is saved as soon as it can be."
            )
            window.statusBar().showMessage(message.splitlines()[0])
            if self.last_warning != message:  # said once, not at every retry
                self.failed.emit(message)
                self.warn("Saving is not available", message)
            if not self._closed:
                self._open_retry.start()
            return
        if self._closed:
            store.close()
            return
        retried = self.last_warning is not None and self.last_warning.startswith(
            "Sessions cannot be saved"
        )
        self.store = store
        self.autosaver = Autosaver(store, self.binding.capture, self.can_save, self)
        self.autosaver.saveFailed.connect(self._save_failed)
        self.autosaver.created.connect(self.learn_id)
        self.autosaver.recovered.connect(
            lambda: window.statusBar().showMessage("Saving works again; everything is saved.", 8000)
        )
        if store.recovered_from is not None:
            self.warn(
                "The session database was damaged",
                f"The database could not be read, so it was moved aside to\n"
                f"{store.recovered_from}\n(nothing was deleted) and a fresh one was started.",
            )
        if self.open_id is not None:
            self.open_session(self.open_id)
        else:
            self._resume_latest()
        if self._session_id is None and self._has_content():
            self.autosaver.mark_dirty()  # edits made while the store was opening
            if retried:
                self.autosaver.save_now()
        if retried:
            window.statusBar().showMessage("Saving works now; your work is being saved.", 8000)
        self.ready.emit()

    def practice_history(self) -> dict:
        """How often and when each problem was practised (problem id -> PracticeRecord)."""
        from sdi_desktop.domain.problems.practice import PracticeRecord

        if self.store is None:
            return {}
        return {
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
        if active and self.open_session(active[0].id):
            self.window.statusBar().showMessage(
                f"Resumed “{active[0].title}”. Ctrl+N starts a new session, Ctrl+O opens another.",
                10000,
            )

    # -- switching sessions ----------------------------------------------------------------------
    def open_session(self, session_id: int) -> bool:
        """Put a saved session into the window: editable if active, in review if finished."""
        from sdi_desktop.storage.errors import SessionNotFound, StorageError

        if self.store is None:
            self.window.statusBar().showMessage("Saved sessions are still opening…", 4000)
            return False
        self.flush()
        try:
            record = self.store.sessions.get(session_id)
        except SessionNotFound:
            self.warn("No such session", f"There is no saved session with id {session_id}.")
            return False
        except (StorageError, ValueError) as exc:  # a corrupt or newer board, bad extras
            self.warn("This session cannot be opened", f"Session {session_id}: {exc}")
            return False
        self._leave_review()
        self._session_id = record.id
        self.autosaver.switch_session()
        self.binding.restore(record, self.window.problem(record.problem_id))
        self.parts.load(record.extras)
        self.autosaver.mark_clean()
        if record.status == "finished":
            self._enter_review(record)
        self.sessionOpened.emit(record)
        return True

    def _before_replace(self) -> None:
        """New Session: keep the old one saved, then start afresh (no row until a save)."""
        self.flush()
        self._leave_review()
        if self.autosaver is not None:
            self.autosaver.switch_session()
        self._session_id = None
        self.binding.forget()
        self.parts.load({})

    def _on_phase_changed(self, left: int, _entered: int) -> None:
        if self.autosaver is None or not self.can_save():
            return
        self.autosaver.queue_snapshot(self.binding.snapshot(left))
        self.autosaver.mark_dirty()
        self.autosaver.save_now()

    def _on_finished(self) -> None:
        """Keep the board of the last phase, save, then review (read-only) and assess."""
        if self.autosaver is None:
            return
        self.autosaver.queue_snapshot(self.binding.snapshot(self.window.session.clock.current))
        self.autosaver.mark_dirty()
        self.autosaver.flush()
        if self._session_id is None:
            return  # the save failed: the work stays editable in memory, retried
        self._enter_review(self.store.sessions.get(self._session_id))
        self.finished.emit(self._session_id)

    # -- review mode (one state: the gate's mode) ---------------------------------------------
    def _enter_review(self, record: SessionRecord) -> None:
        from sdi_desktop.ui.review.banner import ReviewBanner

        self._record = record
        self.gate.set_mode(SessionMode.REVIEW)
        self.review = ReviewBanner(self.window, record, self)
        self.review.continueRequested.connect(self.continue_editing)
        self.review.assessRequested.connect(lambda: self.reviews.show_assessment(record.id))

    def replay(self, phase_index: int | None) -> None:
        """In review, show the board, notes (and snapshotted extras) at the end of
        ``phase_index``, or the session as finished (None). Never saved: it is review."""
        record = self._record
        if record is None or self.gate.editable:
            return
        snapshot = next((s for s in record.snapshots if s.phase_index == phase_index), None)
        if snapshot is None:
            self.binding.show(record.board, record.notes)
            self.parts.load(record.extras)
        else:
            self.binding.show(snapshot.board, snapshot.notes or record.notes)
            self.parts.load(record.extras, snapshot.extras)
        self.window.board.view.zoom_to_fit()

    def continue_editing(self) -> None:
        """Leave review: the finished session becomes editable (and active) again."""
        if self.review is None:
            return
        self._leave_review(restore=True)
        self.window.session.clock.reopen()
        self.binding.ended_at = None
        if self.autosaver is not None:
            self.autosaver.mark_dirty()

    def _leave_review(self, restore: bool = False) -> None:
        """``restore``: put the finished board and notes back (not needed when another
        session replaces them at once)."""
        if self.review is None:
            return
        if restore:
            self.replay(None)
        banner, self.review, self._record = self.review, None, None
        banner.remove()
        self.gate.set_mode(SessionMode.EDITING)

    # -- saving -------------------------------------------------------------------------------
    def save_now(self) -> None:
        if self.autosaver is None:
            self.window.statusBar().showMessage("Saving is not available.", 5000)
            return
        if not self.can_save():
            self.window.statusBar().showMessage("A finished session is saved as it is.", 4000)
            return
        self.autosaver.mark_dirty()
        self.autosaver.save_now()
        self.window.statusBar().showMessage("Saved.", 3000)

    def flush(self) -> None:
        """Save everything now, clock time included (a running clock is no edit)."""
        if self.autosaver is None:
            return
        if self.can_save() and (self._session_id is not None or self._has_content()):
            self.autosaver.mark_dirty()
        self.autosaver.flush()

    def _changed(self) -> None:
        if self.autosaver is not None:
            self.autosaver.mark_dirty()  # it asks can_save() itself

    def _clock_tick(self) -> None:
        if self.autosaver is not None and self.window.session.clock.is_running:
            self.autosaver.mark_dirty()

    def unsaved_reason(self) -> str | None:
        """None when everything is saved (a last save is tried now); else why not."""
        if self._closed or not self.can_save():
            return None  # review: a finished session is stored as it is
        if self.autosaver is None:
            if not self._has_content():
                return None
            return (self.last_warning or "Saving is not available.").splitlines()[0]
        self.flush()
        if not self.autosaver.dirty and not self.autosaver.failing:
            return None
        return self.autosaver.last_error or "The last changes are not saved yet."

    def may_close(self) -> bool:
        """Asked by the window before it closes: unsaved work is not dropped silently."""
        from sdi_desktop.ui.session import close_guard

        return close_guard.may_close(self)

    def close(self) -> None:
        self._closed = True
        self._open_retry.stop()
        self._clock_timer.stop()
        self.reviews.close()
        if self.autosaver is not None:
            self.flush()
            self.autosaver.shutdown()
        if self.store is not None:
            self.store.close()
        self._opener.release()

    def renamed_in_library(self, session_id: int) -> None:
        """Keep a rename or new tags of the open session (the next autosave writes them)."""
        if session_id != self._session_id:
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
        window.addAction(save)
        actions = [*self.library_opener.actions(), *self.reviews.actions(), save]
        window.add_file_actions(actions)
        # Leave review mode: enabled only while a finished session is shown read-only.
        resume = QAction("&Continue Editing", window)
        resume.setObjectName("actionContinueEditing")
        resume.setToolTip("Make this finished session editable again")
        resume.triggered.connect(self.continue_editing)
        resume.setEnabled(not self.gate.editable)
        self.gate.changed.connect(lambda editable: resume.setEnabled(not editable))
        window.addAction(resume)
        window.add_session_actions([resume])
        self.action_continue = resume

    def _save_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(message)
        self.warn("Saving failed", message + "\n\nUse Export (File menu) to keep a copy elsewhere.")

    def warn(self, title: str, text: str) -> None:
        """A non-modal warning over the window (the app keeps running)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName("storageWarning")
        box.setModal(False)
        box.show()
        self.last_warning = text
