"""Canvas tools, one class each: select (with connect and resize gestures),
connect, pen, eraser, text and zone. The view hands mouse events to the current
tool; a tool returns True when it used the event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem, QGraphicsRectItem

from sdi_desktop.ui.board.items import (
    ComponentItem,
    ConnectorItem,
    StrokeItem,
    TextItem,
    ZoneItem,
    stroke_path,
)

if TYPE_CHECKING:
    from sdi_desktop.ui.board.view import BoardView

EDGE_BAND = 9.0  # px (view) inside a component's border that starts a connection
END_GRAB = 12.0  # px (view) around a connector's end that re-attaches it


class Tool:
    name = "select"
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, view: BoardView) -> None:
        self.view = view

    @property
    def scene(self):
        return self.view.board_scene

    @property
    def editor(self):
        return self.view.editor

    def scene_pos(self, event: QMouseEvent) -> QPointF:
        return self.view.mapToScene(event.position().toPoint())

    def press(self, event: QMouseEvent) -> bool:
        return False

    def move(self, event: QMouseEvent) -> bool:
        return False

    def release(self, event: QMouseEvent) -> bool:
        return False

    def cancel(self) -> None:
        """Drop any gesture in progress (Escape, tool change)."""


class ConnectGesture:
    """A dashed line from a component to the pointer; released on another, it connects."""

    def __init__(self, tool: Tool, source: ComponentItem) -> None:
        self.tool = tool
        self.source = source
        self.line = QGraphicsLineItem()
        pen = QPen(tool.scene.colors.accent, 2, Qt.PenStyle.DashLine)
        self.line.setPen(pen)
        self.line.setZValue(1e9)
        tool.scene.addItem(self.line)

    def move(self, pos: QPointF) -> None:
        self.line.setLine(QLineF(self.source.scene_rect().center(), pos))

    def finish(self, pos: QPointF) -> str | None:
        self.tool.scene.removeItem(self.line)
        target = self.tool.scene.component_at(pos, self.tool.view.transform())
        if target is None or target is self.source:
            return None
        return self.tool.editor.connect(self.source.element_id, target.element_id)

    def cancel(self) -> None:
        if self.line.scene() is not None:
            self.tool.scene.removeItem(self.line)


class SelectTool(Tool):
    """Click, Shift-click and rubber-band selection; drag to move (one undo step on
    release); drag from a component's edge to connect; drag the corner grip to
    resize; drag a selected connector's end onto another component to re-attach."""

    name = "select"

    def __init__(self, view: BoardView) -> None:
        super().__init__(view)
        self._start: dict[str, QPointF] = {}
        self._connect: ConnectGesture | None = None
        self._resize: tuple[ComponentItem | ZoneItem, QPointF, float, float] | None = None
        self._reattach: tuple[ConnectorItem, str, ConnectGesture] | None = None
        self._guides = None  # AlignmentGuides, made on the first guided drag

    def _edge_component(self, pos: QPointF) -> ComponentItem | None:
        item = self.scene.component_at(pos, self.view.transform())
        if item is None:
            return None
        band = EDGE_BAND / max(self.view.zoom, 0.05)
        inner = item.scene_rect().adjusted(band, band, -band, -band)
        return None if inner.contains(pos) else item

    def hover_cursor(self, pos: QPointF) -> Qt.CursorShape:
        if self.scene.handle.isVisible() and self.scene.handle.sceneBoundingRect().contains(pos):
            return Qt.CursorShape.SizeFDiagCursor
        if self._edge_component(pos) is not None:
            return Qt.CursorShape.CrossCursor
        return Qt.CursorShape.ArrowCursor

    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = self.scene_pos(event)
        handle = self.scene.handle
        if handle.isVisible() and handle.sceneBoundingRect().contains(pos):
            target = handle.target
            self._resize = (target, pos, target.rect().width(), target.rect().height())
            return True
        grabbed = self._connector_end_at(pos)
        if grabbed is not None:
            connector, end = grabbed
            anchor = connector.target if end == "source" else connector.source
            self._reattach = (connector, end, ConnectGesture(self, anchor))
            return True
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            item = self.scene.element_item_at(pos, self.view.transform())
            if item is not None:  # Shift+click adds to (or takes from) the selection
                item.setSelected(not item.isSelected())
                return True
        else:
            edge = self._edge_component(pos)
            if edge is not None:
                self._connect = ConnectGesture(self, edge)
                self._connect.move(pos)
                return True
        return False  # the view's default: selection, rubber band, dragging items

    def after_default_press(self) -> None:
        """Remember where the selected items were, to tell a move on release."""
        self._start = {
            item.element_id: QPointF(item.pos())
            for item in self.scene.selectedItems()
            if isinstance(item, ComponentItem | ZoneItem | TextItem | StrokeItem)
        }

    def _connector_end_at(self, pos: QPointF) -> tuple[ConnectorItem, str] | None:
        reach = END_GRAB / max(self.view.zoom, 0.05)
        for item in self.scene.selectedItems():
            if isinstance(item, ConnectorItem):
                if QLineF(item.end, pos).length() <= reach:
                    return item, "target"
                if QLineF(item.start, pos).length() <= reach:
                    return item, "source"
        return None

    def move(self, event: QMouseEvent) -> bool:
        pos = self.scene_pos(event)
        if self._connect is not None:
            self._connect.move(pos)
            return True
        if self._reattach is not None:
            self._reattach[2].move(pos)
            return True
        if self._resize is not None:
            item, start, w, h = self._resize
            item.set_size(max(48.0, w + pos.x() - start.x()), max(40.0, h + pos.y() - start.y()))
            self.scene.handle.follow(item, self.scene.colors)
            return True
        return False

    def release(self, event: QMouseEvent) -> bool:
        pos = self.scene_pos(event)
        if self._connect is not None:
            gesture, self._connect = self._connect, None
            gesture.finish(pos)
            return True
        if self._reattach is not None:
            connector, end, gesture = self._reattach
            self._reattach = None
            gesture.cancel()
            target = self.scene.component_at(pos, self.view.transform())
            if target is not None:
                self.editor.reattach(connector.element_id, end, target.element_id)
            return True
        if self._resize is not None:
            item, _start, _w, _h = self._resize
            self._resize = None
            rect = item.rect()
            self.editor.resize(item.element_id, rect.width(), rect.height())
            element = self.editor.document.get(item.element_id)
            item.set_size(element.w, element.h)  # snapped or refused sizes show at once
            self.scene.handle.follow(item, self.scene.colors)
            return True
        return False

    def after_default_move(self) -> None:
        """While items are dragged: snap them (if on) and let their connectors follow."""
        if not self._start:
            return
        for element_id in self._start:
            item = self.scene.item_for(element_id)
            if item is None:
                continue
            if self.scene.snap_enabled and not isinstance(item, StrokeItem):
                snapped = self.scene.snap(item.pos())
                if snapped != item.pos():
                    item.setPos(snapped)
            if isinstance(item, ComponentItem):
                item.update_connectors()
        self._guide_single_drag()
        handle = self.scene.handle
        if handle.target is not None and handle.target.element_id in self._start:
            handle.follow(handle.target, self.scene.colors)  # the grip moves with its box

    def _guide_single_drag(self) -> None:
        """One component or zone dragged: line it up with the others (snap to grid,
        when on, wins)."""
        if len(self._start) != 1 or self.scene.snap_enabled:
            return
        (element_id,) = self._start
        item = self.scene.item_for(element_id)
        if not isinstance(item, ComponentItem | ZoneItem):
            return
        from sdi_desktop.ui.board.guides import AlignmentGuides

        if self._guides is None:
            self._guides = AlignmentGuides(self.scene)
        kind = type(item)
        view_rect = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        others = [
            other.scene_rect()
            for other in self.scene.items(view_rect)
            if type(other) is kind and other is not item
        ]
        shifted = not self._guides.align(item, others, self.view.zoom).isNull()
        if shifted and isinstance(item, ComponentItem):
            item.update_connectors()

    def after_default_release(self) -> None:
        if self._guides is not None:
            self._guides.clear()
        moved = {}
        for element_id, start in self._start.items():
            item = self.scene.item_for(element_id)
            if item is not None and item.pos() != start:
                moved[element_id] = (item.pos().x(), item.pos().y())
        self._start = {}
        if moved:
            self.editor.move_to(moved)

    def cancel(self) -> None:
        if self._connect is not None:
            self._connect.cancel()
            self._connect = None
        if self._reattach is not None:
            self._reattach[2].cancel()
            self._reattach = None


