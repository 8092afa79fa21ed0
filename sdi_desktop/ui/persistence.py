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
        self.dashboard = None  # the progress dashboard while it is open
        self._opened.connect(self._on_opened)
        # While the clock runs, its time is saved every few seconds like any edit.
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_SAVE_MS)
        self._clock_timer.timeout.connect(self._clock_tick)
        self._clock_timer.start()
        window.closing.connect(self.close)
        window.phaseChanged.connect(self._on_phase_changed)
        window.aboutToReplaceSession.connect(self._before_replace)
        window.sessionFinished.connect(self._on_finished)
        window.aboutToPickProblem.connect(self._refresh_history_if_open)
        self.rubric = None
        window.themes.on_change(lambda _colors: self.refresh_dashboard())
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

    def _refresh_history_if_open(self) -> None:
        if self.store is not None:  # the picker's counts include sessions just finished
            self.refresh_history()

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

    def problem_library(self, reload: bool = False):
        """The problem library, loaded once (reading 31 files and validating them costs
        ~20 ms, plus pydantic's import the first time)."""
        if reload or getattr(self, "_library", None) is None:
            from sdi_desktop.ui.problem_picker import load_app_library

            self._library = load_app_library(self.data_dir)
        return self._library

    def _problem(self, problem_id: str | None):
        if not problem_id:
            return None
        problem = self.problem_library().get(problem_id)
        if problem is None:  # perhaps one the user wrote since: read the files again
            problem = self.problem_library(reload=True).get(problem_id)
        return problem

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

    def _on_finished(self) -> None:
        """Keep the board of the last phase, save, then ask for a self-assessment."""
        if self.autosaver is None:
            return
        self.autosaver.queue_snapshot(self.binding.snapshot(self.window.session.clock.current))
        self.autosaver.mark_dirty()
        self.autosaver.flush()
        session_id = self.autosaver.session_id or self.binding.record_id
        if session_id is not None:
            self.binding.learn_id(session_id)
            # finished means read-only until "Continue editing"
            if self.review is None:
                self.show_review(self.store.sessions.get(session_id))
            self.refresh_dashboard()
            self.show_assessment(session_id)

    # -- self-assessment ----------------------------------------------------------------------
    def show_assessment(self, session_id: int):
        """Open the rubric for a saved session (window-modal); saving stores it."""
        from sdi_desktop.domain.rubric import Assessment, AssessmentError
        from sdi_desktop.ui.review.rubric_dialog import RubricDialog

        if self.store is None:
            return None
        record = self.store.sessions.get(session_id)
        stored = self.store.sessions.get_assessment(session_id)
        previous = None
        if stored is not None:
            try:
                previous = Assessment.from_dict(stored)
            except AssessmentError as exc:
                self._warn("The earlier self-assessment cannot be read", str(exc))
        problem = self._problem(record.problem_id)
        points = list(problem.reviewer_points) if problem is not None else []
        dialog = RubricDialog(record, points, previous, self.window)
        dialog.accepted.connect(lambda: self._save_assessment(session_id, dialog))
        self.rubric = dialog
        dialog.open()
        return dialog

    def _save_assessment(self, session_id: int, dialog) -> None:
        from sdi_desktop.storage.errors import StorageError

        try:
            self.store.sessions.save_assessment(session_id, dialog.assessment().to_dict())
        except Exception as exc:  # StorageError, or the session was purged meanwhile
            if not isinstance(exc, StorageError | LookupError):
                raise
            self._warn("The self-assessment was not saved", str(exc))
            return
        self.window.statusBar().showMessage("Self-assessment saved.", 5000)
        self.refresh_dashboard()

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

    def _clock_tick(self) -> None:
        if self.autosaver is not None and self.window.session.clock.is_running:
            self.autosaver.mark_dirty()

    def close(self) -> None:
        self._clock_timer.stop()
        if self.dashboard is not None:  # a window of the app: it goes with the app
            self.dashboard.close()
        if self.autosaver is not None:
            self._flush()
            self.autosaver.shutdown()
        if self.store is not None:
            self.store.close()

    # -- review mode -------------------------------------------------------------------------------
    def show_review(self, record) -> None:
        from sdi_desktop.ui.review_banner import ReviewBanner

        if self.review is not None:  # one banner: the previous session's goes first
            self.review.leave()
            self.review = None
        if record is None:
            return
        self.review = ReviewBanner(self.window, record, self, self.binding)
        self.review.continued.connect(self._continue_editing)
        self.review.assessRequested.connect(lambda: self.show_assessment(record.id))

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
        library.compareRequested.connect(lambda sid: self.open_compare(*self._default_pair(sid)))
        library.message.connect(lambda text: self.window.statusBar().showMessage(text, 6000))
        self.library = library
        library.show()

    def open_compare(self, left_id: int | None = None, right_id: int | None = None):
        """Compare two sessions; by default the open one and the attempt before it
        (at the same problem if there is one), else the two latest."""
        if self.store is None:
            self.window.statusBar().showMessage("Saved sessions are still opening…", 4000)
            return None
        from sdi_desktop.ui.review.compare_dialog import CompareDialog

        if self.autosaver is not None:
            self.autosaver.flush()
        if left_id is None or right_id is None:
            left_id, right_id = self._default_pair()
        if left_id is None or right_id is None:
            self.window.statusBar().showMessage("Comparing needs two saved sessions.", 5000)
            return None
        dialog = CompareDialog(self.store, left_id, right_id, self.window)
        self.compare = dialog
        dialog.show()
        return dialog

    def open_dashboard(self):
        """The progress charts over every saved session (pyqtgraph loads now, not before)."""
        if self.store is None:
            self.window.statusBar().showMessage("Saved sessions are still opening…", 4000)
            return None
        if self.autosaver is not None:
            self.autosaver.flush()
        previous = self.dashboard
        if previous is not None:  # one at a time, with today's figures, where it was
            shown, geometry = previous.current_filter(), previous.saveGeometry()
            previous.close()
        dialog = build_dashboard(
            self.store, self.data_dir, self.window.themes.colors.dark, self.problem_library()
        )
        # A window of its own, not a dialog kept above the main window: a clicked point
        # opens its session there, and the main window must be able to come to the front.
        if previous is not None:
            dialog.restoreGeometry(geometry)
            dialog.set_filter(shown)
        else:
            frame = dialog.frameGeometry()
            frame.moveCenter(self.window.frameGeometry().center())
            dialog.move(frame.topLeft())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.addAction(self.window.action_quit)  # Ctrl+Q quits from here too
        dialog.sessionActivated.connect(self._open_from_dashboard)
        dialog.reloadRequested.connect(self.open_dashboard)
        dialog.destroyed.connect(lambda: self._dashboard_gone(dialog))
        self.dashboard = dialog
        dialog.show()
        return dialog

    def _open_from_dashboard(self, session_id: int) -> None:
        if self.open_session(session_id):
            self.window.raise_()
            self.window.activateWindow()

    def refresh_dashboard(self) -> None:
        """Read the sessions again if the dashboard is open (a session was finished or
        assessed, or the theme changed): same filters, same place."""
        if self.dashboard is not None and self.dashboard.isVisible():
            self.open_dashboard()

    def _dashboard_gone(self, dialog) -> None:
        """Let go of a closed dashboard (its 10,000 entries with it)."""
        dialog.release()
        if self.dashboard is dialog:
            self.dashboard = None

    def _default_pair(self, session_id: int | None = None) -> tuple[int | None, int | None]:
        """(earlier attempt, this one): this one is ``session_id``, else the open session."""
        sessions = self.store.sessions.list()
        if len(sessions) < 2:
            return None, None
        current = session_id if session_id is not None else self.binding.record_id
        mine = next((s for s in sessions if s.id == current), sessions[0])
        older = [s for s in sessions if s.started_at < mine.started_at and s.id != mine.id]
        same = [s for s in older if mine.problem_id and s.problem_id == mine.problem_id]
        before = (same or older or [s for s in sessions if s.id != mine.id])[0]
        return before.id, mine.id

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
        progress = QAction("&Progress…", window)
        progress.setObjectName("actionProgress")
        progress.setShortcut(QKeySequence("Ctrl+Shift+P"))
        progress.triggered.connect(lambda: self.open_dashboard())
        compare = QAction("&Compare Sessions…", window)
        compare.setObjectName("actionCompare")
        compare.triggered.connect(lambda: self.open_compare())
        for action in (save, library, progress, compare):
            window.addAction(action)
        window.add_file_actions([library, progress, compare, save])

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


def build_dashboard(store, data_dir: Path, dark: bool, library=None):
    """A progress dashboard over the store's sessions (also used by the benchmark);
    ``library``: the problem library if already loaded."""
    from sdi_desktop.domain.local_time import local_now
    from sdi_desktop.domain.problems import load_library
    from sdi_desktop.paths import resource_root, user_problems_dir
    from sdi_desktop.storage.queries import gc_paused
    from sdi_desktop.ui.review.dashboard import ProgressDashboard

    if library is None:
        library = load_library(resource_root("problems"), user_problems_dir(data_dir))
    problems = library.problems
    tags = {p.id: list(p.tags) for p in problems}
    now = local_now()  # days, weeks and streaks in the machine's zone, summer time included
    with gc_paused():  # ~30 ms of collector passes over the new objects otherwise
        entries = store.sessions.progress_entries(tags)
        return ProgressDashboard(
            entries,
            {p.id: p.title for p in problems},
            sorted({t for ts in tags.values() for t in ts}),
            now.date(),
            now.tzinfo,
            dark,
            problem_tags=tags,
        )
