"""Reading draw.io diagrams: ``.drawio`` / ``.xml`` files, one page of them.

A file is an ``<mxfile>`` of ``<diagram>`` pages (each either an ``<mxGraphModel>``
or that model compressed: base64 of raw deflate of the URL-encoded XML), or a bare
``<mxGraphModel>``, or a ``.drawio.svg`` carrying the file in its ``content``. Cells
may be wrapped in ``<UserObject>`` or ``<object>`` (which then hold the id, the
label and any custom properties). Geometry of a cell inside a group or container
is relative to it; the importer makes it absolute before the shared rules in
``builder.py`` decide what becomes what.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from sdi_desktop.domain.interop.builder import BoardBuilder, FreeText, Link, Shape
from sdi_desktop.domain.interop.geometry import Box
from sdi_desktop.domain.interop.html_text import html_to_text
from sdi_desktop.domain.interop.kind_guess import Guess, guess_from_shape, guess_from_words
from sdi_desktop.domain.interop.report import ImportReport, ImportResult, InteropError
from sdi_desktop.domain.interop.safe_xml import UnsafeInput, inflate_page, parse_xml

KIND_ATTR = "sdiKind"  # on a UserObject: the component kind it was exported as
TYPE_ATTR = "sdiType"  # "zone" on an exported zone, "note" on a text note
WRAPPERS = ("UserObject", "object")
CONTAINER_SHAPES = ("swimlane", "mxgraph.aws4.group", "mxgraph.aws4.groupcenter", "table")
NO_ARROW = ("none", "")


@dataclass
class Cell:
    id: str
    parent: str | None
    value: str = ""
    style: dict[str, str] = field(default_factory=dict)
    name: str = ""  # the style's leading bare word: "text", "ellipse", "group"...
    vertex: bool = False
    edge: bool = False
    source: str | None = None
    target: str | None = None
    geo: Box | None = None
    points: list[tuple[float, float]] = field(default_factory=list)
    source_point: tuple[float, float] | None = None
    target_point: tuple[float, float] | None = None
    attrs: dict[str, str] = field(default_factory=dict)  # a wrapper's properties
    relative: bool = False  # geometry in fractions of the parent (icons placed on a card)

    @property
    def shape(self) -> str:
        return (self.style.get("shape") or self.name).lower()


def page_names(root: ET.Element) -> list[str]:
    diagrams = root.findall("diagram") if root.tag == "mxfile" else []
    return [d.get("name") or f"Page-{i + 1}" for i, d in enumerate(diagrams)] or ["Page-1"]


def read_drawio(root: ET.Element, report: ImportReport, page: int | None = None) -> ImportResult:
    report.format = "drawio"
    source = report.source
    model = _page_model(root, report, page)
    builder = BoardBuilder(report)
    cells = _cells(model, source)
    builder.known.update(cells)
    _read_cells(cells, builder)
    return builder.build()


# -- pages --------------------------------------------------------------------------------
def _page_model(root: ET.Element, report: ImportReport, page: int | None) -> ET.Element:
    source = report.source
    if root.tag.rsplit("}", 1)[-1] == "svg":
        content = root.get("content")
        if not content:
            raise InteropError(f"{source}: an SVG image without a draw.io diagram inside")
        try:
            root = parse_xml(content)
        except UnsafeInput as exc:
            raise InteropError(f"{source}: the diagram inside the SVG is {exc}") from None
    if root.tag == "mxGraphModel":
        report.pages = ["Page-1"]
        return root
    if root.tag == "diagram":
        diagrams = [root]
    elif root.tag == "mxfile":
        diagrams = root.findall("diagram")
        if not diagrams:
            raise InteropError(f"{source}: a draw.io file with no pages")
    else:
        raise InteropError(f"{source}: not a draw.io diagram (its XML starts with <{root.tag}>)")
    report.pages = [d.get("name") or f"Page-{i + 1}" for i, d in enumerate(diagrams)]
    index = 0 if page is None else page
    if not 0 <= index < len(diagrams):
        raise InteropError(
            f"{source}: has {len(diagrams)} page{'s' if len(diagrams) != 1 else ''}; "
            f"choose a page from 1 to {len(diagrams)}"
        )
    report.page = index
    diagram = diagrams[index]
    model = diagram.find("mxGraphModel")
    if model is not None:
        return model
    text = (diagram.text or "").strip()
    if not text:
        return ET.Element("mxGraphModel")
    name = report.pages[index]
    try:
        inner = parse_xml(inflate_page(text))
    except UnsafeInput as exc:
        raise InteropError(f"{source}: page {index + 1} ({name!r}): {exc}") from None
    if inner.tag != "mxGraphModel":
        raise InteropError(
            f"{source}: page {index + 1} ({name!r}) holds <{inner.tag}>, not a diagram"
        )
    return inner


# -- cells ----------------------------------------------------------------------------------
def _cells(model: ET.Element, source: str) -> dict[str, Cell]:
    root = model.find("root")
    cells: dict[str, Cell] = {}
    if root is None:
        return cells
    for n, node in enumerate(root):
        attrs: dict[str, str] = {}
        cell_node = node
        if node.tag in WRAPPERS:
            attrs = dict(node.attrib)
            cell_node = node.find("mxCell")
            if cell_node is None:
                continue
        elif node.tag != "mxCell":
            continue
        if cell_node.get("visible") == "0":
            continue  # hidden in draw.io: not part of the picture
        cell_id = attrs.get("id") or cell_node.get("id") or f"#{n}"
        cell = _cell(cell_id, cell_node, attrs)
        cells[cell_id] = cell
    return cells


def _cell(cell_id: str, node: ET.Element, attrs: dict[str, str]) -> Cell:
    style, name = _style(node.get("style") or "")
    value = attrs.get("label", node.get("value") or "") if attrs else node.get("value") or ""
    if attrs.get("placeholders") == "1":
        for key, replacement in attrs.items():
            value = value.replace(f"%{key}%", replacement)
    html = style.get("html")
    if html == "1" or (html is None and "<" in value and ">" in value):
        value = html_to_text(value)
    cell = Cell(
        id=cell_id,
        parent=node.get("parent"),
        value=value,
        style=style,
        name=name,
        vertex=node.get("vertex") == "1",
        edge=node.get("edge") == "1",
        source=node.get("source"),
        target=node.get("target"),
        attrs=attrs,
    )
    geo = node.find("mxGeometry")
    if geo is not None:
        cell.relative = geo.get("relative") == "1"
        x, y = _num(geo.get("x")), _num(geo.get("y"))
        cell.geo = Box(x, y, abs(_num(geo.get("width"))), abs(_num(geo.get("height"))))
        for point in geo.findall("mxPoint"):
            where = point.get("as")
            p = (_num(point.get("x")), _num(point.get("y")))
            if where == "sourcePoint":
                cell.source_point = p
            elif where == "targetPoint":
                cell.target_point = p
        array = geo.find("Array")
        if array is not None:
            cell.points = [(_num(p.get("x")), _num(p.get("y"))) for p in array.findall("mxPoint")]
    return cell


def _style(text: str) -> tuple[dict[str, str], str]:
    style: dict[str, str] = {}
    name = ""
    for part in text.split(";"):
        key, eq, value = part.partition("=")
        key = key.strip()
        if not key:
            continue
        if eq:
            style[key] = value.strip()
        elif not name:
            name = key
    return style, name


def _num(text: str | None) -> float:
    try:
        value = float(text) if text is not None else 0.0
    except ValueError:
        return 0.0
    return value if math.isfinite(value) else 0.0


# -- what each cell becomes -----------------------------------------------------------------
def _read_cells(cells: dict[str, Cell], builder: BoardBuilder) -> None:
    report = builder.report
    children: dict[str, list[Cell]] = {}
    for cell in cells.values():
        if cell.parent:
            children.setdefault(cell.parent, []).append(cell)
    offsets: dict[str, tuple[float, float]] = {}

    def origin(cell_id: str | None, depth: int = 0) -> tuple[float, float]:
        """The absolute position that the geometry of a child of ``cell_id`` is relative to."""
        parent = cells.get(cell_id) if cell_id else None
        if parent is None or not parent.vertex or parent.geo is None or depth > 50:
            return 0.0, 0.0
        if cell_id not in offsets:
            ox, oy = origin(parent.parent, depth + 1)
            offsets[cell_id] = (ox + parent.geo.x, oy + parent.geo.y)
        return offsets[cell_id]

    edge_labels: dict[str, list[str]] = {}
    parts: dict[str, list[Cell]] = {}  # a card -> the icons and labels drawn on it
    for cell in cells.values():
        parent = cells.get(cell.parent or "")
        if cell.vertex and parent is not None and parent.vertex and _is_part(cell):
            parts.setdefault(parent.id, []).append(cell)
            builder.aliases[cell.id] = parent.id
    for cell in cells.values():
        if not cell.vertex or cell.id in builder.aliases:
            continue
        parent = cells.get(cell.parent or "")
        if parent is not None and parent.edge:  # a label placed on an edge
            if cell.value.strip():
                edge_labels.setdefault(parent.id, []).append(cell.value)
            continue
        if cell.geo is None:
            report.left_out["cell without geometry"] += 1
            continue
        ox, oy = origin(cell.parent)
        box = Box(cell.geo.x + ox, cell.geo.y + oy, cell.geo.w, cell.geo.h)
        _vertex(cell, box, children.get(cell.id, []), parts.get(cell.id, []), builder)
    for cell in cells.values():
        if cell.edge:
            _edge(cell, cells, origin, edge_labels.get(cell.id, []), builder)


def _is_part(cell: Cell) -> bool:
    """An icon or label drawn on a card (``part=1``, or placed relative to it): the card
    is the component, with the part's label and the kind its icon names."""
    return cell.style.get("part") == "1" or cell.relative


