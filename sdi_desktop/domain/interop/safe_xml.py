"""XML and compressed text from files nobody vouched for, read with limits.

The standard library's parser expands entities a document declares itself (the
"billion laughs"), so a document with a DOCTYPE is refused outright: draw.io never
writes one. Inflating is capped, so a small "zip bomb" page cannot fill memory.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from urllib.parse import unquote
from xml.etree import ElementTree as ET

MAX_INFLATED = 64 * 1024 * 1024  # bytes one compressed page may grow to


class UnsafeInput(ValueError):
    """Input refused before or while parsing; the message says why, for a person."""


_DECLARATIONS = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def parse_xml(data: bytes | str) -> ET.Element:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if _DECLARATIONS.search(raw):
        raise UnsafeInput("it declares a DOCTYPE or entities, which a diagram never needs")
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise UnsafeInput(f"not well-formed XML ({exc})") from None


def inflate_page(text: str) -> str:
    """A draw.io compressed page: base64 of raw deflate of the URL-encoded XML."""
    try:
        packed = base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raise UnsafeInput("the compressed page is not valid base64") from None
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        out = inflater.decompress(packed, MAX_INFLATED)
    except zlib.error as exc:
        raise UnsafeInput(f"the compressed page does not inflate ({exc})") from None
    if inflater.unconsumed_tail:
        raise UnsafeInput(f"the compressed page inflates past {MAX_INFLATED // 2**20} MB")
    if not inflater.eof:
        raise UnsafeInput("the compressed page is cut short (it does not inflate completely)")
    try:
        decoded = out.decode("utf-8")
    except UnicodeDecodeError:
        decoded = out.decode("latin-1")
    return unquote(decoded) if not decoded.lstrip().startswith("<") else decoded
