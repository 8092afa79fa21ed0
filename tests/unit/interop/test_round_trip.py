"""Export -> import gives back the same graph: kinds, labels, connectors, sync/async,
arrowheads, for Excalidraw, draw.io and Mermaid (which Mermaid's own parser also
reads, in test_mermaid_parser.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from sdi_desktop.demo.board import url_shortener_board
from sdi_desktop.domain.board.elements import Zone
from sdi_desktop.domain.interop.drawio_export import to_drawio
from sdi_desktop.domain.interop.excalidraw_export import to_excalidraw
from sdi_desktop.domain.interop.importer import import_bytes
from sdi_desktop.domain.interop.mermaid_export import to_mermaid
from tests.unit.interop.boards import boards, graph, unordered_graph

EXPORTERS = {"board.excalidraw": to_excalidraw, "board.drawio": to_drawio}


@pytest.mark.parametrize("name", EXPORTERS)
@settings(max_examples=60, deadline=None)
@given(board=boards())
def test_random_boards_survive_export_and_import(name, board):
    result = import_bytes(EXPORTERS[name](board), name)
    assert graph(result.elements) == graph(board)
    assert result.report.guessed == 0  # every kind came back from the file, none guessed
    assert not result.report.warnings
    zones = [e.title for e in result.elements if isinstance(e, Zone)]
    assert zones == [e.title for e in board if isinstance(e, Zone)]


@settings(max_examples=60, deadline=None)
@given(board=boards())
def test_random_boards_survive_mermaid_export_and_import(board):
    """Mermaid keeps no positions and declares nodes zone by zone: the same graph, in
    another order (kinds come back through their kind_* classes)."""
    result = import_bytes(to_mermaid(board), "board.mmd")
    assert unordered_graph(result.elements) == unordered_graph(board)
    assert result.report.guessed == 0
    zones = sorted(e.title for e in result.elements if isinstance(e, Zone))
    assert zones == sorted(e.title for e in board if isinstance(e, Zone))


@pytest.mark.parametrize("name", EXPORTERS)
def test_the_demo_board_comes_back_whole(name):
    board = url_shortener_board()
    result = import_bytes(EXPORTERS[name](board), name)
    assert graph(result.elements) == graph(board)
    report = result.report
    assert (report.components, report.connectors, report.zones, report.notes) == (14, 13, 2, 1)
    assert "14 components, 13 connectors" in report.summary()


@pytest.mark.parametrize("name", [*EXPORTERS, "board.mmd"])
def test_hostile_labels_come_back_in_every_format(name):
    from tests.unit.interop.boards import seeded_board

    write = EXPORTERS.get(name, to_mermaid)
    for seed in range(150):
        board = seeded_board(seed)
        result = import_bytes(write(board), name)
        assert unordered_graph(result.elements) == unordered_graph(board), (seed, write(board))


def test_a_foreign_flowchart_reads_with_its_shapes_links_and_subgraphs():
    text = """---
title: Checkout
---
%%{init: {"theme": "dark"}}%%
graph TD
  A[Client] -->|HTTPS| B{{API gateway}}
  B -- writes --> C[(Orders)]
  B -.-> D>Kafka] & E[(Redis)]
  D --o F([Worker]); F ==> G
  G <--> A
  A ~~~ F
  subgraph s1 [Data tier]
    C
    E
  end
  style A fill:#f9f
  click A href "https://example.com"
"""
    result = import_bytes(text, "checkout.mmd")
    comps = {e.id: (e.kind, e.label) for e in result.elements if e.TYPE == "component"}
    assert sorted(comps.values()) == [
        ("api_gateway", "API gateway"),
        ("box", "G"),  # a bare id is its own label
        ("cache", "Redis"),
        ("client", "Client"),
        ("sql_db", "Orders"),  # a cylinder with no telling word
        ("stream", "Kafka"),
        ("worker", "Worker"),
    ]
    links = sorted(
        (comps[e.source][1], comps[e.target][1], e.label, e.style, e.arrows)
        for e in result.elements
        if e.TYPE == "connector"
    )
    assert links == [
        ("API gateway", "Kafka", "", "async", "end"),
        ("API gateway", "Orders", "writes", "sync", "end"),
        ("API gateway", "Redis", "", "async", "end"),
        ("Client", "API gateway", "HTTPS", "sync", "end"),
        ("G", "Client", "", "sync", "both"),
        ("Kafka", "Worker", "", "sync", "end"),
        ("Worker", "G", "", "sync", "end"),
    ]
    assert [e.title for e in result.elements if e.TYPE == "zone"] == ["Data tier"]


def test_the_markdown_write_up_imports_through_its_mermaid_block():
    from sdi_desktop.domain.record import SessionRecord
    from sdi_desktop.storage.exchange import session_to_markdown

    board = url_shortener_board()
    text = session_to_markdown(SessionRecord(board=[e.to_dict() for e in board]))
    result = import_bytes(text, "session.md")
    assert unordered_graph(result.elements) == unordered_graph(board)


def test_other_mermaid_diagrams_are_refused_by_name():
    from sdi_desktop.domain.interop.report import InteropError

    with pytest.raises(InteropError, match=r"seq\.mmd: a Mermaid sequenceDiagram; only flowcharts"):
        import_bytes("sequenceDiagram\n  A->>B: hi\n", "seq.mmd")


FIXTURES = sorted(
    p
    for p in (Path(__file__).resolve().parents[2] / "data" / "interop").iterdir()
    if p.suffix != ".py" and not p.name.startswith("bad")
)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_an_imported_diagram_survives_export_and_import_in_every_format(fixture):
    """Text notes lying over shapes or near arrows stay notes (the exports mark them), so
    a board read from someone's drawing comes back the same from any of the three."""
    from sdi_desktop.domain.interop.importer import import_file

    board = import_file(fixture).elements
    for name, write in [*EXPORTERS.items(), ("board.mmd", to_mermaid)]:
        again = import_bytes(write(board), name)
        assert unordered_graph(again.elements) == unordered_graph(board), name


@pytest.mark.parametrize("name", EXPORTERS)
def test_a_note_over_a_shape_or_an_arrow_stays_a_note(name):
    from sdi_desktop.domain.board.elements import Component, Connector, TextNote

    board = [
        Component(id="a", kind="cache", label="", x=0, y=0),
        Component(id="b", kind="queue", label="", x=400, y=0),
        Connector(id="ab", source="a", target="b"),
        TextNote(id="n1", text="over a", x=40, y=30),
        TextNote(id="n2", text="on the arrow", x=250, y=30),
    ]
    result = import_bytes(EXPORTERS[name](board), name)
    assert unordered_graph(result.elements) == unordered_graph(board)
    assert sorted(e.text for e in result.elements if isinstance(e, TextNote)) == [
        "on the arrow",
        "over a",
    ]
