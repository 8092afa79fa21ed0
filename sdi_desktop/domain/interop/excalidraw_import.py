"""Reading Excalidraw drawings: ``.excalidraw`` files and Excalidraw's clipboard JSON.

Every schema generation in use reads the same way: 2020-2023 files (``strokeSharpness``,
``boundElementIds``, no ``index``), ``roundness`` objects, arrow bindings with
``focus``/``gap`` and the newer ``fixedPoint``/``mode`` ones, elbow arrows, and the
"skeleton" form that scripts write (``label: {text}`` on a shape, ``start``/``end``
on an arrow). Only what the rules in ``builder.py`` need is read; anything else
in an element is ignored, so fields a later Excalidraw adds do no harm.
"""

from __future__ import annotations

import math
from typing import Any

from sdi_desktop.domain.interop.builder import BoardBuilder, FreeText, Link, Shape
from sdi_desktop.domain.interop.excalidraw_icons import icon_groups
from sdi_desktop.domain.interop.geometry import normalised
from sdi_desktop.domain.interop.report import ImportReport, ImportResult, InteropError

SHAPES = ("rectangle", "ellipse", "diamond")
LINES = ("arrow", "line")
FRAMES = ("frame", "magicframe")
KIND_KEY = "sdiKind"  # in an element's customData: the component kind it was exported as
TYPE_KEY = "sdiType"  # "zone" for a zone drawn as a rectangle, "note" for a text note
DASHED = ("dashed", "dotted")


def read_excalidraw(data: Any, report: ImportReport) -> ImportResult:
    report.format = "excalidraw"
    elements = _elements(data, report.source)
    builder = BoardBuilder(report)
    live = [e for e in elements if isinstance(e, dict) and not e.get("isDeleted")]
    for e in elements:
        if not isinstance(e, dict):
            report.left_out["malformed element"] += 1
    by_id = {str(e["id"]): e for e in live if isinstance(e.get("id"), str | int)}
    # deleted elements are still "in the file": a binding to one is no dangling binding
    builder.known.update(
        str(e["id"]) for e in elements if isinstance(e, dict) and isinstance(e.get("id"), str | int)
    )
    bound: dict[str, list[str]] = {}  # container id -> texts bound to it
    in_icons: set[str] = set()
    for group, (box, label, members) in icon_groups(live).items():
        builder.add_shape(Shape(f"group:{group}", box, label=label))
        for member in members:
            builder.aliases[member] = f"group:{group}"
        in_icons.update(members)
    for e in live:
        kind = e.get("type")
        key = str(e.get("id", f"#{len(builder.known)}"))
        if key in in_icons:
            continue
        try:
            if kind == "text":
                _text(e, key, by_id, bound, builder)
            elif kind in SHAPES:
                builder.add_shape(_shape(e, key))
            elif kind in FRAMES:
                box = _box(e)
                name = e.get("name") if isinstance(e.get("name"), str) else ""
                builder.add_shape(Shape(key, box, label=name or "Frame", zone=True))
            elif kind in LINES:
                builder.add_link(_link(e, key))
            elif kind == "freedraw":
                builder.add_stroke(_points(e), _number(e, "strokeWidth", 2.0))
            elif kind == "image":
                report.images += 1
            else:
                report.left_out[str(kind or "element without a type")] += 1
        except _Skip as exc:
            report.left_out["malformed element"] += 1
            builder.warn(f"element {key!r} ({kind}): {exc}; left out")
    for container, texts in bound.items():
        text = "\n".join(texts)
        if container in builder.shapes:
            shape = builder.shapes[container]
            shape.label = f"{shape.label}\n{text}" if shape.label else text
        else:
            for link in builder.links:
                if link.key == container:
                    link.label = f"{link.label}\n{text}" if link.label else text
    return builder.build()


def _elements(data: Any, source: str) -> list[Any]:
    if not isinstance(data, dict):
        raise InteropError(f"{source}: not an Excalidraw drawing (the JSON is not an object)")
    kind = data.get("type")
    if kind == "excalidrawlib":
        raise InteropError(
            f"{source}: an Excalidraw library (shapes to reuse), not a drawing; "
            "place its shapes on a drawing in Excalidraw and save that"
        )
    elements = data.get("elements")
    if not isinstance(elements, list):
        raise InteropError(f"{source}: not an Excalidraw drawing (no 'elements' list)")
    return elements


