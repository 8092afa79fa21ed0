"""Formatting commands on a text edit: emphasis, headings, lists, code, tables, links.

Each command is one undo step and works on the selection, or on the word or
block under the cursor when nothing is selected.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextLength,
    QTextListFormat,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextEdit

from sdi_desktop.ui.notes import blocks
from sdi_desktop.ui.notes.blocks import Marker


def _merge(edit: QTextEdit, fmt: QTextCharFormat) -> None:
    """Format the selection; without one, what is typed next."""
    edit.mergeCurrentCharFormat(fmt)


def toggle_bold(edit: QTextEdit) -> None:
    fmt = QTextCharFormat()
    bold = edit.currentCharFormat().fontWeight() >= 600
    fmt.setFontWeight(QFont.Weight.Normal if bold else QFont.Weight.Bold)
    _merge(edit, fmt)


def toggle_italic(edit: QTextEdit) -> None:
    fmt = QTextCharFormat()
    fmt.setFontItalic(not edit.currentCharFormat().fontItalic())
    _merge(edit, fmt)


def toggle_underline(edit: QTextEdit) -> None:
    fmt = QTextCharFormat()
    fmt.setFontUnderline(not edit.currentCharFormat().fontUnderline())
    _merge(edit, fmt)


def toggle_strike(edit: QTextEdit) -> None:
    fmt = QTextCharFormat()
    fmt.setFontStrikeOut(not edit.currentCharFormat().fontStrikeOut())
    _merge(edit, fmt)


def toggle_inline_code(edit: QTextEdit) -> None:
    if blocks.is_code_char(edit.currentCharFormat()):
        fmt = QTextCharFormat()
        fmt.setFontFamilies(blocks.body_font_families())
        fmt.setFontFixedPitch(False)
        fmt.setBackground(Qt.BrushStyle.NoBrush)
    else:
        fmt = blocks.code_char_format()
    _merge(edit, fmt)


def set_heading(edit: QTextEdit, level: int) -> None:
    blocks.set_heading(edit.textCursor(), level)
    edit.setCurrentCharFormat(edit.textCursor().charFormat())


def toggle_code_block(edit: QTextEdit, language: str = "") -> None:
    cursor = edit.textCursor()
    on = blocks.is_code_block(cursor.block())
    blocks.set_code_block(cursor, None if on else language)


def set_code_language(edit: QTextEdit, language: str) -> None:
    """Set the language of the code block under the cursor (all its lines)."""
    cursor = edit.textCursor()
    block = cursor.block()
    if not blocks.is_code_block(block):
        return
    first = block
    while first.previous().isValid() and blocks.is_code_block(first.previous()):
        first = first.previous()
    last = block
    while last.next().isValid() and blocks.is_code_block(last.next()):
        last = last.next()
    span = QTextCursor(edit.document())
    span.setPosition(first.position())
    span.setPosition(last.position(), QTextCursor.MoveMode.KeepAnchor)
    blocks.set_code_block(span, language.strip())


# -- lists ----------------------------------------------------------------------------------
def toggle_list(edit: QTextEdit, kind: str) -> None:
    """``kind`` is "bullet", "number" or "check"; applied twice, it turns the list off."""
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    current = cursor.currentList()
    marker = cursor.blockFormat().marker()
    numbered = kind == "number"
    same_kind = current is not None and (
        blocks.is_numbered(current.format().style()) == numbered
        and (marker != Marker.NoMarker) == (kind == "check")
    )
    check = Marker.Unchecked if kind == "check" else Marker.NoMarker
    if current is not None and same_kind:
        _leave_lists(cursor)
    elif current is not None and blocks.is_numbered(current.format().style()) == numbered:
        _set_markers(cursor, check)  # bullets <-> check-list: same list, other markers
    else:
        depth = current.format().indent() if current is not None else 1
        fmt = QTextListFormat()
        fmt.setIndent(depth)
        fmt.setStyle(blocks.list_style(numbered, depth))
        cursor.createList(fmt)
        _set_markers(cursor, check)
    cursor.endEditBlock()


def _selected_blocks(cursor: QTextCursor):
    doc = cursor.document()
    block = doc.findBlock(cursor.selectionStart())
    last = doc.findBlock(cursor.selectionEnd())
    while block.isValid():
        yield block
        if block == last:
            break
        block = block.next()


def _set_markers(cursor: QTextCursor, marker) -> None:
    walker = QTextCursor(cursor.document())
    for block in list(_selected_blocks(cursor)):
        walker.setPosition(block.position())
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setMarker(marker)
        walker.setBlockFormat(fmt)


def _leave_lists(cursor: QTextCursor) -> None:
    walker = QTextCursor(cursor.document())
    for block in list(_selected_blocks(cursor)):
        if block.textList() is not None:
            block.textList().remove(block)
        walker.setPosition(block.position())
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setIndent(0)
        fmt.setMarker(Marker.NoMarker)
        walker.setBlockFormat(fmt)


def change_list_depth(edit: QTextEdit, delta: int) -> bool:
    """Indent (+1) or outdent (-1) the list items under the cursor; False outside lists."""
    cursor = edit.textCursor()
    if cursor.currentList() is None:
        return False
    cursor.beginEditBlock()
    for block in list(_selected_blocks(cursor)):
        _move_item(cursor, block, delta)
    cursor.endEditBlock()
    return True


def _move_item(cursor: QTextCursor, block, delta: int) -> None:
    text_list = block.textList()
    if text_list is None:
        return
    old = text_list.format()
    depth = old.indent() + delta
    if depth < 1:
        text_list.remove(block)
        walker = QTextCursor(block)
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setIndent(0)
        fmt.setMarker(Marker.NoMarker)
        walker.setBlockFormat(fmt)
        return
    numbered = blocks.is_numbered(old.style())
    # join the nearest list above at that depth, unless a shallower item comes first
    probe = block.previous()
    while probe.isValid() and probe.textList() is not None:
        other = probe.textList()
        other_depth = other.format().indent()
        if other_depth == depth and blocks.is_numbered(other.format().style()) == numbered:
            text_list.remove(block)
            other.add(block)
            return
        if other_depth < depth:
            break
        probe = probe.previous()
    if depth > old.indent() and not block.previous().isValid():
        return
    fmt = QTextListFormat()
    fmt.setIndent(depth)
    fmt.setStyle(blocks.list_style(numbered, depth))
    walker = QTextCursor(block)
    walker.createList(fmt)


# -- tables ---------------------------------------------------------------------------------
def insert_table(edit: QTextEdit, rows: int = 3, columns: int = 3, header: list | None = None):
    fmt = QTextTableFormat()
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setBorder(1)
    fmt.setBorderCollapse(True)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setHeaderRowCount(1)
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    if cursor.block().text():
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(QTextBlockFormat(), blocks.plain_char_format())
    table = cursor.insertTable(rows, columns, fmt)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    for column in range(columns):
        cell = table.cellAt(0, column).firstCursorPosition()
        cell.setBlockCharFormat(bold)
        cell.setCharFormat(bold)
        if header and column < len(header):
            cell.insertText(header[column], bold)
    cursor.endEditBlock()
    edit.setTextCursor(table.cellAt(1 if rows > 1 and header else 0, 0).firstCursorPosition())
    return table


def table_at_cursor(edit: QTextEdit):
    return edit.textCursor().currentTable()


def add_row(edit: QTextEdit) -> None:
    table = table_at_cursor(edit)
    if table is not None:
        cell = table.cellAt(edit.textCursor())
        table.insertRows(cell.row() + 1, 1)


def add_column(edit: QTextEdit) -> None:
    table = table_at_cursor(edit)
    if table is not None:
        cell = table.cellAt(edit.textCursor())
        table.insertColumns(cell.column() + 1, 1)


def remove_row(edit: QTextEdit) -> None:
    table = table_at_cursor(edit)
    if table is not None and table.rows() > 1:
        table.removeRows(table.cellAt(edit.textCursor()).row(), 1)


def remove_column(edit: QTextEdit) -> None:
    table = table_at_cursor(edit)
    if table is not None and table.columns() > 1:
        table.removeColumns(table.cellAt(edit.textCursor()).column(), 1)


# -- links ----------------------------------------------------------------------------------
def set_link(edit: QTextEdit, url: str, text: str = "") -> None:
    """Link the selection (or insert ``text``) to ``url``; an empty url removes the link."""
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    if url:
        fmt = blocks.link_char_format(url)
    else:
        fmt = QTextCharFormat()
        fmt.setAnchor(False)
        fmt.setAnchorHref("")
        fmt.setFontUnderline(False)
        fmt.setForeground(Qt.BrushStyle.NoBrush)  # back to the theme's text colour
    if not cursor.hasSelection() and text:
        cursor.insertText(text, fmt)
    else:
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()
    end = edit.textCursor()
    end.setPosition(max(end.position(), end.anchor()))
    edit.setTextCursor(end)
    after = QTextCharFormat()
    after.setAnchor(False)
    after.setAnchorHref("")
    after.setFontUnderline(False)
    after.setForeground(Qt.BrushStyle.NoBrush)
    edit.mergeCurrentCharFormat(after)
