"""A board as a Mermaid ``flowchart``: typed shapes, sync and async arrows, zones as
subgraphs.

Each kind has a shape (databases and stores are cylinders, queues flags, streams
parallelograms, traffic hexagons, clients stadiums; the table is in
``docs/interop.md``) and a class named for it (``kind_cache``) in its category's
colours, so that the kind survives a trip through Mermaid. Ids come from the labels but
are made safe: never a keyword such as ``end``, never starting with ``o`` or ``x``
(``A---oB`` is an edge with a circle end), only ASCII letters, digits and ``_``.
Labels are always quoted, with Mermaid's ``#code;`` escapes for the characters that
would end or change them. Text notes and pen strokes have no place in a flowchart
and are left out (a comment says how many).
"""

from __future__ import annotations

import re
import unicodedata

from sdi_desktop.domain.board.elements import Component, Connector, Element, Zone
from sdi_desktop.domain.board.kinds import kind as kind_of
from sdi_desktop.domain.interop.geometry import Box

# kind -> (open, close) of the node's shape
SHAPES: dict[str, tuple[str, str]] = {
    "sql_db": ("[(", ")]"),
    "nosql_db": ("[(", ")]"),
    "cache": ("[(", ")]"),
    "object_store": ("[(", ")]"),
    "search": ("[(", ")]"),
    "warehouse": ("[(", ")]"),
    "queue": (">", "]"),
    "stream": ("[/", "/]"),
    "load_balancer": ("{{", "}}"),
    "api_gateway": ("{{", "}}"),
    "rate_limiter": ("{{", "}}"),
    "client": ("([", "])"),
    "mobile": ("([", "])"),
    "worker": ("[[", "]]"),
    "scheduler": ("[[", "]]"),
    "external": ("[/", "\\]"),
    "box": ("[", "]"),
}
ROUNDED = ("(", ")")  # services, web servers, DNS, CDN, auth, notification, monitoring
CATEGORY_STYLES = {
    "edge": "fill:#eef4ff,stroke:#3d6fb6",
    "traffic": "fill:#f3ecff,stroke:#7a52c7",
    "compute": "fill:#eaf7ee,stroke:#3c8a57",
    "data": "fill:#fff4e0,stroke:#b7791f",
    "messaging": "fill:#ffecef,stroke:#c2455a",
    "other": "fill:#f2f2f2,stroke:#666666",
}
CLASS_PREFIX = "kind_"  # a class per kind: the colour of its category, and the kind kept
# (style, arrows) -> the link between two ids
LINKS = {
    ("sync", "end"): "-->",
    ("sync", "both"): "<-->",
    ("sync", "none"): "---",
    ("async", "end"): "-.->",
    ("async", "both"): "<-.->",
    ("async", "none"): "-.-",
}
RESERVED = (
    "end", "subgraph", "graph", "flowchart", "style", "classdef", "class", "click",
    "linkstyle", "default", "direction", "call", "href", "interpolate", "callback",
    "accdescr", "acctitle",
)  # fmt: skip
_ESCAPES = {'"': "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "`": "#96;", "|": "#124;"}
_ESCAPE_RE = re.compile('["#<>`|]')


def escape_label(text: str) -> str:
    """Text for inside Mermaid quotes: escapes, and line breaks as <br>."""
    lines = [_ESCAPE_RE.sub(lambda m: _ESCAPES[m.group()], line) for line in text.splitlines()]
    joined = "<br>".join(line.replace("&", "#amp;") for line in lines).strip()
    return joined or " "


def safe_id(text: str, taken: set[str]) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = "_".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))[:32].strip("_")
    if not slug or not slug[0].isalpha() or slug[0] in "ox" or slug.startswith(RESERVED):
        slug = f"n_{slug}" if slug else "n"
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}_{n}", n + 1
    taken.add(candidate)
    return candidate


def node_shape(kind_key: str) -> tuple[str, str]:
    return SHAPES.get(kind_key, ROUNDED)


def mermaid_ids(elements: list[Element]) -> dict[str, str]:
    """The Mermaid id of each component and zone (board id -> Mermaid id)."""
    taken: set[str] = set()
    ids = {
        c.id: safe_id(c.label or kind_of(c.kind).label, taken)
        for c in elements
        if isinstance(c, Component)
    }
    ids.update({z.id: safe_id(f"zone {z.title}", taken) for z in elements if isinstance(z, Zone)})
    return ids


def to_mermaid(elements: list[Element]) -> str:
    components = [e for e in elements if isinstance(e, Component)]
    connectors = [e for e in elements if isinstance(e, Connector)]
    zones = [e for e in elements if isinstance(e, Zone)]
    others = len(elements) - len(components) - len(connectors) - len(zones)
    ids = mermaid_ids(elements)
    lines = [f"flowchart {_direction(components)}"]
    if others:
        lines.append(f"    %% {others} text note(s) and drawing(s) are not part of the flowchart")
    parent = _zone_parents(components, zones)
    children: dict[str | None, list[Element]] = {}
    for element in [*zones, *components]:
        children.setdefault(parent.get(element.id), []).append(element)

    def emit(owner: str | None, depth: int) -> None:
        pad = "    " * depth
        for element in children.get(owner, []):
            if isinstance(element, Zone):
                lines.append(f'{pad}subgraph {ids[element.id]}["{escape_label(element.title)}"]')
                emit(element.id, depth + 1)
                lines.append(f"{pad}end")
            else:
                opening, closing = node_shape(element.kind)
                label = escape_label(element.label)
                lines.append(f'{pad}{ids[element.id]}{opening}"{label}"{closing}')

    emit(None, 1)
    for c in connectors:
        link = LINKS.get((c.style, c.arrows), "-->")
        text = f'|"{escape_label(c.label)}"|' if c.label.strip() else ""
        lines.append(f"    {ids[c.source]} {link}{text} {ids[c.target]}")
    used = list(dict.fromkeys(c.kind for c in components))
    for key in used:
        style = CATEGORY_STYLES.get(kind_of(key).category, CATEGORY_STYLES["other"])
        lines.append(f"    classDef {CLASS_PREFIX}{key} {style}")
    for key in used:
        members = [ids[c.id] for c in components if c.kind == key]
        lines.append(f"    class {','.join(members)} {CLASS_PREFIX}{key}")
    return "\n".join(lines) + "\n"


def _direction(components: list[Component]) -> str:
    if not components:
        return "LR"
    width = max(c.x + c.w for c in components) - min(c.x for c in components)
    height = max(c.y + c.h for c in components) - min(c.y for c in components)
    return "LR" if width >= height else "TB"


def _zone_parents(components: list[Component], zones: list[Zone]) -> dict[str, str]:
    """Each component's and zone's innermost enclosing zone (by the component's centre)."""
    boxes = {z.id: Box(z.x, z.y, z.w, z.h) for z in zones}
    parent: dict[str, str] = {}
    for zone in zones:
        outer = [
            other for other in zones
            if other.id != zone.id and boxes[other.id].contains_box(boxes[zone.id], 0)
            and boxes[other.id].area > boxes[zone.id].area
        ]  # fmt: skip
        if outer:
            parent[zone.id] = min(outer, key=lambda z: boxes[z.id].area).id
    for c in components:
        cx, cy = c.x + c.w / 2, c.y + c.h / 2
        inside = [z for z in zones if boxes[z.id].contains_point(cx, cy)]
        if inside:
            parent[c.id] = min(inside, key=lambda z: boxes[z.id].area).id
    return parent
