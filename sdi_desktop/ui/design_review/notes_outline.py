"""A pane's outline for the design checks, cheap enough to make at every pause.

The checks read the notes as Markdown: headings (``## ``), list items (``- `` and
``1. ``, indented by depth), plain text and fenced code. The full writer
(``notes/markdown_writer.py``) costs some 70 ms on a 20,000-word pane; this walk over
the document's blocks writes only that subset (no inline emphasis, no escaping, table
cells one per line) in a few milliseconds. A test checks that the rules find the same
things in both.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from sdi_desktop.ui.notes.blocks import heading_level, is_code_block, is_numbered


def outline_markdown(document: QTextDocument) -> str:
    lines: list[str] = []
    in_code = False
    block = document.begin()
    while block.isValid():
        code = is_code_block(block)
        if code != in_code:
            lines.append("```")
            in_code = code
        if code:
            lines.append(block.text())
        else:
            text = block.text()
            level = heading_level(block)
            text_list = block.textList()
            if level:
                lines.append(f"{'#' * level} {text}")
            elif text_list is not None:
                fmt = text_list.format()
                marker = "1." if is_numbered(fmt.style()) else "-"
                lines.append(f"{'   ' * (max(fmt.indent(), 1) - 1)}{marker} {text}")
            else:
                lines.append(text)
        block = block.next()
    if in_code:
        lines.append("```")
    return "\n".join(lines)
