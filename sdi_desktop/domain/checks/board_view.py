"""A read-only view of a board for the checks: components, connectors and who calls whom.

Built once per check run from the document's elements or from stored element
dicts (a session record, a reference board); the rules only read it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from sdi_desktop.domain.board.elements import Component, Connector
from sdi_desktop.domain.board.kinds import kind as kind_of

CLIENTS = frozenset({"client", "mobile"})
DATABASES = frozenset({"sql_db", "nosql_db"})
# Where data lives for good: the ends of a client-to-data path.
STORES = frozenset({"sql_db", "nosql_db", "object_store", "search", "warehouse"})
MESSAGING = frozenset({"queue", "stream"})
# Words in a label or note that say a component runs as several copies.
_REPLICATED = re.compile(
    r"(?<![a-z])(?:replica\w*|replicated|cluster\w*|multi[- ]?az|standby|failover|redundant|"
    r"shard\w*|partitioned|active[- ]active|leader[- ]follower|primary[- /]replica|"
    r"ha|[x×] ?[2-9]\d?|[2-9]\d? ?[x×]|\d+ (?:nodes|instances|replicas|copies))(?![a-z])",
    re.IGNORECASE,
)


class Node(NamedTuple):
    id: str
    kind: str
    label: str = ""
    note: str = ""
    instances: int = 1

    @property
    def name(self) -> str:
        """What a message calls it: its label, else its kind's name."""
        return self.label.strip() or kind_of(self.kind).label

    @property
    def says_replicated(self) -> bool:
        """More than one instance, or a label or note that says so ("replicas", "x3")."""
        return self.instances > 1 or bool(
            _REPLICATED.search(self.label) or (self.note and _REPLICATED.search(self.note))
        )


class Link(NamedTuple):
    id: str
    source: str
    target: str
    style: str = "sync"
    arrows: str = "end"
    label: str = ""

    @property
    def two_way(self) -> bool:
        """Arrows at both ends, or none: either end may start the call."""
        return self.arrows != "end"


class BoardView:
    """Components and connectors, with the directed "calls" graph of the connectors.

    ``flow[a]`` lists the components ``a`` sends requests or messages to (source to
    target; both ways for a connector with two arrows or none); ``back`` is the
    reverse; ``sync_flow`` keeps only synchronous (solid) connectors.
    """

    __slots__ = ("back", "by_id", "flow", "links", "links_of", "nodes", "sync_flow")

    def __init__(self, nodes: Iterable[Node] = (), links: Iterable[Link] = ()) -> None:
        self.nodes: tuple[Node, ...] = tuple(nodes)
        self.by_id: dict[str, Node] = {n.id: n for n in self.nodes}
        self.links: tuple[Link, ...] = tuple(
            link for link in links if link.source in self.by_id and link.target in self.by_id
        )
        flow: dict[str, list[str]] = {n.id: [] for n in self.nodes}
        back: dict[str, list[str]] = {n.id: [] for n in self.nodes}
        sync_flow: dict[str, list[str]] = {n.id: [] for n in self.nodes}
        links_of: dict[str, list[Link]] = {n.id: [] for n in self.nodes}
        for link in self.links:
            s, t = link.source, link.target
            links_of[s].append(link)
            links_of[t].append(link)
            flow[s].append(t)
            back[t].append(s)
            sync = link.style == "sync"
            if sync:
                sync_flow[s].append(t)
            if link.arrows != "end":
                flow[t].append(s)
                back[s].append(t)
                if sync:
                    sync_flow[t].append(s)
        self.flow, self.back, self.sync_flow, self.links_of = flow, back, sync_flow, links_of

    @classmethod
    def from_elements(cls, elements: Iterable[Any]) -> BoardView:
        """From ``Element`` objects or stored element dicts (other element types ignored)."""
        nodes: list[Node] = []
        links: list[Link] = []
        for e in elements:
            if isinstance(e, Component):
                nodes.append(Node(e.id, e.kind, e.label, e.note, _count(e.instances)))
            elif isinstance(e, Connector):
                links.append(Link(e.id, e.source, e.target, e.style, e.arrows, e.label))
            elif isinstance(e, dict):
                kind = e.get("type")
                if kind == "component":
                    nodes.append(
                        Node(
                            str(e.get("id", "")),
                            str(e.get("kind", "box")),
                            str(e.get("label", "")),
                            str(e.get("note", "")),
                            _count(e.get("instances", 1)),
                        )
                    )
                elif kind == "connector":
                    links.append(
                        Link(
                            str(e.get("id", "")),
                            str(e.get("source", "")),
                            str(e.get("target", "")),
                            str(e.get("style", "sync")),
                            str(e.get("arrows", "end")),
                            str(e.get("label", "")),
                        )
                    )
        return cls(nodes, links)

    def of_kind(self, kinds: frozenset[str]) -> list[Node]:
        return [n for n in self.nodes if n.kind in kinds]

    def neighbours(self, node_id: str) -> set[str]:
        return {lk.target if lk.source == node_id else lk.source for lk in self.links_of[node_id]}


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 1
