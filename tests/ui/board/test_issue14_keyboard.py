"""Issue 14, friction: building a diagram by keyboard (Tab cycles components, the
Shift+Enter component comes into view, Shift+arrow chooses where the next one goes)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def quick_add(board, qtbot, text: str, beside: bool = True) -> str:
    qtbot.keyClick(board.view, Qt.Key.Key_K, CTRL)
    popup = board.quick_add_popup
    qtbot.keyClicks(popup.edit, text)
    qtbot.keyClick(
        popup.edit, Qt.Key.Key_Return, SHIFT if beside else Qt.KeyboardModifier.NoModifier
    )
    return board.scene.selected_ids()[0]


def _in_view(board, element_id) -> bool:
    view = board.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    return visible.contains(board.scene.item_for(element_id).sceneBoundingRect())


def test_friction_tab_on_the_board_cycles_components_in_reading_order(board, qtbot):
    editor = board.editor
    c = editor.add_component("cache", QPointF(400, 0))
    a = editor.add_component("client", QPointF(0, 0))
    d = editor.add_component("sql_db", QPointF(0, 300))
    board.scene.clearSelection()
    board.view.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(board.view, Qt.Key.Key_Tab)
        seen.append(board.scene.selected_ids())
    assert seen == [[a], [c], [d], [a]]
    assert board.view.hasFocus()
    qtbot.keyClick(board.view, Qt.Key.Key_Backtab, SHIFT)
    assert board.scene.selected_ids() == [d]


def test_friction_shift_enter_component_comes_into_view(board, qtbot):
    board.resize(600, 400)
    lb = quick_add(board, qtbot, "lb", beside=False)
    last = lb
    for name in ("service", "redis", "db", "queue", "worker"):
        last = quick_add(board, qtbot, name)
        assert _in_view(board, last), name
    assert board.editor.document.get(last).x > board.editor.document.get(lb).x + 1000


def test_friction_shift_arrow_after_shift_enter_chooses_the_next_direction(board, qtbot):
    lb = quick_add(board, qtbot, "lb", beside=False)
    svc = quick_add(board, qtbot, "service")
    doc = board.editor.document
    assert doc.get(svc).x > doc.get(lb).x  # to the right, as before
    qtbot.keyClick(board.view, Qt.Key.Key_Down, SHIFT)  # chooses; does not nudge
    assert doc.get(svc).y == doc.get(lb).y + (doc.get(lb).h - doc.get(svc).h) / 2
    cache = quick_add(board, qtbot, "redis")
    assert doc.get(cache).y > doc.get(svc).y + doc.get(svc).h  # below the service
    assert abs(doc.get(cache).x - doc.get(svc).x) < 1
    # back to the load balancer with Tab, and a branch goes below it too
    board.scene.select_ids([lb])
    db = quick_add(board, qtbot, "db")
    assert doc.get(db).y > doc.get(lb).y + doc.get(lb).h
    assert {(c.source, c.target) for c in doc.connectors()} == {(lb, svc), (svc, cache), (lb, db)}
    # away from a fresh Shift+Enter, Shift+arrow nudges as it always did
    board.scene.select_ids([db])
    qtbot.keyClick(board.view, Qt.Key.Key_Escape)
    board.scene.select_ids([db])
    x = doc.get(db).x
    qtbot.keyClick(board.view, Qt.Key.Key_Right, SHIFT)
    assert doc.get(db).x > x


def test_friction_esc_in_a_notes_pane_goes_back_to_the_board(window, qtbot):
    from tests.ui.test_notes_typing import focus

    edit = focus(window, qtbot, "api")
    qtbot.keyClicks(edit, "GET /")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert window.whiteboard.hasFocus()
    assert edit.toPlainText() == "GET /"
