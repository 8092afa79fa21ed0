"""The "Instances" submenu of a component: how many copies of it run (shown as "x3")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QInputDialog, QMenu

from sdi_desktop.domain.board.elements import MAX_INSTANCES, Component

if TYPE_CHECKING:
    from sdi_desktop.ui.board.editor import BoardEditor

PRESETS = (1, 2, 3, 5)


def add_instances_menu(menu: QMenu, editor: BoardEditor, ids: list[str]) -> QMenu | None:
    components = [e for e in map(editor.document.get, ids) if isinstance(e, Component)]
    if not components:
        return None
    counts = {c.instances for c in components}
    current = counts.pop() if len(counts) == 1 else None
    sub = menu.addMenu("Instances")
    sub.setObjectName("instancesMenu")
    ids = [c.id for c in components]
    group = QActionGroup(sub)  # one choice: drawn as radio buttons
    for count in PRESETS:
        text = "1 (single)" if count == 1 else f"{count} (x{count})"
        action = sub.addAction(text, lambda n=count: editor.set_instances(ids, n))
        action.setCheckable(True)
        action.setChecked(current == count)
        group.addAction(action)
    other = sub.addAction("Other…", lambda: _ask(menu.parentWidget(), editor, ids, current or 1))
    other.setCheckable(True)
    other.setChecked(current is not None and current not in PRESETS)
    group.addAction(other)
    return sub


def _ask(parent, editor: BoardEditor, ids: list[str], current: int) -> None:
    if not editor.gate.allows_edit():  # review mode: no dialog for an edit it would refuse
        return
    count, ok = QInputDialog.getInt(
        parent, "Instances", f"How many copies run (1-{MAX_INSTANCES}):", current, 1, MAX_INSTANCES
    )
    if ok:
        editor.set_instances(ids, count)
