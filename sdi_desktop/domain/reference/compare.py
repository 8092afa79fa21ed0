"""The structural comparison of a candidate's board with the reference board.

Matching goes by typed kind and graph shape first, label words second: each reference
component is paired with at most one of the candidate's, the best pair first, where a
pair scores for the same kind (or at least the same role), for neighbours of the same
roles, and a little for shared label words. A pair whose role was read from a generic
box's label is a guess, and says so. Then, in the reference's terms:

- roles (cache, queue or stream, CDN, replicas...) in the reference and not on the
  candidate's board, and the other way round;
- reference components with no counterpart, and counterparts of another kind;
- connections of the reference missing from the candidate's board, joined into paths
  (client -> CDN, service -> cache -> database); a connection counts as present when a
  path of at most three connectors joins the two counterparts;
- connections asynchronous in the reference where the candidate's is synchronous.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sdi_desktop.domain.reference.graph import BoardGraph, Edge, Node, board_graph
from sdi_desktop.domain.reference.roles import label_words, specific_words

KIND_SCORE, ROLE_SCORE, GUESS_SCORE, COUSIN_SCORE = 100.0, 60.0, 30.0, 70.0
# Shared label words count only when they say more than the role ("range allocator",
# not "service"); a label naming the same specific thing outweighs the shape.
SHAPE_WEIGHT, WORD_WEIGHT = 20.0, 60.0
PATH_HOPS = 3
# Roles close enough that shared label words can pair them (a guess).
_COMPUTE = ("service", "worker", "scheduler")
FAMILY = {role: tuple(r for r in _COMPUTE if r != role) for role in _COMPUTE}


@dataclass(frozen=True)
class Pair:
    reference: Node
    mine: Node
    guessed: bool  # matched on a role guessed from a generic box's label

    @property
    def same_kind(self) -> bool:
        return self.reference.kind == self.mine.kind


@dataclass(frozen=True)
class MissingPath:
    """Consecutive reference connections absent from the candidate's board."""

    nodes: tuple[Node, ...]  # reference components along the path
    missing_components: tuple[Node, ...]  # those with no counterpart at all


@dataclass(frozen=True)
class AsyncGap:
    reference: Edge
    source: Node  # reference components
    target: Node


@dataclass
class Comparison:
    reference: BoardGraph
    mine: BoardGraph
    pairs: dict[str, Pair] = field(default_factory=dict)  # reference node id -> pair
    missing_roles: list[str] = field(default_factory=list)
    extra_roles: dict[str, list[Node]] = field(default_factory=dict)
    unmatched: list[Node] = field(default_factory=list)  # reference nodes, role present
    other_kind: list[Pair] = field(default_factory=list)
    missing_paths: list[MissingPath] = field(default_factory=list)
    async_gaps: list[AsyncGap] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.mine.nodes

    @property
    def only_generic(self) -> bool:
        return bool(self.mine.nodes) and all(n.guessed for n in self.mine.nodes.values())

    @property
    def guesses(self) -> list[Pair]:
        return [p for p in self.pairs.values() if p.guessed]

    @property
    def unrecognised(self) -> list[Node]:
        """The candidate's generic boxes whose label suggests no role."""
        return [n for n in self.mine.nodes.values() if n.role is None]


def compare_boards(reference: Iterable[Any], mine: Iterable[Any]) -> Comparison:
    """Compare two boards given as element dicts or board elements."""
    ref, own = board_graph(reference), board_graph(mine)
    result = Comparison(ref, own)
    result.pairs = _match(ref, own)
    ref_roles, own_roles = ref.roles, own.roles
    result.missing_roles = sorted(ref_roles - own_roles, key=_role_order(ref))
    for node in own.nodes.values():
        if node.role is not None and node.role not in ref_roles:
            result.extra_roles.setdefault(node.role, []).append(node)
    result.unmatched = [
        n for n in ref.nodes.values() if n.id not in result.pairs and n.role in own_roles
    ]
    result.other_kind = [p for p in result.pairs.values() if not p.same_kind and not p.guessed]
    result.missing_paths = _missing_paths(ref, own, result.pairs)
    result.async_gaps = _async_gaps(ref, own, result.pairs)
    return result


def _role_order(graph: BoardGraph):
    order = {}
    for node in graph.nodes.values():
        order.setdefault(node.role, len(order))
    return lambda role: order.get(role, len(order))


