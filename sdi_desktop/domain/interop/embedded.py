"""Diagrams carried inside exported images: ``.excalidraw.svg`` and ``.excalidraw.png``
(Excalidraw's "embed scene" export) and ``.drawio.png``.

Excalidraw keeps the scene as JSON ``{"encoded", "encoding": "bstring", "compressed"}``
(zlib-deflated bytes written as a byte string), base64 in an SVG comment or as a PNG
``tEXt`` chunk; draw.io keeps its URL-encoded XML in a PNG ``tEXt`` or ``zTXt`` chunk
named ``mxfile``. Every size is capped as the rest of the importers cap it.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import struct
import zlib
from urllib.parse import unquote

from sdi_desktop.domain.interop.safe_xml import MAX_INFLATED, UnsafeInput

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EXCALIDRAW_MIME = "application/vnd.excalidraw+json"
_SVG_PAYLOAD = re.compile(r"<!-- payload-start -->\s*(.+?)\s*<!-- payload-end -->", re.DOTALL)


def _inflate(data: bytes, wbits: int = zlib.MAX_WBITS) -> bytes:
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(data, MAX_INFLATED)
    except zlib.error as exc:
        raise UnsafeInput(f"the embedded drawing does not inflate ({exc})") from None
    if inflater.unconsumed_tail:
        raise UnsafeInput(f"the embedded drawing inflates past {MAX_INFLATED // 2**20} MB")
    return out


def excalidraw_scene(wrapper_json: str) -> str:
    """The scene JSON from Excalidraw's embedded-data wrapper (or the scene itself)."""
    try:
        data = json.loads(wrapper_json)
    except json.JSONDecodeError:
        raise UnsafeInput("the embedded drawing is not valid JSON") from None
    if not isinstance(data, dict) or "encoded" not in data:
        return wrapper_json  # the oldest exports held the scene as it is
    encoded = data.get("encoded")
    if not isinstance(encoded, str):
        raise UnsafeInput("the embedded drawing has no data")
    try:
        raw = encoded.encode("latin-1")  # a byte string: one character a byte
    except UnicodeEncodeError:
        raw = encoded.encode("utf-8")
    if data.get("compressed"):
        raw = _inflate(raw)
    return raw.decode("utf-8", errors="replace")


def excalidraw_from_svg(text: str) -> str | None:
    """The scene inside an ``.excalidraw.svg``, or None if it has none."""
    if EXCALIDRAW_MIME not in text:
        return None
    found = _SVG_PAYLOAD.search(text)
    if found is None:
        raise UnsafeInput("an Excalidraw SVG whose embedded drawing is missing")
    try:
        wrapper = base64.b64decode("".join(found.group(1).split()), validate=True)
    except (binascii.Error, ValueError):
        raise UnsafeInput("the SVG's embedded drawing is not valid base64") from None
    version = re.search(r"<!-- payload-version:(\d+) -->", text)
    if version is not None and version.group(1) == "1":
        return excalidraw_scene(wrapper.decode("utf-8", errors="replace"))
    return excalidraw_scene(wrapper.decode("latin-1"))


def png_text_chunks(raw: bytes) -> dict[str, str]:
    """The PNG's text chunks (tEXt, zTXt, iTXt), keyword -> text."""
    chunks: dict[str, str] = {}
    pos = len(PNG_SIGNATURE)
    while pos + 8 <= len(raw):
        (length,) = struct.unpack(">I", raw[pos : pos + 4])
        kind = raw[pos + 4 : pos + 8]
        body = raw[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if len(body) < length:
            raise UnsafeInput("the PNG is cut short")
        if kind in (b"tEXt", b"zTXt", b"iTXt"):
            keyword, _, rest = body.partition(b"\0")
            name = keyword.decode("latin-1")
            if kind == b"tEXt":
                chunks[name] = rest.decode("latin-1")
            elif kind == b"zTXt":
                chunks[name] = _inflate(rest[1:]).decode("latin-1")
            else:
                compressed, _method = rest[:1], rest[1:2]
                _lang, _, rest = rest[2:].partition(b"\0")
                _translated, _, text = rest.partition(b"\0")
                chunks[name] = (_inflate(text) if compressed == b"\1" else text).decode("utf-8")
        if kind == b"IEND":
            break
    return chunks


def diagram_from_png(raw: bytes) -> tuple[str, str] | None:
    """("excalidraw", scene JSON) or ("drawio", XML) from a PNG, or None if it has none."""
    chunks = png_text_chunks(raw)
    if EXCALIDRAW_MIME in chunks:
        return "excalidraw", excalidraw_scene(chunks[EXCALIDRAW_MIME])
    if "mxfile" in chunks:
        value = chunks["mxfile"]
        return "drawio", unquote(value) if not value.lstrip().startswith("<") else value
    return None
