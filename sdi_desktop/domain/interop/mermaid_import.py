"""Reading a Mermaid ``flowchart`` (or ``graph``): nodes, edges, subgraphs.

Mermaid has no positions, so the nodes are laid out in layers along the chart's
direction (each node one layer after the nodes that point to it, cycles broken),
members of a subgraph kept together, and each subgraph becomes a zone around its
members. A node's kind comes from a ``kind_*`` class (what SDI Desktop writes),
else from its label's words, else from its shape (a cylinder is a database).
Recognised: every node shape (``[ ]``, ``( )``, ``([ ])``, ``[( )]``, ``[[ ]]``,
``(( ))``, ``> ]``, ``{ }``, ``{{ }}``, ``[/ /]`` and the other slants, ``@{ }``),
links of every kind (``-->``, ``---``, ``-.->``, ``==>``, ``<-->``, ``--o``, ``--x``,
``~~~``) with ``|text|`` or ``-- text -->`` labels, chains (``A --> B --> C``), ``&``,
``:::class``, ``class``, quoted labels with ``#code;`` escapes and ``<br>``. Other
statements (``style``, ``classDef``, ``click``...) are read past.
"""

from __future__ import annotations

import html
import re
from collections import deque
from dataclasses import dataclass, field

from sdi_desktop.domain.board.kinds import KINDS_BY_KEY
from sdi_desktop.domain.interop.builder import BoardBuilder, Link, Shape
from sdi_desktop.domain.interop.geometry import Box
from sdi_desktop.domain.interop.kind_guess import Guess, guess_from_words
from sdi_desktop.domain.interop.mermaid_export import CLASS_PREFIX
from sdi_desktop.domain.interop.report import ImportReport, ImportResult, InteropError

HEADER = re.compile(r"\s*(flowchart|graph|flowchart-elk)(?:\s+(TB|TD|BT|LR|RL))?\s*", re.I)
OTHER_DIAGRAMS = re.compile(
    r"^\s*(sequenceDiagram|classDiagram|stateDiagram(-v2)?|erDiagram|gantt|pie|journey|"
    r"gitGraph|mindmap|timeline|quadrantChart|requirementDiagram|C4\w+|sankey(-beta)?|"
    r"xychart(-beta)?|block(-beta)?|architecture(-beta)?|packet(-beta)?|kanban)\b"
)
_ID = r"[\w\u00c0-\uffff$]+"
# (open, close, kind guessed from the shape); longest openers first
SHAPES = [
    ("(((", ")))", None), ("([", "])", None), ("[(", ")]", "sql_db"), ("[[", "]]", None),
    ("((", "))", None), ("{{", "}}", None), ("[/", "/]", None), ("[\\", "\\]", None),
    ("[/", "\\]", None), ("[\\", "/]", None), ("[", "]", None), ("(", ")", None),
    ("{", "}", None), (">", "]", None),
]  # fmt: skip
NEW_SHAPES = {"cyl": "sql_db", "das": "sql_db", "h-cyl": "sql_db", "lin-cyl": "sql_db",
              "database": "sql_db", "db": "sql_db", "cylinder": "sql_db"}  # fmt: skip
LINK = re.compile(
    r"\s*(?P<head>[<ox])?(?P<body>-{2,}|-\.+-|={2,}|~{3,})(?P<tail>>|[ox](?=\s))?"
    r"(?:\s*\|(?P<pipe>[^|]*)\|)?"
)
TEXT_LINK = re.compile(
    r"\s*(?P<head>[<ox])?(?P<open>--|-\.|==)\s+(?P<text>\"[^\"]*\"|[^>|]*?)\s*"
    r"(?P<close>-{2,}|\.+-|={2,})(?P<tail>>|[ox](?=\s))?"
)
SKIP = re.compile(r"^(classDef|style|linkStyle|click|direction|accTitle|accDescr|%%)\b")
GAP_ALONG, GAP_ACROSS, NODE = 240.0, 150.0, (132.0, 76.0)