class ConnectTool(Tool):
    """Drag from anywhere on a component to another one."""

    name = "connect"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, view: BoardView) -> None:
        super().__init__(view)
        self._gesture: ConnectGesture | None = None

    def press(self, event: QMouseEvent) -> bool:
        item = self.scene.component_at(self.scene_pos(event), self.view.transform())
        if event.button() == Qt.MouseButton.LeftButton and item is not None:
            self._gesture = ConnectGesture(self, item)
            self._gesture.move(self.scene_pos(event))
        return True

    def move(self, event: QMouseEvent) -> bool:
        if self._gesture is not None:
            self._gesture.move(self.scene_pos(event))
        return True

    def release(self, event: QMouseEvent) -> bool:
        if self._gesture is not None:
            gesture, self._gesture = self._gesture, None
            gesture.finish(self.scene_pos(event))
        return True

    def cancel(self) -> None:
        if self._gesture is not None:
            self._gesture.cancel()
            self._gesture = None


class PenTool(Tool):
    name = "pen"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, view: BoardView) -> None:
        super().__init__(view)
        self._points: list[tuple[float, float]] = []
        self._preview: QGraphicsPathItem | None = None

    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return True
        pos = self.scene_pos(event)
        self._points = [(pos.x(), pos.y())]
        self._preview = QGraphicsPathItem()
        self._preview.setPen(
            QPen(self.scene.colors.ink, 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        )
        self._preview.setZValue(1e9)
        self.scene.addItem(self._preview)
        return True

    def move(self, event: QMouseEvent) -> bool:
        if self._preview is not None:
            pos = self.scene_pos(event)
            last = self._points[-1]
            if abs(pos.x() - last[0]) + abs(pos.y() - last[1]) >= 1.5:
                self._points.append((pos.x(), pos.y()))
                self._preview.setPath(stroke_path(self._points))
        return True

    def release(self, event: QMouseEvent) -> bool:
        if self._preview is not None:
            self.scene.removeItem(self._preview)
            self._preview = None
            if self._points:
                self.editor.add_stroke(self._points)
            self._points = []
        return True

    def cancel(self) -> None:
        if self._preview is not None:
            self.scene.removeItem(self._preview)
            self._preview = None
        self._points = []


class EraserTool(Tool):
    """Drag over pen strokes and free text to delete them (one undo step)."""

    name = "eraser"
    cursor = Qt.CursorShape.PointingHandCursor

    def __init__(self, view: BoardView) -> None:
        super().__init__(view)
        self._hits: list[str] = []
        self._active = False

    def _collect(self, event: QMouseEvent) -> None:
        pos = self.scene_pos(event)
        reach = 6 / max(self.view.zoom, 0.05)
        area = QPainterPath()
        area.addEllipse(pos, reach, reach)
        for item in self.scene.items(area):
            if isinstance(item, StrokeItem | TextItem) and item.element_id not in self._hits:
                self._hits.append(item.element_id)
                item.setOpacity(0.25)

    def press(self, event: QMouseEvent) -> bool:
        self._active = event.button() == Qt.MouseButton.LeftButton
        self._hits = []
        if self._active:
            self._collect(event)
        return True

    def move(self, event: QMouseEvent) -> bool:
        if self._active:
            self._collect(event)
        return True

    def release(self, event: QMouseEvent) -> bool:
        self._active = False
        hits, self._hits = self._hits, []
        if hits:
            self.editor.delete(hits)
            self._undim(hits)  # any the editor did not delete (review mode) look whole again
        return True

    def cancel(self) -> None:
        """Esc mid-drag: nothing is erased, and the dimmed strokes look whole again."""
        self._active = False
        hits, self._hits = self._hits, []
        self._undim(hits)

    def _undim(self, ids: list[str]) -> None:
        for element_id in ids:
            item = self.scene.item_for(element_id)
            if item is not None:
                item.setOpacity(1.0)


class TextTool(Tool):
    name = "text"
    cursor = Qt.CursorShape.IBeamCursor

    def press(self, event: QMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.LeftButton:
            # One note per use, as in Excalidraw and draw.io: back to Select at once
            # (the note being typed stays open).
            self.view.set_tool("select")
            self.view.start_text_note(self.scene_pos(event))
        return True


class ZoneTool(Tool):
    """Drag a rectangle to frame a zone ("Region A", "Write path")."""

    name = "zone"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, view: BoardView) -> None:
        super().__init__(view)
        self._origin: QPointF | None = None
        self._preview: QGraphicsRectItem | None = None

    def press(self, event: QMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.LeftButton:
            self._origin = self.scene_pos(event)
            self._preview = QGraphicsRectItem(QRectF(self._origin, self._origin))
            self._preview.setPen(QPen(self.scene.colors.accent, 1.5, Qt.PenStyle.DashLine))
            self._preview.setZValue(1e9)
            self.scene.addItem(self._preview)
        return True

    def move(self, event: QMouseEvent) -> bool:
        if self._preview is not None and self._origin is not None:
            self._preview.setRect(QRectF(self._origin, self.scene_pos(event)).normalized())
        return True

    def release(self, event: QMouseEvent) -> bool:
        if self._preview is not None:
            rect = self._preview.rect()
            self.scene.removeItem(self._preview)
            self._preview = None
            zone_id = self.editor.add_zone(rect)
            self.view.set_tool("select")
            if zone_id is not None:
                self.view.edit_text(zone_id)
        return True

    def cancel(self) -> None:
        if self._preview is not None:
            self.scene.removeItem(self._preview)
            self._preview = None


TOOLS = {
    cls.name: cls for cls in (SelectTool, ConnectTool, PenTool, EraserTool, TextTool, ZoneTool)
}
TOOL_KEYS = {"V": "select", "C": "connect", "P": "pen", "E": "eraser", "T": "text", "Z": "zone"}
