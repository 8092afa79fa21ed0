# ruff: noqa: E501  (XML and JSON written as the apps write them, one cell a line)
"""Writes the interop fixtures in this folder (run it again after changing it).

Each file imitates one generation of Excalidraw's schema or one draw.io variant, as
the apps write them; the expected counts are in tests/unit/interop/test_importers.py.
Made for this project; no third-party drawing is copied.
"""

from __future__ import annotations

import base64
import json
import zlib
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent


def common(kind, id_, x, y, w, h, **extra):
    data = {
        "type": kind,
        "version": 12,
        "versionNonce": 1234,
        "isDeleted": False,
        "id": id_,
        "fillStyle": "hachure",
        "strokeWidth": 1,
        "strokeStyle": "solid",
        "roughness": 1,
        "opacity": 100,
        "angle": 0,
        "x": x,
        "y": y,
        "strokeColor": "#000000",
        "backgroundColor": "transparent",
        "width": w,
        "height": h,
        "seed": 42,
        "groupIds": [],
        "updated": 1650000000000,
        "link": None,
    }
    data.update(extra)
    return data


def text(id_, x, y, value, container=None, size=20, **extra):
    lines = value.splitlines()
    return common(
        "text",
        id_,
        x,
        y,
        max(len(line) for line in lines) * size * 0.6,
        25 * len(lines),
        text=value,
        rawText=value,
        fontSize=size,
        fontFamily=1,
        textAlign="left",
        verticalAlign="top",
        baseline=18,
        containerId=container,
        originalText=value,
        **extra,
    )


def arrow(id_, x, y, dx, dy, start=None, end=None, binding=None, **extra):
    def bind(target):
        if target is None:
            return None
        return {"elementId": target, "focus": 0.1, "gap": 4, **(binding or {})}

    heads = {"startArrowhead": None, "endArrowhead": "arrow", **extra}
    return common(
        "arrow",
        id_,
        x,
        y,
        abs(dx),
        abs(dy),
        points=[[0, 0], [dx, dy]],
        lastCommittedPoint=None,
        startBinding=bind(start),
        endBinding=bind(end),
        **heads,
    )


def write_json(name, elements, kind="excalidraw", **extra):
    doc = {"type": kind, "version": 2, "source": "https://excalidraw.com", "elements": elements}
    doc.update(extra)
    (HERE / name).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")


def excalidraw_2021():
    """Before bound text: labels are free text laid over shapes, text used as nodes,
    strokeSharpness and boundElementIds, no index, no roundness."""
    old = {"strokeSharpness": "sharp"}
    els = [
        common("rectangle", "r-lb", 0, 0, 160, 80, boundElementIds=["a1", "a2"], **old),
        text("t-lb", 30, 28, "LB (nginx)", **old),
        common("ellipse", "e-db", 400, 0, 160, 100, boundElementIds=["a1"], **old),
        text("t-db", 430, 35, "Postgres", **old),
        text("t-users", -300, 20, "Users", boundElementIds=["a2"], **old),
        arrow("a1", 160, 40, 240, 10, "r-lb", "e-db", strokeSharpness="round"),
        arrow("a2", -200, 35, 200, 5, "t-users", "r-lb", strokeSharpness="round"),
        arrow("a3", 80, 80, 0, 120, "r-lb", None, strokeSharpness="round"),  # one end free
        text("t-note", 0, 300, "remember: 10k rps", **old),
    ]
    write_json("excalidraw-2021-free-text.excalidraw", els)