def _match(ref: BoardGraph, own: BoardGraph) -> dict[str, Pair]:
    by_role: dict[str | None, list[Node]] = {}
    for node in own.nodes.values():
        by_role.setdefault(node.role, []).append(node)
    own_neighbour_roles = {}
    scored: list[tuple[float, str, str]] = []
    for r in ref.nodes.values():
        if r.role is None:
            continue
        options = by_role.get(r.role, [])
        cousins = [c for role in FAMILY.get(r.role, ()) for c in by_role.get(role, ())]
        if not options and not cousins:
            continue
        r_roles = {ref.nodes[n].role for n in ref.neighbours[r.id]}
        r_words = specific_words(r.label)
        for c in cousins:  # another compute role: only on shared label words, a guess
            shared = r_words.intersection(label_words(c.label))
            if shared:
                score = COUSIN_SCORE + WORD_WEIGHT * len(shared) / len(r_words)
                scored.append((score, r.id, c.id))
        for c in options:
            same_role = GUESS_SCORE if c.guessed else ROLE_SCORE
            score = KIND_SCORE if c.kind == r.kind else same_role
            c_roles = own_neighbour_roles.get(c.id)
            if c_roles is None:
                # two connectors away counts too: lb -> limiter -> service is lb -> service
                near = own.neighbours[c.id]
                c_roles = {own.nodes[n].role for n in near}
                c_roles.update(own.nodes[m].role for n in near for m in own.neighbours[n])
                own_neighbour_roles[c.id] = c_roles
            shape = len(r_roles & c_roles) / len(r_roles) if r_roles else 0.0
            shared = r_words.intersection(label_words(c.label)) if r_words else ()
            if r.role in _COMPUTE and r_roles and c_roles and not shape and not shared:
                # Both are wired, to nothing alike, and share no word: not the same part
                # (a worker that allocates ids is not the worker that aggregates clicks).
                continue
            score += SHAPE_WEIGHT * shape
            if shared:
                score += WORD_WEIGHT * len(shared) / len(r_words)
            scored.append((score, r.id, c.id))
    scored.sort(key=lambda item: -item[0])  # stable: board order breaks ties
    pairs: dict[str, Pair] = {}
    taken: set[str] = set()
    for _score, r_id, c_id in scored:
        if r_id in pairs or c_id in taken:
            continue
        mine = own.nodes[c_id]
        guessed = mine.guessed or mine.role != ref.nodes[r_id].role
        pairs[r_id] = Pair(ref.nodes[r_id], mine, guessed)
        taken.add(c_id)
    return pairs


def _missing_paths(ref: BoardGraph, own: BoardGraph, pairs: dict[str, Pair]) -> list[MissingPath]:
    # A detour may pass only through parts the reference does not have (a rate limiter
    # between the load balancer and the service), never through another counterpart.
    # A part the reference draws once may be split on the candidate's board (a read and a
    # write service for the reference's one API service): the candidate's components of
    # the same role that are nobody's counterpart stand in for it too.
    counterparts = frozenset(p.mine.id for p in pairs.values())
    spare: dict[str | None, set[str]] = {}
    for node in own.nodes.values():
        if node.id not in counterparts:
            spare.setdefault(node.role, set()).add(node.id)
    groups = {r: {p.mine.id} | spare.get(ref.nodes[r].role, set()) for r, p in pairs.items()}
    missing: list[Edge] = []
    for edge in ref.edges:
        a, b = groups.get(edge.source), groups.get(edge.target)
        if a is None or b is None:
            missing.append(edge)
            continue
        if not own.connected(a, b, PATH_HOPS, counterparts - a - b):
            missing.append(edge)
    # Join consecutive missing connections into paths: a -> b, b -> c gives a -> b -> c.
    outgoing: dict[str, list[Edge]] = {}
    incoming: dict[str, int] = {}
    for edge in missing:
        outgoing.setdefault(edge.source, []).append(edge)
        incoming[edge.target] = incoming.get(edge.target, 0) + 1
    used: set[int] = set()
    paths: list[MissingPath] = []
    starts = [e for e in missing if incoming.get(e.source, 0) != 1] + missing
    for first in starts:
        if id(first) in used:
            continue
        chain = [first.source, first.target]
        used.add(id(first))
        while True:
            nexts = [e for e in outgoing.get(chain[-1], []) if id(e) not in used]
            if len(nexts) != 1 or nexts[0].target in chain:
                break
            used.add(id(nexts[0]))
            chain.append(nexts[0].target)
        nodes = tuple(ref.nodes[n] for n in chain)
        paths.append(MissingPath(nodes, tuple(n for n in nodes if n.id not in pairs)))
    return paths


def _async_gaps(ref: BoardGraph, own: BoardGraph, pairs: dict[str, Pair]) -> list[AsyncGap]:
    gaps = []
    for edge in ref.edges:
        if edge.style != "async":
            continue
        a, b = pairs.get(edge.source), pairs.get(edge.target)
        if a is None or b is None:
            continue
        direct = own.direct(a.mine.id, b.mine.id)
        if direct and all(e.style != "async" for e in direct):
            gaps.append(AsyncGap(edge, ref.nodes[edge.source], ref.nodes[edge.target]))
    return gaps
