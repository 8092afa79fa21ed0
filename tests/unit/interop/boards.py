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
    # two different components: the board draws no loops, and imports none
    ends = st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True)
    pairs = [draw(ends) for _ in range(draw(st.integers(0, 2 * n)))] if n > 1 else []
    connectors = [
        Connector(
            id=f"k{j}",
            source=f"c{a}",
            target=f"c{b}",
            label=draw(labels),
            style=draw(st.sampled_from(CONNECTOR_STYLES)),
            arrows=draw(st.sampled_from(CONNECTOR_ARROWS)),
        )
        for j, (a, b) in enumerate(pairs)
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


def tidy(label: str) -> str:
    """A label as any importer keeps it: each line trimmed, blank ends dropped."""
    return "\n".join(line.strip() for line in label.strip().splitlines()).strip()


def unordered_graph(elements: list[Element]) -> tuple[list, list]:
    """The graph without order: components as (kind, label), connectors by their ends'."""
    components = {e.id: (e.kind, tidy(e.label)) for e in elements if isinstance(e, Component)}
    connectors = sorted(
        (components[c.source], components[c.target], tidy(c.label), c.style, c.arrows)
        for c in elements
        if isinstance(c, Connector)
    )
    return sorted(components.values()), connectors


HOSTILE = [
    'say "hi"', "end", "End", "o", "x", "oauth", "xray", "C# <b>&amp;</b>", "a|b", "`code`",
    "%% not a comment", "graph", "class", "subgraph", "A-->B", "[x]", "{y}", "(z)", "é ü 日本",
    "a;b", "a:b", "100%", "#35;", "line one\nline two", "", "  ", "-->", "&nbsp;", "\\", "<br>",
]  # fmt: skip


def seeded_board(seed: int) -> list[Element]:
    """A random board from ``seed`` (for tests that need many boards at once)."""
    import random

    rng = random.Random(seed)
    keys = [k.key for k in KINDS]
    n = rng.randint(1, 12)

    def label() -> str:
        if rng.random() < 0.5:
            return rng.choice(HOSTILE)
        alphabet = "abcdefghijklmnopqrstuvwxyz ABC0123456789-_:;,.!?'\"#&<>|()[]{}/\\%é漢"
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))

    components = [
        Component(
            id=f"c{i}",
            kind=rng.choice(keys),
            label=label(),
            x=(i % 4) * 220.0,
            y=(i // 4) * 160.0,
        )
        for i in range(n)
    ]
    pairs = [rng.sample(range(n), 2) for _ in range(rng.randint(0, 2 * n))] if n > 1 else []
    connectors = [
        Connector(
            id=f"k{j}",
            source=f"c{a}",
            target=f"c{b}",
            label=label() if rng.random() < 0.6 else "",
            style=rng.choice(CONNECTOR_STYLES),
            arrows=rng.choice(CONNECTOR_ARROWS),
        )
        for j, (a, b) in enumerate(pairs)
    ]
    zones = []
    if rng.random() < 0.5:
        zones.append(Zone(id="z0", title=label() or "Zone", x=-30, y=-40, w=480, h=300))
        if rng.random() < 0.5:
            zones.append(Zone(id="z1", title=label() or "Inner", x=-10, y=-20, w=200, h=120))
    return [*zones, *components, *connectors]