def excalidraw_2023():
    """Bound text (containerId / boundElements), strokeSharpness still, no index;
    a deleted element and an embedded image."""
    old = {"strokeSharpness": "round"}
    els = [
        common(
            "rectangle",
            "svc",
            0,
            0,
            180,
            80,
            boundElements=[{"type": "text", "id": "svc-t"}, {"type": "arrow", "id": "q1"}],
            **old,
        ),
        text("svc-t", 20, 28, "Order service", container="svc", **old),
        common(
            "rectangle",
            "mq",
            400,
            0,
            180,
            80,
            boundElements=[{"type": "text", "id": "mq-t"}, {"type": "arrow", "id": "q1"}],
            **old,
        ),
        text("mq-t", 420, 28, "RabbitMQ", container="mq", **old),
        arrow(
            "q1",
            180,
            40,
            220,
            0,
            "svc",
            "mq",
            strokeStyle="dashed",
            boundElements=[{"type": "text", "id": "q1-t"}],
            **old,
        ),
        text("q1-t", 260, 30, "order placed", container="q1", size=16, **old),
        common("rectangle", "gone", 0, 300, 100, 60, isDeleted=True, **old),
        common("image", "img", 700, 0, 120, 120, fileId="f1", status="saved", scale=[1, 1], **old),
    ]
    write_json(
        "excalidraw-2023-bound-text.excalidraw",
        els,
        files={
            "f1": {
                "mimeType": "image/png",
                "id": "f1",
                "dataURL": "data:image/png;base64,iVBORw0KGgo=",
                "created": 1,
            }
        },
    )


def excalidraw_2024():
    """roundness objects and fractional index; a frame, a grouped outline, freedraw,
    a plain line, an arrow with arrowheads at both ends."""
    new = {"roundness": {"type": 3}, "frameId": None}
    idx = iter(f"a{i}" for i in range(100))

    def n(el):
        el["index"] = next(idx)
        return el

    els = [
        n(common("frame", "fr", -40, -60, 700, 260, name="Read path", roundness=None)),
        n(
            common(
                "rectangle",
                "api",
                0,
                0,
                160,
                80,
                frameId="fr",
                roundness={"type": 3},
                boundElements=[{"type": "text", "id": "api-t"}],
            )
        ),
        n(text("api-t", 20, 28, "API gateway", container="api", frameId="fr")),
        n(
            common(
                "diamond",
                "cache",
                400,
                0,
                160,
                100,
                frameId="fr",
                roundness={"type": 2},
                boundElements=[{"type": "text", "id": "cache-t"}],
            )
        ),
        n(text("cache-t", 430, 35, "Redis", container="cache", frameId="fr")),
        n(
            arrow(
                "both",
                160,
                40,
                240,
                10,
                "api",
                "cache",
                startArrowhead="arrow",
                endArrowhead="triangle",
                roundness={"type": 2},
            )
        ),
        # a dashed outline grouped with what it encloses: a zone
        n(
            common(
                "rectangle",
                "outline",
                -40,
                300,
                600,
                200,
                strokeStyle="dashed",
                groupIds=["g1"],
                **new,
            )
        ),
        n(text("outline-t", -30, 305, "Workers", groupIds=["g1"])),
        n(
            common(
                "rectangle",
                "w1",
                0,
                360,
                140,
                70,
                groupIds=["g1"],
                boundElements=[{"type": "text", "id": "w1-t"}],
                **new,
            )
        ),
        n(text("w1-t", 10, 380, "thumbnailer", container="w1")),
        n(
            common(
                "rectangle",
                "w2",
                300,
                360,
                140,
                70,
                groupIds=["g1"],
                boundElements=[{"type": "text", "id": "w2-t"}],
                **new,
            )
        ),
        n(text("w2-t", 310, 380, "cron job", container="w2")),
        n(
            common(
                "freedraw",
                "pen",
                700,
                300,
                50,
                40,
                points=[[0, 0], [10, 20], [50, 40]],
                pressures=[0.5, 0.5, 0.5],
                simulatePressure=False,
                **new,
            )
        ),
        n(
            common(
                "line",
                "ln",
                700,
                400,
                100,
                0,
                points=[[0, 0], [100, 0]],
                startBinding=None,
                endBinding=None,
                **new,
            )
        ),
        n(common("embeddable", "yt", 900, 0, 300, 200, link="https://example.com", **new)),
    ]
    write_json("excalidraw-2024-frames.excalidraw", els)


