"""The graph helpers against brute force on small random graphs."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from sdi_desktop.domain.checks.graph import longest_chain, on_every_path, reachable

NODES = [f"n{i}" for i in range(8)]
graphs = st.dictionaries(
    st.sampled_from(NODES), st.lists(st.sampled_from(NODES), max_size=4), max_size=8
)
subsets = st.lists(st.sampled_from(NODES), min_size=1, max_size=3, unique=True)


def connected(flow, sources, sinks, without=None) -> bool:
    pruned = {a: [b for b in bs if b != without] for a, bs in flow.items() if a != without}
    starts = [s for s in sources if s != without]
    return bool(reachable(starts, pruned) & (set(sinks) - {without}))


@settings(max_examples=400, deadline=None)
@given(graphs, subsets, subsets)
def test_on_every_path_is_exactly_the_nodes_whose_removal_cuts_sources_from_sinks(
    flow, sources, sinks
):
    found = set(on_every_path(sources, sinks, flow))
    if not connected(flow, sources, sinks):
        assert found == set()
        return
    cuts = {n for n in NODES if not connected(flow, sources, sinks, without=n)}
    assert found == cuts


@settings(max_examples=300, deadline=None)
@given(graphs, subsets)
def test_longest_chain_is_a_simple_path_along_the_edges(flow, starts):
    path = longest_chain(starts, flow)
    assert path and path[0] in starts
    assert len(set(path)) == len(path)
    for a, b in itertools.pairwise(path):
        assert b in flow.get(a, ())


def test_on_every_path_on_a_diamond_and_a_chain():
    diamond = {"c": ["a", "b"], "a": ["d"], "b": ["d"]}
    assert on_every_path(["c"], ["d"], diamond) == ["d", "c"]
    chain = {"c": ["lb"], "lb": ["s"], "s": ["db"]}
    assert on_every_path(["c"], ["db"], chain) == ["db", "s", "lb", "c"]
