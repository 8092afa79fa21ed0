"""Writing the board (or the selection) as Mermaid, Excalidraw or draw.io, for the
board's Export dialog. The text comes from ``domain/interop``; QSaveFile writes it,
so a failed write never leaves half a file over an old one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIODevice, QSaveFile

from sdi_desktop.domain.board.document import BoardDocument
from sdi_desktop.domain.board.elements import Connector, Element

DIAGRAM_FORMATS = {
    "mermaid": ("Mermaid flowchart", "mmd"),
    "excalidraw": ("Excalidraw drawing", "excalidraw"),
    "drawio": ("draw.io diagram", "drawio"),
}


def diagram_text(elements: list[Element], fmt: str, title: str = "Whiteboard") -> str:
    from sdi_desktop.domain.interop.drawio_export import to_drawio
    from sdi_desktop.domain.interop.excalidraw_export import to_excalidraw
    from sdi_desktop.domain.interop.mermaid_export import to_mermaid

    if fmt == "mermaid":
        return to_mermaid(elements)
    if fmt == "excalidraw":
        return to_excalidraw(elements)
    return to_drawio(elements, page_name=title)


def chosen(document: BoardDocument, ids: list[str] | None) -> list[Element]:
    """The elements to export: all, or the selection and the connectors between it."""
    if not ids:
        return list(document)
    wanted = set(ids)
    return [
        e
        for e in document
        if (isinstance(e, Connector) and {e.source, e.target} <= wanted)
        or (not isinstance(e, Connector) and e.id in wanted)
    ]


def export_diagram(
    path: str | Path, document: BoardDocument, fmt: str, ids: list[str] | None = None
) -> None:
    text = diagram_text(chosen(document, ids), fmt)
    out = QSaveFile(str(path))
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(out.errorString())
    out.write(text.encode("utf-8"))
    if not out.commit():
        raise OSError(out.errorString())
