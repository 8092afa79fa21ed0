"""Write a notes document as Markdown (GitHub flavour), the notes' stored form.

Qt's own ``QTextDocument.toMarkdown`` is not used: it indents a list nested
under a numbered item too little (it un-nests when read back), writes
underline as ``_text_`` (it comes back as italic) and garbles a table that
follows a code block. This writer indents each nested list to its parent's
content column, keeps a code block's fence and language, writes underline as
``<u>`` (which the reader turns back into underline), pads tables so that the
file reads well, and escapes only what Markdown would otherwise take as syntax.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextBlock, QTextDocument, QTextFrame, QTextTable

from sdi_desktop.ui.notes.blocks import (
    Marker,
    code_language,
    heading_level,
    is_code_block,
    is_code_char,
    is_numbered,
)

_LEADING_SYNTAX = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[-+*](?=\s|$)|>|\d{1,9}(?=[.)](?:\s|$)))")
_RULE_LINE = re.compile(r"^\s*([-=_*])(\s*\1)*\s*$")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# "<" could open raw HTML or an autolink (md4c reads "<00:>" as one, though CommonMark
# wants a letter first): escaped unless a space follows ("x < 5" stays as it is).
_HTML_START = re.compile(r"<(?=\S)")


def escape_text(text: str, in_table: bool = False, tildes: bool = True) -> str:
    """Escape what Markdown would read as syntax, and little more (so that it reads well).

    ``*`` and ``_`` are escaped unless they sit between spaces ("5 * 3") or, for ``_``,
    inside a word (snake_case); ``~`` only
    when ``tildes`` says the block has two or more of them or strikes something through
    (a lone ``~`` in "~1,200 per second" can never pair up).
    """
    out: list[str] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch in "\\`[]" or (ch == "|" and in_table) or (ch == "~" and tildes):
            out.append("\\" + ch)
        elif ch in "*_":
            # safe unescaped: "5 * 3" (spaces both sides) and snake_case (letters both sides)
            inner = 0 < i < n - 1
            spaced = inner and text[i - 1].isspace() and text[i + 1].isspace()
            word = inner and ch == "_" and text[i - 1].isalnum() and text[i + 1].isalnum()
            out.append(ch if spaced or word else "\\" + ch)
        else:
            out.append(ch)
    escaped = "".join(out)
    escaped = _ENTITY.sub(r"\\&", escaped)
    return _HTML_START.sub(r"\\<", escaped)


def escape_line_start(text: str) -> str:
    """Keep a paragraph that starts like a heading, list, quote or rule a paragraph."""
    if _RULE_LINE.match(text):
        return "\\" + text.lstrip()
    match = _LEADING_SYNTAX.match(text)
    if not match:
        return text
    mark = match.group(2)
    if mark[0].isdigit():
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return text[: match.start(2)] + "\\" + text[match.start(2) :]


def _code_span(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def inline_markdown(block: QTextBlock, in_table: bool = False, heading: bool = False) -> str:
    """The block's text with its emphasis, code, underline and links as Markdown."""
    out: list[str] = []
    stack: list[str] = []  # open wrappers, outermost first: "link", "**", "*", "~~"
    href = ""
    pending = ""  # whitespace held back until we know which side of a closer it goes

    def close_to(depth: int) -> None:
        nonlocal href
        while len(stack) > depth:
            item = stack.pop()
            if item == "link":
                out.append(f"]({_link_target(href)})")
                href = ""
            else:
                out.append(item)

    tildes = block.text().count("~") >= 2 or _has_strike(block)
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        fmt = fragment.charFormat()
        text = fragment.text().replace("\u2028", "\n").replace("\ufffc", "")
        link = fmt.anchorHref() if fmt.isAnchor() else ""
        code = is_code_char(fmt)
        wanted = []
        if not heading and fmt.fontWeight() >= 600:
            wanted.append("**")
        if fmt.fontItalic():
            wanted.append("*")
        if fmt.fontStrikeOut():
            wanted.append("~~")
        underline = fmt.fontUnderline() and not link
        for piece in re.split(r"(\n)", text):
            if piece == "\n":
                close_to(0)
                out.append(pending + "\\\n")
                pending = ""
                continue
            core = piece.strip(" \t")
            if not core:
                pending += piece
                continue
            lead = piece[: len(piece) - len(piece.lstrip(" \t"))]
            trail = piece[len(piece.rstrip(" \t")) :]
            # close what this piece does not want (and everything opened after it)
            in_link = bool(stack) and stack[0] == "link"
            if in_link and href != link:
                close_to(0)
                in_link = False
            keep = 1 if in_link else 0
            for item in stack[keep:]:
                if item not in wanted:
                    break
                keep += 1
            if link and not in_link:
                keep = 0
            close_to(keep)
            out.append(pending + lead)
            pending = trail
            if link and not in_link:
                out.append("[")
                stack.append("link")
                href = link
            for item in wanted:
                if item not in stack:
                    out.append(item)
                    stack.append(item)
            body = _code_span(core) if code else escape_text(core, in_table, tildes)
            out.append(f"<u>{body}</u>" if underline else body)
    close_to(0)
    return "".join(out).strip(" \t")  # Markdown has no leading spaces (4 make code)


def _has_strike(block: QTextBlock) -> bool:
    it = block.begin()
    while not it.atEnd():
        if it.fragment().charFormat().fontStrikeOut():
            return True
        it += 1
    return False


def _link_target(href: str) -> str:
    if re.search(r"[\s()<>]", href):
        return "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"
    return href


