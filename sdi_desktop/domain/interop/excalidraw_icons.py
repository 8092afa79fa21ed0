"""Small drawings grouped into one: an icon from an Excalidraw library (a server, a
database drawn as ellipses and lines) or a hand-drawn cylinder is one thing on the
diagram, so it becomes one component, not a heap of tiny boxes and strokes.

A group qualifies when its outermost group holds at least two shapes or lines, fits in
ICON_SIZE, and has no arrow and no bound text in it (a group with labelled boxes is a
part of the diagram, and its boxes stay components). The group's own free text is its
label; an arrow bound to any of its parts is bound to the icon.
"""

from __future__ import annotations

import math
from typing import Any

from sdi_desktop.domain.interop.geometry import Box, normalised

ICON_SIZE = 160.0
PARTS = ("rectangle", "ellipse", "diamond", "line", "freedraw")


def _finite(e: dict, name: str) -> float | None:
    value = e.get(name, 0.0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _box(e: dict) -> Box | None:
    values = [_finite(e, n) for n in ("x", "y", "width", "height")]
    if any(v is None for v in values):
        return None
    return normalised(*values)  # type: ignore[arg-type]


def icon_groups(live: list[dict[str, Any]]) -> dict[str, tuple[Box, str, list[str]]]:
    """Outermost group id -> (box, label, member ids) for each group drawn as one icon."""
    groups: dict[str, list[dict]] = {}
    for e in live:
        ids = e.get("groupIds")
        if isinstance(ids, list) and ids and isinstance(ids[-1], str):
            groups.setdefault(ids[-1], []).append(e)
    icons: dict[str, tuple[Box, str, list[str]]] = {}
    for group, members in groups.items():
        parts = [e for e in members if e.get("type") in PARTS]
        texts = [e for e in members if e.get("type") == "text"]
        if len(parts) < 2 or len(parts) + len(texts) != len(members):
            continue  # arrows, images or frames in it: not an icon
        if any(t.get("containerId") for t in texts):
            continue
        if any(_has_bound_text(e) for e in parts):
            continue
        boxes = [_box(e) for e in parts]
        if any(b is None for b in boxes):
            continue
        x0 = min(b.x for b in boxes)  # type: ignore[union-attr]
        y0 = min(b.y for b in boxes)  # type: ignore[union-attr]
        x1 = max(b.x + b.w for b in boxes)  # type: ignore[union-attr]
        y1 = max(b.y + b.h for b in boxes)  # type: ignore[union-attr]
        if max(x1 - x0, y1 - y0) > ICON_SIZE:
            continue
        ordered = sorted(texts, key=lambda t: (_finite(t, "y") or 0.0, _finite(t, "x") or 0.0))
        label = "\n".join(str(t.get("originalText") or t.get("text") or "") for t in ordered)
        ids = [str(e.get("id")) for e in members]
        icons[group] = (Box(x0, y0, x1 - x0, y1 - y0), label.strip(), ids)
    return icons


def _has_bound_text(e: dict) -> bool:
    bound = e.get("boundElements")
    return isinstance(bound, list) and any(
        isinstance(b, dict) and b.get("type") == "text" for b in bound
    )
