"""A small find bar under a pane: type to search, Enter / Shift+Enter, Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget


class _FindField(QLineEdit):
    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._bar.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._bar.find(backwards=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class FindBar(QWidget):
    def __init__(self, edit: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesFindBar")
        self.edit = edit
        self.field = _FindField(self)
        self.field.setPlaceholderText("Find in this pane")
        self.field.setClearButtonEnabled(True)
        self.field.textEdited.connect(lambda _text: self.find(from_start_of_match=True))
        self.status = QLabel()
        self.status.setMinimumWidth(70)
        previous = QToolButton(self)
        previous.setText("↑")
        previous.setToolTip("Previous match (Shift+Enter)")
        previous.clicked.connect(lambda: self.find(backwards=True))
        following = QToolButton(self)
        following.setText("↓")
        following.setToolTip("Next match (Enter)")
        following.clicked.connect(lambda: self.find())
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        for button in (previous, following, close):
            layout.addWidget(button)
        self.hide()

    def open_bar(self) -> None:
        selected = self.edit.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.edit.setFocus()

    def find(self, backwards: bool = False, from_start_of_match: bool = False) -> bool:
        """Select the next (or previous) match, wrapping around; False if there is none."""
        needle = self.field.text()
        if not needle:
            self.status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        cursor = self.edit.textCursor()
        if from_start_of_match:
            cursor.setPosition(cursor.selectionStart())
        document = self.edit.document()
        found = document.find(needle, cursor, flags)
        if found.isNull():  # wrap around
            start = QTextCursor(document)
            if backwards:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(needle, start, flags)
        if found.isNull():
            self.status.setText("No match")
            return False
        self.status.setText("")
        self.edit.setTextCursor(found)
        self.edit.ensureCursorVisible()
        return True
