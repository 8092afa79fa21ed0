"""Defects found by the review of issue 16 (point 7), each with the behaviour a user sees."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QGraphicsItem

from sdi_desktop.ui.board.items import StrokeItem


def stroke_point(board, stroke_id) -> QPoint:
    element = board.editor.document.get(stroke_id)
    x, y = element.points[len(element.points) // 2]
    return board.view.mapFromScene(QPointF(x, y))


def test_double_clicking_a_pen_stroke_does_nothing_and_raises_nothing(board, qtbot):
    stroke = board.editor.add_stroke([(0.0, 0.0), (40.0, 30.0), (80.0, 0.0)])
    board.view.zoom_to_fit()
    qtbot.mouseDClick(
        board.view.viewport(), Qt.MouseButton.LeftButton, pos=stroke_point(board, stroke)
    )
    editor = board.view.text_editor
    assert editor is None or not editor.isVisible()
    board.view.board_scene.select_ids([stroke])
    qtbot.keyClicks(board.view, "x")  # typing on a selected stroke: no label to start
    assert board.view.text_editor is None or not board.view.text_editor.isVisible()
    assert stroke in board.editor.document


def test_choosing_the_style_a_connector_has_is_no_undo_step(board):
    a = board.editor.add_component("service", QPointF(0, 0))
    b = board.editor.add_component("database", QPointF(300, 0))
    connector = board.editor.connect(a, b)
    steps = board.editor.undo_stack.count()
    board.editor.set_connector(connector, style="sync", arrows="end")  # what it has already
    assert board.editor.undo_stack.count() == steps
    board.editor.set_connector(connector, style="async")
    assert board.editor.undo_stack.count() == steps + 1


def test_adding_elements_does_not_restack_the_whole_board(board, monkeypatch):
    for i in range(150):
        board.editor.add_component("service", QPointF(i * 200.0, 0.0), f"s{i}")
    calls = []
    original = QGraphicsItem.setZValue

    def counting(item, z):
        calls.append(item)
        original(item, z)

    for cls in {type(item) for item in board.scene.items_by_id.values()}:
        monkeypatch.setattr(cls, "setZValue", counting, raising=False)
    copies = board.editor.duplicate(board.editor.document.order[:10])
    assert len(copies) == 10
    assert len(calls) <= 20  # about one per new item (it was 10 x 160 = 1,600)
    # and the stacking is still the document's: undoing a delete puts an item back in place
    middle = board.editor.document.order[5]
    board.editor.delete([middle])
    board.editor.undo_stack.undo()
    monkeypatch.undo()
    z = [board.scene.item_for(i).zValue() for i in board.editor.document.order]
    assert z == sorted(z) and len(set(z)) == len(z)


def test_escape_while_erasing_keeps_the_strokes_whole(board, qtbot):
    stroke = board.editor.add_stroke([(0.0, 0.0), (40.0, 30.0), (80.0, 0.0)])
    board.view.zoom_to_fit()
    board.view.set_tool("eraser")
    viewport = board.view.viewport()
    at = stroke_point(board, stroke)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseMove(viewport, at + QPoint(1, 1))
    item = board.scene.item_for(stroke)
    assert isinstance(item, StrokeItem) and item.opacity() < 1.0  # dimmed: about to go
    qtbot.keyClick(board.view, Qt.Key.Key_Escape)
    assert item.opacity() == 1.0
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at)
    assert stroke in board.editor.document  # Esc cancelled the erase
