"""A short version of benchmarks/board.py: a large board loads whole and stays usable."""

from __future__ import annotations

import sys
from pathlib import Path

from sdi_desktop.ui.board.items import FULL, MINIMAL, ComponentItem, ConnectorItem

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
from board import make_board


def test_a_large_board_loads_whole_and_drops_detail_when_zoomed_out(board, tmp_path):
    board.editor.load(make_board(600))
    items = board.scene.items_by_id.values()
    assert sum(isinstance(i, ComponentItem) for i in items) == 600
    assert sum(isinstance(i, ConnectorItem) for i in items) == 600
    board.view.set_zoom(0.05)
    assert board.scene.detail == MINIMAL
    hub = board.scene.item_for("c0")
    assert not hub.label.isVisible() and not hub.icon.isVisible()
    # exports still carry everything
    from sdi_desktop.ui.board.export import export_file

    export_file(tmp_path / "big.svg", board.scene, ids=["c0", "c1"])
    assert "Node 0" in (tmp_path / "big.svg").read_text()
    assert board.scene.detail == MINIMAL
    board.view.set_zoom(1.0)
    assert board.scene.detail == FULL and hub.label.isVisible()
    # moving the hub drags its ten connectors along
    ends = [board.scene.item_for(f"hub{j}").start for j in range(10)]
    board.editor.nudge(["c0"], 0, 50)
    assert all(board.scene.item_for(f"hub{j}").start != ends[j] for j in range(10))