def excalidraw_2025():
    """Elbow arrows with fixedPoint / mode bindings and fixedSegments."""
    new = {"roundness": None, "frameId": None}
    els = [
        common(
            "rectangle",
            "a",
            0,
            0,
            160,
            80,
            index="a0",
            boundElements=[{"type": "text", "id": "a-t"}, {"type": "arrow", "id": "el"}],
            **new,
        ),
        text("a-t", 20, 28, "Kafka", container="a", index="a1", autoResize=True, lineHeight=1.25),
        common(
            "rectangle",
            "b",
            400,
            200,
            160,
            80,
            index="a2",
            boundElements=[{"type": "text", "id": "b-t"}, {"type": "arrow", "id": "el"}],
            **new,
        ),
        text("b-t", 420, 228, "Stream consumer", container="b", index="a3", lineHeight=1.25),
        common(
            "arrow",
            "el",
            160,
            40,
            320,
            160,
            index="a4",
            elbowed=True,
            points=[[0, 0], [160, 0], [160, 200], [320, 200]],
            startBinding={"elementId": "a", "fixedPoint": [1.0001, 0.5], "mode": "orbit"},
            endBinding={
                "elementId": "b",
                "fixedPoint": [-0.0001, 0.5],
                "mode": "inside",
                "focus": 0,
                "gap": 0,
            },
            fixedSegments=[{"index": 2, "start": [160, 0], "end": [160, 200]}],
            startIsSpecial=False,
            endIsSpecial=False,
            startArrowhead=None,
            endArrowhead="arrow",
            lastCommittedPoint=None,
            **new,
        ),
    ]
    write_json("excalidraw-2025-elbow.excalidraw", els)


def excalidraw_icons():
    """A library icon (a cylinder drawn as ellipses, a rectangle and lines, with its
    caption grouped in) and an arrow bound to one of its parts."""
    g = {"groupIds": ["inner", "icon"], "roundness": None}
    els = [
        common("rectangle", "api", 0, 0, 160, 80, boundElements=[{"type": "text", "id": "api-t"}]),
        text("api-t", 20, 28, "Order service", container="api"),
        common("ellipse", "top", 400, 0, 80, 20, **g),
        common(
            "rectangle",
            "body",
            400,
            10,
            80,
            70,
            boundElements=[{"type": "arrow", "id": "to-db"}],
            **g,
        ),
        common("line", "left", 400, 10, 0, 70, points=[[0, 0], [0, 70]], **g),
        common("ellipse", "bottom", 400, 70, 80, 20, **g),
        text("cap", 405, 95, "Orders DB", groupIds=["icon"], size=16),
        arrow("to-db", 160, 40, 240, 5, "api", "body"),
    ]
    write_json("excalidraw-library-icon.excalidraw", els)


def clipboard_and_skeleton():
    els = [
        common("rectangle", "c1", 0, 0, 150, 70, label={"text": "S3 bucket"}),
        common("rectangle", "c2", 300, 0, 150, 70, label={"text": "CDN"}),
        {
            "type": "arrow",
            "id": "c3",
            "x": 150,
            "y": 35,
            "width": 150,
            "height": 0,
            "start": {"id": "c2"},
            "end": {"id": "c1"},
            "label": {"text": "origin fetch"},
        },
    ]
    write_json("excalidraw-clipboard.json", els, kind="excalidraw/clipboard", files={})


def dangling():
    els = [
        common("rectangle", "x", 0, 0, 150, 70, boundElements=[{"type": "text", "id": "x-t"}]),
        text("x-t", 10, 20, "Auth", container="x"),
        arrow("to-nowhere", 150, 35, 200, 0, "x", "missing-shape"),
        text("orphan", 0, 200, "lost label", container="missing-box"),
    ]
    write_json("excalidraw-dangling.excalidraw", els)


