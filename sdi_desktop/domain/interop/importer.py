"""Import a diagram from Excalidraw or draw.io: the one entry point.

The format is told by the content, not the file name: JSON is an Excalidraw
drawing (or clipboard), XML a draw.io file (``.drawio``, ``.xml``, ``.drawio.svg``).
Every failure is an ``InteropError`` whose message starts with the file's name and
says what is wrong; nothing is built from a file that fails.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sdi_desktop.domain.interop.report import ImportReport, ImportResult, InteropError

MAX_BYTES = 16 * 1024 * 1024
SUFFIXES = (".excalidraw", ".drawio", ".xml", ".json", ".svg", ".md", ".png", ".mmd", ".mermaid")
FILE_FILTER = "Diagrams (*.excalidraw *.drawio *.xml *.json *.svg *.png *.mmd *.md)"
_MERMAID_BLOCK = re.compile(r"```mermaid\s*\n(.*?)\n```", re.DOTALL)
_OBSIDIAN_JSON = re.compile(r"```json\s*\n(.*?)\n```", re.DOTALL)


def import_file(path: str | Path, page: int | None = None) -> ImportResult:
    """Read and import ``path``; ``page`` is a draw.io page, counted from 0."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InteropError(_too_big(path.name, size))
        data = path.read_bytes()
    except OSError as exc:
        raise InteropError(f"{path.name}: cannot read it ({exc.strerror or exc})") from None
    return import_bytes(data, path.name, page)


def import_bytes(data: bytes | str, source: str, page: int | None = None) -> ImportResult:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_BYTES:
        raise InteropError(_too_big(source, len(raw)))
    if not raw.strip():
        raise InteropError(f"{source}: the file is empty")
    if raw.startswith(b"\x89PNG"):
        return _png(raw, source, page)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InteropError(f"{source}: not a text file (it is not UTF-8)") from None
    report = ImportReport(source=source)
    head = text.lstrip()[:1]
    try:
        if head in ("{", "["):
            return _json(text, report)
        if head == "<":
            scene = _excalidraw_svg(text, source)
            if scene is not None:
                return _json(scene, report)
            return _xml(raw, report, page)
    except InteropError:
        raise
    except RecursionError:
        raise InteropError(f"{source}: the file is nested too deeply to read") from None
    except Exception as exc:  # untrusted input: never a traceback, whatever it holds
        raise InteropError(
            f"{source}: could not be read ({type(exc).__name__}: {exc}); please report this file"
        ) from None
    found = _OBSIDIAN_JSON.search(text)
    if found:
        return _json(found.group(1), report)
    mermaid = _mermaid_text(text)
    if mermaid is not None:
        from sdi_desktop.domain.interop.mermaid_import import read_mermaid

        return read_mermaid(mermaid, report)
    if "```compressed-json" in text:
        raise InteropError(
            f"{source}: an Obsidian Excalidraw note with a compressed drawing; turn off "
            "'Compress Excalidraw JSON' in the plugin's settings, or export it as .excalidraw"
        )
    start = " ".join(text.strip().split())[:30]
    raise InteropError(
        f"{source}: not an Excalidraw, draw.io or Mermaid file (it starts with {start!r})"
    )


def _png(raw: bytes, source: str, page: int | None) -> ImportResult:
    from sdi_desktop.domain.interop.embedded import diagram_from_png
    from sdi_desktop.domain.interop.safe_xml import UnsafeInput

    try:
        found = diagram_from_png(raw)
    except UnsafeInput as exc:
        raise InteropError(f"{source}: {exc}") from None
    if found is None:
        raise InteropError(
            f"{source}: a PNG image with no diagram inside; export it from Excalidraw with "
            "'Embed scene' or from draw.io with 'Include a copy of my diagram', or save it "
            "as .excalidraw or .drawio"
        )
    kind, text = found
    report = ImportReport(source=source)
    if kind == "excalidraw":
        return _json(text, report)
    return _xml(text.encode("utf-8"), report, page)


def _excalidraw_svg(text: str, source: str) -> str | None:
    from sdi_desktop.domain.interop.embedded import excalidraw_from_svg
    from sdi_desktop.domain.interop.safe_xml import UnsafeInput

    try:
        return excalidraw_from_svg(text)
    except UnsafeInput as exc:
        raise InteropError(f"{source}: {exc}") from None


def _mermaid_text(text: str) -> str | None:
    """A Mermaid chart: the whole text, or the first ```mermaid block of a Markdown file."""
    from sdi_desktop.domain.interop.mermaid_import import looks_like_mermaid

    if looks_like_mermaid(text):
        return text
    block = _MERMAID_BLOCK.search(text)
    return block.group(1) if block else None


def _too_big(source: str, size: int) -> str:
    return (
        f"{source}: the file is {size / 2**20:.1f} MB; diagrams to import can be at most "
        f"{MAX_BYTES // 2**20} MB"
    )


def _json(text: str, report: ImportReport) -> ImportResult:
    from sdi_desktop.domain.interop.excalidraw_import import read_excalidraw

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InteropError(
            f"{report.source}: not valid JSON, the file may be cut short "
            f"(line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise InteropError(f"{report.source}: the JSON is nested too deeply") from None
    if isinstance(data, dict) and data.get("format") == "sdi-session":
        raise InteropError(
            f"{report.source}: a whole SDI Desktop session; use 'sessions import' for it"
        )
    if isinstance(data, dict) and data.get("format") == "sdi-board":
        return _own_board(data, report)
    return read_excalidraw(data, report)


def _own_board(data: dict, report: ImportReport) -> ImportResult:
    from sdi_desktop.domain.board.file_format import BoardFormatError, from_data

    report.format = "sdi-board"
    try:
        elements = from_data(data)
    except BoardFormatError as exc:
        raise InteropError(f"{report.source}: {exc}") from None
    for e in elements:
        name = {
            "component": "components",
            "connector": "connectors",
            "zone": "zones",
            "text": "notes",
            "stroke": "strokes",
        }[e.TYPE]
        setattr(report, name, getattr(report, name) + 1)
    report.kept_from_file = report.components
    return ImportResult(elements, report)


def _xml(raw: bytes, report: ImportReport, page: int | None) -> ImportResult:
    from sdi_desktop.domain.interop.drawio_import import read_drawio
    from sdi_desktop.domain.interop.safe_xml import UnsafeInput, parse_xml

    try:
        root = parse_xml(raw)
    except UnsafeInput as exc:
        raise InteropError(f"{report.source}: {exc}") from None
    return read_drawio(root, report, page)
