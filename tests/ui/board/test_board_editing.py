"""The whiteboard driven with real mouse and key events."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication

from sdi_desktop.domain.board.elements import Connector, Stroke, TextNote
from sdi_desktop.ui.board.items import ComponentItem, ConnectorItem
from tests.ui.board.conftest import double_click


def components(board):
    return board.editor.document.components()


def place(board, kind, x, y, label=None):
    element_id = board.editor.add_component(kind, QPointF(x, y), label)
    board.scene.clearSelection()
    return element_id


def test_palette_double_click_places_a_component_at_the_view_centre(board, qtbot):
    palette = board.palette
    item = palette.item(4)  # load balancer
    rect = palette.visualItemRect(item)
    double_click(qtbot, palette.viewport(), rect.center())
    [placed] = components(board)
    assert placed.kind == "load_balancer" and placed.label == "Load balancer"
    centre = board.view.view_center()
    assert abs(placed.x + placed.w / 2 - centre.x()) < 1
    assert board.scene.selected_ids() == [placed.id]


def test_palette_drag_drops_a_component_where_it_is_dropped(board, qtbot):
    """The drag's data comes from the palette; the events are those a drag delivers
    (enter, move, drop). QDrag's own loop cannot run offscreen."""
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    data = board.palette.mimeData([board.palette.item(9)])  # cache
    target = board.view.mapFromScene(QPointF(200, 120))
    args = (
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    viewport = board.view.viewport()
    for event in (
        QDragEnterEvent(target, *args),
        QDragMoveEvent(target, *args),
        QDropEvent(QPointF(target), *args),
    ):
        QGuiApplication.sendEvent(viewport, event)
        assert event.isAccepted()
    [placed] = components(board)
    assert placed.kind == "cache"
    assert abs(placed.x + placed.w / 2 - 200) < 2 and abs(placed.y + placed.h / 2 - 120) < 2


def test_quick_add_places_the_best_match_and_shift_enter_connects(board, qtbot):
    qtbot.keyClick(board.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = board.quick_add_popup
    assert popup is not None and popup.isVisible()
    qtbot.keyClicks(popup.edit, "redis")
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    [cache] = components(board)
    assert (cache.kind, cache.label) == ("cache", "Redis")
    assert board.scene.selected_ids() == [cache.id]
    # Shift+Enter: beside the selected one, connected to it
    qtbot.keyClick(board.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(popup.edit, "db")
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    db = next(c for c in components(board) if c.kind == "sql_db")
    assert db.x > cache.x + cache.w
    [link] = board.editor.document.connectors()
    assert (link.source, link.target) == (cache.id, db.id)
    assert board.editor.undo_stack.count() == 2  # one undo step each


def test_connect_by_dragging_from_an_edge_and_the_connector_follows_moves(board, mouse):
    a = place(board, "service", 0, 0)
    b = place(board, "sql_db", 300, 0)
    ea = board.editor.document.get(a)
    mouse.drag((ea.x + ea.w - 3, 0), (300, 0))  # from A's right edge onto B
    [link] = board.editor.document.connectors()
    assert (link.source, link.target) == (a, b)
    connector = board.scene.item_for(link.id)
    start_before = QPointF(connector.end)
    # move B by dragging its middle: the connector's end follows, one undo step
    mouse.drag((300, 0), (300, 150))
    moved = board.editor.document.get(b)
    assert abs(moved.y - (150 - moved.h / 2)) < 2
    assert connector.end.y() > start_before.y() + 100
    assert board.editor.undo_stack.undoText() == "Move"


def test_click_inside_a_component_moves_it_instead_of_connecting(board, mouse):
    a = place(board, "service", 0, 0)
    mouse.drag((0, 0), (60, 40))
    assert board.editor.document.connectors() == []
    assert board.editor.document.get(a).x > -66 + 50


def test_edit_a_label_in_place_by_double_click_f2_and_typing(board, mouse, qtbot):
    a = place(board, "service", 0, 0)
    mouse.double_click((0, 0))
    editor = board.view.text_editor
    assert editor.isVisible() and editor.text() == "Service"
    qtbot.keyClicks(editor, "Shortener")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert board.editor.document.get(a).label == "Shortener"
    assert board.scene.item_for(a).label.text() == "Shortener"
    # F2 then Escape keeps the label
    board.scene.select_ids([a])
    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_F2)
    qtbot.keyClicks(editor, "nope")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert board.editor.document.get(a).label == "Shortener"
    # just start typing on the selected component
    board.view.setFocus()
    qtbot.keyClicks(board.view, "A")
    assert editor.isVisible() and editor.hasFocus() and editor.text() == "A"
    qtbot.keyClicks(editor, "PI")
    qtbot.keyClick(editor, Qt.Key.Key_Enter)
    assert board.editor.document.get(a).label == "API"


def test_delete_undo_redo_with_keys(board, qtbot):
    a = place(board, "service", 0, 0)
    b = place(board, "cache", 300, 0)
    board.editor.connect(a, b)
    board.scene.select_ids([a])
    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_Delete)
    assert [c.id for c in components(board)] == [b]
    assert board.editor.document.connectors() == []  # its connector went with it
    qtbot.keyClick(board.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {c.id for c in components(board)} == {a, b}
    assert len(board.editor.document.connectors()) == 1
    assert isinstance(board.scene.item_for(a), ComponentItem)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(board.view, Qt.Key.Key_Z, modifiers)
    assert [c.id for c in components(board)] == [b]
    qtbot.keyClick(board.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [c.id for c in components(board)] == [b]  # nothing left to redo


def test_arrow_keys_nudge_and_merge_into_one_undo_step(board, qtbot):
    a = place(board, "service", 0, 0)
    start = board.editor.document.get(a).x
    board.scene.select_ids([a])
    board.view.setFocus()
    for _ in range(3):
        qtbot.keyClick(board.view, Qt.Key.Key_Right)
    qtbot.keyClick(board.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert board.editor.document.get(a).x == start + 3 + 24
    assert board.editor.undo_stack.count() == 2  # add + one merged move
    board.editor.undo_stack.undo()
    assert board.editor.document.get(a).x == start


def test_copy_paste_and_duplicate(board, qtbot):
    a = place(board, "service", 0, 0)
    b = place(board, "cache", 300, 0)
    board.editor.connect(a, b)
    board.scene.select_ids([a, b])
    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert '"sdi-board"' in QGuiApplication.clipboard().text()
    qtbot.keyClick(board.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(components(board)) == 4
    assert len(board.editor.document.connectors()) == 2  # the link came along, rewired
    pasted = set(board.scene.selected_ids())
    assert pasted.isdisjoint({a, b}) and len(pasted) == 2
    qtbot.keyClick(board.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(components(board)) == 6


def test_paste_between_boards(board, qtbot):
    from sdi_desktop.ui.board.board_widget import BoardWidget

    a = place(board, "queue", 0, 0, "Orders")
    board.scene.select_ids([a])
    board.copy()
    other = BoardWidget()
    qtbot.addWidget(other)
    ids = other.paste()
    [copy] = other.editor.document.components()
    assert copy.label == "Orders" and copy.id in ids and copy.id != a


def test_rubber_band_and_shift_click_selection(board, mouse):
    a = place(board, "service", 0, 0)
    b = place(board, "cache", 300, 0)
    c = place(board, "queue", 0, 300)
    mouse.drag((-150, -100), (450, 100))
    assert set(board.scene.selected_ids()) == {a, b}
    mouse.click((0, 300), Qt.KeyboardModifier.ShiftModifier)
    assert set(board.scene.selected_ids()) == {a, b, c}


def test_resize_with_the_corner_grip(board, mouse):
    a = place(board, "service", 0, 0)
    board.scene.select_ids([a])
    handle = board.scene.handle
    assert handle.isVisible()
    corner = handle.sceneBoundingRect().center()
    mouse.drag(corner, corner + QPointF(60, 30))
    element = board.editor.document.get(a)
    assert abs(element.w - (132 + 60)) < 2 and abs(element.h - (76 + 30)) < 2
    assert board.editor.undo_stack.undoText() == "Resize"


def test_reattach_a_connector_end(board, mouse):
    a = place(board, "service", 0, 0)
    b = place(board, "cache", 300, 0)
    c = place(board, "sql_db", 300, 250)
    link = board.editor.connect(a, b)
    board.scene.select_ids([link])
    end = board.scene.item_for(link).end
    dots = board.scene.end_handles.dots
    assert all(d.isVisible() for d in dots) and dots[1].pos() == end  # handles show the ends
    mouse.drag(end, (300, 250))
    assert board.editor.document.get(link).target == c
    assert isinstance(board.scene.item_for(link), ConnectorItem)
    assert board.scene.item_for(link).target is board.scene.item_for(c)


def test_pen_draws_a_stroke_and_the_eraser_removes_it(board, mouse, qtbot):
    board.view.setFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_P)
    assert board.view.tool.name == "pen"
    mouse.drag((0, 0), (120, 80), steps=10)
    [stroke] = [e for e in board.editor.document if isinstance(e, Stroke)]
    assert len(stroke.points) >= 5
    qtbot.keyClick(board.view, Qt.Key.Key_E)
    mouse.drag((-20, 60), (80, 40), steps=12)
    assert not [e for e in board.editor.document if isinstance(e, Stroke)]
    board.editor.undo_stack.undo()
    assert [e for e in board.editor.document if isinstance(e, Stroke)]


def test_text_tool_adds_free_text(board, mouse, qtbot):
    board.view.set_tool("text")
    mouse.click((50, 50))
    editor = board.view.text_editor
    qtbot.keyClicks(editor, "cache hot keys")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    [note] = [e for e in board.editor.document if isinstance(e, TextNote)]
    assert note.text == "cache hot keys"


def test_zone_tool_frames_a_zone_behind_components(board, mouse, qtbot):
    a = place(board, "service", 0, 0)
    board.view.set_tool("zone")
    mouse.drag((-200, -150), (200, 150))
    editor = board.view.text_editor
    editor.selectAll()
    qtbot.keyClicks(editor, "Region A")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    zone = next(e for e in board.editor.document if e.TYPE == "zone")
    assert zone.title == "Region A"
    assert board.scene.item_for(zone.id).zValue() < board.scene.item_for(a).zValue()


def test_connector_style_and_arrows(board):
    a = place(board, "service", 0, 0)
    b = place(board, "queue", 300, 0)
    link = board.editor.connect(a, b)
    board.editor.set_connector(link, style="async", arrows="both")
    item = board.scene.item_for(link)
    assert item.pen().style() == Qt.PenStyle.DashLine
    element = board.editor.document.get(link)
    assert isinstance(element, Connector) and element.arrows == "both"
    board.editor.undo_stack.undo()
    assert item.pen().style() == Qt.PenStyle.SolidLine


def test_align_and_distribute(board):
    ids = [place(board, "service", x, y) for x, y in ((0, 0), (100, 90), (500, 40))]
    board.editor.align(ids, "top")
    assert len({board.editor.document.get(i).y for i in ids}) == 1
    board.editor.distribute(ids, "x")
    xs = sorted(board.editor.document.get(i).x for i in ids)
    w = board.editor.document.get(ids[0]).w
    assert abs((xs[1] - xs[0]) - (xs[2] - xs[1])) < 1e-6 and xs[1] - xs[0] > w


def test_bring_to_front_and_send_to_back(board):
    a = place(board, "service", 0, 0)
    b = place(board, "cache", 30, 10)
    assert board.scene.item_for(b).zValue() > board.scene.item_for(a).zValue()
    board.editor.reorder([a], True)
    assert board.scene.item_for(a).zValue() > board.scene.item_for(b).zValue()
    board.editor.reorder([a], False)
    assert board.scene.item_for(a).zValue() < board.scene.item_for(b).zValue()


def test_snap_to_grid(board, mouse):
    board.action("actionSnapToGrid").trigger()
    a = board.editor.add_component("service", QPointF(13, 7))
    element = board.editor.document.get(a)
    x0, y0 = element.x, element.y
    assert x0 % 24 == 0 and y0 % 24 == 0
    mouse.drag((x0 + 60, y0 + 30), (x0 + 60 + 37, y0 + 30 + 11))
    moved = board.editor.document.get(a)
    assert moved.x % 24 == 0 and moved.y % 24 == 0
    assert (moved.x, moved.y) == (x0 + 48, y0)  # 37 snaps to 48, 11 to 0


def test_zoom_keys_wheel_and_fit(board, qtbot):
    view = board.view
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert abs(view.zoom - 1.2) < 1e-6
    assert board.zoom_label.text() == "120 %"
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert abs(view.zoom - 1 / 1.2) < 1e-6
    for x in (-2000, 2000):
        place(board, "service", x, 0)
    board.action("actionZoomFit").trigger()
    viewport = view.viewport().rect()
    mapped = view.mapFromScene(board.scene.content_rect()).boundingRect()
    assert viewport.contains(mapped)
    assert view.zoom < 0.5


def test_space_drag_and_middle_button_pan(board, qtbot, mouse):
    view = board.view
    before = view.view_center()
    qtbot.keyPress(view, Qt.Key.Key_Space)
    mouse.drag((0, 0), (-100, -50))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    after = view.view_center()
    assert abs((after.x() - before.x()) - 100) < 3 and abs((after.y() - before.y()) - 50) < 3
    assert board.editor.document.order == []  # panning changed nothing on the board
    mouse.drag((0, 0), (40, 0), button=Qt.MouseButton.MiddleButton)
    assert abs(view.view_center().x() - (after.x() - 40)) < 3


def test_escape_cancels_a_connection_in_progress(board, qtbot, mouse):
    a = place(board, "service", 0, 0)
    element = board.editor.document.get(a)
    before = element.copy()
    start = mouse.at((element.x + element.w - 3, 0))
    qtbot.mousePress(board.view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(board.view.viewport(), start + QPoint(80, 0))
    qtbot.keyClick(board.view, Qt.Key.Key_Escape)
    qtbot.mouseRelease(board.view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(90, 0))
    assert board.editor.document.connectors() == []
    assert board.editor.document.get(a) == before


def test_ctrl_wheel_zooms_around_the_pointer(board, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    view = board.view
    pos = QPointF(view.viewport().rect().center() + QPoint(100, 50))
    under = view.mapToScene(pos.toPoint())
    event = QWheelEvent(
        pos,
        QPointF(view.viewport().mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QGuiApplication.sendEvent(view.viewport(), event)
    assert abs(view.zoom - 1.2) < 1e-6
    after = view.mapToScene(pos.toPoint())
    assert abs(after.x() - under.x()) < 2 and abs(after.y() - under.y()) < 2


def test_a_renamed_label_is_centred_and_a_long_one_shortened(board):
    a = place(board, "cache", 0, 0)
    item = board.scene.item_for(a)
    board.editor.set_text(a, "URL cache")
    label = item.label.mapRectToParent(item.label.boundingRect())
    assert abs(label.center().x() - item.rect().center().x()) < 1
    long = "Click events stream (partitioned by short code)"
    board.editor.set_text(a, long)
    assert "\n" in item.label.text() and item.label.text().endswith("…")
    assert item.label.boundingRect().width() <= item.rect().width()
    assert long in item.toolTip()
    assert board.editor.document.get(a).label == long  # the model keeps it whole


def test_quick_add_does_not_stack_components_on_each_other(board):
    first = board.place_at_centre("cache")
    second = board.place_at_centre("queue")
    a, b = board.editor.document.get(first), board.editor.document.get(second)
    assert abs(a.x - b.x) >= a.w or abs(a.y - b.y) >= a.h
