"""A random sequence of edits, undone in full, gives back the initial document;
redone in full, the final one."""

from hypothesis import given, settings
from hypothesis import strategies as st

from sdi_desktop.domain.board.document import BoardDocument
from sdi_desktop.domain.board.edits import AddElements, ChangeElements, RemoveElements, Reorder
from sdi_desktop.domain.board.elements import Component, Connector, Stroke, TextNote, Zone

coords = st.floats(min_value=-1000, max_value=1000, allow_nan=False)
step = st.tuples(
    st.sampled_from(
        [
            "component",
            "connector",
            "text",
            "stroke",
            "zone",
            "move",
            "label",
            "delete",
            "front",
            "back",
            "rewire",
        ]
    ),
    st.integers(min_value=0, max_value=10_000),
    coords,
    coords,
)


def initial_document() -> BoardDocument:
    doc = BoardDocument()
    AddElements(
        [
            Component(id="c0", x=0, y=0),
            Component(id="c1", x=200, y=0),
            Connector(id="k0", source="c0", target="c1"),
        ]
    ).apply(doc)
    return doc


def make_edit(doc: BoardDocument, action: str, n: int, x: float, y: float):
    ids = doc.order
    comps = [c.id for c in doc.components()]
    conns = [c.id for c in doc.connectors()]
    if action == "component":
        return AddElements([Component(kind="cache", x=x, y=y)])
    if action == "connector" and len(comps) >= 2:
        a, b = comps[n % len(comps)], comps[(n // 7) % len(comps)]
        return AddElements([Connector(source=a, target=b, style="async")])
    if action == "text":
        return AddElements([TextNote(text=f"t{n}", x=x, y=y)])
    if action == "stroke":
        return AddElements([Stroke(points=[(x, y), (y, x), (x + 1, y + 1)])])
    if action == "zone":
        return AddElements([Zone(x=x, y=y)])
    if action == "move" and comps:
        targets = comps[: 1 + n % len(comps)]
        return ChangeElements(doc, {i: {"x": x, "y": y} for i in targets}, "Move")
    if action == "label" and comps:
        return ChangeElements(doc, {comps[n % len(comps)]: {"label": f"L{n}"}}, "Rename")
    if action == "delete" and ids:
        return RemoveElements(doc, [ids[n % len(ids)]])
    if action in ("front", "back") and ids:
        return Reorder(doc, [ids[n % len(ids)]], to_front=action == "front")
    if action == "rewire" and conns and comps:
        return ChangeElements(doc, {conns[n % len(conns)]: {"target": comps[n % len(comps)]}})
    return None


@settings(max_examples=150, deadline=None)
@given(st.lists(step, max_size=40))
def test_undo_all_then_redo_all(steps):
    doc = initial_document()
    start = doc.to_data()
    done = []
    for action, n, x, y in steps:
        edit = make_edit(doc, action, n, x, y)
        if edit is not None:
            edit.apply(doc)
            done.append(edit)
    final = doc.to_data()
    for edit in reversed(done):
        edit.revert(doc)
    assert doc.to_data() == start
    for edit in done:
        edit.apply(doc)
    assert doc.to_data() == final
