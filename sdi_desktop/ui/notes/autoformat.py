"""Markdown typed as you go: "# ", "- ", "1. ", "[ ] ", "```lang" + Enter and `code`.

Each conversion is its own undo step after the keystroke that triggered it, so
Ctrl+Z right after a conversion gives back the characters as typed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor, QTextListFormat
from PySide6.QtWidgets import QTextEdit

from sdi_desktop.ui.notes import blocks, formatting
from sdi_desktop.ui.notes.blocks import Marker

_HEADING = re.compile(r"^(#{1,3}) $")
_BULLET = re.compile(r"^[-*+] $")
_NUMBER = re.compile(r"^(\d{1,9})[.)] $")
_CHECK = re.compile(r"^(?:[-*+] )?\[([ xX])\] $")
_FENCE = re.compile(r"^```\s*([\w+#.-]*)\s*$")
_CODE_SPAN = re.compile(r"(?<!`)`([^`]+)`$")


def _prefix(cursor: QTextCursor) -> str:
    return cursor.block().text()[: cursor.positionInBlock()]


def after_space(edit: QTextEdit) -> bool:
    """Called after a space was typed; turns a Markdown block prefix into structure."""
    cursor = edit.textCursor()
    block = cursor.block()
    if blocks.is_code_block(block) or cursor.currentTable() is not None:
        return False
    prefix = _prefix(cursor)
    if len(prefix) > 6:
        return False
    in_list = cursor.currentList() is not None
    heading = _HEADING.match(prefix)
    check = _CHECK.match(prefix)
    number = _NUMBER.match(prefix)
    if not (heading or check or ((number or _BULLET.match(prefix)) and not in_list)):
        return False
    cursor.beginEditBlock()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    if heading:
        blocks.set_heading(cursor, len(heading.group(1)))
    elif check:
        if not in_list:
            _make_list(cursor, numbered=False, start=1)
        fmt = QTextBlockFormat(cursor.blockFormat())
        fmt.setMarker(Marker.Unchecked if check.group(1) == " " else Marker.Checked)
        cursor.setBlockFormat(fmt)
    else:
        _make_list(cursor, numbered=bool(number), start=int(number.group(1)) if number else 1)
    cursor.endEditBlock()
    edit.setCurrentCharFormat(cursor.charFormat())
    return True


def _make_list(cursor: QTextCursor, numbered: bool, start: int) -> None:
    fmt = QTextListFormat()
    fmt.setIndent(1)
    fmt.setStyle(blocks.list_style(numbered, 1))
    if start != 1:
        fmt.setStart(start)
    cursor.createList(fmt)


def after_backtick(edit: QTextEdit) -> bool:
    """Called after a backtick was typed; `text` becomes inline code."""
    cursor = edit.textCursor()
    if blocks.is_code_block(cursor.block()):
        return False
    match = _CODE_SPAN.search(_prefix(cursor))
    if not match:
        return False
    end = cursor.position()
    start = end - len(match.group(0))
    cursor.beginEditBlock()
    cursor.setPosition(end - 1)
    cursor.deleteChar()
    cursor.setPosition(start)
    cursor.deleteChar()
    cursor.setPosition(end - 2, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(blocks.code_char_format())
    cursor.endEditBlock()
    cursor.clearSelection()
    edit.setTextCursor(cursor)
    plain = QTextCharFormat()
    plain.setFontFamilies(blocks.body_font_families())
    plain.setFontFixedPitch(False)
    plain.setBackground(Qt.BrushStyle.NoBrush)
    edit.mergeCurrentCharFormat(plain)
    return True


def before_enter(edit: QTextEdit) -> bool:
    """Handles Enter where Markdown gives it a meaning; True when the key was used."""
    cursor = edit.textCursor()
    block = cursor.block()
    text = block.text()
    if cursor.hasSelection() or cursor.currentTable() is not None:
        return False
    if blocks.is_code_block(block):
        if text.strip() == "```":  # a closing fence ends the block
            cursor.beginEditBlock()
            _clear_block(cursor)
            blocks.set_code_block(cursor, None)
            cursor.endEditBlock()
            edit.setCurrentCharFormat(blocks.plain_char_format())
            return True
        return False
    fence = _FENCE.match(text)
    if fence and cursor.atBlockEnd():
        cursor.beginEditBlock()
        _clear_block(cursor)
        blocks.set_code_block(cursor, fence.group(1))
        cursor.endEditBlock()
        edit.setCurrentCharFormat(blocks.code_char_format())
        return True
    text_list = cursor.currentList()
    if text_list is not None and not text and text_list.format().indent() > 1:
        return formatting.change_list_depth(edit, -1)  # an empty nested item steps out
    return False


def after_enter(edit: QTextEdit) -> None:
    """The new block after Enter: body text after a heading, an open box after a task."""
    cursor = edit.textCursor()
    fmt = QTextBlockFormat(cursor.blockFormat())
    changed = False
    if blocks.is_code_block(cursor.block()):  # the next line of code is code too
        cursor.setBlockCharFormat(blocks.code_char_format())
        edit.setCurrentCharFormat(blocks.code_char_format())
        return
    if fmt.headingLevel() and not cursor.block().text():
        blocks.set_heading(cursor, 0)
        edit.setCurrentCharFormat(blocks.plain_char_format())
        return
    if fmt.marker() == Marker.Checked:
        fmt.setMarker(Marker.Unchecked)
        changed = True
    if changed:
        cursor.setBlockFormat(fmt)


def _clear_block(cursor: QTextCursor) -> None:
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
