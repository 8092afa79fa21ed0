"""The whiteboard's view: a dotted canvas in the centre of the window."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

GRID = 24


class WhiteboardView(QGraphicsView):
    """The QGraphicsView of the whiteboard, with a dotted grid behind the scene."""

    def __init__(self, scene: QGraphicsScene | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The view keeps a Python reference: a scene owned by nobody would be
        # collected right after construction and the view would paint nothing.
        self._scene = scene or QGraphicsScene(-2000, -1500, 4000, 3000, self)
        self.setScene(self._scene)
        self.setObjectName("whiteboardView")
        self.setAccessibleName("Whiteboard")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._dot = QColor("#c5cbd6")
        self._paper = QColor("#ffffff")

    def set_dark(self, dark: bool) -> None:
        self._dot = QColor("#485062") if dark else QColor("#c5cbd6")
        self._paper = QColor("#22262e") if dark else QColor("#ffffff")
        # setBackgroundBrush repaints the viewport; calling viewport() from Python
        # would make PySide6 load every QWidget subclass's type (slow at start-up).
        self.setBackgroundBrush(self._paper)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        # Space belongs to the canvas while it has focus (it must not travel up to
        # the window, where it would start or pause the clock).
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            event.accept()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)  # the background brush: the paper colour
        scale = self.transform().m11()
        if scale * GRID < 6:
            return
        pen = QPen(self._dot, 2.0 / max(scale, 0.01))
        painter.setPen(pen)
        left = int(rect.left()) - int(rect.left()) % GRID
        top = int(rect.top()) - int(rect.top()) % GRID
        points = []
        y = top
        while y < rect.bottom():
            x = left
            while x < rect.right():
                points.append(QPointF(x, y))
                x += GRID
            y += GRID
        painter.drawPoints(QPolygonF(points))
