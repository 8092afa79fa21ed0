"""Quick-add (Ctrl+K): type part of a name, Enter places the best match at the view
centre; Shift+Enter places it beside the selected component, connected to it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.board.quick_add import Match, matches

MATCH_ROLE = Qt.ItemDataRole.UserRole


class QuickAddPopup(QFrame):
    chosen = Signal(str, str, bool)  # kind key, label, beside the selection

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("quickAddPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.edit = QLineEdit()
        self.edit.setObjectName("quickAddInput")
        self.edit.setPlaceholderText("Add a component: lb, redis, queue…")
        self.list = QListWidget()
        self.list.setObjectName("quickAddMatches")
        self.list.setMaximumHeight(220)
        self.hint = QLabel("Enter: place at centre · Shift+Enter: beside the selection, connected")
        self.hint.setObjectName("quickAddHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.edit.textChanged.connect(self._refresh)
        self.edit.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self._choose(False))
        self.resize(360, 300)

    def open_over(self, widget: QWidget, can_connect: bool) -> None:
        self.hint.setVisible(can_connect)
        self.edit.clear()
        self._refresh("")
        top_left = widget.mapToGlobal(widget.rect().center())
        self.move(top_left.x() - self.width() // 2, top_left.y() - self.height() // 2)
        self.show()
        self.edit.setFocus()

    def _refresh(self, text: str) -> None:
        self.list.clear()
        for match in matches(text):
            item = QListWidgetItem(
                match.label
                if match.label == match.kind.label
                else f"{match.label} ({match.kind.label})"
            )
            item.setData(MATCH_ROLE, match)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def current_match(self) -> Match | None:
        item = self.list.currentItem()
        return item.data(MATCH_ROLE) if item is not None else None

    def _choose(self, beside: bool) -> None:
        match = self.current_match()
        if match is None:
            return
        self.hide()
        self.chosen.emit(match.kind.key, match.label, beside)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.list.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                self.list.setCurrentRow(max(0, min(self.list.count() - 1, row)))
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)
