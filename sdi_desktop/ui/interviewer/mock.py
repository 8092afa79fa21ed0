"""A mock with a peer in the main window: ``actionInterviewerView`` opens the
interviewer's window; the mock's log is the session part ``"mock"`` (saved with the
session, restored on reopen, read-only in review).

The candidate's window shows only what was handed over (``HandedOverPanel``); its own
self-serve hints are locked while a mock runs, since in a mock the interviewer gives
them. In review the remarks become markers on the phase timeline and a list, and the
two assessments sit side by side (``MockReviewPanel``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from sdi_desktop.domain.edit_gate import SessionMode
from sdi_desktop.domain.mock import material
from sdi_desktop.domain.mock.log import EXTRAS_KEY, Feedback, MockLog, MockLogError

if TYPE_CHECKING:
    from sdi_desktop.ui.interviewer.window import InterviewerWindow
    from sdi_desktop.ui.main_window import MainWindow
    from sdi_desktop.ui.session.controller import SessionController

SHORTCUT = "Ctrl+Alt+I"  # Ctrl+Shift+I imports a board
INTERVIEWER = "interviewer"  # the assessor's name when the interviewer gave none


class MockController(QObject):
    logChanged = Signal()

    def __init__(self, window: MainWindow, sessions: SessionController) -> None:
        super().__init__(window)
        self.window = window
        self.sessions = sessions
        self.log = MockLog()
        self.view: InterviewerWindow | None = None
        self.candidate_panel = None
        self.review_panel = None
        self.curtain = None  # the one-screen variant's dock, made on first use
        self._pending_link: int | None = None  # the partner's session, for a new one
        action = QAction("&Interviewer's View…", window)
        action.setObjectName("actionInterviewerView")
        action.setShortcut(QKeySequence(SHORTCUT))
        action.setToolTip(
            f"A mock with a peer: the interviewer's own window ({SHORTCUT}); move it to "
            "a second screen"
        )
        action.triggered.connect(lambda: self.open_view())
        window.addAction(action)
        window.add_session_actions([action])
        self.action = action
        from sdi_desktop.ui.interviewer.curtain import install as install_curtain

        self.curtain_action = install_curtain(self)
        self.part = sessions.register_part(EXTRAS_KEY, self.snapshot, self.restore)
        sessions.gate.changed.connect(lambda _editable: self._mode_changed())
        sessions.sessionOpened.connect(lambda _record: self._mode_changed())
        window.sessionChanged.connect(self._session_changed)
        window.session.clock.changed.connect(self._refresh_view)
        window.closing.connect(self.close_view)
        self._hooked = False
        self._connect_autosaver()
        sessions.ready.connect(self._connect_autosaver)
        sessions.finished.connect(self._hook_self_assessment)

    # -- the part ------------------------------------------------------------------------
    def snapshot(self):
        return None if self.log.is_empty() else self.log.to_dict()

    def restore(self, value) -> None:
        try:
            self.log = MockLog.from_dict(value) if value is not None else MockLog()
        except MockLogError as exc:
            self.log = MockLog()
            self.window.statusBar().showMessage(
                f"The mock's log of this session cannot be read: {exc}", 8000
            )
        if self.view is not None:
            self.view.load_feedback(self._stored_feedback())
        self._show()

    def _changed(self) -> None:
        self.part.changed()
        self._show()
        self.logChanged.emit()

    # -- what the window asks --------------------------------------------------------------
    def problem(self):
        return self.window.session.problem

    def editable_now(self) -> bool:
        return self.sessions.gate.editable

    def in_mock(self) -> bool:
        curtain = self.curtain is not None and not self.curtain.isHidden()
        return self.view is not None or curtain or not self.log.is_empty()

    def _stamp(self) -> tuple[int, float, float]:
        clock = self.window.session.clock
        return clock.current, clock.total_elapsed(), clock.elapsed()

    # -- the interviewer's actions -----------------------------------------------------------
    def open_view(self, host=None) -> InterviewerWindow:
        """Its own window, or (``host``) embedded behind the curtain; never both."""
        from sdi_desktop.ui.interviewer.window import InterviewerWindow

        if self.view is not None and self.view.parent() is not host:
            if self.curtain is not None and self.curtain.view() is not None:
                self.curtain.close_curtain()
            else:
                self.close_view()
        if self.view is None:
            self.view = InterviewerWindow(self, host)
            self.view.load_feedback(self._stored_feedback())
        self._show()
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()
        return self.view

    def window_closed(self) -> None:
        self.view = None
        self._show()

    def close_view(self) -> None:
        if self.view is not None:
            view, self.view = self.view, None
            view.close()
            view.setParent(None)  # out of the candidate's window at once (the curtain)
            view.deleteLater()

    def reveal(self, kind: str, index: int) -> bool:
        problem = self.problem()
        if problem is None or not self.part.editable() or self.log.revealed(kind, index):
            return False
        items = (
            [a for _q, a in material.answers(problem)]
            if kind == "answer"
            else material.scale_figures(problem)
        )
        if not 0 <= index < len(items):
            return False
        self.log.add(kind, index, items[index], *self._stamp())
        self._changed()
        return True

    def give_hint(self) -> bool:
        problem = self.problem()
        ladder = material.hint_ladder(problem) if problem is not None else []
        rung = self.log.next_hint()
        if rung >= len(ladder) or not self.part.editable():
            return False
        self.log.add("hint", rung, ladder[rung], *self._stamp())
        self._changed()
        return True

    def add_remark(self, text: str) -> bool:
        if not text.strip() or not self.part.editable():
            return False
        self.log.add("remark", -1, text, *self._stamp())
        self._changed()
        return True

    def feedback_edited(self, feedback: Feedback) -> None:
        """A draft while the session runs (kept in the log); after Finish, Save feedback
        stores it as the interviewer's assessment."""
        if self.sessions.gate.editable:
            self.log.feedback = feedback
            self.part.changed()

    def submit_feedback(self, feedback: Feedback) -> bool:
        sid = self.sessions.session_id
        store = self.sessions.store
        if sid is None or store is None:
            self.window.statusBar().showMessage("Save the session first (it has no row yet).")
            return False
        if not feedback.facts:
            self.window.statusBar().showMessage("Write the facts first, then the scores.", 6000)
            return False
        if self.sessions.gate.editable:
            self.log.feedback = feedback
            self.part.changed()
        data = {"rubric_version": 1, **feedback.to_dict()}
        store.sessions.save_assessor_assessment(sid, self.assessor(), data)
        self.window.statusBar().showMessage("The interviewer's feedback is saved.", 5000)
        self._show()
        return True

    def assessor(self) -> str:
        return self.log.interviewer.strip() or INTERVIEWER

    def _stored_feedback(self) -> Feedback:
        sid, store = self.sessions.session_id, self.sessions.store
        if sid is not None and store is not None:
            stored = store.sessions.assessments_by_others(sid).get(self.assessor())
            if stored is not None:
                return Feedback.from_dict(stored)
        return self.log.feedback

    # -- role swap ---------------------------------------------------------------------------
    def can_swap(self) -> bool:
        return self.sessions.mode is SessionMode.REVIEW and self.sessions.session_id is not None

    def swap_roles(self, problem=None, partner: str | None = None) -> bool:
        """After the mock: the partner's session on another problem, views exchanged.
        ``problem``/``partner`` ask the user when not given."""
        if not self.can_swap():
            self.window.statusBar().showMessage("Swap roles after the mock is finished.", 6000)
            return False
        first_id, first = self.sessions.session_id, self.log
        if problem is None or partner is None:
            from sdi_desktop.ui.interviewer.swap_dialog import ask_swap

            done = self.problem().id if self.problem() is not None else None
            library = self.window.problem_library()
            answer = ask_swap(self.view or self.window, library, first, done)
            if answer is None:
                return False
            problem, partner = answer
        fmt = self.window.session.format
        self.window.start_session(f"Mock: {partner}", fmt, problem)
        self.log = MockLog(
            candidate=partner,
            interviewer=first.candidate,
            partner_session=first_id,
        )
        self._pending_link = first_id
        self._changed()  # creates the new session's row (autosave)
        if self.view is not None:
            self.view.load_feedback(Feedback())
        self.window.statusBar().showMessage(
            f"Roles swapped: {partner} is the candidate now, on “{problem.title}”.", 8000
        )
        return True

    def _connect_autosaver(self) -> None:
        if self.sessions.autosaver is not None and not self._hooked:
            self._hooked = True
            self.sessions.autosaver.created.connect(self._created)

    def _hook_self_assessment(self, _session_id: int) -> None:
        """Once the candidate saves their own rubric, review shows it beside the other."""
        rubric = self.sessions.reviews.rubric
        if rubric is not None:
            rubric.accepted.connect(self._show)

    def _created(self, new_id: int) -> None:
        """The swapped session has its row: link the first one back to it."""
        partner, self._pending_link = self._pending_link, None
        if partner is None or self.sessions.store is None:
            return
        sessions = self.sessions.store.sessions
        data = dict(sessions.get(partner).extras.get(EXTRAS_KEY) or {})
        data["partner_session"] = new_id
        sessions.set_extra(partner, EXTRAS_KEY, data)

    # -- what each window shows ------------------------------------------------------------------
    def _session_changed(self) -> None:
        self.window.session.clock.changed.connect(self._refresh_view)
        if self.view is not None:
            self.view.rebuild()
        self._show()

    def _lock_self_serve_hints(self, on: bool) -> None:
        panel = self.window.hint_panel
        if panel is not None and hasattr(panel, "lock"):
            panel.lock("In a mock your interviewer hands out hints." if on else None)
        reference = getattr(self.window, "reference", None)
        if reference is not None and on:
            reference.stopped = True  # the interviewer asks the follow-ups

    def _mode_changed(self) -> None:
        if self.view is not None:
            self.view.load_feedback(self._stored_feedback())
        self._show()

    def _refresh_view(self) -> None:
        if self.view is not None:
            self.view.refresh()

    def _show(self) -> None:
        from sdi_desktop.ui.interviewer.candidate_panel import HandedOverPanel

        review = self.sessions.mode is SessionMode.REVIEW
        self._lock_self_serve_hints(self.in_mock())
        if self.in_mock() and self.candidate_panel is None:
            self.candidate_panel = HandedOverPanel()
            self.window.side_splitter.addWidget(self.candidate_panel)
        if self.candidate_panel is not None:
            self.candidate_panel.show_log(self.log)
            self.candidate_panel.setVisible(self.in_mock())
        self._show_review(review)
        self._refresh_view()

    def _show_review(self, review: bool) -> None:
        from sdi_desktop.ui.interviewer.review_panel import MockReviewPanel

        timeline = self.window.timeline
        shown = review and not self.log.is_empty()
        timeline.set_markers(
            [(e.phase, e.in_phase, e.text) for e in self.log.remarks] if shown else []
        )
        if shown and self.review_panel is None:
            self.review_panel = MockReviewPanel()
            self.window.side_splitter.addWidget(self.review_panel)
        if self.review_panel is not None:
            self.review_panel.setVisible(shown)
            if shown:
                sid, store = self.sessions.session_id, self.sessions.store
                own = store.sessions.get_assessment(sid) if sid and store else None
                others = store.sessions.assessments_by_others(sid) if sid and store else {}
                self.review_panel.show_mock(self.log, own, others)