@dataclass
class _Node:
    id: str
    label: str | None = None
    shape_kind: str | None = None
    classes: list[str] = field(default_factory=list)
    zone: str | None = None


@dataclass
class _Chart:
    direction: str = "LR"
    nodes: dict[str, _Node] = field(default_factory=dict)
    edges: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    zones: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # id -> title, parent


def looks_like_mermaid(text: str) -> bool:
    first = _first_line(text)
    return bool(_is_header(first) or OTHER_DIAGRAMS.match(first))


def _is_header(line: str) -> bool:
    """``flowchart LR`` alone on its line (or before a ``;``), not prose that starts so."""
    return HEADER.fullmatch(line.split(";", 1)[0]) is not None


def _first_line(text: str) -> str:
    text = re.sub(r"^\s*---\n.*?\n---\s*\n", "", text, flags=re.DOTALL)  # front matter
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("%%"):
            return line
    return ""


def read_mermaid(text: str, report: ImportReport) -> ImportResult:
    report.format = "mermaid"
    first = _first_line(text)
    if not _is_header(first):
        kind = first.split()[0] if first.split() else "diagram"
        raise InteropError(f"{report.source}: a Mermaid {kind}; only flowcharts can be imported")
    chart = _parse(text, report)
    builder = BoardBuilder(report)
    positions = _layout(chart)
    for node in chart.nodes.values():
        x, y = positions[node.id]
        kind, guess = _kind(node)
        builder.add_shape(
            Shape(node.id, Box(x, y, *NODE), label=_label(node), kind=kind, guess=guess)
        )
    for zone_id, (title, _parent) in chart.zones.items():
        members = [positions[n.id] for n in chart.nodes.values() if _inside(chart, n, zone_id)]
        if members:
            x0 = min(p[0] for p in members) - 24
            y0 = min(p[1] for p in members) - 40
            x1 = max(p[0] for p in members) + NODE[0] + 24
            y1 = max(p[1] for p in members) + NODE[1] + 20
            builder.add_shape(Shape(f"zone:{zone_id}", Box(x0, y0, x1 - x0, y1 - y0),
                                    label=title, zone=True))  # fmt: skip
    for n, (a, b, label, style, arrows) in enumerate(chart.edges):
        pa, pb = positions[a], positions[b]
        points = [
            (pa[0] + NODE[0] / 2, pa[1] + NODE[1] / 2),
            (pb[0] + NODE[0] / 2, pb[1] + NODE[1] / 2),
        ]
        builder.add_link(Link(f"edge{n}", a, b, points, label=label, style=style, arrows=arrows))
    builder.known.update(chart.nodes)
    return builder.build()


def _inside(chart: _Chart, node: _Node, zone_id: str) -> bool:
    current = node.zone
    for _ in range(50):
        if current is None:
            return False
        if current == zone_id:
            return True
        current = chart.zones.get(current, ("", None))[1]
    return False


def _label(node: _Node) -> str:
    """A node's text: its label, or its id when it was never given one (``A --> B``)."""
    return node.id if node.label is None else node.label


def _kind(node: _Node) -> tuple[str | None, Guess | None]:
    for cls in node.classes:
        if cls.startswith(CLASS_PREFIX) and cls[len(CLASS_PREFIX) :] in KINDS_BY_KEY:
            return cls[len(CLASS_PREFIX) :], None
    if guess_from_words(_label(node)) is None and node.shape_kind:
        return None, Guess(node.shape_kind, "shape cylinder")
    return None, None


# -- parsing ---------------------------------------------------------------------------------
def _statements(text: str):
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("%%"):
            continue
        yield from (s.strip() for s in _split_outside_quotes(line, ";") if s.strip())


