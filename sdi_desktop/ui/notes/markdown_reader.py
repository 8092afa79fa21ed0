"""Read Markdown into a notes document: Qt's parser (md4c) plus the fixes it needs.

Measured with PySide6 6.10.3: ``setMarkdown`` keeps headings, nested lists,
check-lists, tables, links, emphasis and a code block's fence and language,
but (1) inline ``<u>`` drops the emphasis and links around it and loses text
after it, so underline travels through the parser as two private-use
characters instead; (2) a check-list item's marker leaks into the blocks that
follow it (a code block or a table cell reports "checked"), so non-list blocks
lose their marker here; (3) every nested bullet is a disc, so nested lists get
the notes' style per depth.
"""

from __future__ import annotations

import re

from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextTable,
)

from sdi_desktop.ui.notes.blocks import (
    CODE_FENCE,
    CODE_LANGUAGE,
    Marker,
    code_shade,
    is_code_char,
    is_numbered,
    link_char_format,
    list_style,
    shade_code,
)

U_OPEN, U_CLOSE = "\ue000", "\ue001"
# A code fence; a backtick fence's info string holds no backtick (CommonMark), so a line
# such as "``` `` ``` text" starts with a code span instead.
_FENCE = re.compile(r"^\s{0,3}(`{3,}(?=[^`]*$)|~{3,})")
_U_TAG = re.compile(r"<(/?)u>", re.IGNORECASE)
FEATURES = QTextDocument.MarkdownFeature.MarkdownDialectGitHub


def protect_underline(text: str) -> str:
    """Turn ``<u>``/``</u>`` outside code into markers md4c passes through as text."""
    text = text.replace(U_OPEN, "").replace(U_CLOSE, "")
    out: list[str] = []
    fence = ""
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence:
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
                and not line[match.end() :].strip()  # a closing fence has no info string
            ):
                fence = ""
            out.append(line)
            continue
        if match:
            fence = match.group(1)
            out.append(line)
            continue
        out.append(_swap_line(line))
    return "\n".join(out)


def _swap_line(line: str) -> str:
    """One line: swap the tags, but not inside code spans or after a backslash."""
    lowered = line.lower()
    if "<u>" not in lowered and "</u>" not in lowered:
        return line
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "\\":
            out.append(line[i : i + 2])
            i += 2
            continue
        if ch == "`":
            run = len(line[i:]) - len(line[i:].lstrip("`"))
            close = re.compile(rf"(?<!`)`{{{run}}}(?!`)").search(line, i + run)
            if close:
                out.append(line[i : close.end()])
                i = close.end()
            else:
                out.append(line[i : i + run])
                i += run
            continue
        tag = _U_TAG.match(line, i)
        if tag:
            out.append(U_CLOSE if tag.group(1) else U_OPEN)
            i = tag.end()
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def fix_up(document: QTextDocument) -> None:
    """Repair what the parser leaves behind (see the module's docstring)."""
    cursor = QTextCursor(document)
    # One edit block: the layout and the views hear of the changes once, at the end,
    # instead of once per repaired block (that made loading a long note quadratic).
    cursor.beginEditBlock()
    try:
        _fix_blocks(document, cursor)
    finally:
        cursor.endEditBlock()


def _fix_blocks(document: QTextDocument, cursor: QTextCursor) -> None:
    # Runs once per block of the note (60,000 in 5 MB): each Qt call is read once.
    styled: set[int] = set()  # lists already styled, by the position of their first item
    shade = QTextCharFormat()
    shade.setBackground(code_shade())
    no_marker = Marker.NoMarker
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        text_list = block.textList()
        if text_list is None:
            if fmt.marker() != no_marker:
                cursor.setPosition(block.position())
                clean = QTextBlockFormat(fmt)
                clean.setMarker(no_marker)
                cursor.setBlockFormat(clean)
        else:
            first = text_list.item(0).position()
            if first not in styled:
                styled.add(first)
                list_format = text_list.format()
                list_format.setStyle(
                    list_style(is_numbered(list_format.style()), list_format.indent())
                )
                text_list.setFormat(list_format)
        text = block.text()
        if U_OPEN in text or U_CLOSE in text:
            _apply_underline(cursor, block)
        if fmt.hasProperty(CODE_FENCE) or fmt.hasProperty(CODE_LANGUAGE):
            shade_code(cursor, block)
        elif text:
            _dress_inline(cursor, block, shade)
        block = block.next()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):  # md4c leaves the first header cell plain
            _split_merged_cells(frame)
            for column in range(frame.columns()):
                cell_cursor = frame.cellAt(0, column).firstCursorPosition()
                cell_cursor.setPosition(
                    frame.cellAt(0, column).lastCursorPosition().position(),
                    QTextCursor.MoveMode.KeepAnchor,
                )
                cell_cursor.mergeCharFormat(bold)


def _split_merged_cells(table: QTextTable) -> None:
    """A Markdown table has no merged cells, but md4c (Qt 6.10) merges a row's empty
    cells into the last filled one: "| DAU |  |  |" came back as one cell three columns
    wide, so typed values landed in the wrong column. Every cell gets its own again."""
    for row in range(table.rows()):
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            own = cell.row() == row and cell.column() == column
            if own and (cell.rowSpan() > 1 or cell.columnSpan() > 1):
                table.splitCell(row, column, 1, 1)


def _dress_inline(cursor: QTextCursor, block, shade: QTextCharFormat) -> None:
    """Links in the notes' link colour; inline code on a shade."""
    base = block.position()
    for span in block.textFormats():
        fmt = span.format
        if fmt.isAnchor() and fmt.anchorHref():
            cursor.setPosition(base + span.start)
            cursor.setPosition(base + span.start + span.length, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(link_char_format(fmt.anchorHref()))
        if is_code_char(fmt):
            cursor.setPosition(base + span.start)
            cursor.setPosition(base + span.start + span.length, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(shade)


def _apply_underline(cursor: QTextCursor, block) -> None:
    text = block.text()
    underline = QTextCharFormat()
    underline.setFontUnderline(True)
    spans, start = [], None
    for i, ch in enumerate(text):
        if ch == U_OPEN:
            start = i
        elif ch == U_CLOSE and start is not None:
            spans.append((start, i))
            start = None
    for begin, end in spans:
        cursor.setPosition(block.position() + begin + 1)
        cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(underline)
    for i in range(len(text) - 1, -1, -1):  # back to front keeps earlier positions valid
        if text[i] in (U_OPEN, U_CLOSE):
            cursor.setPosition(block.position() + i)
            cursor.deleteChar()


def load_markdown(document: QTextDocument, text: str) -> None:
    """Replace the document's content with ``text`` (clears its undo history)."""
    document.setMarkdown(protect_underline(text), FEATURES)
    fix_up(document)
    document.clearUndoRedoStacks()  # the repairs are part of loading, not an edit to undo


def markdown_fragment(text: str) -> QTextDocumentFragment:
    """``text`` as a fragment to insert at a cursor (an undoable edit)."""
    scratch = QTextDocument()
    load_markdown(scratch, text)
    return QTextDocumentFragment(scratch)
