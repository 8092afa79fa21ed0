"""Alignment guides while dragging: when a dragged component's edge or centre comes
within a few pixels of another component's, it snaps into line and a dashed guide
shows the alignment (as in draw.io). Only one moving component is guided; a group
moves as dragged."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem

SNAP_PX = 6.0  # on screen, whatever the zoom


def _xs(rect: QRectF) -> tuple[float, float, float]:
    return rect.left(), rect.center().x(), rect.right()


def _ys(rect: QRectF) -> tuple[float, float, float]:
    return rect.top(), rect.center().y(), rect.bottom()


def best_offset(
    mine: tuple[float, ...], theirs: list[tuple[float, ...]], reach: float
) -> tuple[float, int] | None:
    """The smallest shift (and the index of the other rect) that lines one of
    ``mine`` up with one of a rect's values in ``theirs``, if within ``reach``."""
    best: tuple[float, int] | None = None
    for index, values in enumerate(theirs):
        for value in values:
            for own in mine:
                shift = value - own
                if abs(shift) <= reach and (best is None or abs(shift) < abs(best[0])):
                    best = (shift, index)
    return best


class AlignmentGuides:
    def __init__(self, scene) -> None:
        self.scene = scene
        self.lines: list[QGraphicsLineItem] = []

    def align(self, item, others: list[QRectF], zoom: float) -> QPointF:
        """Snap ``item`` (a component or zone item) into line with ``others``; draw the
        guides; returns the shift applied."""
        self.clear()
        rect = item.scene_rect()
        reach = SNAP_PX / max(zoom, 0.05)
        shift = QPointF()
        across = best_offset(_xs(rect), [_xs(r) for r in others], reach)
        down = best_offset(_ys(rect), [_ys(r) for r in others], reach)
        if across is not None:
            shift.setX(across[0])
        if down is not None:
            shift.setY(down[0])
        if shift.isNull() and across is None and down is None:
            return shift
        item.setPos(item.pos() + shift)
        rect = item.scene_rect()
        if across is not None:
            other = others[across[1]]
            x = next(v for v in _xs(other) if any(abs(v - m) < 0.5 for m in _xs(rect)))
            top, bottom = min(rect.top(), other.top()), max(rect.bottom(), other.bottom())
            self._line(QLineF(x, top - 12, x, bottom + 12))
        if down is not None:
            other = others[down[1]]
            y = next(v for v in _ys(other) if any(abs(v - m) < 0.5 for m in _ys(rect)))
            left, right = min(rect.left(), other.left()), max(rect.right(), other.right())
            self._line(QLineF(left - 12, y, right + 12, y))
        return shift

    def _line(self, line: QLineF) -> None:
        item = QGraphicsLineItem(line)
        pen = QPen(self.scene.colors.accent, 1, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        item.setPen(pen)
        item.setZValue(1e9)
        self.scene.addItem(item)
        self.lines.append(item)

    def clear(self) -> None:
        for line in self.lines:
            if line.scene() is not None:
                self.scene.removeItem(line)
        self.lines = []
