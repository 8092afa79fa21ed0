from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from sdi_desktop.ui.board.board_widget import BoardWidget


@pytest.fixture
def board(qtbot):
    widget = BoardWidget()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.palette.item(0).icon().isNull())  # drawn after paint
    widget.view.setFocus()
    yield widget
    widget.close()


class Mouse:
    """Real mouse events on the board's viewport, addressed in scene coordinates."""

    def __init__(self, qtbot, board: BoardWidget) -> None:
        self.qtbot = qtbot
        self.board = board
        self.viewport = board.view.viewport()

    def at(self, scene_point) -> QPoint:
        if not isinstance(scene_point, QPointF):
            scene_point = QPointF(*scene_point)
        return self.board.view.mapFromScene(scene_point)

    def drag(
        self,
        start,
        end,
        steps: int = 6,
        modifier=Qt.KeyboardModifier.NoModifier,
        button=Qt.MouseButton.LeftButton,
    ) -> None:
        a, b = self.at(start), self.at(end)
        self.qtbot.mousePress(self.viewport, button, modifier, a)
        for i in range(1, steps + 1):
            p = a + (b - a) * i / steps
            self.qtbot.mouseMove(self.viewport, QPoint(round(p.x()), round(p.y())))
        self.qtbot.mouseRelease(self.viewport, button, modifier, b)

    def click(self, point, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.mouseClick(self.viewport, Qt.MouseButton.LeftButton, modifier, self.at(point))

    def double_click(self, point) -> None:
        double_click(self.qtbot, self.viewport, self.at(point))


def double_click(qtbot, widget, pos: QPoint) -> None:
    """The event sequence a real double click produces: press, release, press,
    double-click, release (QTest's mouseDClick alone sends less)."""
    left = Qt.MouseButton.LeftButton
    qtbot.mouseClick(widget, left, pos=pos)
    qtbot.mousePress(widget, left, pos=pos)
    qtbot.mouseDClick(widget, left, pos=pos)
    qtbot.mouseRelease(widget, left, pos=pos)


@pytest.fixture
def mouse(qtbot, board):
    return Mouse(qtbot, board)
