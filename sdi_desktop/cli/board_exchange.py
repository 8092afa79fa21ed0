"""Boards to and from other tools on the command line: ``sessions export --format
mermaid|excalidraw|drawio`` and ``sessions import-board FILE [--page N]``.

Opens no window and imports no Qt. A file that cannot be imported is one line on
stderr naming the file and the problem, and no session is made.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sdi_desktop.domain.record import SessionRecord

DIAGRAM_FORMATS = ("mermaid", "excalidraw", "drawio")


def board_text(board: list[dict[str, Any]], fmt: str, title: str = "Whiteboard") -> str:
    """A stored board as Mermaid, Excalidraw or draw.io text."""
    import json

    from sdi_desktop.domain.board.file_format import from_data
    from sdi_desktop.domain.interop.drawio_export import to_drawio
    from sdi_desktop.domain.interop.excalidraw_export import to_excalidraw
    from sdi_desktop.domain.interop.mermaid_export import to_mermaid
    from sdi_desktop.storage.codec import board_to_json

    elements = from_data(json.loads(board_to_json(board)))
    if fmt == "mermaid":
        return to_mermaid(elements)
    if fmt == "excalidraw":
        return to_excalidraw(elements)
    return to_drawio(elements, page_name=title)


def write_board(board: list[dict[str, Any]], fmt: str, out: str, title: str) -> str:
    """Write the board to ``out`` ('-' prints it); returns what to print afterwards."""
    text = board_text(board, fmt, title)
    if out == "-":
        sys.stdout.write(text)
        return ""
    Path(out).write_text(text, encoding="utf-8")
    return out


def import_board(store, args: argparse.Namespace, error: type[Exception]) -> int:
    from sdi_desktop.domain.interop.importer import import_file
    from sdi_desktop.domain.interop.report import InteropError

    path = Path(args.file)
    page = None
    if args.page is not None:
        if args.page < 1:
            raise error(f"--page counts from 1, not {args.page}")
        page = args.page - 1
    try:
        result = import_file(path, page)
    except InteropError as exc:
        raise error(str(exc)) from None
    record = SessionRecord(
        title=f"Imported: {path.name}",
        board=[e.to_dict() for e in result.elements],
        tags=["imported"],
    )
    session_id = store.sessions.create(record)
    print(session_id)
    print(f"{path.name}: {result.report.summary()}")
    for warning in result.report.warnings:
        print(f"{path.name}: warning: {warning}", file=sys.stderr)
    return 0
