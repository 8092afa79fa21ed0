"""Random boards for the interop property tests, and the graph a format must keep."""

from __future__ import annotations

from hypothesis import strategies as st

from sdi_desktop.domain.board.elements import (
    CONNECTOR_ARROWS,
    CONNECTOR_STYLES,
    Component,
    Connector,
    Element,
    Zone,
)
from sdi_desktop.domain.board.kinds import KINDS

_chars = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn"), blacklist_characters="\ufeff"
)
_line = st.text(_chars, min_size=1, max_size=14).map(lambda s: " ".join(s.split())).filter(bool)
labels = st.one_of(
    st.just(""),
    _line,
    st.lists(_line, min_size=2, max_size=3).map("\n".join),
    st.sampled_from(['say "hi"', "end", "o", "x", "C# <b>&amp;</b>", "a|b", "`code`", "%% x"]),
)


@st.composite
def boards(draw, max_components: int = 8) -> list[Element]:
    n = draw(st.integers(min_value=1, max_value=max_components))
    components = [
        Component(
            id=f"c{i}",
            kind=draw(st.sampled_from([k.key for k in KINDS])),
            label=draw(labels),
            # a grid, so no box lies over another (each format may read overlaps its own way)
            x=(i % 4) * 220.0,
            y=(i // 4) * 160.0,
        )
        for i in range(n)
    ]
    connectors = [
        Connector(
            id=f"k{j}",
            source=f"c{draw(st.integers(0, n - 1))}",
            target=f"c{draw(st.integers(0, n - 1))}",
            label=draw(labels),
            style=draw(st.sampled_from(CONNECTOR_STYLES)),
            arrows=draw(st.sampled_from(CONNECTOR_ARROWS)),
        )
        for j in range(draw(st.integers(0, 2 * n)))
    ]
    zones = []
    if draw(st.booleans()):
        zones.append(Zone(id="z0", title=draw(_line), x=-30, y=-40, w=480, h=300))
    return [*zones, *components, *connectors]


def graph(elements: list[Element]) -> tuple[list, list]:
    """Components in order (kind, label) and connectors between their positions."""
    components = [e for e in elements if isinstance(e, Component)]
    index = {c.id: i for i, c in enumerate(components)}
    connectors = sorted(
        (index[c.source], index[c.target], c.label, c.style, c.arrows)
        for c in elements
        if isinstance(c, Connector)
    )
    return [(c.kind, c.label) for c in components], connectors
