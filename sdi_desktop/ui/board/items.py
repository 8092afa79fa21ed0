"""Graphics items that show board elements. They hold no data of their own:
``sync()`` copies an element's fields in, and gestures report back through the
scene's editor.

Speed matters on boards of thousands of elements, so these items override no
virtual method that Qt calls often: painting stays in C++ (path, pixmap and text
items) and there is no ``itemChange`` (Qt calls it some twenty times per item
while a board loads). Selection styling and connectors following a drag are
driven by the scene and the select tool instead."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from sdi_desktop.domain.board.elements import Component, Connector, Stroke, TextNote, Zone
from sdi_desktop.domain.board.kinds import kind as kind_of
from sdi_desktop.ui.board.style import (
    CATEGORY_COLORS,
    ICON_SCALE,
    ICON_SIZE,
    BoardColors,
    icon_pixmap,
)

SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
MOVABLE = QGraphicsItem.GraphicsItemFlag.ItemIsMovable
SELECTABLE_MOVABLE = SELECTABLE | MOVABLE
SMOOTH = Qt.TransformationMode.SmoothTransformation
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
LABEL_FONT = QFont("DejaVu Sans", 10)
BADGE_FONT = QFont("DejaVu Sans", 9, QFont.Weight.Bold)
_metrics: list[QFontMetricsF] = []  # made on first use: fonts need a QGuiApplication


def _label_metrics() -> QFontMetricsF:
    if not _metrics:
        _metrics.append(QFontMetricsF(LABEL_FONT))
    return _metrics[0]


def _fit_label(text: str, width: float) -> str:
    """Wrap a label onto two lines at most, the second shortened with "…" if need be."""
    metrics = _label_metrics()
    if metrics.horizontalAdvance(text) <= width:
        return text
    words, first = text.split(), ""
    while words and metrics.horizontalAdvance((first + " " + words[0]).strip()) <= width:
        first = (first + " " + words.pop(0)).strip()
    if not first:  # one long word: cut it
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    rest = metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)
    return f"{first}\n{rest}"


RADIUS = 10.0


_rounded_paths: dict[tuple[float, float, float], QPainterPath] = {}


def _rounded(w: float, h: float, radius: float = RADIUS) -> QPainterPath:
    """A w x h rounded rectangle at the origin; shared, since most boxes have one size."""
    key = (w, h, radius)
    path = _rounded_paths.get(key)
    if path is None:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, w, h), radius, radius)
        if len(_rounded_paths) < 512:
            _rounded_paths[key] = path
    return path


FULL, REDUCED, MINIMAL = 2, 1, 0  # levels of detail, chosen by the view from the zoom
# Items whose data(OVERLAY_KEY) is true are on-screen aids (design-review markers):
# exports leave them out.
OVERLAY_KEY = 1


class BoardItem:
    """Mixin: the id of the element shown, and how much detail to draw."""

    element_id: str = ""

    def set_detail(self, level: int) -> None:
        """Zoomed far out, labels (and then icons and arrowheads) are not drawn."""


class ComponentItem(BoardItem, QGraphicsPathItem):
    count_badge: QGraphicsSimpleTextItem | None = None  # "x3", made when first needed

    def __init__(self, element: Component, colors: BoardColors) -> None:
        # Built directly rather than through sync(): a board of 10,000 components is
        # loaded in one go, and sync() would compare each field with an empty item.
        QGraphicsPathItem.__init__(self)
        self.element_id = element.id
        self.kind_key = element.kind
        self._colors = colors
        self.setFlags(SELECTABLE_MOVABLE)
        self.icon = QGraphicsPixmapItem(icon_pixmap(element.kind, colors.dark), self)
        self.icon.setTransformationMode(SMOOTH)
        self.icon.setScale(ICON_SCALE)
        self.label = QGraphicsSimpleTextItem(self)
        self.label.setFont(LABEL_FONT)
        self.label.setBrush(colors.ink)
        self.setBrush(colors.component_fill)
        self.setPen(_category_pen(colors.ink, kind_of(element.kind).category))  # not selected
        self.connectors: set[ConnectorItem] = set()
        self._full_label = element.label
        self._w, self._h = element.w, element.h
        self.setPath(_rounded(element.w, element.h))
        self._layout()
        self.setPos(element.x, element.y)
        if element.instances > 1:
            self._show_count(element.instances)
        self._show_tip(element.note)

    def sync(self, element: Component, colors: BoardColors) -> None:
        self._colors = colors
        self.kind_key = element.kind
        self.icon.setPixmap(icon_pixmap(self.kind_key, colors.dark))
        relabel = element.label != self._full_label
        self._full_label = element.label
        self.label.setBrush(colors.ink)
        self.setBrush(colors.component_fill)
        self._apply_pen()
        if not self.set_size(element.w, element.h) and relabel:
            self._layout()  # same size, new text: centre it again
        if self.pos() != QPointF(element.x, element.y):
            self.setPos(element.x, element.y)
            self.update_connectors()
        self._show_count(element.instances)
        self._show_tip(element.note)

    def _show_tip(self, note: str) -> None:
        """The full label when it is shortened, then the component's note."""
        tip = "\n".join(t for t in (self._full_label if self._elided else "", note) if t)
        if tip or self.toolTip():
            self.setToolTip(tip)

    def _show_count(self, count: int) -> None:
        """A small "x3" in the top-right corner when more than one instance runs."""
        if count > 1 and self.count_badge is None:
            self.count_badge = QGraphicsSimpleTextItem(self)
            self.count_badge.setFont(BADGE_FONT)
        if self.count_badge is not None:
            self.count_badge.setVisible(count > 1 and self.icon.isVisibleTo(self))
            self.count_badge.setText(f"x{count}")
            self.count_badge.setBrush(self._colors.accent)
            width = self.count_badge.boundingRect().width()
            self.count_badge.setPos(self._w - width - 6, 4)

    def set_size(self, w: float, h: float) -> bool:
        """Returns whether the size changed (and the contents were laid out again)."""
        if (w, h) == (self._w, self._h):
            return False
        self.prepareGeometryChange()
        self._w, self._h = w, h
        self.setPath(_rounded(w, h))
        self._layout()
        self.update_connectors()
        return True

    def update_connectors(self) -> None:
        for connector in self.connectors:
            connector.update_path()

    def set_detail(self, level: int) -> None:
        self.label.setVisible(level >= FULL)
        self.icon.setVisible(level >= REDUCED)
        if self.count_badge is not None:
            self.count_badge.setVisible(level >= REDUCED and self.count_badge.text() != "x1")

    def _layout(self) -> None:
        """Icon on top, label centred below it, shortened with "…" to fit the box."""
        w, h = self._w, self._h
        self.icon.setPos((w - ICON_SIZE) / 2, min(10.0, h * 0.12))
        label, full = self.label, self._full_label
        label.setText(full)  # most labels fit: the item's own layout measures them
        text = label.boundingRect()
        elided = False
        if text.width() > w - 12 or "\n" in full:
            shown = _fit_label(full, w - 12)
            elided = shown.replace("\n", " ") != full
            label.setText(shown)
            text = label.boundingRect()
        self._elided = elided  # whether the label is shortened (its tooltip says it whole)
        label.setPos((w - text.width()) / 2, min(h - text.height() - 6, ICON_SIZE + 14))

    def rect(self) -> QRectF:
        return QRectF(0, 0, self._w, self._h)

    def scene_rect(self) -> QRectF:
        return self.rect().translated(self.pos())

    def _apply_pen(self) -> None:
        if self.isSelected():
            self.setPen(_pen(self._colors.accent, 2.5))
        else:
            self.setPen(_category_pen(self._colors.ink, kind_of(self.kind_key).category))

    apply_selection_style = _apply_pen


