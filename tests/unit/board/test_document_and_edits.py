import pytest

from sdi_desktop.domain.board.document import BoardDocument, BoardError
from sdi_desktop.domain.board.edits import AddElements, ChangeElements, RemoveElements, Reorder
from sdi_desktop.domain.board.elements import Component, Connector, Stroke, TextNote, Zone


def board_with_two():
    doc = BoardDocument()
    AddElements(
        [
            Component(id="a", kind="load_balancer", x=0, y=0),
            Component(id="b", kind="service", x=300, y=0),
            Connector(id="ab", source="a", target="b"),
        ]
    ).apply(doc)
    return doc


def test_add_remove_and_events():
    doc = BoardDocument()
    seen = []
    doc.added.connect(lambda e, i: seen.append(("added", e.id, i)))
    doc.removed.connect(lambda e: seen.append(("removed", e.id)))
    doc.changed.connect(lambda e, old: seen.append(("changed", e.id, old)))
    doc.add(Component(id="a"))
    doc.update("a", x=10.0, label="LB")
    doc.update("a", x=10.0)  # no change, no event
    doc.remove("a")
    assert seen == [
        ("added", "a", 0),
        ("changed", "a", {"x": 0.0, "label": ""}),
        ("removed", "a"),
    ]


def test_connectors_must_join_components_and_block_their_removal():
    doc = board_with_two()
    with pytest.raises(BoardError, match="unknown component"):
        doc.add(Connector(source="a", target="nope"))
    with pytest.raises(BoardError, match="still has connectors"):
        doc.remove("a")
    assert [c.id for c in doc.connectors_of("a")] == ["ab"]
    with pytest.raises(BoardError, match="already on the board"):
        doc.add(Component(id="a"))
    with pytest.raises(BoardError, match="no field"):
        doc.update("a", colour="red")


def test_deleting_a_component_takes_its_connectors_and_undo_restores_all():
    doc = board_with_two()
    before = doc.to_data()
    edit = RemoveElements(doc, ["a"])
    edit.apply(doc)
    assert [e.id for e in doc] == ["b"]
    edit.revert(doc)
    assert doc.to_data() == before


def test_rewiring_a_connector_moves_its_attachment():
    doc = board_with_two()
    doc.add(Component(id="c"))
    doc.update("ab", target="c")
    assert doc.connectors_of("b") == []
    assert [c.id for c in doc.connectors_of("c")] == ["ab"]
    with pytest.raises(BoardError, match="cannot point"):
        doc.update("ab", source="zz")


def test_change_merges_consecutive_moves():
    doc = board_with_two()
    first = ChangeElements(doc, {"a": {"x": 10.0, "y": 0.0}}, "Move")
    first.apply(doc)
    second = ChangeElements(doc, {"a": {"x": 20.0, "y": 5.0}}, "Move")
    second.apply(doc)
    assert first.merge(second)
    first.revert(doc)
    assert (doc.get("a").x, doc.get("a").y) == (0.0, 0.0)
    first.apply(doc)
    assert (doc.get("a").x, doc.get("a").y) == (20.0, 5.0)
    other = ChangeElements(doc, {"b": {"x": 1.0}}, "Move")
    assert not first.merge(other)


def test_reorder_front_and_back_and_undo():
    doc = board_with_two()
    doc.add(Zone(id="z"))
    edit = Reorder(doc, ["a"], to_front=True)
    edit.apply(doc)
    assert doc.order[-1] == "a"
    edit.revert(doc)
    assert doc.order == ["a", "b", "ab", "z"]
    back = Reorder(doc, ["z"], to_front=False)
    back.apply(doc)
    assert doc.order[0] == "z"


def test_every_element_type_copies_and_compares():
    for element in (
        Component(kind="cache"),
        Connector(source="a", target="b", style="async"),
        TextNote(text="hi"),
        Stroke(points=[(0, 0), (1, 1)]),
        Zone(title="Region A"),
    ):
        twin = element.copy()
        assert twin == element and twin is not element
        assert element.copy(id="other") != element
    with pytest.raises(TypeError, match="no field"):
        Component(colour="red")