class Writer:
    """Writes a document's blocks and tables, in order, as Markdown chunks.

    The chunks change only through ``add``, ``start_chunk`` and ``code_line_text``;
    while ``ops`` is a list, each call is kept in it too, so that a cache can replay what
    one block wrote (``ui/notes/markdown_cache.py``). What the next block writes depends
    on ``state()`` alone, besides the block itself.
    """

    def __init__(self, heading_offset: int = 0) -> None:
        self.heading_offset = heading_offset
        self.chunks: list[tuple[str, list[str]]] = []  # (kind, lines)
        self.list_cols: list[int] = []
        self.top_list: int | None = None  # the outermost list being written (objectIndex)
        self.ops: list | None = None

    def state(self) -> tuple:
        last = self.chunks[-1] if self.chunks else ("", [""])
        return (
            last[0],
            last[1][0] if last[0] == "code" else "",
            tuple(self.list_cols),
            self.top_list,
        )

    def add(self, kind: str, line: str) -> None:
        if self.ops is not None:
            self.ops.append((Writer.add, (kind, line)))
        if kind == "list" and self.chunks and self.chunks[-1][0] == kind:
            self.chunks[-1][1].append(line)
        else:
            self.chunks.append((kind, [line]))

    def start_chunk(self, kind: str, lines: list[str]) -> None:
        if self.ops is not None:
            self.ops.append((Writer.start_chunk, (kind, list(lines))))
        self.chunks.append((kind, list(lines)))

    def code_line_text(self, language: str, text: str) -> None:
        if self.ops is not None:
            self.ops.append((Writer.code_line_text, (language, text)))
        if self.chunks and self.chunks[-1][0] == "code" and self.chunks[-1][1][0] == language:
            self.chunks[-1][1].append(text)
        else:
            self.chunks.append(("code", [language, text]))

    def frame(self, frame: QTextFrame) -> None:
        it = frame.begin()
        while not it.atEnd():
            child = it.currentFrame()
            if child is not None:
                if isinstance(child, QTextTable):
                    self.table(table_lines(child))
                else:
                    self.frame(child)
            else:
                self.block(it.currentBlock())
            it += 1

    def block(self, block: QTextBlock) -> None:
        if is_code_block(block):
            self.list_cols = []
            self.code_line_text(code_language(block), block.text().replace("\u2028", "\n"))
            return
        text_list = block.textList()
        if text_list is not None:
            self.list_item(block, text_list)
            return
        self.list_cols = []
        level = heading_level(block)
        text = inline_markdown(block, heading=bool(level))
        if level:
            hashes = "#" * max(1, min(level + self.heading_offset, 6))
            self.add("heading", f"{hashes} {text}".rstrip())
        elif text:
            self.add("paragraph", escape_line_start(text))

    def list_item(self, block: QTextBlock, text_list) -> None:
        fmt = text_list.format()
        if not self.chunks or self.chunks[-1][0] != "list":
            self.list_cols = []
        if fmt.indent() <= 1 and text_list.objectIndex() != self.top_list:
            self.top_list = text_list.objectIndex()
            if self.list_cols:  # another list right after this one: keep them apart
                self.start_chunk("list", [])
                self.list_cols = []
        depth = min(max(fmt.indent(), 1), len(self.list_cols) + 1)
        parents = self.list_cols[: depth - 1]
        column = parents[-1] if parents else 0
        if is_numbered(fmt.style()):
            marker = f"{text_list.itemNumber(block) + max(fmt.start(), 0) or 1}. "
        else:
            marker = "- "
        self.list_cols = [*parents, column + len(marker)]
        box = {Marker.Checked: "[x] ", Marker.Unchecked: "[ ] "}.get(
            block.blockFormat().marker(), ""
        )
        text = inline_markdown(block)
        if not box:
            text = escape_line_start(text)
        pad = " " * (column + len(marker))
        text = text.replace("\\\n", "\\\n" + pad)
        self.add("list", (" " * column + marker + box + text).rstrip())

    def table(self, lines: list[str]) -> None:
        self.list_cols = []
        self.start_chunk("table", lines)

    def result(self) -> str:
        parts = []
        for kind, lines in self.chunks:
            if kind == "code":
                language, body = lines[0], "\n".join(lines[1:])
                longest = max((len(m) for m in re.findall(r"^\s*(`{3,})", body, re.M)), default=2)
                fence = "`" * max(3, longest + 1)
                parts.append(f"{fence}{language}\n{body}\n{fence}")
            else:
                parts.append("\n".join(lines))
        return "\n\n".join(parts) + ("\n" if parts else "")


def table_lines(table: QTextTable) -> list[str]:
    """A table as Markdown lines, padded so that its columns line up."""
    rows: list[list[str]] = []
    for r in range(table.rows()):
        row = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            parts = []
            if cell.row() == r and cell.column() == c:
                block = cell.firstCursorPosition().block()
                last = cell.lastCursorPosition().block()
                while block.isValid():
                    part = inline_markdown(block, in_table=True, heading=r == 0)
                    if part:
                        parts.append(part.replace("\\\n", " "))
                    if block == last:
                        break
                    block = block.next()
            row.append(" ".join(parts))
        rows.append(row)
    widths = [max(3, *(len(row[c]) for row in rows)) for c in range(table.columns())]
    lines = [
        "| " + " | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return lines


def document_to_markdown(document: QTextDocument, heading_offset: int = 0) -> str:
    """The document as Markdown; ``heading_offset`` pushes headings down (for an export)."""
    writer = Writer(heading_offset)
    writer.frame(document.rootFrame())
    return writer.result()


def top_heading_level(document: QTextDocument) -> int:
    """The highest heading level used (1 is highest); 3 when there are no headings."""
    levels = []
    block = document.begin()
    while block.isValid():
        if heading_level(block):
            levels.append(heading_level(block))
        block = block.next()
    return min(levels, default=3)
