"""Bad input: one message naming the file and what is wrong, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sdi_desktop.domain.interop.importer import MAX_BYTES, import_bytes, import_file
from sdi_desktop.domain.interop.report import InteropError

DATA = Path(__file__).resolve().parents[2] / "data" / "interop"


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("bad-truncated.excalidraw", "not valid JSON, the file may be cut short"),
        ("bad-not-inflating.drawio", "page 1 ('Broken'): the compressed page does not inflate"),
        ("bad-entities.drawio", "declares a DOCTYPE or entities"),
        ("bad-wrong-type.drawio", "not an Excalidraw, draw.io or Mermaid file"),
        ("bad-library.excalidraw", "an Excalidraw library"),
        ("bad-plain-image.png", "a PNG image with no diagram inside"),
    ],
)
def test_bad_fixtures_are_one_clear_message(name, says):
    with pytest.raises(InteropError) as caught:
        import_file(DATA / name)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    assert says in message
    assert "\n" not in message


def test_a_20_mb_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "huge.excalidraw"
    with big.open("wb") as f:
        f.truncate(20 * 1024 * 1024)
    with pytest.raises(
        InteropError, match=r"huge.excalidraw: the file is 20.0 MB; .* at most 16 MB"
    ):
        import_file(big)
    assert MAX_BYTES < 20 * 1024 * 1024


def test_a_missing_page_names_the_pages_there_are():
    with pytest.raises(InteropError, match="has 3 pages; choose a page from 1 to 3"):
        import_file(DATA / "drawio-pages.drawio", page=5)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", "the PNG is cut short"),
        (b"\xff\xfe\x00bad", "not a text file"),
        (b"[1, 2]", "not an Excalidraw drawing"),
        (b'{"type": "excalidraw"}', "no 'elements' list"),
        (b"<html><body>hi</body></html>", "not a draw.io diagram (its XML starts with <html>)"),
        (b"<mxfile><diagram>", "not well-formed XML"),
        (b"<mxfile></mxfile>", "a draw.io file with no pages"),
        (b'<mxfile><diagram name="P">@@@not base64@@@</diagram></mxfile>', "not valid base64"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (json.dumps({"format": "sdi-session"}).encode(), "use 'sessions import'"),
    ],
)
def test_malformed_input_is_one_message(data, says):
    with pytest.raises(InteropError) as caught:
        import_bytes(data, "thing.drawio")
    assert str(caught.value).startswith("thing.drawio: ")
    assert says in str(caught.value)


def test_a_zip_bomb_page_is_cut_off(monkeypatch):
    import base64
    import zlib

    from sdi_desktop.domain.interop import safe_xml

    monkeypatch.setattr(safe_xml, "MAX_INFLATED", 1024 * 1024)
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    bomb = base64.b64encode(packer.compress(b"%3C" + b"A" * (8 * 1024 * 1024)) + packer.flush())
    doc = b'<mxfile><diagram name="P">' + bomb + b"</diagram></mxfile>"
    assert len(doc) < 64 * 1024
    with pytest.raises(InteropError, match="inflates past 1 MB"):
        import_bytes(doc, "bomb.drawio")


@pytest.mark.parametrize(
    "element",
    [
        {"type": "rectangle", "id": "r", "x": "left", "y": 0, "width": 10, "height": 10},
        {"type": "arrow", "id": "a", "x": 0, "y": 0, "points": [[0, 0], ["a", 1]]},
        {"type": "freedraw", "id": "f", "x": 0, "y": 0, "points": "no"},
        "not an object",
        {"type": "rectangle", "id": "n", "x": float("1e308") * 10, "y": 0},
    ],
)
def test_one_malformed_element_is_left_out_with_a_warning_and_the_rest_is_read(element):
    good = {"type": "rectangle", "id": "ok", "x": 0, "y": 0, "width": 100, "height": 50}
    text = json.dumps({"type": "excalidraw", "elements": [good, element]})
    result = import_bytes(text, "one-bad.excalidraw")
    assert result.report.components == 1
    assert result.report.left_out["malformed element"] == 1


def test_huge_coordinates_are_kept_inside_the_board_format():
    shapes = [
        {"type": "rectangle", "id": "a", "x": -1e15, "y": 5e14, "width": 1e12, "height": -3},
        {"type": "rectangle", "id": "b", "x": 0, "y": 0, "width": 100, "height": 50},
    ]
    result = import_bytes(json.dumps({"type": "excalidraw", "elements": shapes}), "far.excalidraw")
    assert result.report.components == 2
