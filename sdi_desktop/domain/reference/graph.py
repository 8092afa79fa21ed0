"""A board as a graph for comparing: its components (with roles) and its connections.

Read straight from stored element dicts or from board elements, without building
anything else, so a 1,000-component board is read in a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sdi_desktop.domain.reference.roles import mentions_replicas, role_of


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    kind: str
    label: str
    role: str | None
    guessed: bool  # the role was guessed from the label (a generic box)
    replicated: bool  # the label or note speaks of replicas

    def name(self) -> str:
        from sdi_desktop.domain.board.kinds import kind

        return self.label.strip() or kind(self.kind).label


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    style: str
    label: str


@dataclass
class BoardGraph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    neighbours: dict[str, set[str]] = field(default_factory=dict)
    replication_edges: int = 0  # connectors labelled as replication
    by_ends: dict[frozenset[str], list[Edge]] = field(default_factory=dict)

    @property
    def roles(self) -> set[str]:
        found = {n.role for n in self.nodes.values() if n.role is not None}
        if self.replication_edges or any(n.replicated for n in self.nodes.values()):
            found.add("replica")
        return found

    def direct(self, a: str, b: str) -> list[Edge]:
        """The connectors between two components, either way round."""
        return self.by_ends.get(frozenset((a, b)), [])

    def connected(
        self, a: set[str], b: set[str], hops: int = 3, avoid: frozenset[str] = frozenset()
    ) -> bool:
        """True when a path of at most ``hops`` connectors joins one of ``a`` to one of
        ``b`` (any direction), passing through none of ``avoid``."""
        if a & b:
            return True
        seen, frontier = set(a) | avoid, set(a)
        for _ in range(hops):
            frontier = {n for f in frontier for n in self.neighbours.get(f, ())}
            if frontier & b:
                return True
            frontier -= seen
            if not frontier:
                return False
            seen |= frontier
        return False


def _get(element: Any, name: str, default: Any = "") -> Any:
    if isinstance(element, dict):
        return element.get(name, default)
    return getattr(element, name, default)


def board_graph(elements: Iterable[Any]) -> BoardGraph:
    """Build the graph from element dicts (a stored board) or board elements."""
    graph = BoardGraph()
    connectors = []
    for element in elements:
        kind_of = _get(element, "type", None) or getattr(element, "TYPE", "")
        if kind_of == "component":
            kind = str(_get(element, "kind", "box")) or "box"
            label = str(_get(element, "label", ""))
            note = str(_get(element, "note", ""))
            role, guessed = role_of(kind, label)
            node_id = str(_get(element, "id"))
            instances = _get(element, "instances", 1)
            replicated = (isinstance(instances, int) and instances > 1) or mentions_replicas(
                label, note
            )  # an "x3" badge (board format v2) says it as well as the words do
            graph.nodes[node_id] = Node(node_id, kind, label, role, guessed, replicated)
            graph.neighbours[node_id] = set()
        elif kind_of == "connector":
            connectors.append(element)
    for element in connectors:
        source, target = str(_get(element, "source")), str(_get(element, "target"))
        if source not in graph.nodes or target not in graph.nodes:
            continue
        label = str(_get(element, "label", ""))
        edge = Edge(source, target, str(_get(element, "style", "sync")), label)
        graph.edges.append(edge)
        graph.by_ends.setdefault(frozenset((source, target)), []).append(edge)
        graph.neighbours[source].add(target)
        graph.neighbours[target].add(source)
        if mentions_replicas(label):
            graph.replication_edges += 1
    return graph
