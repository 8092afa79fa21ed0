"""Instance counts: set from the component's context menu, shown as "x3", undoable."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu

from sdi_desktop.ui.board.context_menu import build_context_menu


def _instances_action(menu, text: str):
    sub = menu.findChild(QMenu, "instancesMenu")
    return next(a for a in sub.actions() if a.text() == text)


def test_instances_from_the_context_menu_show_a_badge_and_undo(board):
    editor = board.editor
    cid = editor.add_component("service", QPointF(0, 0))
    item = editor.scene.item_for(cid)
    assert item.count_badge is None  # nothing drawn for a single instance

    menu = build_context_menu(board.view, item)
    _instances_action(menu, "3 (x3)").trigger()
    assert editor.document.get(cid).instances == 3
    assert item.count_badge.isVisible() and item.count_badge.text() == "x3"
    badge = item.count_badge.mapRectToParent(item.count_badge.boundingRect())
    assert badge.right() <= item.rect().right() and badge.center().x() > item.rect().center().x()

    menu = build_context_menu(board.view, item)
    assert _instances_action(menu, "3 (x3)").isChecked()
    assert editor.undo_stack.undoText() == "Set instances"
    editor.undo_stack.undo()
    assert editor.document.get(cid).instances == 1 and not item.count_badge.isVisible()
    editor.undo_stack.redo()
    assert item.count_badge.isVisible()


def test_instances_are_bounded_and_apply_to_the_selection(board):
    editor = board.editor
    a = editor.add_component("service", QPointF(0, 0))
    b = editor.add_component("sql_db", QPointF(300, 0))
    editor.set_instances([a, b], 250)
    assert {editor.document.get(i).instances for i in (a, b)} == {99}
    depth = editor.undo_stack.count()
    editor.set_instances([a, b], 99)  # no change, no undo step
    assert editor.undo_stack.count() == depth
    # copied and pasted, the count goes with the component
    [copy] = [i for i in editor.paste_text(editor.copy_text([a]))]
    assert editor.document.get(copy).instances == 99


def test_the_badge_follows_the_level_of_detail(board):
    from sdi_desktop.ui.board.items import FULL, MINIMAL

    editor = board.editor
    cid = editor.add_component("service", QPointF(0, 0))
    editor.set_instances([cid], 3)
    item = editor.scene.item_for(cid)
    editor.scene.set_detail(MINIMAL)
    assert not item.count_badge.isVisible()
    editor.scene.set_detail(FULL)
    assert item.count_badge.isVisible()
    editor.set_instances([cid], 1)
    editor.scene.set_detail(MINIMAL)
    editor.scene.set_detail(FULL)
    assert not item.count_badge.isVisible()
