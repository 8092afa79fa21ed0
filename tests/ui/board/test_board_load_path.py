"""The fast path that builds a board's items (issue 20) draws what the general one does."""

from __future__ import annotations

import gc

import pytest

from sdi_desktop.domain.board.elements import Component, Connector
from sdi_desktop.ui.board import scene as scene_module
from sdi_desktop.ui.board.items import ComponentItem


def _board():
    a = Component(id="a", kind="cache", label="Cache", x=0, y=0)
    b = Component(id="b", kind="database", label="Primary database", x=400, y=260)
    c = Component(
        id="c",
        kind="service",
        label="A label far too long to fit in one box",
        x=0,
        y=300,
        instances=3,
        note="stateless",
    )
    return [
        a,
        b,
        c,
        Connector(id="ab", source="a", target="b", label="reads"),
        Connector(id="bc", source="b", target="c", routing="orthogonal", arrows="both"),
        Connector(id="ca", source="c", target="a", style="async", arrows="none"),
    ]


def test_connectors_built_from_the_documents_boxes_match_the_items_own_positions(board):
    board.editor.load(_board())
    for link in ("ab", "bc", "ca"):
        item = board.scene.item_for(link)
        built = (list(item._xy), item.path().elementCount(), item.path().boundingRect())
        item.update_path()  # the general path: from the components' positions on the scene
        assert (list(item._xy), item.path().elementCount(), item.path().boundingRect()) == built


def test_components_built_directly_match_a_sync_of_the_same_element(board):
    board.editor.load(_board())
    for element in board.editor.document.components():
        built = board.scene.item_for(element.id)
        synced = ComponentItem(
            Component(id="x", kind="box", label="", x=9, y=9), board.scene.colors
        )
        synced.sync(element, board.scene.colors)
        assert synced.label.text() == built.label.text()
        assert synced.label.pos() == built.label.pos() and synced.icon.pos() == built.icon.pos()
        assert synced.pen() == built.pen() and synced.pos() == built.pos()
        assert synced.toolTip() == built.toolTip()
        assert (synced.count_badge is None) == (built.count_badge is None)
    long = board.scene.item_for("c")
    assert "…" in long.label.text() and long.toolTip().startswith("A label far too long")


def test_the_collector_is_back_on_after_a_load_even_a_failed_one(board, monkeypatch):
    assert gc.isenabled()
    board.editor.load(_board())
    assert gc.isenabled()

    def broken(*_args, **_kwargs):
        raise RuntimeError("item could not be built")

    monkeypatch.setattr(scene_module, "ComponentItem", broken)
    with pytest.raises(RuntimeError):
        board.editor.load(_board())
    assert gc.isenabled()