def _split_outside_quotes(line: str, sep: str) -> list[str]:
    parts, current, quoted = [], [], False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _parse(text: str, report: ImportReport) -> _Chart:
    chart = _Chart()
    stack: list[str] = []
    statements = list(_statements(re.sub(r"^\s*---\n.*?\n---\s*\n", "", text, flags=re.DOTALL)))
    for number, statement in enumerate(statements):
        if number == 0:
            header = HEADER.fullmatch(statement)
            if header:
                chart.direction = (header.group(2) or "TB").upper()
                continue
        word = statement.split(None, 1)[0]
        if word == "subgraph":
            zone_id, title = _subgraph(statement[len("subgraph") :].strip(), len(chart.zones))
            chart.zones[zone_id] = (title, stack[-1] if stack else None)
            stack.append(zone_id)
        elif word == "end":
            if stack:
                stack.pop()
        elif word == "class":
            _classes(statement, chart)
        elif SKIP.match(statement):
            continue
        else:
            try:
                _chain(statement, chart, stack[-1] if stack else None)
            except ValueError as exc:
                report.warnings.append(f"line {statement[:40]!r}: {exc}; left out")
                report.left_out["unreadable statement"] += 1
    return chart


def _subgraph(rest: str, n: int) -> tuple[str, str]:
    found = re.match(rf"({_ID})\s*\[\s*(\"[^\"]*\"|[^\]]*)\s*\]", rest)
    if found:
        return found.group(1), _text(found.group(2))
    if re.fullmatch(_ID, rest):
        return rest, rest
    return f"subgraph{n}", _text(rest) or f"Subgraph {n + 1}"


def _classes(statement: str, chart: _Chart) -> None:
    parts = statement.split()
    if len(parts) >= 3:
        for node_id in parts[1].split(","):
            node = chart.nodes.get(node_id) or chart.nodes.setdefault(node_id, _Node(node_id))
            node.classes.append(parts[2])


def _chain(statement: str, chart: _Chart, zone: str | None) -> None:
    pos = 0
    previous: list[str] | None = None
    pending: tuple[str, str, str] | None = None
    while pos < len(statement):
        group, pos = _node_group(statement, pos, chart, zone)
        if previous is not None and pending is not None:
            label, style, arrows = pending
            for a in previous:
                for b in group:
                    if arrows == "start":
                        chart.edges.append((b, a, label, style, "end"))
                    elif arrows != "invisible":
                        chart.edges.append((a, b, label, style, arrows))
        previous, pending = group, None
        if pos >= len(statement):
            break
        pending, pos = _link(statement, pos)


def _node_group(s: str, pos: int, chart: _Chart, zone: str | None) -> tuple[list[str], int]:
    ids = []
    while True:
        node_id, pos = _node(s, pos, chart, zone)
        ids.append(node_id)
        amp = re.compile(r"\s*&\s*").match(s, pos)
        if not amp:
            return ids, pos
        pos = amp.end()


def _node(s: str, pos: int, chart: _Chart, zone: str | None) -> tuple[str, int]:
    found = re.compile(rf"\s*({_ID})").match(s, pos)
    if not found:
        raise ValueError(f"expected a node at {s[pos : pos + 12]!r}")
    node_id, pos = found.group(1), found.end()
    node = chart.nodes.get(node_id)
    if node is None:
        node = chart.nodes[node_id] = _Node(node_id, zone=zone)
    elif node.zone is None and zone is not None:
        node.zone = zone
    if s.startswith("@{", pos):
        close = s.find("}", pos)
        if close < 0:
            raise ValueError("an @{ } shape is not closed")
        body = s[pos + 2 : close]
        label = re.search(r"label\s*:\s*(\"[^\"]*\"|[^,}]+)", body)
        shape = re.search(r"shape\s*:\s*([\w-]+)", body)
        if label:
            node.label = _text(label.group(1))
        if shape:
            node.shape_kind = NEW_SHAPES.get(shape.group(1).lower())
        pos = close + 1
    else:
        for opening, closing, shape_kind in SHAPES:
            if s.startswith(opening, pos):
                text, end = _until(s, pos + len(opening), closing)
                if text is None:
                    continue
                node.label, node.shape_kind, pos = _text(text), shape_kind, end
                break
    classed = re.compile(r":::([\w-]+)").match(s, pos)
    if classed:
        node.classes.append(classed.group(1))
        pos = classed.end()
    return node_id, pos


