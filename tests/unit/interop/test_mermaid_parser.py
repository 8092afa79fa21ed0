"""The Mermaid export, read by Mermaid's own parser (the npm ``mermaid`` package under
Node, installed by ``make test`` into tests/js): the demo board and 150 random boards
parse, and the parsed graph is the board's (labels, shapes by kind, classes, edges with
their stroke and arrowheads, subgraphs). One Node process reads every diagram."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sdi_desktop.demo.board import url_shortener_board
from sdi_desktop.domain.board.elements import Component, Connector, Zone
from sdi_desktop.domain.interop.mermaid_export import (
    CLASS_PREFIX,
    ROUNDED,
    SHAPES,
    mermaid_ids,
    to_mermaid,
)
from tests.unit.interop.boards import seeded_board

JS = Path(__file__).resolve().parents[2] / "js"
# the shape written for a kind -> the vertex type Mermaid's parser reports
VERTEX_TYPES = {
    ("[(", ")]"): "cylinder",
    (">", "]"): "odd",
    ("[/", "/]"): "lean_right",
    ("{{", "}}"): "hexagon",
    ("([", "])"): "stadium",
    ("[[", "]]"): "subroutine",
    ("[/", "\\]"): "trapezoid",
    ("[", "]"): "square",
    ROUNDED: "round",
}
EDGE_STROKES = {"sync": "normal", "async": "dotted"}
EDGE_TYPES = {"end": "arrow_point", "both": "double_arrow_point", "none": "arrow_open"}


def parse_all(texts: list[str]) -> list[dict]:
    node = shutil.which("node")
    if node is None or not (JS / "node_modules" / "mermaid").is_dir():
        pytest.skip(
            "Mermaid's parser is not installed: install Node.js 18+ and npm, then run "
            "'make test' (or 'npm ci --prefix tests/js')"
        )
    done = subprocess.run(
        [node, str(JS / "check_mermaid.mjs")],
        input=json.dumps(texts), capture_output=True, text=True, timeout=240, cwd=JS,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def shown(text: str) -> str:
    """Mermaid's stored label as the reader sees it (entity codes decoded, <br> a break)."""
    text = re.sub(r"ﬂ°°(\d+)¶ß", r"&#\1;", text)
    text = re.sub(r"ﬂ°(\w+)¶ß", r"&\1;", text)
    return html.unescape(text.replace("<br>", "\n")).strip()


def check(board, parsed: dict, mermaid_text: str) -> None:
    assert parsed["ok"], f"{parsed.get('error')}\n--- diagram ---\n{mermaid_text}"
    components = [e for e in board if isinstance(e, Component)]
    vertices = {v["id"]: v for v in parsed["vertices"]}
    assert len(vertices) == len(components), mermaid_text
    ids = mermaid_ids(board)
    for component in components:
        vertex = vertices[ids[component.id]]
        assert shown(vertex["text"]) == component.label.strip(), mermaid_text
        shape = SHAPES.get(component.kind, ROUNDED)
        assert vertex["type"] == VERTEX_TYPES[shape], (component.kind, mermaid_text)
        assert vertex["classes"] == [CLASS_PREFIX + component.kind]
    expected_edges = [
        (ids[c.source], ids[c.target], c.label.strip(), EDGE_STROKES[c.style], EDGE_TYPES[c.arrows])
        for c in board
        if isinstance(c, Connector)
    ]
    got_edges = [
        (e["start"], e["end"], shown(e["text"]), e["stroke"], e["type"]) for e in parsed["edges"]
    ]
    assert got_edges == expected_edges, mermaid_text
    titles = sorted(shown(s["title"]) for s in parsed["subgraphs"])
    assert titles == sorted(z.title.strip() for z in board if isinstance(z, Zone))


def test_mermaid_accepts_the_demo_board_and_random_boards_as_they_are():
    boards = [url_shortener_board()] + [seeded_board(seed) for seed in range(150)]
    texts = [to_mermaid(board) for board in boards]
    results = parse_all(texts)
    for board, parsed, text in zip(boards, results, texts, strict=True):
        check(board, parsed, text)
    demo = results[0]
    assert {s["title"] for s in demo["subgraphs"]} == {"Write path", "Read path (100:1)"}


def test_the_ids_mermaid_would_misread_are_really_misread_without_the_prefix():
    """The test can fail: the same diagrams with bare ids are rejected or misread."""
    results = parse_all(["flowchart LR\n    end --> b\n", "flowchart LR\n    a ---oops\n"])
    assert not results[0]["ok"]
    assert results[1]["ok"] and results[1]["edges"][0]["type"] != "arrow_open"
