"""What the notes tests compare: a document's structure as plain, comparable data."""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument, QTextFrame, QTextTable

from sdi_desktop.ui.notes.blocks import code_language, is_code_block, is_code_char, is_numbered


def runs(block: QTextBlock, heading: bool = False) -> list[tuple]:
    """The block's text as (text, bold, italic, underline, strike, code, link) runs."""
    out: list[tuple] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        fmt = fragment.charFormat()
        link = fmt.anchorHref() if fmt.isAnchor() else ""
        key = (
            not heading and fmt.fontWeight() >= 600,
            fmt.fontItalic(),
            fmt.fontUnderline() and not link,
            fmt.fontStrikeOut(),
            is_code_char(fmt),
            link,
        )
        if out and out[-1][1:] == key:
            out[-1] = (out[-1][0] + fragment.text(), *key)
        else:
            out.append((fragment.text(), *key))
    return out


def block_shape(block: QTextBlock, in_header: bool = False) -> tuple:
    level = block.blockFormat().headingLevel()
    if is_code_block(block):
        return ("code", code_language(block), block.text())
    text_list = block.textList()
    if text_list is not None:
        fmt = text_list.format()
        marker = block.blockFormat().marker().name
        kind = "number" if is_numbered(fmt.style()) else "bullet"
        return ("item", fmt.indent(), kind, marker, runs(block))
    if level:
        return (f"h{level}", runs(block, heading=True))
    return ("p", runs(block, heading=in_header))


def structure(document: QTextDocument) -> list[tuple]:
    """Blocks and tables in order; empty paragraphs are left out (Markdown has none)."""
    shapes: list[tuple] = []
    _frame(document.rootFrame(), shapes)
    return shapes


def _frame(frame: QTextFrame, shapes: list) -> None:
    it = frame.begin()
    while not it.atEnd():
        child = it.currentFrame()
        if isinstance(child, QTextTable):
            shapes.append(_table(child))
        elif child is not None:
            _frame(child, shapes)
        else:
            block = it.currentBlock()
            if block.text() or is_code_block(block) or block.textList() is not None:
                shapes.append(block_shape(block))
        it += 1


def _table(table: QTextTable) -> tuple:
    cells = []
    for row in range(table.rows()):
        cells.append(
            tuple(
                tuple(runs(table.cellAt(row, column).firstCursorPosition().block(), row == 0))
                for column in range(table.columns())
            )
        )
    return ("table", table.rows(), table.columns(), tuple(cells))