def _until(s: str, pos: int, closing: str) -> tuple[str | None, int]:
    """The text from ``pos`` to ``closing`` (a quoted text may hold anything)."""
    rest = s[pos:]
    quoted = re.match(r"\s*\"([^\"]*)\"\s*", rest)
    if quoted and rest[quoted.end() :].startswith(closing):
        return '"' + quoted.group(1) + '"', pos + quoted.end() + len(closing)
    end = rest.find(closing)
    if end < 0:
        return None, pos
    return rest[:end], pos + end + len(closing)


def _link(s: str, pos: int) -> tuple[tuple[str, str, str], int]:
    found = TEXT_LINK.match(s, pos) or LINK.match(s, pos)
    if not found:
        raise ValueError(f"expected a link at {s[pos : pos + 12]!r}")
    parts = found.groupdict()
    body = parts.get("body") or (parts["open"] + parts["close"])
    label = _text(parts.get("pipe") or parts.get("text") or "")
    if body.startswith("~"):
        return ("", "sync", "invisible"), found.end()
    style = "async" if "." in body else "sync"
    head, tail = parts.get("head"), parts.get("tail")
    if head and tail:
        arrows = "both"
    elif tail:
        arrows = "end"
    elif head:
        arrows = "start"
    else:
        arrows = "none"
    return (label, style, arrows), found.end()


def _text(raw: str) -> str:
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    if len(text) >= 2 and text[0] == text[-1] == "`":
        text = text[1:-1]  # a Markdown string
    text = re.sub(r"#(\d+);", lambda m: f"&#{m.group(1)};", text)
    text = re.sub(r"#([a-zA-Z]+);", lambda m: f"&{m.group(1)};", text)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.I)
    return html.unescape(text).strip()


# -- layout ------------------------------------------------------------------------------------
def _layout(chart: _Chart) -> dict[str, tuple[float, float]]:
    """Layers along the direction: a node one step after its predecessors (back edges of
    cycles ignored), members of the same subgraph next to each other in a layer."""
    order = list(chart.nodes)
    successors: dict[str, list[str]] = {n: [] for n in order}
    for a, b, *_ in chart.edges:
        if a != b:
            successors[a].append(b)
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    for root in order:  # iterative DFS, marking the edges that close a cycle
        if root in state:
            continue
        stack = [(root, iter(successors[root]))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(successors[child])))
    indegree = {n: 0 for n in order}
    for a in order:
        for b in successors[a]:
            if (a, b) not in back:
                indegree[b] += 1
    layer = {n: 0 for n in order}
    ready = deque(n for n in order if indegree[n] == 0)
    while ready:
        node = ready.popleft()
        for child in successors[node]:
            if (node, child) in back:
                continue
            layer[child] = max(layer[child], layer[node] + 1)
            indegree[child] -= 1
            if indegree[child] == 0:
                ready.append(child)
    rows: dict[int, list[str]] = {}
    rank = {n: i for i, n in enumerate(order)}
    for n in sorted(order, key=lambda n: (chart.nodes[n].zone or "", rank[n])):
        rows.setdefault(layer[n], []).append(n)
    horizontal = chart.direction in ("LR", "RL")
    last = max(rows) if rows else 0
    positions: dict[str, tuple[float, float]] = {}
    for depth, members in rows.items():
        along = (last - depth if chart.direction in ("RL", "BT") else depth) * GAP_ALONG
        for i, node_id in enumerate(members):
            across = i * (GAP_ACROSS if horizontal else GAP_ALONG)
            positions[node_id] = (along, across) if horizontal else (across, along * 0.6)
    return positions
