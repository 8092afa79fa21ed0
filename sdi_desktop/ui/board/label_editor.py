"""Editing a label in place: a line edit laid over the item, Enter to keep, Esc to drop.

Free text is kept on Esc too (Excalidraw and draw.io do the same): what was typed on
the board is the note; a label of a component, connector or zone goes back to what it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QGraphicsItem, QLineEdit

from sdi_desktop.domain.board.elements import TextNote, text_field

if TYPE_CHECKING:
    from sdi_desktop.ui.board.view import BoardView


class LabelEditor(QLineEdit):
    def __init__(self, view: BoardView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("boardLabelEditor")
        self.view = view
        self.element_id: str | None = None
        self._new_note_at: QPointF | None = None
        self.hide()

    def begin(self, element_id: str, item: QGraphicsItem, initial: str | None = None) -> bool:
        """Start editing the element's text; False (nothing shown) if it has none."""
        element = self.view.editor.document.get(element_id)
        field = text_field(element)
        if field is None:
            return False
        self.element_id = element_id
        self._new_note_at = None
        self.setText(getattr(element, field) if initial is None else initial)
        self._place(item.sceneBoundingRect().center(), item.sceneBoundingRect().width())
        if initial is None:
            self.selectAll()
        else:
            self.end(False)
        return True

    def begin_new_note(self, pos: QPointF) -> None:
        self.element_id = None
        self._new_note_at = pos
        self.setText("")
        self._place(pos + QPointF(90, 10), 180)

    def _place(self, scene_center: QPointF, scene_width: float) -> None:
        center = self.view.mapFromScene(scene_center)
        width = int(max(160, min(420, scene_width * self.view.zoom + 20)))
        self.setGeometry(QRect(center.x() - width // 2, center.y() - 14, width, 28))
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def commit(self) -> None:
        if not self.isVisible():
            return
        text = self.text().strip()
        element_id, note_at = self.element_id, self._new_note_at
        self._close()
        if note_at is not None:
            if text:
                self.view.editor.add_text(note_at, text)
        elif element_id is not None and element_id in self.view.editor.document:
            element = self.view.editor.document.get(element_id)
            if text or not isinstance(element, TextNote):
                self.view.editor.set_text(element_id, text)
            else:
                self.view.editor.delete([element_id])  # an emptied note goes away

    def cancel(self) -> None:
        self._close()

    def _editing_free_text(self) -> bool:
        if self._new_note_at is not None:
            return True
        document = self.view.editor.document
        return self.element_id in document and isinstance(document.get(self.element_id), TextNote)

    def _close(self) -> None:
        self.element_id = None
        self._new_note_at = None
        self.hide()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            if self._editing_free_text():
                self.commit()
            else:
                self.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.isVisible() and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()
