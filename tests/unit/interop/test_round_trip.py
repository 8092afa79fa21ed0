"""Export -> import gives back the same graph: kinds, labels, connectors, sync/async,
arrowheads, for Excalidraw and draw.io (Mermaid's round trip goes through Mermaid's
own parser, in tests/js)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from sdi_desktop.domain.board.demo import url_shortener_board
from sdi_desktop.domain.board.elements import Zone
from sdi_desktop.domain.interop.drawio_export import to_drawio
from sdi_desktop.domain.interop.excalidraw_export import to_excalidraw
from sdi_desktop.domain.interop.importer import import_bytes
from tests.unit.interop.boards import boards, graph

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


@pytest.mark.parametrize("name", EXPORTERS)
def test_the_demo_board_comes_back_whole(name):
    board = url_shortener_board()
    result = import_bytes(EXPORTERS[name](board), name)
    assert graph(result.elements) == graph(board)
    report = result.report
    assert (report.components, report.connectors, report.zones, report.notes) == (14, 13, 2, 1)
    assert "14 components, 13 connectors" in report.summary()
