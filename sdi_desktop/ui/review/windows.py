"""Opens the windows that look back at saved sessions: the self-assessment (rubric), the
comparison of two attempts and the progress dashboard, over the session controller's store.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from sdi_desktop.ui.session.controller import SessionController


class ReviewWindows:
    def __init__(self, controller: SessionController) -> None:
        self.controller = controller
        self.window = controller.window
        self.rubric = None  # the last self-assessment dialog
        self.compare = None  # the last comparison
        self.dashboard = None  # the progress dashboard while it is open
        controller.finished.connect(self._session_finished)
        self.window.themes.on_change(lambda _colors: self.refresh_dashboard())

    def actions(self) -> list[QAction]:
        window = self.window
        progress = QAction("&Progress…", window)
        progress.setObjectName("actionProgress")
        progress.setShortcut(QKeySequence("Ctrl+Shift+P"))
        progress.triggered.connect(lambda: self.open_dashboard())
        compare = QAction("&Compare Sessions…", window)
        compare.setObjectName("actionCompare")
        compare.triggered.connect(lambda: self.open_compare())
        for action in (progress, compare):
            window.addAction(action)
        return [progress, compare]

    def _status(self, text: str, ms: int = 4000) -> None:
        self.window.statusBar().showMessage(text, ms)

    def _session_finished(self, session_id: int) -> None:
        self.refresh_dashboard()
        self.show_assessment(session_id)

    # -- self-assessment ----------------------------------------------------------------------
    def show_assessment(self, session_id: int):
        """Open the rubric for a saved session (window-modal); saving stores it."""
        from sdi_desktop.domain.rubric import Assessment, AssessmentError
        from sdi_desktop.ui.review.rubric_dialog import RubricDialog

        store = self.controller.store
        if store is None:
            return None
        record = store.sessions.get(session_id)
        stored = store.sessions.get_assessment(session_id)
        previous = None
        if stored is not None:
            try:
                previous = Assessment.from_dict(stored)
            except AssessmentError as exc:
                self.controller.warn("The earlier self-assessment cannot be read", str(exc))
        problem = self.window.problem(record.problem_id)
        points = list(problem.reviewer_points) if problem is not None else []
        dialog = RubricDialog(record, points, previous, self.window)
        dialog.accepted.connect(lambda: self._save_assessment(session_id, dialog))
        self.rubric = dialog
        dialog.open()
        return dialog

    def _save_assessment(self, session_id: int, dialog) -> None:
        from sdi_desktop.storage.errors import StorageError

        try:
            self.controller.store.sessions.save_assessment(
                session_id, dialog.assessment().to_dict()
            )
        except Exception as exc:  # StorageError, or the session was purged meanwhile
            if not isinstance(exc, StorageError | LookupError):
                raise
            self.controller.warn("The self-assessment was not saved", str(exc))
            return
        self._status("Self-assessment saved.", 5000)
        self.refresh_dashboard()

    # -- comparing two attempts -----------------------------------------------------------------
    def open_compare(self, left_id: int | None = None, right_id: int | None = None):
        """Compare two sessions; by default the open one and the attempt before it
        (at the same problem if there is one), else the two latest."""
        controller = self.controller
        if controller.store is None:
            self._status("Saved sessions are still opening…")
            return None
        from sdi_desktop.ui.review.compare_dialog import CompareDialog

        controller.flush()
        if left_id is None or right_id is None:
            left_id, right_id = self._default_pair()
        if left_id is None or right_id is None:
            self._status("Comparing needs two saved sessions.", 5000)
            return None
        dialog = CompareDialog(controller.store, left_id, right_id, self.window)
        self.compare = dialog
        dialog.show()
        return dialog

    def open_compare_with(self, session_id: int):
        """Compare ``session_id`` with the attempt before it."""
        return self.open_compare(*self._default_pair(session_id))

    def _default_pair(self, session_id: int | None = None) -> tuple[int | None, int | None]:
        """(earlier attempt, this one): this one is ``session_id``, else the open session."""
        sessions = self.controller.store.sessions.list()
        if len(sessions) < 2:
            return None, None
        current = session_id if session_id is not None else self.controller.session_id
        mine = next((s for s in sessions if s.id == current), sessions[0])
        older = [s for s in sessions if s.started_at < mine.started_at and s.id != mine.id]
        same = [s for s in older if mine.problem_id and s.problem_id == mine.problem_id]
        before = (same or older or [s for s in sessions if s.id != mine.id])[0]
        return before.id, mine.id

    # -- progress dashboard ---------------------------------------------------------------------
    def open_dashboard(self):
        """The progress charts over every saved session (pyqtgraph loads now, not before)."""
        controller = self.controller
        if controller.store is None:
            self._status("Saved sessions are still opening…")
            return None
        controller.flush()
        previous = self.dashboard
        if previous is not None:  # one at a time, with today's figures, where it was
            shown, geometry = previous.current_filter(), previous.saveGeometry()
            previous.close()
        dialog = build_dashboard(
            controller.store,
            controller.data_dir,
            self.window.themes.colors.dark,
            self.window.problem_library(),
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
        if self.controller.open_session(session_id):
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

    def close(self) -> None:
        if self.dashboard is not None:  # a window of the app: it goes with the app
            self.dashboard.close()


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
        dashboard = ProgressDashboard(
            entries,
            {p.id: p.title for p in problems},
            sorted({t for ts in tags.values() for t in ts}),
            now.date(),
            now.tzinfo,
            dark,
            problem_tags=tags,
        )
    from sdi_desktop.ui.interviewer.assessor_filter import add_assessor_filter

    add_assessor_filter(dashboard, entries, store.sessions.scores_by_assessor())
    return dashboard
