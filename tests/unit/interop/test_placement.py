"""An imported diagram lands where there is room, with ids of its own."""

from __future__ import annotations

from sdi_desktop.domain.board.elements import Component, Connector, Stroke
from sdi_desktop.domain.interop.placement import extent, placed


def diagram():
    return [
        Component(id="a", x=0, y=0, w=100, h=50),
        Component(id="b", x=200, y=0, w=100, h=50),
        Connector(id="ab", source="a", target="b"),
        Stroke(id="s", points=[(0, 100), (50, 120)]),
    ]


def test_on_an_empty_board_the_diagram_keeps_its_shape_and_gets_fresh_ids():
    out = placed(diagram(), [])
    assert {e.id for e in out}.isdisjoint({"a", "b", "ab", "s"})
    connector = next(e for e in out if isinstance(e, Connector))
    assert {connector.source, connector.target} == {e.id for e in out[:2]}
    assert extent(out) == extent(diagram())


def test_beside_what_is_there_when_the_drop_point_is_taken():
    board = [Component(id="x", x=0, y=0, w=400, h=300)]
    out = placed(diagram(), board, at=(10, 10))
    box = extent(out)
    assert box.x >= 400 and box.y == 0
    out = placed(diagram(), board, at=(1000, 500))
    assert extent(out).x == 1000 and extent(out).y == 500
