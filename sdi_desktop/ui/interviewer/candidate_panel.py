"""What the candidate's window shows of a mock: only what the interviewer handed over.

The panel holds no text until an item is revealed (a hidden label still counts as
shown to whoever walks the widgets), so the candidate's window never carries an
unrevealed answer, figure or hint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from sdi_desktop.domain.clock import format_duration
from sdi_desktop.domain.mock.log import MockLog
from sdi_desktop.domain.phases import PHASES

HEADINGS = {"answer": "Answer", "scale": "Scale figure", "hint": "Hint"}


class HandedOverPanel(QFrame):
    """'From your interviewer': the answers, figures and hints given, newest last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handedOverPanel")
        self.setAccessibleName("From your interviewer")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        heading = QLabel("From your interviewer")
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.empty = QLabel("Ask your interviewer: what they hand over appears here.")
        self.empty.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("handedOverList")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        layout.addWidget(heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)

    def show_log(self, log: MockLog) -> None:
        self.list.clear()
        for entry in log.of_kind("answer", "scale", "hint"):
            phase = PHASES[entry.phase].short_title
            item = QListWidgetItem(f"{HEADINGS[entry.kind]}: {entry.text}")
            item.setToolTip(f"Given at {format_duration(entry.at)}, in {phase}")
            self.list.addItem(item)
        self.empty.setVisible(self.list.count() == 0)
        if self.list.count():
            self.list.scrollToBottom()

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
