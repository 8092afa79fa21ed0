"""Graph questions the board rules ask, linear or close to it on boards of 10,000 boxes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

Adjacency = Mapping[str, Sequence[str]]
_SOURCE, _SINK = "\x00source", "\x00sink"


def reachable(starts: Iterable[str], flow: Adjacency) -> set[str]:
    """Every node reached from ``starts`` (included) along ``flow``."""
    seen = set(starts)
    stack = list(seen)
    while stack:
        for nxt in flow.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def on_every_path(sources: Iterable[str], sinks: Iterable[str], flow: Adjacency) -> list[str]:
    """The nodes every path from some source to some sink passes through, nearest the
    sinks first (the sinks' common dominators, Cooper-Harvey-Kennedy iteration).

    A source or sink itself counts when every path starts or ends there. Empty when
    no source reaches a sink.
    """
    sources, sinks = list(dict.fromkeys(sources)), set(sinks)
    if not sources or not sinks:
        return []

    def succ(node: str) -> Sequence[str]:
        if node == _SOURCE:
            return sources
        out = flow.get(node, ())
        return [*out, _SINK] if node in sinks else out

    order = _postorder(_SOURCE, succ)  # nodes reachable from the virtual source
    if _SINK not in order:
        return []
    rank = {node: i for i, node in enumerate(order)}
    preds: dict[str, list[str]] = {node: [] for node in order}
    for node in order:
        for nxt in succ(node):
            preds[nxt].append(node)
    idom: dict[str, str] = {_SOURCE: _SOURCE}
    rpo = order[::-1][1:]  # reverse postorder without the root
    changed = True
    while changed:
        changed = False
        for node in rpo:
            new = None
            for p in preds[node]:
                if p in idom:
                    new = p if new is None else _intersect(p, new, idom, rank)
            if new is not None and idom.get(node) != new:
                idom[node] = new
                changed = True
    chain, node = [], idom[_SINK]
    while node != _SOURCE:
        chain.append(node)
        node = idom[node]
    return chain


def _intersect(a: str, b: str, idom: dict[str, str], rank: dict[str, int]) -> str:
    while a != b:
        while rank[a] < rank[b]:
            a = idom[a]
        while rank[b] < rank[a]:
            b = idom[b]
    return a


def _postorder(root: str, succ) -> list[str]:
    seen, out = {root}, []
    stack = [(root, iter(succ(root)))]
    while stack:
        node, it = stack[-1]
        for nxt in it:
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, iter(succ(nxt))))
                break
        else:
            stack.pop()
            out.append(node)
    return out


def longest_chain(starts: Iterable[str], flow: Adjacency) -> list[str]:
    """The longest path (in nodes) from a start along ``flow``, cycles cut where the
    depth-first search meets them; the first such path when several tie."""
    starts = list(starts)
    best_len: dict[str, int] = {}
    best_next: dict[str, str | None] = {}
    on_stack: set[str] = set()
    for start in starts:
        if start in best_len:
            continue
        stack = [(start, iter(flow.get(start, ())))]
        on_stack.add(start)
        while stack:
            node, it = stack[-1]
            for nxt in it:
                if nxt not in best_len and nxt not in on_stack:
                    on_stack.add(nxt)
                    stack.append((nxt, iter(flow.get(nxt, ()))))
                    break
            else:
                stack.pop()
                on_stack.discard(node)
                length, after = 1, None
                for nxt in flow.get(node, ()):
                    if nxt in best_len and best_len[nxt] + 1 > length:
                        length, after = best_len[nxt] + 1, nxt
                best_len[node], best_next[node] = length, after
    top = max(starts, key=lambda s: best_len.get(s, 0), default=None)
    path: list[str] = []
    while top is not None:
        path.append(top)
        top = best_next.get(top)
    return path
