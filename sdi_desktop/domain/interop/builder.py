"""From what an importer read to the board's own elements, by one set of rules.

Importers describe a diagram in plain terms (shapes, links, free text, drawings)
and the builder applies the rules both formats share: which outlines are zones,
which free text labels which shape or arrow, which links are connectors (both
ends on components, two different ones: the board draws no loops) and which stay
drawings, what kind each component is. The
elements are then passed through the board codec (``file_format``), so an
imported board is validated exactly as an opened one is.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from sdi_desktop.domain.board import file_format
from sdi_desktop.domain.board.elements import (
    Component,
    Connector,
    Element,
    Stroke,
    TextNote,
    Zone,
    new_id,
)
from sdi_desktop.domain.board.kinds import KINDS_BY_KEY
from sdi_desktop.domain.interop.geometry import Box, GridIndex, bounds, distance_to_polyline
from sdi_desktop.domain.interop.kind_guess import Guess, guess_from_words
from sdi_desktop.domain.interop.report import ImportReport, ImportResult, InteropError

MIN_SIZE = 24.0
COMPONENT_MIN = (88.0, 52.0)
LIMIT = 1e6  # coordinates are kept well inside the board format's range
LINK_LABEL_DISTANCE = 28.0  # free text this close to an arrow is its label


@dataclass
class Shape:
    key: str  # the id in the source file
    box: Box
    label: str = ""
    kind: str | None = None  # a kind the file itself carries
    guess: Guess | None = None  # a kind the shape's style suggests
    zone: bool = False  # a frame, group or container: always a zone
    outline: bool = False  # may become a zone if it encloses other shapes
    hollow: bool = False  # unfilled or dashed: one enclosed shape is enough
    order: int = 0
    _texts: list[tuple[float, float, str]] = field(default_factory=list)


@dataclass
class Link:
    key: str
    source: str | None  # key of the shape at each end, None when unbound
    target: str | None
    points: list[tuple[float, float]]  # absolute, for the drawing when not a connector
    label: str = ""
    style: str = "sync"
    arrows: str = "end"
    width: float = 2.0


@dataclass
class FreeText:
    key: str
    text: str
    box: Box
    size: float = 14.0
    note: bool = False  # a text note the file says is one (SDI Desktop's exports): no label


class BoardBuilder:
    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.shapes: dict[str, Shape] = {}
        self.links: list[Link] = []
        self.texts: list[FreeText] = []
        self.strokes: list[tuple[list[tuple[float, float]], float]] = []
        self.known: set[str] = set()  # every id in the file, kept or not
        self.aliases: dict[str, str] = {}  # e.g. a bound text's id -> its shape's key

    # -- what importers call ----------------------------------------------------------
    def add_shape(self, shape: Shape) -> None:
        shape.order = len(self.shapes)
        self.shapes[shape.key] = shape

    def add_link(self, link: Link) -> None:
        self.links.append(link)

    def add_text(self, text: FreeText) -> None:
        if text.text.strip():
            self.texts.append(text)

    def add_stroke(self, points: list[tuple[float, float]], width: float = 2.5) -> None:
        if points:
            self.strokes.append((points, width))

    def warn(self, message: str) -> None:
        self.report.warnings.append(message)

    # -- the rules ----------------------------------------------------------------------
    def build(self) -> ImportResult:
        self._find_zones()
        self._place_free_text()
        self._promote_linked_text()
        zones = [s for s in self.shapes.values() if s.zone]
        components = [s for s in self.shapes.values() if not s.zone]
        ids = {s.key: new_id() for s in self.shapes.values()}
        elements: list[Element] = []
        for shape in zones:
            title = _clean(shape.label) or "Zone"
            elements.append(Zone(id=ids[shape.key], title=title, **_box(shape.box)))
        for points, width in self.strokes:
            elements.append(_stroke(points, width))
        for shape in components:
            elements.append(self._component(shape, ids[shape.key]))
        component_keys = {s.key for s in components}
        for link in self.links:
            ends = [self.aliases.get(k, k) if k else None for k in (link.source, link.target)]
            for end in ends:
                if end is not None and end not in self.known and end not in self.shapes:
                    self.warn(
                        f"arrow {link.key!r} points to element {end!r}, which is not in "
                        "the file; it is kept as a drawing"
                    )
            if all(e in component_keys for e in ends) and ends[0] != ends[1]:
                elements.append(
                    Connector(
                        source=ids[ends[0]],
                        target=ids[ends[1]],
                        label=_clean(link.label),
                        style=link.style,
                        arrows=link.arrows,
                    )
                )
            elif link.points:
                elements.append(_stroke(link.points, link.width))
                if link.label.strip():
                    c = bounds(link.points).center
                    self.texts.append(FreeText(link.key, link.label, Box(c[0], c[1], 0, 0)))
        for text in self.texts:
            size = min(max(text.size, 6.0), 200.0)
            elements.append(TextNote(text=text.text.strip(), x=text.box.x, y=text.box.y, size=size))
        elements = _moved_to_origin(elements)
        self._count(elements)
        try:
            return ImportResult(file_format.from_data(file_format.to_data(elements)), self.report)
        except file_format.BoardFormatError as exc:  # a rule above let something through
            raise InteropError(
                f"{self.report.source}: cannot build a board from it ({exc})"
            ) from None

    def _component(self, shape: Shape, element_id: str) -> Component:
        label = _clean(shape.label)
        if shape.kind in KINDS_BY_KEY:
            kind = shape.kind
            self.report.kept_from_file += 1
        else:
            guess = shape.guess or guess_from_words(label)
            kind = guess.kind if guess else "box"
            if guess is not None:
                self.report.guessed += 1
                self.report.guesses[element_id] = guess.reason
        return Component(id=element_id, kind=kind, label=label, **_box(_readable(shape.box)))

    def _find_zones(self) -> None:
        """An outline that encloses whole shapes (two, or one if it is hollow) is a zone."""
        candidates = sorted(self.shapes.values(), key=lambda s: s.box.x)
        xs = [s.box.x for s in candidates]
        for outline in [s for s in candidates if s.outline and not s.zone and s.kind is None]:
            box = outline.box
            lo = bisect.bisect_left(xs, box.x - 2)
            hi = bisect.bisect_right(xs, box.x + box.w + 2)
            inside = 0
            for other in candidates[lo:hi]:
                if (
                    other is not outline
                    and other.box.area < box.area
                    and box.contains_box(other.box)
                ):
                    inside += 1
                    if inside >= (1 if outline.hollow else 2):
                        outline.zone = True
                        break

    def _place_free_text(self) -> None:
        """Free text over a shape labels it; near the top of a zone titles it; close to
        an arrow labels the arrow; anything else stays a text note."""
        index: GridIndex[Shape] = GridIndex()
        for shape in self.shapes.values():
            index.add(shape.box, shape)
        link_index: GridIndex[Link] = GridIndex()
        for link in self.links:
            if link.points and not link.label:
                m = LINK_LABEL_DISTANCE
                b = bounds(link.points)
                link_index.add(Box(b.x - m, b.y - m, b.w + 2 * m, b.h + 2 * m), link)
        left: list[FreeText] = []
        for text in self.texts:
            if text.note:
                left.append(text)
                continue
            cx, cy = text.box.center
            probe = Box(cx, cy, 0, 0)
            over = [s for b, s in index.near(probe) if b.contains_point(cx, cy)]
            components = [s for s in over if not s.zone]
            if components:
                target = min(components, key=lambda s: s.box.area)
                if target.label.strip():
                    left.append(text)  # the shape has its own label: keep this as a note
                else:
                    target._texts.append((text.box.y, text.box.x, text.text))
                    self.aliases[text.key] = target.key  # an arrow bound to the text
                continue
            titled = [
                s for s in over if not s.label.strip() and cy <= s.box.y + max(48.0, s.box.h * 0.2)
            ]
            if titled:
                target = min(titled, key=lambda s: s.box.area)
                target._texts.append((text.box.y, text.box.x, text.text))
                continue
            near = [
                (distance_to_polyline(cx, cy, link.points), link)
                for _b, link in link_index.near(probe)
                if not link.label
            ]
            near = [(d, link) for d, link in near if d <= LINK_LABEL_DISTANCE]
            if near:
                min(near, key=lambda p: p[0])[1].label = text.text
                continue
            left.append(text)
        for shape in self.shapes.values():
            if shape._texts:
                shape.label = "\n".join(t for _y, _x, t in sorted(shape._texts))
        self.texts = left

    def _promote_linked_text(self) -> None:
        """Free text that an arrow is bound to is a node of the diagram: a component."""
        ends = {self.aliases.get(k, k) for link in self.links for k in (link.source, link.target)}
        kept: list[FreeText] = []
        for text in self.texts:
            if text.key in ends and text.key not in self.shapes:
                self.add_shape(Shape(text.key, text.box, label=text.text))
            else:
                kept.append(text)
        self.texts = kept

    def _count(self, elements: list[Element]) -> None:
        r = self.report
        for element in elements:
            if isinstance(element, Component):
                r.components += 1
            elif isinstance(element, Connector):
                r.connectors += 1
            elif isinstance(element, Zone):
                r.zones += 1
            elif isinstance(element, TextNote):
                r.notes += 1
            elif isinstance(element, Stroke):
                r.strokes += 1


def _readable(box: Box) -> Box:
    """An icon-sized box (both sides short: draw.io's cloud icons are 48 px squares with
    the label outside) grown about its centre to the size the board needs for an icon and
    a label; a long flat box (a table row) keeps its place among its neighbours."""
    if box.w >= COMPONENT_MIN[0] or box.h >= COMPONENT_MIN[1]:
        return box
    w, h = COMPONENT_MIN
    cx, cy = box.center
    return Box(cx - w / 2, cy - h / 2, w, h)


def _clean(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip().splitlines()).strip()


def _finite(value: float) -> float:
    return max(-LIMIT, min(LIMIT, value)) if math.isfinite(value) else 0.0


def _box(box: Box) -> dict[str, float]:
    return {
        "x": _finite(box.x),
        "y": _finite(box.y),
        "w": min(max(_finite(box.w), MIN_SIZE), LIMIT),
        "h": min(max(_finite(box.h), MIN_SIZE), LIMIT),
    }


def _stroke(points: list[tuple[float, float]], width: float) -> Stroke:
    width = min(max(width if math.isfinite(width) else 2.5, 0.5), 40.0)
    return Stroke(points=[(_finite(x), _finite(y)) for x, y in points], width=width)


def _moved_to_origin(elements: list[Element]) -> list[Element]:
    """The same elements with the drawing's top-left corner at (0, 0)."""
    xs: list[float] = []
    ys: list[float] = []
    for e in elements:
        if isinstance(e, Stroke):
            xs.extend(p[0] for p in e.points)
            ys.extend(p[1] for p in e.points)
        elif not isinstance(e, Connector):
            xs.append(e.x)
            ys.append(e.y)
    if not xs:
        return elements
    dx, dy = -min(xs), -min(ys)
    moved: list[Element] = []
    for e in elements:
        if isinstance(e, Stroke):
            moved.append(e.copy(points=tuple((x + dx, y + dy) for x, y in e.points)))
        elif isinstance(e, Connector):
            moved.append(e)
        else:
            moved.append(e.copy(x=e.x + dx, y=e.y + dy))
    return moved
