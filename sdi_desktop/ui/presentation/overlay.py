"""The laser pointer and the spotlight: painted over the board's viewport, never on it.

The overlay is a child widget of the view's viewport. It adds nothing to the scene, the
board document or the undo stack, so nothing of it can be saved, exported or undone.
Strokes fade by the clock passed in (``now``), which tests wind by hand.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

FADE_SECONDS = 1.0  # a laser stroke is gone this long after it was drawn
FRAME_MS = 16
LASER = QColor("#ff2a2a")
LASER_CORE = QColor("#fff2f2")
DIM = QColor(0, 0, 0, 175)
SPOT_FRACTION = 0.17  # the spotlight's radius, as a share of the viewport's shorter side

_MOUSE = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
}


class PointerOverlay(QWidget):
    """Laser trail and spotlight over ``viewport`` (object name ``pointerOverlay``)."""

    def __init__(self, viewport: QWidget, now: Callable[[], float] = time.monotonic) -> None:
        super().__init__(viewport)
        self.setObjectName("pointerOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.now = now
        self._viewport = viewport
        self._strokes: list[list[tuple[QPointF, float]]] = []
        self._pointer: QPointF | None = None
        self._laser = False
        self._spotlight = False
        self._cursor = None
        self._frames = QTimer(self)
        self._frames.setInterval(FRAME_MS)
        self._frames.timeout.connect(self.prune)
        viewport.installEventFilter(self)
        self.setGeometry(viewport.rect())
        self.hide()

    # -- state -----------------------------------------------------------------------------
    @property
    def laser(self) -> bool:
        return self._laser

    def set_laser(self, on: bool) -> None:
        if on == self._laser:
            return
        self._laser = on
        if on:
            self._strokes.append([])  # a new stroke: not joined to the last one
            self._cursor = self._viewport.cursor()  # the board tool's, given back after
            self._viewport.setCursor(Qt.CursorShape.BlankCursor)
        elif self._cursor is not None:
            self._viewport.setCursor(self._cursor)
            self._cursor = None
        self._refresh()

    @property
    def spotlight(self) -> bool:
        return self._spotlight

    def set_spotlight(self, on: bool) -> None:
        self._spotlight = on
        self._refresh()

    @property
    def active(self) -> bool:
        return self._laser or self._spotlight or self.has_trail

    @property
    def has_trail(self) -> bool:
        return any(self._strokes)

    def trail_points(self) -> list[QPointF]:
        """The points of the trail still visible, oldest first (viewport coordinates)."""
        return [point for stroke in self._strokes for point, _t in stroke]

    def pointer(self) -> QPointF:
        """Where the spotlight is: the last pointer position, else the viewport's centre."""
        return self._pointer if self._pointer is not None else QRectF(self.rect()).center()

    def spot_radius(self) -> float:
        return SPOT_FRACTION * min(self.width(), self.height())

    def clear(self) -> None:
        self._strokes.clear()
        self.set_laser(False)
        self.set_spotlight(False)

    def prune(self) -> None:
        """Forget what has faded; stop the frame timer when nothing is left to fade."""
        limit = self.now() - FADE_SECONDS
        kept = [[(p, t) for p, t in stroke if t > limit] for stroke in self._strokes]
        current = kept[-1:] if self._laser else []  # the stroke being drawn goes on
        self._strokes = [s for s in kept[: len(kept) - len(current)] if s] + current
        self._refresh()

    def _refresh(self) -> None:
        if self.active:
            self.setGeometry(self._viewport.rect())
            self.show()
            self.raise_()
        else:
            self.hide()
        if self.has_trail:
            if not self._frames.isActive():
                self._frames.start()
        else:
            self._frames.stop()
        self.update()

    def add_point(self, pos: QPointF) -> None:
        if not self._strokes:
            self._strokes.append([])
        self._pointer = QPointF(pos)
        self._strokes[-1].append((QPointF(pos), self.now()))
        self._refresh()

    # -- events ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize:
            self.setGeometry(self._viewport.rect())
        elif kind in _MOUSE:
            if self._laser:
                self.add_point(event.position())
                return True  # the laser points: the board's tools never see it
            self._pointer = event.position()
            if self._spotlight:
                self.update()
        return False

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._spotlight:
            self._paint_spotlight(painter)
        self._paint_trail(painter)
        if self._laser and self._pointer is not None:
            self._paint_dot(painter, self._pointer)
        painter.end()

    def _paint_spotlight(self, painter: QPainter) -> None:
        centre, radius = self.pointer(), self.spot_radius()
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        path.addRect(QRectF(self.rect()))
        path.addEllipse(centre, radius, radius)
        painter.fillPath(path, DIM)
        painter.setPen(QPen(QColor(255, 255, 255, 150), 2.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius, radius)

    def _paint_trail(self, painter: QPainter) -> None:
        now = self.now()
        for stroke in self._strokes:
            for (a, _ta), (b, tb) in pairwise(stroke):
                strength = max(0.0, 1.0 - (now - tb) / FADE_SECONDS)
                if strength <= 0:
                    continue
                for width, color, alpha in ((16.0, LASER, 0.3), (7.0, LASER, 1.0)):
                    c = QColor(color)
                    c.setAlphaF(alpha * strength)
                    pen = QPen(c, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
                    painter.setPen(pen)
                    painter.drawLine(a, b)

    def _paint_dot(self, painter: QPainter, at: QPointF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        glow = QColor(LASER)
        glow.setAlphaF(0.35)
        painter.setBrush(glow)
        painter.drawEllipse(at, 14.0, 14.0)
        painter.setBrush(LASER)
        painter.drawEllipse(at, 7.0, 7.0)
        painter.setBrush(LASER_CORE)
        painter.drawEllipse(at, 2.5, 2.5)
