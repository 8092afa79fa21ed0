"""A board as an Excalidraw drawing (``.excalidraw``, schema version 2).

Components are rectangles (ellipses for clients) with their label bound as text
and their kind in ``customData.sdiKind``, so that importing the file again gives
the same kinds without guessing. Connectors are arrows bound at both ends
(dashed when async, arrowheads as drawn), with bound label text. Zones are
frames, text notes free text, pen strokes freedraw lines.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from sdi_desktop.domain.board.elements import (
    Component,
    Connector,
    Element,
    Stroke,
    TextNote,
    Zone,
)
from sdi_desktop.domain.interop.excalidraw_import import KIND_KEY, TYPE_KEY
from sdi_desktop.domain.interop.geometry import Box, border_point

SOURCE = "https://github.com/sdi-desktop"  # the app that wrote the file
FONT_SIZE = 16
ELLIPSES = ("client", "mobile")


def _seed(text: str) -> int:
    return zlib.crc32(text.encode()) & 0x7FFFFFFF


def _base(element_id: str, kind: str, x: float, y: float, w: float, h: float) -> dict[str, Any]:
    return {
        "id": element_id,
        "type": kind,
        "x": x,
        "y": y,
        "width": w,
        "height": h,
        "angle": 0,
        "strokeColor": "#1e1e1e",
        "backgroundColor": "transparent",
        "fillStyle": "solid",
        "strokeWidth": 2,
        "strokeStyle": "solid",
        "roughness": 1,
        "opacity": 100,
        "groupIds": [],
        "frameId": None,
        "roundness": None,
        "seed": _seed(element_id),
        "version": 1,
        "versionNonce": _seed(element_id + "n"),
        "isDeleted": False,
        "boundElements": [],
        "updated": 1,
        "link": None,
        "locked": False,
    }


def _text(element_id: str, text: str, box: Box, container: str | None, size: float) -> dict:
    lines = text.splitlines() or [""]
    height = len(lines) * size * 1.25
    width = max(len(line) for line in lines) * size * 0.55 or size
    x, y = box.x, box.y
    if container is not None:
        x, y = box.center[0] - width / 2, box.center[1] - height / 2
    data = _base(element_id, "text", x, y, width, height)
    data.update(
        text=text,
        originalText=text,
        fontSize=size,
        fontFamily=1,
        textAlign="center" if container else "left",
        verticalAlign="middle" if container else "top",
        containerId=container,
        autoResize=True,
        lineHeight=1.25,
        strokeColor="#1e1e1e",
    )
    return data


def to_excalidraw_data(elements: list[Element]) -> dict[str, Any]:
    out: list[dict[str, Any]] = []
    boxes: dict[str, Box] = {}
    shapes: dict[str, dict] = {}
    for e in elements:
        if isinstance(e, Zone):
            frame = _base(e.id, "frame", e.x, e.y, e.w, e.h)
            frame["name"] = e.title
            out.append(frame)
    for e in elements:
        if isinstance(e, Component):
            box = boxes[e.id] = Box(e.x, e.y, e.w, e.h)
            shape = _base(e.id, "ellipse" if e.kind in ELLIPSES else "rectangle", *box)
            shape["roundness"] = None if e.kind in ELLIPSES else {"type": 3}
            shape["customData"] = {KIND_KEY: e.kind}
            shapes[e.id] = shape
            out.append(shape)
            if e.label:
                label_id = f"{e.id}-label"
                shape["boundElements"].append({"type": "text", "id": label_id})
                out.append(_text(label_id, e.label, box, e.id, FONT_SIZE))
    for e in elements:
        if isinstance(e, Connector):
            out.extend(_arrow(e, boxes, shapes))
        elif isinstance(e, TextNote):
            note = _text(e.id, e.text, Box(e.x, e.y, 0, 0), None, round(e.size / 0.75))
            note["customData"] = {TYPE_KEY: "note"}  # stays a note, over a shape or not
            out.append(note)
        elif isinstance(e, Stroke):
            out.append(_freedraw(e))
    return {
        "type": "excalidraw",
        "version": 2,
        "source": SOURCE,
        "elements": out,
        "appState": {"viewBackgroundColor": "#ffffff", "gridSize": None},
        "files": {},
    }


def to_excalidraw(elements: list[Element]) -> str:
    return json.dumps(to_excalidraw_data(elements), indent=2, ensure_ascii=False) + "\n"


def _arrow(c: Connector, boxes: dict[str, Box], shapes: dict[str, dict]) -> list[dict]:
    a, b = boxes[c.source], boxes[c.target]
    start = border_point(a, b.center)
    end = border_point(b, a.center)
    if c.source == c.target:  # a loop: out of the top, back in on the right
        start = (a.x + a.w / 2, a.y)
        end = (a.x + a.w, a.y + a.h / 2)
    x, y = start
    points = [[0.0, 0.0], [end[0] - x, end[1] - y]]
    if c.source == c.target:
        points.insert(1, [a.w / 2 + 40, -40])
    arrow = _base(c.id, "arrow", x, y, abs(end[0] - x), abs(end[1] - y))
    arrow.update(
        points=points,
        lastCommittedPoint=None,
        startBinding={"elementId": c.source, "focus": 0, "gap": 4},
        endBinding={"elementId": c.target, "focus": 0, "gap": 4},
        startArrowhead="arrow" if c.arrows == "both" else None,
        endArrowhead=None if c.arrows == "none" else "arrow",
        strokeStyle="dashed" if c.style == "async" else "solid",
        elbowed=False,
        roundness={"type": 2},
    )
    for end_id in {c.source, c.target}:
        shapes[end_id]["boundElements"].append({"type": "arrow", "id": c.id})
    out = [arrow]
    if c.label:
        label_id = f"{c.id}-label"
        arrow["boundElements"].append({"type": "text", "id": label_id})
        middle = Box(x + (end[0] - x) / 2, y + (end[1] - y) / 2, 0, 0)
        out.append(_text(label_id, c.label, middle, c.id, FONT_SIZE - 2))
    return out


def _freedraw(s: Stroke) -> dict:
    x0, y0 = s.points[0]
    xs = [p[0] for p in s.points]
    ys = [p[1] for p in s.points]
    data = _base(s.id, "freedraw", x0, y0, max(xs) - min(xs), max(ys) - min(ys))
    data.update(
        points=[[px - x0, py - y0] for px, py in s.points],
        pressures=[],
        simulatePressure=True,
        lastCommittedPoint=None,
        strokeWidth=s.width,
    )
    return data
