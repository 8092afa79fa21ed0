"""Right-click menus on the whiteboard: what applies to the item under the pointer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from sdi_desktop.ui.board.instances_menu import add_instances_menu
from sdi_desktop.ui.board.items import ComponentItem, ConnectorItem

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsItem

    from sdi_desktop.ui.board.view import BoardView


def build_context_menu(view: BoardView, item: QGraphicsItem | None) -> QMenu | None:
    editor = view.editor
    selected = view.board_scene.selected_ids()
    menu = QMenu(view)
    menu.setObjectName("boardContextMenu")
    if isinstance(item, ConnectorItem):
        element = editor.document.get(item.element_id)
        menu.addAction("Edit label…", lambda: view.edit_text(item.element_id))
        style = menu.addMenu("Line")
        for value, text in (
            ("sync", "Solid (synchronous call)"),
            ("async", "Dashed (asynchronous)"),
        ):
            action = style.addAction(
                text, lambda v=value: editor.set_connector(item.element_id, style=v)
            )
            action.setCheckable(True)
            action.setChecked(element.style == value)
        route = menu.addMenu("Route")
        for value, text in (("straight", "Straight"), ("orthogonal", "Elbow (right angles)")):
            action = route.addAction(
                text, lambda v=value: editor.set_connector(item.element_id, routing=v)
            )
            action.setCheckable(True)
            action.setChecked(element.routing == value)
        arrows = menu.addMenu("Arrows")
        for value, text in (("end", "One way"), ("both", "Both ways"), ("none", "No arrow")):
            action = arrows.addAction(
                text, lambda v=value: editor.set_connector(item.element_id, arrows=v)
            )
            action.setCheckable(True)
            action.setChecked(element.arrows == value)
        menu.addAction(
            "Reverse direction",
            lambda: editor.set_connector(
                item.element_id, source=element.target, target=element.source
            ),
        )
        menu.addSeparator()
        menu.addAction("Delete", lambda: editor.delete([item.element_id]))
        return menu
    if item is not None:
        menu.addAction("Edit text…", lambda: view.edit_text(item.element_id))
        if isinstance(item, ComponentItem):
            ids = selected if item.element_id in selected else [item.element_id]
            add_instances_menu(menu, editor, ids)
        menu.addAction("Duplicate", lambda: editor.duplicate(selected))
        menu.addSeparator()
        menu.addAction("Bring to front", lambda: editor.reorder(selected, True))
        menu.addAction("Send to back", lambda: editor.reorder(selected, False))
        menu.addSeparator()
        menu.addAction("Delete", lambda: editor.delete(selected))
        return menu
    menu.addAction("Zoom to fit", view.zoom_to_fit)
    menu.addAction("Select all", lambda: view.board_scene.select_ids(editor.document.order))
    return menu
