"""The interviewer's follow-up question, shown under the timeline while the candidate works.

It does not take the focus (typing goes on where it was); "Got it" hides it, "No more
questions" stops them for this session (Settings turns them off for good).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


class FollowUpBar(QFrame):
    stopRequested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("followUpBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        title = QLabel("<b>The interviewer asks:</b>")
        self.question = QLabel()
        self.question.setObjectName("followUpQuestion")
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss = QPushButton("Got it")
        self.dismiss.setObjectName("followUpDismiss")
        self.dismiss.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.dismiss.clicked.connect(self.hide)
        self.stop = QPushButton("No more questions")
        self.stop.setObjectName("followUpStop")
        self.stop.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.stop.setToolTip("No more follow-up questions in this session (Settings: for good)")
        self.stop.clicked.connect(self._stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(title)
        layout.addWidget(self.question, 1)
        layout.addWidget(self.dismiss)
        layout.addWidget(self.stop)
        self.hide()

    def ask(self, text: str) -> None:
        self.question.setText(text)
        self.show()

    def _stop(self) -> None:
        self.hide()
        self.stopRequested.emit()