_pens: dict[tuple[int, float, bool], QPen] = {}
_mixes: dict[tuple[int, str], QColor] = {}


def _pen(color: QColor, width: float, dashed: bool = False) -> QPen:
    """Shared pens: thousands of items, a handful of distinct pens."""
    key = (color.rgba(), width, dashed)
    pen = _pens.get(key)
    if pen is None:
        pen = QPen(color, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        _pens[key] = pen
    return pen


_category_pens: dict[tuple[int, str], QPen] = {}


def _category_pen(ink: QColor, category: str) -> QPen:
    """A component's border: its category's colour, mixed with the board's ink."""
    key = (ink.rgba(), category)
    pen = _category_pens.get(key)
    if pen is None:
        pen = _category_pens[key] = _pen(_mix(ink, CATEGORY_COLORS[category]), 1.6)
    return pen


def _mix(a: QColor, b_hex: str) -> QColor:
    key = (a.rgba(), b_hex)
    color = _mixes.get(key)
    if color is None:
        b = QColor(b_hex)
        color = QColor(
            (a.red() + b.red()) // 2, (a.green() + b.green()) // 2, (a.blue() + b.blue()) // 2
        )
        _mixes[key] = color
    return color


# Connector geometry works on plain floats: a board of 10,000 connectors is laid out at
# load, and each QPointF or QRectF made from Python costs more than the arithmetic.
Box = tuple[float, float, float, float]  # left, top, width, height, in scene units
XY = tuple[float, float]


def _border_point(box: Box, tx: float, ty: float) -> XY:
    """Where the line from the box's centre toward (tx, ty) leaves the box."""
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    half_w, half_h = w / 2 + 2, h / 2 + 2
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


def _elbow_points(a: Box, b: Box) -> list[XY]:
    """Right-angled segments from box ``a`` to box ``b``: out of the side facing
    ``b``, across at the halfway line, and into ``b``'s facing side. Boxes side by
    side (or one above the other) give a straight run."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    cax, cay, cbx, cby = ax + aw / 2, ay + ah / 2, bx + bw / 2, by + bh / 2
    dx, dy = cbx - cax, cby - cay
    gap = 2.0
    if abs(dx) >= abs(dy):  # mostly side by side: leave and enter horizontally
        sx = ax + aw + gap if dx >= 0 else ax - gap
        ex = bx - gap if dx >= 0 else bx + bw + gap
        if abs(cay - cby) < 0.5:
            return [(sx, cay), (ex, cby)]
        mid = (sx + ex) / 2
        return [(sx, cay), (mid, cay), (mid, cby), (ex, cby)]
    sy = ay + ah + gap if dy >= 0 else ay - gap
    ey = by - gap if dy >= 0 else by + bh + gap
    if abs(cax - cbx) < 0.5:
        return [(cax, sy), (cbx, ey)]
    mid = (sy + ey) / 2
    return [(cax, sy), (cax, mid), (cbx, mid), (cbx, ey)]


_COS, _SIN = math.cos(math.radians(24)), math.sin(math.radians(24))
ARROW_ROOM = 14.0  # line left free at each end for an arrowhead (11) and a margin


def _add_arrow_head(path: QPainterPath, tip: XY, tail: XY, size: float = 11.0) -> None:
    """A 48-degree arrowhead at ``tip`` pointing away from ``tail``, added to ``path``."""
    tx, ty = tip
    dx, dy = tail[0] - tx, tail[1] - ty
    length = math.hypot(dx, dy)
    if length == 0:
        return
    ux, uy = dx / length * size, dy / length * size
    path.moveTo(tx, ty)
    path.lineTo(tx + ux * _COS - uy * _SIN, ty + ux * _SIN + uy * _COS)
    path.lineTo(tx + ux * _COS + uy * _SIN, ty - ux * _SIN + uy * _COS)
    path.lineTo(tx, ty)


_line_looks: dict[tuple[int, float, bool], tuple[QPen, QBrush]] = {}


def _line_look(color: QColor, width: float, dashed: bool) -> tuple[QPen, QBrush]:
    """A connector's pen and the brush that fills its arrowheads, shared like the pens."""
    key = (color.rgba(), width, dashed)
    look = _line_looks.get(key)
    if look is None:
        look = _line_looks[key] = (_pen(color, width, dashed), QBrush(color))
    return look


class ConnectorItem(BoardItem, QGraphicsPathItem):
    # Made when first needed: most connectors have no label and are never selected.
    label: QGraphicsSimpleTextItem | None = None
    _tag: QGraphicsRectItem | None = None  # the label's background
    _heads: QGraphicsPathItem | None = None  # an elbow's arrowheads
    _overlay: QGraphicsPathItem | None = None  # the line, drawn when selected
    detail = FULL

    def __init__(
        self,
        element: Connector,
        source: ComponentItem,
        target: ComponentItem,
        colors: BoardColors,
        ends: tuple[Box, Box] | None = None,
    ) -> None:
        """``ends``: the boxes of source and target, when the caller has them at hand."""
        QGraphicsPathItem.__init__(self)
        self.element_id = element.id
        self.setFlags(SELECTABLE)  # its z-value comes from the scene, below the components
        self.source = source
        self.target = target
        self.arrows = element.arrows
        self.style = element.style
        self.routing = element.routing
        self._xy: list[XY] = []  # the line's corners, start to end
        source.connectors.add(self)
        target.connectors.add(self)
        self._colors = colors
        if element.label:
            self._set_label(element.label)
        self._apply_pen()
        self.update_path(ends)

    @property
    def points(self) -> list[QPointF]:
        """The line's corners, start to end."""
        return [QPointF(x, y) for x, y in self._xy]

    @property
    def start(self) -> QPointF:
        return QPointF(*self._xy[0])

    @property
    def end(self) -> QPointF:
        return QPointF(*self._xy[-1])

    def sync(
        self, element: Connector, source: ComponentItem, target: ComponentItem, colors: BoardColors
    ) -> None:
        self._colors = colors
        if source is not self.source or target is not self.target:
            self.detach()
            self.source, self.target = source, target
            source.connectors.add(self)
            target.connectors.add(self)
        self.arrows = element.arrows
        self.style = element.style
        self.routing = element.routing
        self._set_label(element.label)
        self._apply_pen()
        self.update_path()

    def detach(self) -> None:
        self.source.connectors.discard(self)
        self.target.connectors.discard(self)

    def _set_label(self, text: str) -> None:
        """The label sits on a small tag of paper colour, centred on the line."""
        if text and self._tag is None:
            self._tag = QGraphicsRectItem(self)
            self._tag.setPen(Qt.PenStyle.NoPen)
            self.label = QGraphicsSimpleTextItem(self._tag)
            self.label.setFont(LABEL_FONT)
            self.label.setPos(4, 1)
        if self._tag is not None:  # made together with its label
            self.label.setText(text)
            self.label.setBrush(self._colors.muted)
            rect = self.label.boundingRect()
            self._tag.setRect(0, 0, rect.width() + 8, rect.height() + 2)
            self._tag.setBrush(self._colors.paper)
            self._tag.setVisible(bool(text) and self.detail >= FULL)

    def _apply_pen(self) -> None:
        c = self._colors
        selected = self.isSelected()
        pen, fill = _line_look(
            c.accent if selected else c.ink, 2.2 if selected else 1.6, self.style == "async"
        )
        self.setPen(pen)
        # A straight line and its heads are one path, filled in the line's colour (the
        # line itself has no area). An elbow's corners would enclose an area: it is drawn
        # unfilled, its arrowheads by a child item.
        self.setBrush(NO_BRUSH if self.routing == "orthogonal" else fill)
        if self._heads is not None:
            self._heads.setPen(pen)
            self._heads.setBrush(fill)
        # Selected, the line is drawn by a child item and the connector itself paints
        # nothing: Qt would draw a dashed box round a selected path (a large box round
        # a diagonal line). No Python paint(): that would cost every frame of a big board.
        if selected or self._overlay is not None:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, selected)
        if selected and self._overlay is None:
            self._overlay = QGraphicsPathItem(self)
            self._overlay.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        if self._overlay is not None:
            self._overlay.setVisible(selected)
            self._overlay.setPen(pen)
            self._overlay.setBrush(self.brush())
            self._overlay.setPath(self.path())

    apply_selection_style = _apply_pen

    def update_path(self, ends: tuple[Box, Box] | None = None) -> None:
        if ends is None:
            source, target = self.source, self.target
            at = source.pos()
            a = (at.x(), at.y(), source._w, source._h)
            at = target.pos()
            b = (at.x(), at.y(), target._w, target._h)
        else:
            a, b = ends
        path = QPainterPath()
        elbow = self.routing == "orthogonal"
        if elbow:
            xy = self._xy = _elbow_points(a, b)
            path.moveTo(*xy[0])
            for x, y in xy[1:]:
                path.lineTo(x, y)
        else:
            start = _border_point(a, b[0] + b[2] / 2, b[1] + b[3] / 2)
            end = _border_point(b, a[0] + a[2] / 2, a[1] + a[3] / 2)
            xy = self._xy = [start, end]
            path.moveTo(*start)
            path.lineTo(*end)
        heads = QPainterPath() if elbow else path
        if self.detail >= REDUCED:
            if self.arrows in ("end", "both"):
                _add_arrow_head(heads, xy[-1], xy[-2])
            if self.arrows == "both":
                _add_arrow_head(heads, xy[0], xy[1])
        if elbow:
            self._elbow_heads().setPath(heads)
        elif self._heads is not None:
            self._heads.setPath(QPainterPath())
        self.setPath(path)
        if self._overlay is not None and self._overlay.isVisible():
            self._overlay.setPath(path)
        scene = self.scene()
        if scene is not None:
            handles = getattr(scene, "end_handles", None)
            if handles is not None and handles.target is self:
                handles.follow(self, self._colors)
        if self._tag is not None and self._tag.isVisible():
            self._place_tag()

    def _elbow_heads(self) -> QGraphicsPathItem:
        if self._heads is None:
            self._heads = QGraphicsPathItem(self)
            self._apply_pen()
        return self._heads

    def middle_segment(self) -> tuple[QPointF, QPointF]:
        """The segment that carries the label: the line, or an elbow's middle run."""
        middle = (len(self._xy) - 1) // 2
        return QPointF(*self._xy[middle]), QPointF(*self._xy[middle + 1])

    def _place_tag(self) -> None:
        """On the line's middle; beside it when the line is too short to show both its
        arrowhead and the tag (the tag would hide the whole connector)."""
        first, last = self.middle_segment()
        mid = (first + last) / 2
        rect = self._tag.rect()
        dx, dy = last.x() - first.x(), last.y() - first.y()
        length = math.hypot(dx, dy)
        # the length of line the tag covers, measured along the line
        along = (abs(dx) * rect.width() + abs(dy) * rect.height()) / length if length else 0.0
        if length < along + 2 * ARROW_ROOM:
            nx, ny = (-dy / length, dx / length) if length else (0.0, -1.0)
            if ny > 0 or (ny == 0 and nx > 0):
                nx, ny = -nx, -ny  # above (or left of) the line
            reach = (abs(nx) * rect.width() + abs(ny) * rect.height()) / 2 + 4
            mid = QPointF(mid.x() + nx * reach, mid.y() + ny * reach)
        self._tag.setPos(mid.x() - rect.width() / 2, mid.y() - rect.height() / 2)

    def set_detail(self, level: int) -> None:
        if level == self.detail:
            return
        arrows_change = (level >= REDUCED) != (self.detail >= REDUCED)
        self.detail = level
        if self.label is not None:
            self._tag.setVisible(bool(self.label.text()) and level >= FULL)
            if level >= FULL:
                self.update_path()
        if arrows_change:
            self.update_path()

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        line = QPainterPath()
        line.moveTo(*self._xy[0])
        for x, y in self._xy[1:]:
            line.lineTo(x, y)
        return stroker.createStroke(line)


