"""A board as a draw.io file (uncompressed ``.drawio`` XML, one page).

Every component is a ``UserObject`` whose ``sdiKind`` keeps its kind (so an import
gives it back exactly) around a cell styled for that kind: a cylinder for the
data stores, a hexagon for traffic, an actor-less rounded box otherwise. Connectors
are edges between them (dashed when async); zones dashed containers behind them;
text notes text cells; pen strokes edges with only points.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from sdi_desktop.domain.board.elements import (
    Component,
    Connector,
    Element,
    Stroke,
    TextNote,
    Zone,
)
from sdi_desktop.domain.board.kinds import kind as kind_of
from sdi_desktop.domain.interop.drawio_import import KIND_ATTR, TYPE_ATTR

FILLS = {
    "edge": ("#dae8fc", "#6c8ebf"),
    "traffic": ("#e1d5e7", "#9673a6"),
    "compute": ("#d5e8d4", "#82b366"),
    "data": ("#ffe6cc", "#d79b00"),
    "messaging": ("#f8cecc", "#b85450"),
    "other": ("#f5f5f5", "#666666"),
}
CYLINDERS = ("sql_db", "nosql_db", "cache", "object_store", "search", "warehouse")
HEXAGONS = ("load_balancer", "api_gateway", "rate_limiter")


def component_style(kind_key: str) -> str:
    fill, stroke = FILLS.get(kind_of(kind_key).category, FILLS["other"])
    if kind_key in CYLINDERS:
        shape = "shape=cylinder3;boundedLbl=1;backgroundOutline=1;size=12;"
    elif kind_key in HEXAGONS:
        shape = "shape=hexagon;perimeter=hexagonPerimeter2;size=0.15;"
    elif kind_key == "queue":
        shape = "shape=mxgraph.flowchart.direct_data;"
    elif kind_key in ("client", "mobile"):
        shape = "ellipse;"
    else:
        shape = "rounded=1;"
    return f"{shape}whiteSpace=wrap;html=0;fillColor={fill};strokeColor={stroke};"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """Text without the characters XML 1.0 cannot hold (control codes, lone surrogates)."""
    return _NOT_XML.sub("", text)


def _geometry(parent: ET.Element, x: float, y: float, w: float, h: float) -> None:
    ET.SubElement(
        parent, "mxGeometry", x=_n(x), y=_n(y), width=_n(w), height=_n(h), **{"as": "geometry"}
    )


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def to_drawio(elements: list[Element], page_name: str = "Whiteboard") -> str:
    mxfile = ET.Element("mxfile", host="SDI Desktop", type="device")
    diagram = ET.SubElement(mxfile, "diagram", id="sdi-board", name=page_name)
    model = ET.SubElement(
        diagram, "mxGraphModel", grid="1", gridSize="10", guides="1", tooltips="1",
        connect="1", arrows="1", fold="1", page="0", pageScale="1", math="0", shadow="0",
    )  # fmt: skip
    root = ET.SubElement(model, "root")
    ET.SubElement(root, "mxCell", id="0")
    ET.SubElement(root, "mxCell", id="1", parent="0")
    ordered = sorted(elements, key=lambda e: {"zone": 0, "stroke": 1}.get(e.TYPE, 2))
    for e in ordered:
        if isinstance(e, Zone):
            wrapper = ET.SubElement(root, "UserObject", id=e.id, label=xml_text(e.title))
            wrapper.set(TYPE_ATTR, "zone")
            cell = ET.SubElement(
                wrapper, "mxCell", vertex="1", parent="1",
                style="rounded=1;arcSize=4;dashed=1;fillColor=none;verticalAlign=top;"
                "align=left;spacingLeft=8;html=0;",
            )  # fmt: skip
            _geometry(cell, e.x, e.y, e.w, e.h)
        elif isinstance(e, Component):
            wrapper = ET.SubElement(root, "UserObject", id=e.id, label=xml_text(e.label))
            wrapper.set(KIND_ATTR, e.kind)
            cell = ET.SubElement(
                wrapper, "mxCell", vertex="1", parent="1", style=component_style(e.kind)
            )
            _geometry(cell, e.x, e.y, e.w, e.h)
        elif isinstance(e, TextNote):
            wrapper = ET.SubElement(root, "UserObject", id=e.id, label=xml_text(e.text))
            wrapper.set(TYPE_ATTR, "note")  # stays a note, over a shape or not
            cell = ET.SubElement(
                wrapper, "mxCell", vertex="1", parent="1",
                style=f"text;html=0;align=left;verticalAlign=top;fontSize={_n(e.size)};",
            )  # fmt: skip
            lines = e.text.splitlines() or [""]
            _geometry(cell, e.x, e.y, max(len(x) for x in lines) * e.size * 0.6 + 8,
                      len(lines) * e.size * 1.4 + 4)  # fmt: skip
        elif isinstance(e, Stroke):
            _stroke(root, e)
    for e in ordered:
        if isinstance(e, Connector):
            start = "classic" if e.arrows == "both" else "none"
            end = "none" if e.arrows == "none" else "classic"
            dashed = "1" if e.style == "async" else "0"
            cell = ET.SubElement(
                root, "mxCell", id=e.id, value=xml_text(e.label), edge="1", parent="1",
                source=e.source, target=e.target,
                style=f"edgeStyle=none;html=0;startArrow={start};endArrow={end};dashed={dashed};",
            )  # fmt: skip
            ET.SubElement(cell, "mxGeometry", relative="1", **{"as": "geometry"})
    ET.indent(mxfile)
    return ET.tostring(mxfile, encoding="unicode") + "\n"


def _stroke(root: ET.Element, s: Stroke) -> None:
    cell = ET.SubElement(
        root, "mxCell", id=s.id, value="", edge="1", parent="1",
        style=f"endArrow=none;html=0;curved=1;strokeWidth={_n(s.width)};",
    )  # fmt: skip
    geo = ET.SubElement(cell, "mxGeometry", relative="1", **{"as": "geometry"})
    (x0, y0), (x1, y1) = s.points[0], s.points[-1]
    ET.SubElement(geo, "mxPoint", x=_n(x0), y=_n(y0), **{"as": "sourcePoint"})
    ET.SubElement(geo, "mxPoint", x=_n(x1), y=_n(y1), **{"as": "targetPoint"})
    if len(s.points) > 2:
        array = ET.SubElement(geo, "Array", **{"as": "points"})
        for x, y in s.points[1:-1]:
            ET.SubElement(array, "mxPoint", x=_n(x), y=_n(y))
