"""The whiteboard view: zoom, pan, a dotted grid, keys, drops, and the current tool."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from sdi_desktop.ui.board.editor import BoardEditor
from sdi_desktop.ui.board.items import (
    FULL,
    MINIMAL,
    REDUCED,
    BoardItem,
    ComponentItem,
    ConnectorItem,
    TextItem,
    ZoneItem,
)
from sdi_desktop.ui.board.scene import GRID, BoardScene
from sdi_desktop.ui.board.tools import TOOL_KEYS, TOOLS, SelectTool, Tool

COMPONENT_MIME = "application/x-sdi-component"
MIN_ZOOM, MAX_ZOOM = 0.05, 4.0
ZOOM_STEP = 1.2
NUDGE, BIG_NUDGE = 1.0, float(GRID)
DETAIL_FULL, DETAIL_REDUCED = 0.3, 0.12
MODIFIER_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta)
DIRECTIONS = {
    Qt.Key.Key_Right: "right",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Up: "up",
}


class BoardView(QGraphicsView):
    """The QGraphicsView of the whiteboard (object name ``whiteboardView``)."""

    zoomChanged = Signal(float)
    toolChanged = Signal(str)
    directionChosen = Signal(str)  # where the next Shift+Enter component goes
    diagramDropped = Signal(str, float, float)  # a diagram file dropped, at a scene point

    def __init__(self, editor: BoardEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor.scene, parent)
        # Our own viewport widget: Python knows its type, so calling viewport() never
        # makes PySide6 look up (and load) every QWidget subclass; and it takes drops.
        self._viewport = QWidget()
        self._viewport.setAcceptDrops(True)
        self._viewport.setMouseTracking(True)
        self.setViewport(self._viewport)
        self.setObjectName("whiteboardView")
        self.setAccessibleName("Whiteboard")
        self.editor = editor
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self.setSceneRect(QRectF(-50_000, -50_000, 100_000, 100_000))
        self.centerOn(0, 0)
        self._tools: dict[str, Tool] = {}
        self.tool: Tool = self._tool("select")
        self._panning: QPointF | None = None
        self._space_down = False
        self._text_editor = None  # created on first use
        self._fit_pending = False  # fit the board once the view has its real size
        # Right after a Shift+Enter component, Shift+arrows choose where the next one
        # goes (instead of nudging by a grid step); any other key ends that.
        self.beside_direction = "right"
        self.direction_armed = False
        self.setBackgroundBrush(editor.scene.colors.paper)

    @property
    def board_scene(self) -> BoardScene:
        return self.editor.scene

    # -- tools ---------------------------------------------------------------------------
    def _tool(self, name: str) -> Tool:
        if name not in self._tools:
            self._tools[name] = TOOLS[name](self)
        return self._tools[name]

    def set_tool(self, name: str) -> None:
        self.tool.cancel()
        self.tool = self._tool(name)
        self.setDragMode(
            QGraphicsView.DragMode.RubberBandDrag
            if name == "select"
            else QGraphicsView.DragMode.NoDrag
        )
        self.viewport().setCursor(self.tool.cursor)
        self.toolChanged.emit(name)

    # -- zoom --------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        """Zoom about the centre of the view (``zoom_at`` keeps a given point still)."""
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        if abs(zoom - self.zoom) < 1e-9:
            return
        factor = zoom / self.zoom
        self.scale(factor, factor)
        self._apply_detail()
        self.zoomChanged.emit(self.zoom)

    def _apply_detail(self) -> None:
        """Far out, skip what cannot be read anyway: labels below 30 %, antialiasing,
        icons and arrowheads below 12 %. Keeps large boards fluid."""
        zoom = self.zoom
        level = FULL if zoom >= DETAIL_FULL else (REDUCED if zoom >= DETAIL_REDUCED else MINIMAL)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, level == FULL)
        self.board_scene.set_detail(level)

    def zoom_at(self, zoom: float, viewport_pos: QPointF) -> None:
        """Zoom keeping the scene point under ``viewport_pos`` where it is."""
        point = viewport_pos.toPoint()
        before = self.mapToScene(point)
        self.set_zoom(zoom)
        after = self.mapToScene(point)
        self.centerOn(self.view_center() - (after - before))

    def zoom_in(self) -> None:
        self._fit_pending = False
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._fit_pending = False
        self.set_zoom(self.zoom / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self._fit_pending = False
        self.set_zoom(1.0)

    def zoom_to_fit(self) -> None:
        rect = self.board_scene.content_rect()
        if rect.isNull():
            self.set_zoom(1.0)
            self.centerOn(0, 0)
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        view = self.viewport().rect()
        zoom = min(view.width() / rect.width(), view.height() / rect.height())
        self.set_zoom(min(zoom, 1.5))
        self.centerOn(rect.center())

    def fit_when_shown(self) -> None:
        """A board just opened: show all of it, now and again when the view gets its
        real size (at start-up the window lays out after the board is loaded), until the
        user zooms, pans or clicks."""
        self._fit_pending = True
        self.zoom_to_fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit_pending:
            self.zoom_to_fit()

    def view_center(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    # -- background -----------------------------------------------------------------------
    def set_colors_from_scene(self) -> None:
        self.setBackgroundBrush(self.board_scene.colors.paper)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        zoom = self.zoom
        step = GRID
        while step * zoom < 12:  # keep dots at least 12 px apart when zoomed out
            step *= 2
        pen = QPen(self.board_scene.colors.grid, 2.0 / max(zoom, 0.01))
        painter.setPen(pen)
        left = int(rect.left()) - int(rect.left()) % step
        top = int(rect.top()) - int(rect.top()) % step
        points = [
            QPointF(x, y)
            for y in range(top, int(rect.bottom()) + step, step)
            for x in range(left, int(rect.right()) + step, step)
        ]
        painter.drawPoints(QPolygonF(points))

    # -- mouse ----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._fit_pending = False
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space_down and event.button() == Qt.MouseButton.LeftButton
        ):
            self._panning = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if not self.editor.gate.editable:  # review: look, pan and zoom only
            super().mousePressEvent(event)
            return
        if self.tool.press(event):
            event.accept()
            return
        super().mousePressEvent(event)
        if isinstance(self.tool, SelectTool):
            self.tool.after_default_press()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None:
            delta = event.position() - self._panning
            self._panning = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        if self.tool.move(event):
            event.accept()
            return
        if isinstance(self.tool, SelectTool) and event.buttons() == Qt.MouseButton.NoButton:
            self.viewport().setCursor(
                self.tool.hover_cursor(self.mapToScene(event.position().toPoint()))
            )
        super().mouseMoveEvent(event)
        if isinstance(self.tool, SelectTool) and event.buttons() & Qt.MouseButton.LeftButton:
            self.tool.after_default_move()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None:
            self._panning = None
            self.viewport().setCursor(
                Qt.CursorShape.OpenHandCursor if self._space_down else self.tool.cursor
            )
            event.accept()
            return
        if self.tool.release(event):
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if isinstance(self.tool, SelectTool):
            self.tool.after_default_release()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if isinstance(self.tool, SelectTool) and self.editor.gate.allows_edit():
            item = self.board_scene.element_item_at(
                self.mapToScene(event.position().toPoint()), self.transform()
            )
            if item is not None:
                self.edit_text(item.element_id)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._fit_pending = False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_at(self.zoom * ZOOM_STEP**steps, event.position())
            event.accept()
            return
        super().wheelEvent(event)

    # -- keys -------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._fit_pending = False
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        selected = self.board_scene.selected_ids()
        armed = self.direction_armed
        if key not in MODIFIER_KEYS:
            self.direction_armed = False
        if armed and key in DIRECTIONS and mods & Qt.KeyboardModifier.ShiftModifier:
            self.beside_direction = DIRECTIONS[key]
            self.direction_armed = True  # try another direction, until another key
            self.directionChosen.emit(self.beside_direction)
            event.accept()
            return
        if key == Qt.Key.Key_Tab and mods & Qt.KeyboardModifier.ControlModifier:
            # Tab cycles components on the board: Ctrl+Tab leaves it
            backwards = bool(mods & Qt.KeyboardModifier.ShiftModifier)
            super().focusNextPrevChild(not backwards)
            event.accept()
            return
        if key == Qt.Key.Key_Space and not event.isAutoRepeat() and plain:
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if (
            key in arrows
            and selected
            and not mods & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
        ):
            step = BIG_NUDGE if mods & Qt.KeyboardModifier.ShiftModifier else NUDGE
            dx, dy = arrows[key]
            self.editor.nudge(selected, dx * step, dy * step)
            event.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and selected:
            self.editor.delete(selected)
            event.accept()
            return
        if key == Qt.Key.Key_F2 and len(selected) == 1:
            self.edit_text(selected[0])
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.tool.cancel()
            if self.tool.name != "select":
                self.set_tool("select")
            else:
                self.board_scene.clearSelection()
            event.accept()
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and plain | bool(
            mods & Qt.KeyboardModifier.ShiftModifier
        ):
            self.zoom_in()
            event.accept()
            return
        if key == Qt.Key.Key_Minus and plain:
            self.zoom_out()
            event.accept()
            return
        text = event.text()
        editable = [
            i for i in selected if not isinstance(self.board_scene.item_for(i), ConnectorItem)
        ]
        if text and text.isprintable() and not mods & ~Qt.KeyboardModifier.ShiftModifier:
            if len(selected) == 1 and len(editable) == 1 and self.editor.gate.allows_edit():
                self.edit_text(selected[0], initial=text)  # just start typing
                event.accept()
                return
            if not selected and text.upper() in TOOL_KEYS:
                self.set_tool(TOOL_KEYS[text.upper()])
                event.accept()
                return
        super().keyPressEvent(event)
        if key == Qt.Key.Key_Space:
            event.accept()  # Space stays on the canvas: it never starts the clock from here

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().setCursor(self.tool.cursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusNextPrevChild(self, next_: bool) -> bool:
        """Tab and Shift+Tab select the next or previous component, in reading order
        (top to bottom, left to right), and bring it into view. An empty board lets
        the focus move on; Ctrl+Tab always does."""
        if self.cycle_components(1 if next_ else -1):
            return True
        return super().focusNextPrevChild(next_)

    def cycle_components(self, step: int) -> bool:
        document = self.editor.document
        components = sorted(document.components(), key=lambda c: (round(c.y / GRID), c.x))
        if not components:
            return False
        ids = [c.id for c in components]
        selected = [i for i in self.board_scene.selected_ids() if i in ids]
        index = (ids.index(selected[-1]) + step) % len(ids) if selected else 0
        if not selected and step < 0:
            index = len(ids) - 1
        self.board_scene.select_ids([ids[index]])
        self.bring_into_view(ids[index])
        return True

    def bring_into_view(self, element_id: str) -> None:
        item = self.board_scene.item_for(element_id)
        if item is not None:
            self.ensureVisible(item.sceneBoundingRect(), 40, 40)

    # -- in-place text editing ---------------------------------------------------------------------
    def edit_text(self, element_id: str, initial: str | None = None) -> None:
        from sdi_desktop.ui.board.label_editor import LabelEditor

        if not self.editor.gate.allows_edit():
            return
        if self._text_editor is None:
            self._text_editor = LabelEditor(self)
        item = self.board_scene.item_for(element_id)
        if item is not None:
            self._text_editor.begin(element_id, item, initial)

    def start_text_note(self, pos: QPointF) -> None:
        from sdi_desktop.ui.board.label_editor import LabelEditor

        if not self.editor.gate.allows_edit():
            return
        if self._text_editor is None:
            self._text_editor = LabelEditor(self)
        self._text_editor.begin_new_note(pos)

    @property
    def text_editor(self):
        return self._text_editor

    # -- palette drops ----------------------------------------------------------------------------
    def _diagram_file(self, event) -> str | None:
        from sdi_desktop.domain.interop.importer import SUFFIXES

        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
        return paths[0] if len(paths) == 1 and paths[0].lower().endswith(SUFFIXES) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(COMPONENT_MIME) or self._diagram_file(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(COMPONENT_MIME) or self._diagram_file(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        if data.hasFormat(COMPONENT_MIME):
            kind_key = bytes(data.data(COMPONENT_MIME)).decode()
            self.editor.add_component(kind_key, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
            self.setFocus()
            return
        path = self._diagram_file(event)
        if path:
            pos = self.mapToScene(event.position().toPoint())
            event.acceptProposedAction()
            self.diagramDropped.emit(path, pos.x(), pos.y())
            return
        super().dropEvent(event)

    # -- context menu --------------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        from sdi_desktop.ui.board.context_menu import build_context_menu

        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            # The Menu key or Shift+F10: the menu is for the selection, not for whatever
            # lies under the pointer or the view's middle, and opens beside it.
            item, at = self._keyboard_menu_target()
        else:
            pos = self.mapToScene(event.pos())
            item = self.board_scene.element_item_at(pos, self.transform())
            if item is not None and not item.isSelected():
                self.board_scene.clearSelection()
                item.setSelected(True)
            at = event.globalPos()
        menu = build_context_menu(self, item)
        if menu is not None:
            menu.exec(at)

    def _keyboard_menu_target(self) -> tuple[QGraphicsItem | None, QPoint]:
        """The selected element the focus is on (else the first selected one), and the
        screen point to open its menu at; no selection: the board's own menu, mid-view."""
        scene = self.board_scene
        selected = [i for i in scene.selectedItems() if isinstance(i, BoardItem)]
        focus = scene.focusItem()
        while focus is not None and focus not in selected:
            focus = focus.parentItem()
        item = focus or (selected[0] if selected else None)
        if item is None:
            return None, self.viewport().mapToGlobal(self.viewport().rect().center())
        where = self.mapFromScene(item.sceneBoundingRect().center())
        return item, self.viewport().mapToGlobal(where)


__all__ = ["COMPONENT_MIME", "BoardItem", "BoardView", "ComponentItem", "TextItem", "ZoneItem"]