class _Skip(Exception):
    pass


def _number(e: dict, name: str, default: float | None = None) -> float:
    value = e.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        if default is not None and value is None:
            return default
        raise _Skip(f"'{name}' is not a number")
    return float(value)


def _box(e: dict):
    return normalised(
        _number(e, "x"), _number(e, "y"), _number(e, "width", 0.0), _number(e, "height", 0.0)
    )


def _text_of(e: dict) -> str:
    original = e.get("originalText")
    text = original if isinstance(original, str) and original.strip() else e.get("text")
    return text if isinstance(text, str) else ""


def _shape(e: dict, key: str) -> Shape:
    custom = e.get("customData") if isinstance(e.get("customData"), dict) else {}
    label = ""
    skeleton = e.get("label")
    if isinstance(skeleton, dict) and isinstance(skeleton.get("text"), str):
        label = skeleton["text"]
    elif isinstance(e.get("text"), str):
        label = e["text"]
    hollow = e.get("backgroundColor") in (None, "transparent", "") or e.get("strokeStyle") in DASHED
    kind = custom.get(KIND_KEY)
    return Shape(
        key,
        _box(e),
        label=label,
        kind=kind if isinstance(kind, str) else None,
        zone=custom.get(TYPE_KEY) == "zone",
        outline=e.get("type") == "rectangle",
        hollow=hollow,
    )


def _text(e: dict, key: str, by_id: dict, bound: dict, builder: BoardBuilder) -> None:
    text = _text_of(e)
    container = e.get("containerId")
    if isinstance(container, str | int) and container != "":
        container = str(container)
        if container in by_id and by_id[container].get("type") in (*SHAPES, *LINES, *FRAMES):
            bound.setdefault(container, []).append(text)
            builder.aliases[key] = container
            return
        if container not in builder.known:
            builder.warn(
                f"text {key!r} is bound to element {container!r}, which is not in the file; "
                "it is kept as a text note"
            )
    custom = e.get("customData") if isinstance(e.get("customData"), dict) else {}
    size = _number(e, "fontSize", 20.0) * 0.75
    builder.add_text(FreeText(key, text, _box(e), size, note=custom.get(TYPE_KEY) == "note"))


def _points(e: dict) -> list[tuple[float, float]]:
    x0, y0 = _number(e, "x"), _number(e, "y")
    raw = e.get("points")
    if not isinstance(raw, list | None) or raw == []:
        raise _Skip("'points' is not a list of points")
    if raw is None:
        return [(x0, y0), (x0 + _number(e, "width", 0.0), y0 + _number(e, "height", 0.0))]
    points = []
    for p in raw:
        if (
            not isinstance(p, list | tuple)
            or len(p) < 2
            or not all(isinstance(v, int | float) and math.isfinite(v) for v in p[:2])
        ):
            raise _Skip("a point is not two numbers")
        points.append((x0 + float(p[0]), y0 + float(p[1])))
    return points


def _end(e: dict, binding: str, skeleton: str) -> str | None:
    value = e.get(binding)
    if isinstance(value, dict) and isinstance(value.get("elementId"), str | int):
        return str(value["elementId"])
    value = e.get(skeleton)
    if isinstance(value, dict) and isinstance(value.get("id"), str | int):
        return str(value["id"])
    return None


def _link(e: dict, key: str) -> Link:
    arrow = e.get("type") == "arrow"
    start_head = e.get("startArrowhead") if "startArrowhead" in e else None
    end_head = e.get("endArrowhead") if "endArrowhead" in e else ("arrow" if arrow else None)
    source, target = _end(e, "startBinding", "start"), _end(e, "endBinding", "end")
    if start_head and not end_head:  # drawn backwards: the arrow points at its start
        source, target = target, source
        arrows = "end"
    elif start_head and end_head:
        arrows = "both"
    else:
        arrows = "end" if end_head else "none"
    label = ""
    skeleton = e.get("label")
    if isinstance(skeleton, dict) and isinstance(skeleton.get("text"), str):
        label = skeleton["text"]
    return Link(
        key,
        source,
        target,
        _points(e),
        label=label,
        style="async" if e.get("strokeStyle") in DASHED else "sync",
        arrows=arrows,
        width=_number(e, "strokeWidth", 2.0),
    )
