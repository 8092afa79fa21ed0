"""The board's versioned JSON format: write, read (one reader per version), validate.

Reading parses the text into plain data, validates it against the pydantic
model of its version (the same models generate ``schemas/board-v1.schema.json``),
checks what a schema cannot (unique ids, connector ends), and only then builds
elements. Every failure is a ``BoardFormatError`` whose message names the place
and the problem. pydantic is imported only when a board is read, never at start-up.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sdi_desktop.domain.board.elements import Element, element_from_dict

FORMAT_NAME = "sdi-board"
CURRENT_VERSION = 2
# Version 2 (issue 14) = version 1 + a connector may carry ``routing: "orthogonal"``.
# A board that uses nothing of version 2 is still written as version 1, so older
# copies of the app keep reading it.


class BoardFormatError(ValueError):
    """A board file or clipboard text that cannot be loaded; the message says why."""


def to_data(elements: list[Element]) -> dict[str, Any]:
    plain = [e.to_dict() for e in elements]
    return {"format": FORMAT_NAME, "version": version_for(plain), "elements": plain}


def version_for(elements: list[dict[str, Any]]) -> int:
    """The lowest format version that holds these elements (plain data)."""
    for item in elements:
        if item.get("type") == "connector" and item.get("routing", "straight") != "straight":
            return 2
    return 1


def dumps(elements: list[Element], indent: int | None = None) -> str:
    return json.dumps(to_data(elements), indent=indent, ensure_ascii=False)


def loads(text: str | bytes) -> list[Element]:
    """Parse board JSON (any supported version) into elements, in z-order."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BoardFormatError(f"not valid JSON: {exc}") from None
    return from_data(data)


def from_data(data: Any) -> list[Element]:
    if not isinstance(data, dict):
        raise BoardFormatError("a board must be a JSON object")
    if data.get("format") != FORMAT_NAME:
        raise BoardFormatError(f"'format' must be {FORMAT_NAME!r}, found {data.get('format')!r}")
    version = data.get("version")
    reader = READERS.get(version) if isinstance(version, int) else None
    if reader is None:
        supported = ", ".join(str(v) for v in sorted(READERS))
        raise BoardFormatError(
            f"board format version {version!r} is not supported (this app reads {supported}); "
            "a newer SDI Desktop may have written it"
        )
    return reader(data)


def _read_v1(data: dict[str, Any]) -> list[Element]:
    from pydantic import ValidationError

    from sdi_desktop.domain.board.schema_v1 import BoardFileV1

    try:
        board = BoardFileV1.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = _location(first["loc"], data)
        raise BoardFormatError(f"{where}: {first['msg']}") from None
    plain = [e.model_dump() for e in board.elements]
    _check_references(plain)
    return [element_from_dict(item) for item in plain]


def _read_v2(data: dict[str, Any]) -> list[Element]:
    from pydantic import ValidationError

    from sdi_desktop.domain.board.schema_v2 import BoardFileV2

    try:
        board = BoardFileV2.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise BoardFormatError(f"{_location(first['loc'], data)}: {first['msg']}") from None
    plain = [e.model_dump() for e in board.elements]
    _check_references(plain)
    return [element_from_dict(item) for item in plain]


def _location(loc: tuple, data: dict[str, Any]) -> str:
    """'elements[3] (connector c1).source' from pydantic's error location."""
    parts: list[str] = []
    items = data.get("elements") if isinstance(data.get("elements"), list) else []
    i = 0
    while i < len(loc):
        part = loc[i]
        if part == "elements" and i + 1 < len(loc) and isinstance(loc[i + 1], int):
            index = loc[i + 1]
            label = f"elements[{index}]"
            if index < len(items) and isinstance(items[index], dict):
                item = items[index]
                label += f" ({item.get('type', '?')} {item.get('id', '?')})"
            parts.append(label)
            i += 2
            # pydantic inserts the discriminator value (the type tag) next
            if i < len(loc) and isinstance(loc[i], str) and loc[i] in _TYPE_TAGS:
                i += 1
            continue
        parts.append(str(part))
        i += 1
    return ".".join(parts) or "board"


_TYPE_TAGS = {"component", "connector", "text", "stroke", "zone"}


def _check_references(items: list[dict[str, Any]]) -> None:
    seen: dict[str, str] = {}
    for index, item in enumerate(items):
        if item["id"] in seen:
            raise BoardFormatError(f"elements[{index}]: id {item['id']!r} is used twice")
        seen[item["id"]] = item["type"]
    for index, item in enumerate(items):
        if item["type"] != "connector":
            continue
        for end in ("source", "target"):
            if seen.get(item[end]) != "component":
                raise BoardFormatError(
                    f"elements[{index}] (connector {item['id']}).{end}: "
                    f"{item[end]!r} is not a component on this board"
                )


READERS: dict[int, Callable[[dict[str, Any]], list[Element]]] = {1: _read_v1, 2: _read_v2}