def obsidian():
    els = [
        common("rectangle", "o1", 0, 0, 150, 70, boundElements=[{"type": "text", "id": "o2"}]),
        text("o2", 10, 20, "Web server", container="o1"),
    ]
    body = json.dumps(
        {"type": "excalidraw", "version": 2, "source": "obsidian", "elements": els}, indent="\t"
    )
    note = (
        "---\nexcalidraw-plugin: parsed\n---\n# Text Elements\nWeb server ^o2\n\n%%\n"
        f"# Drawing\n```json\n{body}\n```\n%%\n"
    )
    (HERE / "obsidian.excalidraw.md").write_text(note, encoding="utf-8")


# -- draw.io ----------------------------------------------------------------------------------
CELLS = """<mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="users" value="Users" style="shape=umlActor;verticalLabelPosition=bottom;html=1;" vertex="1" parent="1"><mxGeometry x="0" y="100" width="30" height="60" as="geometry"/></mxCell>
<mxCell id="lb" value="&lt;b&gt;Load&lt;/b&gt;&lt;br&gt;balancer" style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="1"><mxGeometry x="120" y="90" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="vpc" value="VPC" style="swimlane;whiteSpace=wrap;html=1;" vertex="1" parent="1"><mxGeometry x="300" y="0" width="420" height="300" as="geometry"/></mxCell>
<mxCell id="app" value="App&amp;nbsp;tier" style="sketch=0;outlineConnect=0;shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.ec2;html=1;" vertex="1" parent="vpc"><mxGeometry x="40" y="60" width="78" height="78" as="geometry"/></mxCell>
<mxCell id="db" value="" style="shape=cylinder3;whiteSpace=wrap;html=1;boundedLbl=1;" vertex="1" parent="vpc"><mxGeometry x="260" y="60" width="60" height="80" as="geometry"/></mxCell>
<mxCell id="db-label" value="orders" style="text;html=1;" vertex="1" parent="vpc"><mxGeometry x="265" y="90" width="50" height="20" as="geometry"/></mxCell>
<mxCell id="logo" value="" style="shape=image;image=data:image/png,iVBORw0KGgo=;" vertex="1" parent="1"><mxGeometry x="800" y="0" width="40" height="40" as="geometry"/></mxCell>
<mxCell id="grp" value="" style="group" vertex="1" connectable="0" parent="1"><mxGeometry x="0" y="400" width="400" height="100" as="geometry"/></mxCell>
<mxCell id="q" value="Jobs" style="shape=mxgraph.azure.service_bus;html=1;" vertex="1" parent="grp"><mxGeometry x="0" y="20" width="100" height="60" as="geometry"/></mxCell>
<mxCell id="wk" value="Resizer" style="whiteSpace=wrap;html=1;" vertex="1" parent="grp"><mxGeometry x="300" y="20" width="100" height="60" as="geometry"/></mxCell>
<mxCell id="e1" style="edgeStyle=orthogonalEdgeStyle;html=1;" edge="1" parent="1" source="users" target="lb"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" value="HTTPS" style="html=1;startArrow=classic;" edge="1" parent="1" source="lb" target="app"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3" style="html=1;dashed=1;" edge="1" parent="vpc" source="app" target="db"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3-label" value="writes" style="edgeLabel;html=1;" vertex="1" connectable="0" parent="e3"><mxGeometry x="-0.1" relative="1" as="geometry"><mxPoint as="offset"/></mxGeometry></mxCell>
<mxCell id="e4" style="html=1;endArrow=none;startArrow=block;" edge="1" parent="grp" source="wk" target="q"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e5" style="html=1;" edge="1" parent="1" source="lb"><mxGeometry relative="1" as="geometry"><mxPoint x="180" y="300" as="targetPoint"/></mxGeometry></mxCell>
<mxCell id="e6" style="html=1;" edge="1" parent="1" source="lb" target="nobody"><mxGeometry relative="1" as="geometry"/></mxCell>"""


