"""The interviewer's view on one screen (``actionInterviewerCurtain``): a dock of the
main window, ``interviewerCurtainDock``, covered by an opaque curtain.

The curtain opens only by a deliberate gesture: press and hold *Hold to open* (mouse or
Space) for ``HOLD_SECONDS``; a click or a key press does nothing. Behind it sits the
same content as the interviewer's own window (``InterviewerWindow``, embedded); it is
built when the curtain opens and destroyed when it closes (Esc, *Close the curtain*, or
hiding the dock), so while it is closed no widget of the candidate's window holds any
of the interviewer's material. The clock is injectable for tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from sdi_desktop.ui.interviewer.mock import MockController

HOLD_SECONDS = 1.0
SHORTCUT = "Ctrl+Alt+U"
CURTAIN_COLOR = "#2b2f36"  # opaque, the same in every theme: nothing shows through
CURTAIN_TEXT = (
    "The interviewer's material is behind this curtain.\n"
    "Candidate: please leave it closed.\n"
    "Interviewer: press and hold the button for a second to open it; Esc closes it again."
)


class _Curtain(QFrame):
    """The opaque cover: a fixed text and the hold-to-open button, nothing else."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("interviewerCurtain")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(CURTAIN_COLOR))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#e8e8e8"))
        self.setPalette(palette)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        label = QLabel(CURTAIN_TEXT)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self.button = QPushButton("Hold to open")
        self.button.setObjectName("curtainHoldButton")
        self.button.setToolTip(f"Press and hold for {HOLD_SECONDS:g} s (mouse or Space)")
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.progress = QProgressBar()
        self.progress.setObjectName("curtainHoldProgress")
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        layout.addWidget(self.progress)
        layout.addStretch(2)


class CurtainDock(QDockWidget):
    def __init__(self, mock: MockController, clock: Callable[[], float] = time.monotonic):
        super().__init__("Interviewer (curtain)", mock.window)
        self.setObjectName("interviewerCurtainDock")
        self.mock = mock
        self.clock = clock
        self._held_since: float | None = None
        self.stack = QStackedWidget()
        self.curtain = _Curtain()
        self.stack.addWidget(self.curtain)
        self.host = QWidget()  # the embedded interviewer's view lives here while open
        self.host_layout = QVBoxLayout(self.host)
        self.host_layout.setContentsMargins(0, 0, 0, 0)
        self.close_button = QPushButton("Close the curtain (Esc)")
        self.close_button.setObjectName("curtainCloseButton")
        self.close_button.clicked.connect(self.close_curtain)
        self.host_layout.addWidget(self.close_button)
        self.stack.addWidget(self.host)
        self.setWidget(self.stack)
        self.setMinimumWidth(360)
        self._timer = QTimer(self)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self.hold_tick)
        button = self.curtain.button
        button.pressed.connect(self._hold_started)
        button.released.connect(self._hold_ended)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_curtain)
        self.visibilityChanged.connect(self._visibility)

    # -- state -------------------------------------------------------------------------
    def is_open(self) -> bool:
        return self.stack.currentWidget() is self.host

    def view(self):
        view = self.mock.view
        return view if view is not None and view.parent() is self.host else None

    # -- the gesture ------------------------------------------------------------------------
    def _hold_started(self) -> None:
        self._held_since = self.clock()
        self.curtain.progress.setValue(0)
        self._timer.start()

    def _hold_ended(self) -> None:
        self._held_since = None
        self._timer.stop()
        self.curtain.progress.setValue(0)

    def hold_tick(self) -> None:
        if self._held_since is None:
            return
        held = self.clock() - self._held_since
        self.curtain.progress.setValue(min(100, int(100 * held / HOLD_SECONDS)))
        if held >= HOLD_SECONDS:
            self._hold_ended()
            self.open_curtain()

    # -- opening and closing ------------------------------------------------------------------
    def open_curtain(self) -> None:
        if self.is_open():
            return
        view = self.mock.open_view(self.host)
        self.host_layout.addWidget(view, 1)
        self.stack.setCurrentWidget(self.host)
        view.setFocus()

    def close_curtain(self) -> None:
        self._hold_ended()
        if self.view() is not None:
            self.mock.close_view()
        self.stack.setCurrentWidget(self.curtain)
        self.curtain.button.setFocus()

    def _visibility(self, visible: bool) -> None:
        if not visible and self.isHidden():
            self.close_curtain()


def install(mock: MockController) -> QAction:
    """The Session menu's "Interviewer's View on This Screen (Curtain)" action."""
    window = mock.window
    action = QAction("Interviewer's View on This &Screen (Curtain)", window)
    action.setObjectName("actionInterviewerCurtain")
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setToolTip(
        f"One screen: the interviewer's material in a side panel behind a curtain ({SHORTCUT})"
    )

    def show_dock() -> None:
        if mock.curtain is None:
            mock.curtain = CurtainDock(mock)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, mock.curtain)
        mock.curtain.show()
        mock.curtain.raise_()
        mock._show()  # the candidate's self-serve hints lock: a mock is on
        mock.curtain.curtain.button.setFocus()

    action.triggered.connect(show_dock)
    window.addAction(action)
    window.add_session_actions([action])
    return action
