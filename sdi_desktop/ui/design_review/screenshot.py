"""The design review for ``sdi-desktop screenshots``: the panel beside the board, with
markers and "x3" badges on the demo board and one deliberate mistake (an admin tool
wired straight to the database) so that every severity shows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from sdi_desktop.domain.board.elements import Component, Connector

if TYPE_CHECKING:
    from sdi_desktop.ui.main_window import MainWindow

BOARD_SIZE = (1100, 720)
PANEL_SIZE = (420, 720)


def design_review_shot(window: MainWindow, path: Path) -> Path:
    editor = window.board.editor
    editor.set_instances(["write", "read"], 3)
    editor.set_instances(["cache"], 2)
    editor.document.add(Component(id="admin", kind="client", label="Admin tool", x=1280, y=225))
    editor.document.add(Connector(id="admin-db", source="admin", target="db", label="SQL"))
    review = window.design_review
    review.open()
    review.controller.run_now()
    panel = review.panel
    problem = next((f for _g, f in panel.rows() if f.severity == "problem"), None)
    if problem is not None:
        panel.select(problem)
    panel.why_button.setChecked(True)
    board = window.board
    board.scene.clearSelection()
    window.resize(BOARD_SIZE[0] + PANEL_SIZE[0] + 700, BOARD_SIZE[1] + 160)
    window.splitter.setSizes([260, BOARD_SIZE[0], 380])
    window.resizeDocks([review.dock], [PANEL_SIZE[0]], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    board.view.set_zoom(0.66)
    board.view.centerOn(QPointF(680, 290))
    QApplication.processEvents()
    QApplication.processEvents()
    grabs = [board.grab(), panel.grab()]
    gap = 8
    sheet = QPixmap(sum(g.width() for g in grabs) + gap, max(g.height() for g in grabs))
    sheet.fill(window.palette().window().color())
    painter = QPainter(sheet)
    painter.drawPixmap(0, 0, grabs[0])
    painter.drawPixmap(grabs[0].width() + gap, 0, grabs[1])
    painter.end()
    sheet.save(str(path))
    review.dock.hide()
    return path
