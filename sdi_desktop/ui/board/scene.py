"""The whiteboard scene: a view of a BoardDocument.

It listens to the document's events and keeps one item per element (the
element-to-item map); it never changes the document itself.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from sdi_desktop.collector import collector_paused
from sdi_desktop.domain.board.document import BoardDocument
from sdi_desktop.domain.board.elements import (
    LAYERS,
    Component,
    Connector,
    Element,
    Stroke,
    TextNote,
)
from sdi_desktop.ui.board.items import (
    FULL,
    BoardItem,
    ComponentItem,
    ConnectorItem,
    EndHandles,
    ResizeHandle,
    StrokeItem,
    TextItem,
    ZoneItem,
)
from sdi_desktop.ui.board.style import LIGHT_BOARD, BoardColors

GRID = 24
LAYER_STEP = 10_000_000.0


class BoardScene(QGraphicsScene):
    contentChanged = Signal()

    def __init__(self, document: BoardDocument, parent=None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.document = document
        self.colors: BoardColors = LIGHT_BOARD
        self.snap_enabled = False
        self.detail = FULL
        self.items_by_id: dict[str, QGraphicsItem] = {}
        self.handle = ResizeHandle()
        self.addItem(self.handle)
        self.end_handles = EndHandles(self)
        document.added.connect(self._on_added)
        document.removed.connect(self._on_removed)
        document.changed.connect(self._on_changed)
        document.reordered.connect(self._restack)
        document.reset.connect(self.rebuild)
        self._styled_selection: set[QGraphicsItem] = set()
        self.selectionChanged.connect(self._on_selection_changed)
        self.rebuild()

    # -- mirroring the document ------------------------------------------------------
    def rebuild(self) -> None:
        for item in list(self.items_by_id.values()):
            self.removeItem(item)
        self.items_by_id.clear()
        # Loading 10,000 elements allocates some 100,000 objects, none of them garbage:
        # Python's cycle collector would walk the growing heap a few hundred times (a
        # seventh of the load). It runs once, after, instead.
        with collector_paused():
            for index, element in enumerate(self.document):
                self._create(element).setZValue(LAYERS[element.TYPE] * LAYER_STEP + index)
        self.contentChanged.emit()

    def _create(self, element: Element) -> QGraphicsItem:
        c = self.colors
        if isinstance(element, Component):
            item: QGraphicsItem = ComponentItem(element, c)
        elif isinstance(element, Connector):
            items, elements = self.items_by_id, self.document
            a, b = elements.get(element.source), elements.get(element.target)
            # the ends' boxes from the document, which the items mirror (cheaper than Qt's)
            ends = ((a.x, a.y, a.w, a.h), (b.x, b.y, b.w, b.h))
            item = ConnectorItem(element, items[element.source], items[element.target], c, ends)
        elif isinstance(element, TextNote):
            item = TextItem(element, c)
        elif isinstance(element, Stroke):
            item = StrokeItem(element, c)
        else:
            item = ZoneItem(element, c)
        if self.detail != FULL:
            item.set_detail(self.detail)
        self.items_by_id[element.id] = item
        self.addItem(item)
        return item

    def _on_added(self, element: Element, index: int) -> None:
        self._create(element)
        # Only the new item and those above it move up one place: appending (adding,
        # pasting, duplicating) stacks one item, not the whole board.
        self._restack(start=index)
        self.contentChanged.emit()

    def _on_removed(self, element: Element) -> None:
        item = self.items_by_id.pop(element.id)
        if isinstance(item, ConnectorItem):
            item.detach()
        if self.handle.target is item:
            self.handle.follow(None, self.colors)
        self.removeItem(item)
        self.contentChanged.emit()

    def _on_changed(self, element: Element, _old: dict) -> None:
        self._sync(element)
        if self.handle.target is self.items_by_id.get(element.id):
            self.handle.follow(self.handle.target, self.colors)
        self.contentChanged.emit()

    def _sync(self, element: Element) -> None:
        item = self.items_by_id[element.id]
        if isinstance(element, Connector):
            item.sync(
                element,
                self.items_by_id[element.source],
                self.items_by_id[element.target],
                self.colors,
            )
        else:
            item.sync(element, self.colors)

    def _restack(self, start: int = 0) -> None:
        """Z-values from the document's order (layer first), from place ``start`` up."""
        document, items = self.document, self.items_by_id
        for index, element_id in enumerate(document.order[start:], start):
            items[element_id].setZValue(LAYERS[document.get(element_id).TYPE] * LAYER_STEP + index)

    # -- appearance ----------------------------------------------------------------------
    def set_colors(self, colors: BoardColors) -> None:
        if colors == self.colors:
            return
        self.colors = colors
        for element in self.document:
            self._sync(element)
        self._update_handle()

    def set_detail(self, level: int) -> None:
        """How much to draw (labels, icons, arrowheads); the view picks it from the zoom."""
        if level == self.detail:
            return
        self.detail = level
        for item in self.items_by_id.values():
            item.set_detail(level)

    # -- helpers for the view and tools --------------------------------------------------
    def item_for(self, element_id: str) -> QGraphicsItem | None:
        return self.items_by_id.get(element_id)

    def selected_ids(self) -> list[str]:
        return [i.element_id for i in self.selectedItems() if isinstance(i, BoardItem)]

    def select_ids(self, ids) -> None:
        wanted = set(ids)
        self.clearSelection()
        for element_id in wanted:
            item = self.items_by_id.get(element_id)
            if item is not None:
                item.setSelected(True)

    def element_item_at(self, pos: QPointF, transform) -> QGraphicsItem | None:
        """The topmost element item under ``pos`` (children map to their parent)."""
        for item in self.items(pos, deviceTransform=transform):
            while item is not None and not isinstance(item, BoardItem):
                item = item.parentItem()
            if item is not None:
                return item
        return None

    def component_at(self, pos: QPointF, transform) -> ComponentItem | None:
        for item in self.items(pos, deviceTransform=transform):
            while item is not None and not isinstance(item, BoardItem):
                item = item.parentItem()
            if isinstance(item, ComponentItem):
                return item
        return None

    def content_rect(self, ids=None) -> QRectF:
        """Bounding rect of the given elements (default: all), in scene units."""
        rect = QRectF()
        items = (
            self.items_by_id.values()
            if ids is None
            else [self.items_by_id[i] for i in ids if i in self.items_by_id]
        )
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def snap(self, pos: QPointF) -> QPointF:
        return QPointF(round(pos.x() / GRID) * GRID, round(pos.y() / GRID) * GRID)

    def _on_selection_changed(self) -> None:
        """Restyle just the items whose selection changed (items have no itemChange)."""
        now = {i for i in self.selectedItems() if isinstance(i, BoardItem)}
        for item in now ^ self._styled_selection:
            if item.scene() is self and hasattr(item, "apply_selection_style"):
                item.apply_selection_style()
        self._styled_selection = now
        self._update_handle()

    def _update_handle(self) -> None:
        everything = self.selectedItems()
        only = everything[0] if len(everything) == 1 else None
        box = only if isinstance(only, ComponentItem | ZoneItem) else None
        self.handle.follow(box, self.colors)
        line = only if isinstance(only, ConnectorItem) else None
        self.end_handles.follow(line, self.colors)
