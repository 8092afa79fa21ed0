"""Reference answers in the main window: ``actionRevealReference`` and its panel, and the
follow-up questions of solo practice.

The reference is hidden until the attempt is done: after Finish Session (and for a
finished session opened in review) the action shows it at once; before that it asks
first, and a yes is recorded like a hint (``domain/reference/reveal.py``). The follow-up
scheduler is polled once a second while the clock runs; the questions asked are kept in
``log`` (``logChanged`` says when it grows, for saving it with the session).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from sdi_desktop.domain.reference.follow_ups import FollowUpLog, FollowUpScheduler

if TYPE_CHECKING:
    from sdi_desktop.ui.main_window import MainWindow
    from sdi_desktop.ui.reference.panel import ReferencePanel

SHORTCUT = "Ctrl+Shift+R"
POLL_MS = 1000


class ReferenceController(QObject):
    logChanged = Signal()  # a follow-up question was asked (the log grew)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel: ReferencePanel | None = None
        self.confirm_box: QMessageBox | None = None
        self.log = FollowUpLog()
        self.scheduler: FollowUpScheduler | None = None
        self.stopped = False  # "No more questions" for this session
        self.finished_once = False
        self.bar = None  # the follow-up bar, built with the first question
        action = QAction("&Reference Answer…", window)
        action.setObjectName("actionRevealReference")
        action.setShortcut(QKeySequence(SHORTCUT))
        action.setToolTip(
            f"The problem's reference answer beside yours ({SHORTCUT}); before Finish it "
            "asks first and counts as a hint"
        )
        action.triggered.connect(self.reveal)
        window.addAction(action)
        menu = getattr(window, "_session_menu", None)
        if menu is not None:
            menu.addAction(action)
        self.action = action
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        window.sessionChanged.connect(self._on_session_changed)
        window.sessionFinished.connect(self._on_finished)
        window.aboutToReplaceSession.connect(self.close_panel)
        window.closing.connect(self.close_panel)
        self._on_session_changed()

    # -- the reference ---------------------------------------------------------------
    def reveal(self) -> ReferencePanel | None:
        """Show the reference; before the attempt is done, ask first (see the module)."""
        from sdi_desktop.domain.reference.reveal import has_reference, needs_confirmation

        session = self.window.session
        if not has_reference(session):
            self.window.statusBar().showMessage(
                "This session has no reference answer: its problem has none, or it has no "
                "library problem.",
                6000,
            )
            return None
        if needs_confirmation(session) and not self.finished_once:
            self._ask_first()
            return None
        return self.show_panel()

    def _ask_first(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Reveal the reference answer?",
            "Your attempt is not finished. Seeing a strong answer now changes what this "
            "attempt shows about you, so it is recorded like a hint.\n\nReveal it anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setObjectName("revealReferenceConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText("Reveal")
        box.button(QMessageBox.StandardButton.No).setText("Keep it hidden")
        box.finished.connect(lambda _r: self._answered(box))
        self.confirm_box = box
        box.open()

    def _answered(self, box: QMessageBox) -> None:
        from sdi_desktop.domain.reference.reveal import record_reveal

        self.confirm_box = None
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
            record_reveal(self.window.session)
            self.show_panel()
        box.deleteLater()

    def show_panel(self) -> ReferencePanel:
        from sdi_desktop.domain.reference.reveal import revealed_early
        from sdi_desktop.ui.reference.panel import ReferencePanel

        self.close_panel()
        window = self.window
        board = [e.to_dict() for e in window.board.editor.document]
        panel = ReferencePanel(
            window.session.problem,
            board,
            window.notes.to_markdown_dict(),
            window.themes.colors.dark,
            follow_ups=self.log,
            revealed_early=revealed_early(window.session),
            parent=window,
            board_editor_in_use=window.board.editor,
        )
        panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        panel.closed.connect(lambda: self._panel_gone(panel))
        self.panel = panel
        panel.show()
        panel.raise_()
        panel.activateWindow()
        return panel

    def _panel_gone(self, panel) -> None:
        if self.panel is panel:
            self.panel = None

    def close_panel(self) -> None:
        if self.panel is not None:
            panel, self.panel = self.panel, None
            panel.close()

    # -- the session -------------------------------------------------------------------
    def _on_session_changed(self) -> None:
        from sdi_desktop.domain.reference.reveal import attempt_done, has_reference

        session = self.window.session
        self.action.setEnabled(has_reference(session))
        # A session finished once stays done: "Continue editing" after seeing the
        # reference in review is no early reveal.
        self.finished_once = attempt_done(session)
        self.log = FollowUpLog()
        self.stopped = False
        if self.bar is not None:
            self.bar.hide()
        questions = list(session.problem.follow_up_questions) if session.problem else []
        self.scheduler = (
            FollowUpScheduler(questions, session.clock, self.log) if questions else None
        )
        if self.scheduler is None:
            self._timer.stop()
        else:
            self._timer.start()

    def extras(self) -> dict:
        """What to keep in the session's per-feature data (``SessionRecord.extras``):
        ``{"follow_ups": ...}`` once a question was asked, else nothing."""
        from sdi_desktop.domain.reference.follow_ups import EXTRAS_KEY

        return {EXTRAS_KEY: self.log.to_dict()} if self.log.asked else {}

    def restore_extras(self, extras: dict) -> str | None:
        """Take back the questions asked from a restored session's extras; a log that
        cannot be read is left out (the message says why) and nothing else changes."""
        from sdi_desktop.domain.reference.follow_ups import EXTRAS_KEY, FollowUpLogError

        stored = (extras or {}).get(EXTRAS_KEY)
        if stored is None:
            return None
        try:
            self.set_log(FollowUpLog.from_dict(stored))
        except FollowUpLogError as exc:
            return f"The follow-up questions of this session cannot be read: {exc}"
        return None

    def set_log(self, log: FollowUpLog) -> None:
        """The questions already asked in this session (restored with it)."""
        self.log = log
        if self.scheduler is not None:
            self.scheduler.log = log

    def _on_finished(self) -> None:
        from sdi_desktop.domain.reference.reveal import has_reference

        self.finished_once = True
        if self.bar is not None:
            self.bar.hide()
        if has_reference(self.window.session):
            status = self.window.statusBar()
            done = status.currentMessage()
            status.showMessage(
                f"{done} The reference answer is ready: Session > Reference Answer "
                f"({SHORTCUT}).".strip(),
                12000,
            )

    # -- follow-up questions ----------------------------------------------------------------
    def poll(self):
        """Ask the next follow-up question if it is due (called once a second)."""
        scheduler = self.scheduler
        if scheduler is None:
            return None
        scheduler.enabled = self.window.settings.follow_up_questions and not self.stopped
        asked = scheduler.poll()
        if asked is not None:
            self._show_question(asked.text)
            self.logChanged.emit()
        return asked

    def _show_question(self, text: str) -> None:
        if self.bar is None:
            from sdi_desktop.ui.reference.follow_up_bar import FollowUpBar

            self.bar = FollowUpBar()
            self.bar.stopRequested.connect(self._stop_asking)
            self.window.centralWidget().layout().insertWidget(1, self.bar)
        self.bar.ask(text)
        self.window.statusBar().showMessage(f"The interviewer asks: {text}", 15000)

    def _stop_asking(self) -> None:
        self.stopped = True
        self.window.statusBar().showMessage(
            "No more follow-up questions in this session (Settings turns them off for good).",
            6000,
        )
