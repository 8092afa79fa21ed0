"""Issue 14, items 11 and 12: the text tool and drawing on the board, with real events."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from sdi_desktop.domain.board.elements import TextNote


def test_item11_esc_keeps_the_typed_text_and_the_tool_goes_back_to_select(board, mouse, qtbot):
    view = board.view
    qtbot.keyClick(view, Qt.Key.Key_T)
    assert view.tool.name == "text"
    mouse.click((100, 100))
    editor = view.text_editor
    assert editor.isVisible() and editor.hasFocus()
    assert view.tool.name == "select"  # one use, as in Excalidraw and draw.io
    qtbot.keyClicks(editor, "cache hit ratio 80%")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    notes = [e for e in board.editor.document if isinstance(e, TextNote)]
    assert [n.text for n in notes] == ["cache hit ratio 80%"]
    assert not editor.isVisible() and view.hasFocus()
    assert board.action("tool_select").isChecked()


def test_item11_esc_on_a_component_label_still_gives_the_old_label_back(board, mouse, qtbot):
    component = board.editor.add_component("cache", QPointF(0, 0), "Redis")
    board.view.setFocus()
    qtbot.keyClicks(board.view, "X")  # start typing on the selected component
    qtbot.keyClick(board.view.text_editor, Qt.Key.Key_Escape)
    assert board.editor.document.get(component).label == "Redis"


def _dark_pixels(image: QImage, rect: QRectF) -> int:
    count = 0
    for x in range(int(rect.left()), int(rect.right())):
        for y in range(int(rect.top()), int(rect.bottom())):
            if QColor(image.pixel(x, y)).lightness() < 160:
                count += 1
    return count


def test_item12_a_selected_connector_has_no_dashed_bounding_box(board, qtbot):
    editor = board.editor
    a = editor.add_component("service", QPointF(0, 0))
    b = editor.add_component("database", QPointF(420, 300))
    connector = editor.connect(a, b)  # a just-made connector is selected
    assert board.scene.selected_ids() == [connector]
    view = board.view
    view.centerOn(QPointF(280, 190))
    item = board.scene.item_for(connector)
    box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    image = QImage(view.viewport().size(), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    view.render(painter, QRectF(image.rect()), view.viewport().rect())
    painter.end()
    # the box's top edge right of the source and its bottom edge left of the target
    # are far from the line: nothing dark may be drawn there
    top = QRectF(box.center().x(), box.top() - 1, box.width() / 3, 3)
    bottom = QRectF(box.left() + box.width() / 6, box.bottom() - 1, box.width() / 3, 3)
    assert _dark_pixels(image, top) == 0
    assert _dark_pixels(image, bottom) == 0
    # still drawn (by its overlay) and still hit where the line is
    middle = (item.start + item.end) / 2
    assert board.scene.element_item_at(middle, view.transform()) is item
    spot = view.mapFromScene(middle)
    assert QColor(image.pixel(spot.x(), spot.y())).lightness() < 200
    mouse_free = view.mapFromScene(QPointF(100, 400))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=mouse_free)
    assert board.scene.selected_ids() == []


def test_item12_a_label_does_not_hide_a_short_connector(board):
    editor = board.editor
    a = editor.add_component("service", QPointF(0, 0))
    b = editor.add_component("cache", QPointF(0, 120))  # 44 units of line between them
    connector = editor.connect(a, b)
    editor.set_text(connector, "reads and writes")
    item = board.scene.item_for(connector)
    tag = item.label.parentItem().sceneBoundingRect()
    mid = (item.start + item.end) / 2
    assert not tag.contains(item.end), "the arrowhead's tip is covered"
    assert not tag.contains(mid), "the line's middle is covered"
    # a long connector keeps its label on the line
    c = editor.add_component("database", QPointF(600, 0))
    long_one = editor.connect(a, c)
    editor.set_text(long_one, "writes")
    item = board.scene.item_for(long_one)
    assert item.label.parentItem().sceneBoundingRect().contains((item.start + item.end) / 2)


def test_item12_the_resize_grip_moves_with_a_dragged_component(board, mouse, qtbot):
    component = board.editor.add_component("service", QPointF(0, 0))
    item = board.scene.item_for(component)
    handle = board.scene.handle
    assert handle.isVisible()
    start = item.scene_rect().center()
    a, b = mouse.at(start), mouse.at(start + QPointF(200, 100))
    qtbot.mousePress(mouse.viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, 7):
        p = a + (b - a) * i / 6
        qtbot.mouseMove(mouse.viewport, p)
    # still dragging: the grip sits on the box's corner, not where it was
    corner = item.scene_rect().bottomRight()
    assert item.pos().x() > 100
    assert (handle.sceneBoundingRect().center() - corner).manhattanLength() < 2
    qtbot.mouseRelease(mouse.viewport, Qt.MouseButton.LeftButton, pos=b)
