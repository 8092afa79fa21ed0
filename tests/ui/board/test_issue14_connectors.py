"""Issue 14, friction: elbow connectors chosen from the context menu, and alignment
guides while dragging, with real events."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF, Qt


def _menu_action(menu, submenu: str, entry: str):
    from PySide6.QtWidgets import QMenu

    sub = next(m for m in menu.findChildren(QMenu) if m.title() == submenu)
    return next(a for a in sub.actions() if a.text() == entry)


def test_friction_elbow_routing_from_the_context_menu_draws_right_angles(board, qtbot):
    editor = board.editor
    a = editor.add_component("service", QPointF(0, 0))
    b = editor.add_component("cache", QPointF(400, 240))
    connector = editor.connect(a, b)
    item = board.scene.item_for(connector)
    assert len(item.points) == 2
    middle = (item.start + item.end) / 2
    from sdi_desktop.ui.board.context_menu import build_context_menu

    hit = board.scene.element_item_at(middle, board.view.transform())
    assert hit is item
    menu = build_context_menu(board.view, hit)  # what a right-click on the line shows
    _menu_action(menu, "Route", "Elbow (right angles)").trigger()
    assert editor.document.get(connector).routing == "orthogonal"
    points = item.points
    assert len(points) == 4
    for p, q in itertools.pairwise(points):  # every run is level or upright
        assert abs(p.x() - q.x()) < 0.01 or abs(p.y() - q.y()) < 0.01
    # drawn as lines: the corners enclose no filled area; the arrowhead is still solid
    assert item.brush().style() == Qt.BrushStyle.NoBrush
    assert item._heads.brush().style() == Qt.BrushStyle.SolidPattern
    assert not item._heads.path().isEmpty()
    data = editor.document.to_data()
    assert next(e for e in data if e["id"] == connector)["routing"] == "orthogonal"
    editor.undo_stack.undo()
    assert editor.document.get(connector).routing == "straight"
    assert len(item.points) == 2
    assert item.brush().style() == Qt.BrushStyle.SolidPattern and item._heads.path().isEmpty()


def test_friction_alignment_guides_while_dragging(board, mouse, qtbot):
    editor = board.editor
    anchor = editor.add_component("service", QPointF(0, 0))
    moving = editor.add_component("cache", QPointF(300, 200))
    board.scene.select_ids([moving])
    item = board.scene.item_for(moving)
    target_y = editor.document.get(anchor).y
    start = item.scene_rect().center()
    # drag so that the cache's top ends 4 units below the service's top
    offset = QPointF(0, target_y + 4 - editor.document.get(moving).y)
    a, b = mouse.at(start), mouse.at(start + offset)
    qtbot.mousePress(mouse.viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, 6):
        qtbot.mouseMove(mouse.viewport, a + (b - a) * i / 5)
    tool = board.view.tool
    assert tool._guides is not None and tool._guides.lines, "a guide shows while dragging"
    qtbot.mouseRelease(mouse.viewport, Qt.MouseButton.LeftButton, pos=b)
    assert editor.document.get(moving).y == target_y  # snapped into line
    assert not [i for i in board.scene.items() if i in tool._guides.lines]


def test_the_menu_key_opens_the_menu_of_the_selected_line_beside_it(board, qtbot, monkeypatch):
    """The Menu key (or Shift+F10) acts on the selection: Route ▸ Elbow chosen there
    reroutes the selected line, not whatever lies under the pointer or mid-view."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    import sdi_desktop.ui.board.context_menu as context_menu

    editor = board.editor
    a = editor.add_component("service", QPointF(0, 0))
    editor.add_component("cache", QPointF(400, 0))
    c = editor.add_component("queue", QPointF(0, 600))
    d = editor.add_component("worker", QPointF(400, 600))
    middle_line = editor.connect(a, d)  # crosses the view's middle
    chosen = editor.connect(c, d)
    board.view.zoom_to_fit()
    board.scene.select_ids([chosen])
    opened = []

    class Recorder:
        def __init__(self, menu):
            self.menu = menu

        def exec(self, at):
            opened.append((self.menu, at))

    real = context_menu.build_context_menu
    monkeypatch.setattr(
        context_menu, "build_context_menu", lambda view, item: Recorder(real(view, item))
    )
    viewport = board.view.viewport()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard,
        viewport.rect().center(),
        viewport.mapToGlobal(viewport.rect().center()),
    )
    QApplication.sendEvent(viewport, event)
    assert len(opened) == 1
    menu, at = opened[0]
    _menu_action(menu, "Route", "Elbow (right angles)").trigger()
    assert editor.document.get(chosen).routing == "orthogonal"
    assert editor.document.get(middle_line).routing == "straight"
    assert board.scene.selected_ids() == [chosen]
    line = board.scene.item_for(chosen)
    beside = viewport.mapToGlobal(board.view.mapFromScene(line.sceneBoundingRect().center()))
    assert (at - beside).manhattanLength() <= 2
