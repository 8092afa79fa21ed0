"""Whatever a file holds, importing it ends in a board or in one InteropError: never
another exception. Fuzzed from the fixtures (bytes cut, flipped, spliced) and from
random JSON put where Excalidraw's fields and draw.io's attributes go."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdi_desktop.domain.interop.importer import import_bytes
from sdi_desktop.domain.interop.report import InteropError

DATA = Path(__file__).resolve().parents[2] / "data" / "interop"
FIXTURES = sorted(p for p in DATA.iterdir() if p.suffix != ".py" and not p.name.startswith("bad"))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = [
    "type",
    "x",
    "y",
    "width",
    "height",
    "points",
    "text",
    "originalText",
    "containerId",
    "startBinding",
    "endBinding",
    "start",
    "end",
    "label",
    "customData",
    "isDeleted",
    "strokeStyle",
    "startArrowhead",
    "endArrowhead",
    "fontSize",
    "name",
    "id",
    "strokeWidth",
    "backgroundColor",
    "boundElements",
]


def imports_or_says_why(data: bytes, name: str = "fuzzed.excalidraw") -> None:
    try:
        import_bytes(data, name)
    except InteropError as exc:
        assert str(exc).startswith(f"{name}: ")
        # the importer's last-resort catch (a bug met on the way) must never be what answered
        assert "please report this file" not in str(exc), str(exc)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_fixtures_never_raise_anything_else(fixture, data):
    raw = bytearray(fixture.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        where = data.draw(st.integers(0, max(0, len(raw) - 1)))
        action = data.draw(st.sampled_from(["cut", "flip", "drop", "splice"]))
        if action == "cut":
            raw = raw[:where]
        elif action == "flip" and raw:
            raw[where] = data.draw(st.integers(0, 255))
        elif action == "drop":
            del raw[where : where + data.draw(st.integers(1, 40))]
        else:
            raw[where:where] = data.draw(
                st.sampled_from([b'"', b"{", b"]", b"<", b"/>", b"&", b"\\"])
            )
    imports_or_says_why(bytes(raw))


@settings(max_examples=150, deadline=None)
@given(
    elements=st.lists(
        st.fixed_dictionaries(
            {
                "type": st.sampled_from(
                    [
                        "rectangle",
                        "ellipse",
                        "diamond",
                        "text",
                        "arrow",
                        "line",
                        "freedraw",
                        "frame",
                        "image",
                        "embeddable",
                    ]
                ),
                "id": st.sampled_from(["a", "b", "c", "d"]),
            },
            optional={f: json_values for f in FIELDS if f not in ("type", "id")},
        ),
        max_size=8,
    )
)
def test_random_excalidraw_fields_never_raise_anything_else(elements):
    imports_or_says_why(json.dumps({"type": "excalidraw", "elements": elements}).encode())


ATTRS = st.sampled_from(
    [
        "x",
        "y",
        "width",
        "height",
        "style",
        "value",
        "parent",
        "source",
        "target",
        "vertex",
        "edge",
        "id",
        "label",
        "placeholders",
        "as",
    ]
)
VALUES = st.sampled_from(
    [
        "1",
        "0",
        "-5",
        "1e400",
        "nan",
        "inf",
        "a",
        "",
        "0",
        "1",
        "2",
        "shape=cylinder3",
        "group",
        "text;html=1",
        "swimlane",
        "<b>x</b>",
        "image;image=data:x",
        "container=1",
        "%name%",
        "geometry",
        "points",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    cells=st.lists(
        st.tuples(
            st.sampled_from(["mxCell", "UserObject", "object", "mxGeometry", "foo"]),
            st.dictionaries(ATTRS, VALUES, max_size=6),
            st.booleans(),
        ),
        max_size=10,
    )
)
def test_random_drawio_cells_never_raise_anything_else(cells):
    from xml.sax.saxutils import quoteattr

    parts = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>']
    for tag, attrs, with_geometry in cells:
        text = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items())
        inner = (
            '<mxGeometry x="1" y="2" width="30" height="40" as="geometry"/>'
            if with_geometry
            else ""
        )
        if tag in ("UserObject", "object"):
            inner = f'<mxCell vertex="1" parent="1">{inner}</mxCell>'
        parts.append(f"<{tag} {text}>{inner}</{tag}>")
    model = f"<mxGraphModel><root>{''.join(parts)}</root></mxGraphModel>"
    doc = f'<mxfile><diagram name="P">{model}</diagram></mxfile>'
    imports_or_says_why(doc.encode(), "fuzzed.drawio")


MERMAID_TOKENS = st.sampled_from(
    ["A", "B", "c1", " ", "\n", "-->", "---", "-.->", "==>", "<-->", "--o", "--x", "~~~", "&",
     "|", "|x|", "[", "]", "(", ")", "{", "}", "[(", ")]", ">", "/", "\\", '"', ";", ":::k",
     "subgraph", "end", "class", "classDef", "style", "%%", "@{", "shape: cyl", "label: x",
     "-- t -->", "#quot;", "<br>", "`"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(tokens=st.lists(MERMAID_TOKENS, max_size=40))
def test_random_flowcharts_never_raise_anything_else(tokens):
    imports_or_says_why(("flowchart LR\n" + "".join(tokens)).encode(), "fuzzed.mmd")