def _vertex(cell: Cell, box: Box, kids: list[Cell], parts: list[Cell], builder) -> None:
    report = builder.report
    shape = cell.shape
    if parts and not cell.value.strip():
        cell.value = "\n".join(p.value for p in parts if p.value.strip())
    if cell.attrs.get(TYPE_ATTR) == "zone":
        builder.add_shape(Shape(cell.id, box, label=cell.value, zone=True))
        return
    if shape == "text" or cell.name == "text":
        size = _num(cell.style.get("fontSize")) or 12.0
        note = cell.attrs.get(TYPE_ATTR) == "note"
        builder.add_text(FreeText(cell.id, cell.value, box, size, note=note))
        return
    if cell.name == "group" or shape == "group":
        if sum(1 for k in kids if k.vertex) >= 2:
            builder.add_shape(Shape(cell.id, box, label=cell.value, zone=True))
        return  # a group of one is no zone: its child stands for itself
    if shape in CONTAINER_SHAPES or cell.style.get("container") == "1":
        builder.add_shape(Shape(cell.id, box, label=cell.value, zone=True))
        return
    kind = cell.attrs.get(KIND_ATTR)
    guess = _style_guess(cell) or next(filter(None, (_part_guess(p) for p in parts)), None)
    if shape == "image" or cell.name == "image":
        image = cell.style.get("image", "")
        guess = guess or (None if image.startswith("data:") else guess_from_shape(image))
        if guess is None and not (cell.value.strip() and guess_from_words(cell.value)):
            report.images += 1
            return
    hollow = cell.style.get("fillColor") == "none" or cell.style.get("dashed") == "1"
    outline = shape in ("", "rect", "rounded", "label") and not cell.name.startswith("mxgraph")
    builder.add_shape(
        Shape(
            cell.id, box, label=cell.value, kind=kind, guess=guess, outline=outline, hollow=hollow
        )
    )


