"""The board's versioned JSON format: write, read (one reader per version), validate.

The one codec of a board: storage, the session files, the command line, review,
compare and the clipboard all read and write boards through this module. Boards
travel in two forms: ``Element`` objects (the document) and *plain* element dicts
of the current version (what a ``SessionRecord`` holds, once read and checked here).

Reading parses the text into plain data, validates it against the pydantic
model of its version (the same models generate ``schemas/board-v<N>.schema.json``),
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
# Version 2 = version 1 + a component's instance count (issue 18) and a connector's
# routing (issue 14), both optional with defaults; version 1 boards keep loading.


class BoardFormatError(ValueError):
    """A board file or clipboard text that cannot be loaded; the message says why."""


def to_data(elements: list[Element]) -> dict[str, Any]:
    return wrap_plain([e.to_dict() for e in elements])


def dumps(elements: list[Element], indent: int | None = None) -> str:
    return json.dumps(to_data(elements), indent=indent, ensure_ascii=False)


# -- plain element dicts (a SessionRecord's board) ------------------------------------------
def wrap_plain(plain: list[dict[str, Any]]) -> dict[str, Any]:
    """Plain current-version element dicts as a whole board file's data."""
    return {"format": FORMAT_NAME, "version": CURRENT_VERSION, "elements": plain}


def dumps_plain(plain: list[dict[str, Any]]) -> str:
    """The compact board file text of plain element dicts (as storage keeps it)."""
    return json.dumps(wrap_plain(plain), ensure_ascii=False, separators=(",", ":"))


def read_plain(data: Any) -> list[dict[str, Any]]:
    """A board file's data (any supported version), checked, as plain current dicts.

    A board of the current version comes back as it was written, so what the reader
    would only default (a component kind from a newer app, drawn as a box) is kept and
    saved back unchanged; an older version is upgraded through its reader. No element
    is built: the caller builds them when it shows the board (``from_plain``)."""
    plain = _validated(data, keep_as_written=True)
    if data.get("version") == CURRENT_VERSION:
        return [dict(item) for item in plain]
    return [element_from_dict(item).to_dict() for item in plain]


def loads_plain(text: str | bytes) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BoardFormatError(f"not valid JSON: {exc}") from None
    return read_plain(data)


def from_plain(plain: list[dict[str, Any]]) -> list[Element]:
    """Elements from plain dicts this module produced (a record's board): not checked
    again, but anything malformed is still a ``BoardFormatError``, never a KeyError."""
    try:
        return [element_from_dict(item) for item in plain]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BoardFormatError(
            f"a board element is malformed ({type(exc).__name__}: {exc})"
        ) from None


def loads(text: str | bytes) -> list[Element]:
    """Parse board JSON (any supported version) into elements, in z-order."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BoardFormatError(f"not valid JSON: {exc}") from None
    return from_data(data)


def from_data(data: Any) -> list[Element]:
    return [element_from_dict(item) for item in _validated(data)]


def _validated(data: Any, keep_as_written: bool = False) -> list[dict[str, Any]]:
    """The checked elements of a board file's data, as plain dicts of its version's model
    (``keep_as_written``: a current-version board's own element dicts, once checked,
    without the cost of dumping its model again); a ``BoardFormatError`` says what is
    wrong."""
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
    return reader(data, keep_as_written and version == CURRENT_VERSION)


def _read_v1(data: dict[str, Any], as_written: bool = False) -> list[dict[str, Any]]:
    from sdi_desktop.domain.board.schema_v1 import BoardFileV1

    return _read_with(BoardFileV1, data, as_written)  # fields added later take defaults


def _read_v2(data: dict[str, Any], as_written: bool = False) -> list[dict[str, Any]]:
    from sdi_desktop.domain.board.schema_v2 import BoardFileV2

    return _read_with(BoardFileV2, data, as_written)


def _read_with(model: Any, data: dict[str, Any], as_written: bool) -> list[dict[str, Any]]:
    from pydantic import ValidationError

    try:
        board = model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise BoardFormatError(f"{_location(first['loc'], data)}: {first['msg']}") from None
    # Once validated, the dicts as written carry the same ids, types and ends (ids are
    # required strings, with no coercion) but not the defaults: the model fills those in.
    plain = data["elements"] if as_written else [e.model_dump() for e in board.elements]
    _check_references(plain)
    return plain


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


READERS: dict[int, Callable[[dict[str, Any], bool], list[dict[str, Any]]]] = {
    1: _read_v1,
    2: _read_v2,
}