def model(cells: str) -> str:
    return f'<mxGraphModel dx="1000" dy="800" grid="1" gridSize="10"><root>{cells}</root></mxGraphModel>'


def compress(xml: str) -> str:
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw = packer.compress(quote(xml, safe="~()*!.'").encode()) + packer.flush()
    return base64.b64encode(raw).decode()


def mxfile(*pages: str) -> str:
    return f'<mxfile host="app.diagrams.net" version="24.7.17">{"".join(pages)}</mxfile>\n'


def drawio():
    plain = f'<diagram id="p1" name="Architecture">{model(CELLS)}</diagram>'
    (HERE / "drawio-plain.drawio").write_text(mxfile(plain), encoding="utf-8")
    packed = f'<diagram id="p1" name="Architecture">{compress(model(CELLS))}</diagram>'
    (HERE / "drawio-compressed.drawio").write_text(mxfile(packed), encoding="utf-8")
    second = model(
        '<mxCell id="0"/><mxCell id="1" parent="0"/>'
        '<mxCell id="s" value="Search" style="whiteSpace=wrap;" vertex="1" parent="1">'
        '<mxGeometry x="0" y="0" width="120" height="60" as="geometry"/></mxCell>'
    )
    pages = mxfile(
        packed,
        f'<diagram id="p2" name="Search">{compress(second)}</diagram>',
        '<diagram id="p3" name="Empty"></diagram>',
    )
    (HERE / "drawio-pages.drawio").write_text(pages, encoding="utf-8")
    (HERE / "drawio-bare-model.xml").write_text(model(CELLS) + "\n", encoding="utf-8")
    wrapped = """<mxCell id="0"/><mxCell id="1" parent="0"/>
<UserObject label="%name% (%tier%)" placeholders="1" name="Checkout" tier="gold" id="u1"><mxCell style="rounded=0;whiteSpace=wrap;html=1;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="160" height="60" as="geometry"/></mxCell></UserObject>
<object label="Sessions" sdiKind="cache" id="u2"><mxCell style="whiteSpace=wrap;" vertex="1" parent="1"><mxGeometry x="300" y="0" width="160" height="60" as="geometry"/></mxCell></object>
<UserObject label="" link="https://example.com" id="u3"><mxCell edge="1" parent="1" source="u1" target="u2" style="endArrow=classic;"><mxGeometry relative="1" as="geometry"/></mxCell></UserObject>"""
    (HERE / "drawio-userobject.drawio").write_text(
        mxfile(f'<diagram id="w" name="Wrapped">{model(wrapped)}</diagram>'), encoding="utf-8"
    )
    svg_content = mxfile(packed).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" '
        f'content="{svg_content.strip()}"><rect width="10" height="10"/></svg>\n'
    )
    (HERE / "drawio-embedded.drawio.svg").write_text(svg, encoding="utf-8")


def png(chunks: list[tuple[bytes, bytes]]) -> bytes:
    """A 1x1 white PNG with the given extra chunks before the image data."""
    import struct

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    parts = [chunk(b"IHDR", ihdr), *(chunk(k, b) for k, b in chunks), chunk(b"IDAT", pixels)]
    return b"\x89PNG\r\n\x1a\n" + b"".join(parts) + chunk(b"IEND", b"")