def _part_guess(part: Cell) -> Guess | None:
    image = part.style.get("image", "")
    found = _style_guess(part)
    if found is None and image and not image.startswith("data:"):
        found = guess_from_shape(image)
    return found


def _style_guess(cell: Cell) -> Guess | None:
    for name in (
        cell.style.get("resIcon"),
        cell.style.get("prIcon"),
        cell.style.get("shape"),
        cell.name,
    ):
        if name:
            found = guess_from_shape(name)
            if found is not None:
                return found
    return None


def _edge(cell: Cell, cells: dict[str, Cell], origin, labels: list[str], builder) -> None:
    ox, oy = origin(cell.parent)
    waypoints = [(x + ox, y + oy) for x, y in cell.points]

    def end(cell_id: str | None, point: tuple[float, float] | None):
        other = cells.get(cell_id) if cell_id else None
        if other is not None and other.geo is not None and other.vertex:
            px, py = origin(other.parent)
            return (px + other.geo.x + other.geo.w / 2, py + other.geo.y + other.geo.h / 2)
        return None if point is None else (point[0] + ox, point[1] + oy)

    start, finish = end(cell.source, cell.source_point), end(cell.target, cell.target_point)
    points = [p for p in (start, *waypoints, finish) if p is not None]
    start_arrow = cell.style.get("startArrow", "none").lower() not in NO_ARROW
    end_arrow = cell.style.get("endArrow", "classic").lower() not in NO_ARROW
    source, target = cell.source, cell.target
    if start_arrow and not end_arrow:
        source, target, arrows = target, source, "end"
    else:
        arrows = "both" if start_arrow and end_arrow else ("end" if end_arrow else "none")
    label = "\n".join(t for t in [cell.value, *labels] if t.strip())
    width = _num(cell.style.get("strokeWidth")) or 1.5
    builder.add_link(
        Link(
            cell.id,
            source,
            target,
            points,
            label=label,
            style="async" if cell.style.get("dashed") == "1" else "sync",
            arrows=arrows,
            width=width,
        )
    )