class TextItem(BoardItem, QGraphicsSimpleTextItem):
    def __init__(self, element: TextNote, colors: BoardColors) -> None:
        QGraphicsSimpleTextItem.__init__(self)
        self.element_id = element.id
        self.setFlags(SELECTABLE_MOVABLE)
        self.sync(element, colors)

    def sync(self, element: TextNote, colors: BoardColors) -> None:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(element.size * 0.75)
        self.setFont(font)
        self.setText(element.text)
        self.setBrush(colors.ink)
        if self.pos() != QPointF(element.x, element.y):
            self.setPos(element.x, element.y)


class StrokeItem(BoardItem, QGraphicsPathItem):
    def __init__(self, element: Stroke, colors: BoardColors) -> None:
        QGraphicsPathItem.__init__(self)
        self.element_id = element.id
        self.setFlags(SELECTABLE_MOVABLE)
        self.sync(element, colors)

    def sync(self, element: Stroke, colors: BoardColors) -> None:
        self.setPos(0, 0)
        self.setPath(stroke_path(element.points))
        color = colors.accent if element.color == "accent" else colors.ink
        pen = QPen(color, element.width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setPen(pen)


def stroke_path(points) -> QPainterPath:
    path = QPainterPath()
    if points:
        path.moveTo(*points[0])
        for x, y in points[1:]:
            path.lineTo(x, y)
        if len(points) == 1:
            path.lineTo(points[0][0] + 0.01, points[0][1])
    return path


class ZoneItem(BoardItem, QGraphicsPathItem):
    def __init__(self, element: Zone, colors: BoardColors) -> None:
        QGraphicsPathItem.__init__(self)
        self.element_id = element.id
        self.setFlags(SELECTABLE_MOVABLE)
        self.title = QGraphicsSimpleTextItem(self)
        title_font = QFont(LABEL_FONT)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setPos(12, 8)
        self._w = self._h = 0.0
        self.sync(element, colors)

    def sync(self, element: Zone, colors: BoardColors) -> None:
        self._colors = colors
        self.title.setText(element.title)
        self.title.setBrush(colors.muted)
        self.setBrush(colors.zone_fill)
        self._apply_pen()
        self.set_size(element.w, element.h)
        if self.pos() != QPointF(element.x, element.y):
            self.setPos(element.x, element.y)

    def set_size(self, w: float, h: float) -> None:
        self._w, self._h = w, h
        self.setPath(_rounded(w, h, 14))

    def set_detail(self, level: int) -> None:
        self.title.setVisible(level >= REDUCED)

    def rect(self) -> QRectF:
        return QRectF(0, 0, self._w, self._h)

    def scene_rect(self) -> QRectF:
        return self.rect().translated(self.pos())

    def _apply_pen(self) -> None:
        c = self._colors
        selected = self.isSelected()
        self.setPen(_pen(c.accent if selected else c.zone_border, 2 if selected else 1.4, True))

    apply_selection_style = _apply_pen


class ResizeHandle(QGraphicsRectItem):
    """The grip at the bottom-right corner of the one selected component or zone."""

    SIZE = 10.0

    def __init__(self) -> None:
        super().__init__(0, 0, self.SIZE, self.SIZE)
        self.setZValue(10_000_000)
        self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        self.target: ComponentItem | ZoneItem | None = None
        self.hide()

    def follow(self, item: ComponentItem | ZoneItem | None, colors: BoardColors) -> None:
        self.target = item
        if item is None:
            self.hide()
            return
        self.setBrush(colors.accent)
        self.setPen(QPen(colors.paper, 1.5))
        corner = item.scene_rect().bottomRight()
        self.setPos(corner.x() - self.SIZE / 2, corner.y() - self.SIZE / 2)
        self.show()


class EndHandles:
    """Two dots at the ends of the one selected connector: drag one to re-attach."""

    RADIUS = 5.0

    def __init__(self, scene) -> None:
        self.target: ConnectorItem | None = None
        self.dots = []
        for _ in range(2):
            dot = QGraphicsEllipseItem(-self.RADIUS, -self.RADIUS, 2 * self.RADIUS, 2 * self.RADIUS)
            dot.setZValue(10_000_000)
            dot.setCursor(Qt.CursorShape.CrossCursor)
            dot.hide()
            scene.addItem(dot)
            self.dots.append(dot)

    def follow(self, item: ConnectorItem | None, colors: BoardColors) -> None:
        self.target = item
        for dot, point in zip(
            self.dots, (item.start, item.end) if item else (None, None), strict=True
        ):
            if point is None:
                dot.hide()
                continue
            dot.setBrush(colors.paper)
            dot.setPen(QPen(colors.accent, 2))
            dot.setPos(point)
            dot.show()
