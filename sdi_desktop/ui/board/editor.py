"""Board operations: one method per user action, each pushed as one undo step.

Tools, the view, menus and tests all edit the board through this class; it
turns a request into a domain edit, wraps it in a command and pushes it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QUndoStack

from sdi_desktop.domain.board.document import BoardDocument
from sdi_desktop.domain.board.edits import AddElements, ChangeElements, RemoveElements, Reorder
from sdi_desktop.domain.board.elements import (
    COMPONENT_SIZE,
    MAX_INSTANCES,
    Component,
    Connector,
    Element,
    Stroke,
    TextNote,
    Zone,
    new_id,
    text_field,
)
from sdi_desktop.domain.board.kinds import kind as kind_of
from sdi_desktop.domain.edit_gate import EditGate
from sdi_desktop.ui.board.commands import EditCommand, MoveCommand
from sdi_desktop.ui.board.scene import GRID, BoardScene

PASTE_OFFSET = 24.0
BESIDE_GAP = 80.0


class BoardEditor(QObject):
    """The document, its undo stack and its scene, and the operations on them."""

    changed = Signal()  # any change of the document (for autosave and the like)

    def __init__(self, document: BoardDocument | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document or BoardDocument()
        self.undo_stack = QUndoStack(self)
        self.scene = BoardScene(self.document, self)
        self.scene.contentChanged.connect(self.changed)
        # Whether the open session may change (the window passes the session's gate;
        # a throw-away editor, for an export or a comparison, has one of its own).
        self.gate = EditGate()

    # -- plumbing ----------------------------------------------------------------------
    def _push(self, edit, select: list[str] | None = None, move: bool = False) -> bool:
        """Every edit of the board comes through here, and asks the gate first; False
        when it was refused (review mode): then the adding methods return None."""
        if not self.gate.allows_edit():
            return False
        cls = MoveCommand if move else EditCommand
        self.undo_stack.push(cls(self.document, edit, self.scene.select_ids, select))
        return True

    def undo(self) -> None:
        if self.gate.allows_edit():
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.gate.allows_edit():
            self.undo_stack.redo()

    def load(self, elements: list[Element]) -> None:
        """Replace the board (opening a saved one); clears the undo history."""
        self.undo_stack.clear()
        self.document.replace_all(elements)

    # -- adding ------------------------------------------------------------------------------
    def add_component(self, kind_key: str, center: QPointF, label: str | None = None) -> str | None:
        w, h = COMPONENT_SIZE
        x, y = self._free_spot(center.x() - w / 2, center.y() - h / 2, w, h)
        if self.scene.snap_enabled:
            snapped = self.scene.snap(QPointF(x, y))
            x, y = snapped.x(), snapped.y()
        component = Component(
            kind=kind_key, label=label if label is not None else kind_of(kind_key).label, x=x, y=y
        )
        if not self._push(AddElements([component], f"Add {component.label}"), [component.id]):
            return None
        return component.id

    def _free_spot(self, x: float, y: float, w: float, h: float) -> tuple[float, float]:
        """(x, y), or the nearest place below it that covers no component."""
        boxes = [(c.x, c.y, c.w, c.h) for c in self.document.components()]
        for _ in range(200):
            blocking = [
                (bx, by, bw, bh)
                for bx, by, bw, bh in boxes
                if bx < x + w and x < bx + bw and by < y + h and y < by + bh
            ]
            if not blocking:
                return x, y
            y = max(by + bh for _bx, by, _bw, bh in blocking) + GRID  # just below them
        return x, y

    def add_component_beside(
        self, anchor_id: str, kind_key: str, label: str | None = None, direction: str = "right"
    ):
        """Place a component beside ``anchor_id`` (``direction``: right, down, left or up)
        and connect them (one undo step); a taken spot moves on across the direction."""
        anchor = self.document.get(anchor_id)
        assert isinstance(anchor, Component)
        w, h = COMPONENT_SIZE
        gap_y = BESIDE_GAP * 0.6
        x, y = {
            "right": (anchor.x + anchor.w + BESIDE_GAP, anchor.y + (anchor.h - h) / 2),
            "left": (anchor.x - w - BESIDE_GAP, anchor.y + (anchor.h - h) / 2),
            "down": (anchor.x + (anchor.w - w) / 2, anchor.y + anchor.h + gap_y),
            "up": (anchor.x + (anchor.w - w) / 2, anchor.y - h - gap_y),
        }[direction]
        taken = [c for c in self.document.components() if c.id != anchor_id]
        while any(abs(c.x - x) < w and abs(c.y - y) < h for c in taken):
            if direction in ("right", "left"):
                y += h + GRID
            else:
                x += w + GRID
        component = Component(
            kind=kind_key, label=label if label is not None else kind_of(kind_key).label, x=x, y=y
        )
        connector = Connector(source=anchor_id, target=component.id)
        added = AddElements([component, connector], f"Add {component.label}")
        if not self._push(added, [component.id]):
            return None, None
        return component.id, connector.id

    def connect(self, source_id: str, target_id: str, style: str = "sync") -> str | None:
        if source_id == target_id:
            return None
        connector = Connector(source=source_id, target=target_id, style=style)
        if not self._push(AddElements([connector], "Connect"), [connector.id]):
            return None
        return connector.id

    def add_text(self, pos: QPointF, text: str) -> str | None:
        note = TextNote(text=text, x=pos.x(), y=pos.y())
        return note.id if self._push(AddElements([note], "Add text"), [note.id]) else None

    def add_stroke(self, points: list[tuple[float, float]], color: str = "ink") -> str | None:
        stroke = Stroke(points=points, color=color)
        return stroke.id if self._push(AddElements([stroke], "Draw")) else None

    def add_zone(self, rect: QRectF, title: str = "Zone") -> str | None:
        zone = Zone(
            title=title, x=rect.x(), y=rect.y(), w=max(rect.width(), 80), h=max(rect.height(), 60)
        )
        return zone.id if self._push(AddElements([zone], "Add zone"), [zone.id]) else None

    def add_elements(self, elements: list[Element], text: str = "Add") -> list[str]:
        """Add ready-made elements (an imported diagram) as one undo step."""
        if elements:
            selectable = [e.id for e in elements if not isinstance(e, Connector)]
            self._push(AddElements(elements, text), selectable)
        return [e.id for e in elements]

    # -- changing ------------------------------------------------------------------------------
    def set_kinds(self, kinds: dict[str, str], text: str = "Change kind") -> None:
        """Set the kind of several components as one undo step."""
        after = {i: {"kind": k} for i, k in kinds.items() if self.document.get(i).kind != k}
        if after:
            self._push(ChangeElements(self.document, after, text), list(after))

    def move_to(self, positions: dict[str, tuple[float, float]]) -> None:
        """Commit moves made by dragging: ids to their new top-left (strokes: offset)."""
        after: dict[str, dict] = {}
        for element_id, (x, y) in positions.items():
            element = self.document.get(element_id)
            if isinstance(element, Stroke):
                after[element_id] = {"points": tuple((px + x, py + y) for px, py in element.points)}
            else:
                after[element_id] = {"x": x, "y": y}
        if after:
            edit = ChangeElements(self.document, after, "Move")
            if not edit.is_noop:
                self._push(edit, move=True)

    def nudge(self, ids: list[str], dx: float, dy: float) -> None:
        positions: dict[str, tuple[float, float]] = {}
        for element_id in ids:
            element = self.document.get(element_id)
            if isinstance(element, Stroke):
                positions[element_id] = (dx, dy)
            elif hasattr(element, "x"):
                positions[element_id] = (element.x + dx, element.y + dy)
        self.move_to(positions)

    def resize(self, element_id: str, w: float, h: float) -> None:
        element = self.document.get(element_id)
        w, h = max(48.0, w), max(40.0, h)
        if self.scene.snap_enabled:
            w, h = round(w / GRID) * GRID or GRID, round(h / GRID) * GRID or GRID
        if (element.w, element.h) != (w, h):
            self._push(ChangeElements(self.document, {element_id: {"w": w, "h": h}}, "Resize"))

    def set_text(self, element_id: str, text: str) -> None:
        """The label of a component or connector, a zone's title or a note's text."""
        element = self.document.get(element_id)
        field = text_field(element)
        if field is not None and getattr(element, field) != text:
            self._push(ChangeElements(self.document, {element_id: {field: text}}, "Rename"))

    def set_instances(self, ids: list[str], count: int) -> None:
        """How many copies of the components run (1..99); one undo step."""
        count = max(1, min(MAX_INSTANCES, int(count)))
        after = {
            i: {"instances": count}
            for i in ids
            if isinstance(self.document.get(i), Component)
            and self.document.get(i).instances != count
        }
        if after:
            text = "Set instances" if count > 1 else "Single instance"
            self._push(ChangeElements(self.document, after, text), list(after))

    def set_connector(self, element_id: str, **values) -> None:
        edit = ChangeElements(self.document, {element_id: values}, "Change connector")
        if not edit.is_noop:  # choosing the style it already has is no undo step
            self._push(edit)

    def reattach(self, connector_id: str, end: str, component_id: str) -> None:
        connector = self.document.get(connector_id)
        other = connector.target if end == "source" else connector.source
        if component_id != other and getattr(connector, end) != component_id:
            self._push(
                ChangeElements(self.document, {connector_id: {end: component_id}}, "Reattach"),
                [connector_id],
            )

    def delete(self, ids: list[str]) -> None:
        ids = [i for i in ids if i in self.document]
        if ids:
            self._push(RemoveElements(self.document, ids), [])

    def reorder(self, ids: list[str], to_front: bool) -> None:
        if ids:
            self._push(Reorder(self.document, ids, to_front), list(ids))

    # -- copy, paste, duplicate ------------------------------------------------------------
    def copy_text(self, ids: list[str]) -> str:
        """Board JSON of the elements (connectors only if both ends are included)."""
        chosen = set(ids)
        for element_id in list(chosen):
            element = self.document.get(element_id)
            if isinstance(element, Connector):
                chosen.update((element.source, element.target))
        elements = [
            e
            for e in self.document
            if (isinstance(e, Connector) and {e.source, e.target} <= chosen)
            or (not isinstance(e, Connector) and e.id in chosen)
        ]
        from sdi_desktop.domain.board import file_format  # json: loaded when first needed

        return file_format.dumps(elements)

    def paste_text(self, text: str, offset: float = PASTE_OFFSET) -> list[str]:
        """Add a copy of board JSON with fresh ids, shifted by ``offset``."""
        from sdi_desktop.domain.board import file_format

        elements = file_format.loads(text)
        fresh = {e.id: new_id() for e in elements}
        copies: list[Element] = []
        for element in elements:
            changes: dict = {"id": fresh[element.id]}
            if isinstance(element, Connector):
                changes.update(source=fresh[element.source], target=fresh[element.target])
            elif isinstance(element, Stroke):
                changes["points"] = tuple((x + offset, y + offset) for x, y in element.points)
            else:
                changes.update(x=element.x + offset, y=element.y + offset)
            copies.append(element.copy(**changes))
        if not copies:
            return []
        selectable = [c.id for c in copies if not isinstance(c, Connector)]
        if not self._push(AddElements(copies, "Paste"), selectable):
            return []
        return [c.id for c in copies]

    def duplicate(self, ids: list[str]) -> list[str]:
        return self.paste_text(self.copy_text(ids)) if ids else []

    # -- arranging ---------------------------------------------------------------------------
    def align(self, ids: list[str], how: str) -> None:
        """how: left, hcenter, right, top, vcenter, bottom."""
        boxes = [e for e in (self.document.get(i) for i in ids) if isinstance(e, Component | Zone)]
        if len(boxes) < 2:
            return
        left = min(e.x for e in boxes)
        right = max(e.x + e.w for e in boxes)
        top = min(e.y for e in boxes)
        bottom = max(e.y + e.h for e in boxes)
        after = {}
        for e in boxes:
            x, y = e.x, e.y
            if how == "left":
                x = left
            elif how == "right":
                x = right - e.w
            elif how == "hcenter":
                x = (left + right) / 2 - e.w / 2
            elif how == "top":
                y = top
            elif how == "bottom":
                y = bottom - e.h
            elif how == "vcenter":
                y = (top + bottom) / 2 - e.h / 2
            after[e.id] = {"x": x, "y": y}
        self._push(ChangeElements(self.document, after, "Align"), [e.id for e in boxes])

    def distribute(self, ids: list[str], axis: str) -> None:
        """Equal gaps between elements along ``axis`` ("x" or "y")."""
        boxes = [e for e in (self.document.get(i) for i in ids) if isinstance(e, Component | Zone)]
        if len(boxes) < 3:
            return
        size = "w" if axis == "x" else "h"
        boxes.sort(key=lambda e: getattr(e, axis))
        start = getattr(boxes[0], axis)
        end = getattr(boxes[-1], axis) + getattr(boxes[-1], size)
        total = sum(getattr(e, size) for e in boxes)
        gap = (end - start - total) / (len(boxes) - 1)
        after, cursor = {}, start
        for e in boxes:
            after[e.id] = {axis: cursor}
            cursor += getattr(e, size) + gap
        self._push(ChangeElements(self.document, after, "Distribute"), [e.id for e in boxes])