def embedded():
    """Excalidraw's "embed scene" SVG and PNG exports, and a draw.io PNG with its diagram."""
    scene = (HERE / "excalidraw-2023-bound-text.excalidraw").read_text(encoding="utf-8")
    packed = zlib.compress(scene.encode("utf-8")).decode("latin-1")
    wrapper = json.dumps(
        {"version": "1", "encoding": "bstring", "compressed": True, "encoded": packed}
    )
    payload = base64.b64encode(wrapper.encode("latin-1")).decode()
    svg = (
        '<svg version="1.1" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">\n'
        "  <!-- svg-source:excalidraw -->\n  <metadata>\n"
        "    <!-- payload-type:application/vnd.excalidraw+json -->"
        "<!-- payload-version:2 --><!-- payload-start -->"
        f'{payload}<!-- payload-end -->\n  </metadata>\n  <rect width="10" height="10"/>\n</svg>\n'
    )
    (HERE / "excalidraw-embedded.excalidraw.svg").write_text(svg, encoding="utf-8")
    text = b"application/vnd.excalidraw+json\0" + wrapper.encode("latin-1")
    (HERE / "excalidraw-embedded.excalidraw.png").write_bytes(png([(b"tEXt", text)]))
    xml = (HERE / "drawio-compressed.drawio").read_text(encoding="utf-8").strip()
    body = b"mxfile\0" + quote(xml, safe="").encode()
    (HERE / "drawio-embedded.drawio.png").write_bytes(png([(b"tEXt", body)]))
    (HERE / "bad-plain-image.png").write_bytes(png([]))


def drawio_cards():
    """Cloud-template cards: an empty rounded card, with the icon and the label drawn on it
    as a part (part=1, geometry relative to the card); the edges join the cards."""
    cells = """<mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="c1" value="" style="strokeColor=#dddddd;rounded=1;html=1;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="150" height="44" as="geometry"/></mxCell>
<mxCell id="c1-icon" value="Cloud&#xa;SQL" style="html=1;shape=mxgraph.gcp2.cloud_sql;part=1;labelPosition=right;" vertex="1" parent="c1"><mxGeometry y="0.5" width="32" height="32" relative="1" as="geometry"><mxPoint x="5" y="-16" as="offset"/></mxGeometry></mxCell>
<mxCell id="c2" value="Players" style="strokeColor=#dddddd;rounded=1;html=1;" vertex="1" parent="1"><mxGeometry x="300" y="0" width="70" height="85" as="geometry"/></mxCell>
<mxCell id="c2-icon" value="" style="shape=mxgraph.gcp2.laptop;part=1;" vertex="1" parent="c2"><mxGeometry x="0.5" width="50" height="33" relative="1" as="geometry"><mxPoint x="-25" y="18" as="offset"/></mxGeometry></mxCell>
<mxCell id="e" style="startArrow=blockThin;endArrow=blockThin;html=1;" edge="1" parent="1" source="c2" target="c1-icon"><mxGeometry relative="1" as="geometry"/></mxCell>"""
    (HERE / "drawio-cards.drawio").write_text(
        mxfile(f'<diagram id="k" name="Cards">{model(cells)}</diagram>'), encoding="utf-8"
    )


def bad():
    (HERE / "bad-truncated.excalidraw").write_text(
        (HERE / "excalidraw-2023-bound-text.excalidraw").read_text()[:700], encoding="utf-8"
    )
    junk = base64.b64encode(b"this is not deflate data at all" * 3).decode()
    (HERE / "bad-not-inflating.drawio").write_text(
        mxfile(f'<diagram id="x" name="Broken">{junk}</diagram>'), encoding="utf-8"
    )
    (HERE / "bad-entities.drawio").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
        '"&lol;&lol;&lol;&lol;">]>\n<mxfile><diagram name="x">&lol2;</diagram></mxfile>\n',
        encoding="utf-8",
    )
    (HERE / "bad-wrong-type.drawio").write_text("Name,Owner\nOrders,team-a\n", encoding="utf-8")
    (HERE / "bad-library.excalidraw").write_text(
        json.dumps({"type": "excalidrawlib", "version": 2, "libraryItems": []}) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    excalidraw_2021()
    excalidraw_2023()
    excalidraw_2024()
    excalidraw_2025()
    excalidraw_icons()
    clipboard_and_skeleton()
    dangling()
    obsidian()
    drawio()
    drawio_cards()
    embedded()
    bad()
