"""A board drawn read-only: the whiteboard's own scene and items in a plain view.

Nothing here edits: no tools, no keys that change the board. The wheel zooms (with or
without Ctrl), a drag pans, a double-click or Ctrl+0 fits the board again, and the level
of detail follows the zoom as on the whiteboard.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from sdi_desktop.ui.board.editor import BoardEditor
from sdi_desktop.ui.board.items import FULL, MINIMAL, REDUCED
from sdi_desktop.ui.board.style import DARK_BOARD, LIGHT_BOARD

FIT_MARGIN = 40.0
MAX_FIT_ZOOM = 1.5
DETAIL_FULL, DETAIL_REDUCED = 0.3, 0.12


def board_editor(elements: list[Any], dark: bool) -> BoardEditor:
    """A throw-away editor holding ``elements`` (board elements or their dicts)."""
    from sdi_desktop.domain.board.elements import Element, element_from_dict

    editor = BoardEditor()
    editor.scene.set_colors(DARK_BOARD if dark else LIGHT_BOARD)
    editor.load([e if isinstance(e, Element) else element_from_dict(e) for e in elements])
    return editor


class ReadOnlyBoardView(QGraphicsView):
    """``editor``: a board of the view's own (it lives as long as the view), or the
    whiteboard's editor shared read-only (``shared``: then the view leaves the scene's
    level of detail to the whiteboard, which draws the same items)."""

    def __init__(
        self, editor: BoardEditor, name: str, shared: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(editor.scene, parent)
        self.editor = editor
        self.shared = shared
        if not shared:
            editor.setParent(self)
        self.setObjectName(name)
        self.setInteractive(False)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(editor.scene.colors.paper)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setToolTip("Wheel: zoom · drag: pan · double-click or Ctrl+0: fit")
        self._content = self._bounds()
        self.setSceneRect(self._content.adjusted(-4000, -4000, 4000, 4000))
        self._fitted = False

    def _bounds(self) -> QRectF:
        rect = self.editor.scene.itemsBoundingRect()
        if rect.isEmpty():
            rect = QRectF(-200, -120, 400, 240)
        return rect.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        self.resetTransform()
        self.fitInView(self._content, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > MAX_FIT_ZOOM:  # a small board is not blown up
            self.resetTransform()
            self.scale(MAX_FIT_ZOOM, MAX_FIT_ZOOM)
            self.centerOn(self._content.center())
        self._apply_detail()
        self._fitted = True

    def _apply_detail(self) -> None:
        zoom = self.zoom
        level = FULL if zoom >= DETAIL_FULL else (REDUCED if zoom >= DETAIL_REDUCED else MINIMAL)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, level == FULL)
        if not self.shared:
            self.editor.scene.set_detail(level)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            factor = 1.2**steps
            zoom = max(0.05, min(4.0, self.zoom * factor))
            self.scale(zoom / self.zoom, zoom / self.zoom)
            self._apply_detail()
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:
        self.fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.ZoomIn) or event.key() == Qt.Key.Key_Plus:
            self.scale(1.2, 1.2)
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or event.key() == Qt.Key.Key_Minus:
            self.scale(1 / 1.2, 1 / 1.2)
        elif (
            event.key() == Qt.Key.Key_0 and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.fit()
        else:
            super().keyPressEvent(event)
            return
        self._apply_detail()
        event.accept()
