"""A pane's Markdown, written again only where the document changed since the last time.

Autosave writes the edited pane every 1.2 s while someone types; written whole, a
20,000-word pane takes about 70 ms on the UI thread, long enough to stall a keystroke.
This cache keeps, for each top-level block, what the writer made of it, and for each
table its lines; the document's ``contentsChange`` drops the entries of every block and
table it touches (Qt reports each edit, undo and format change there; when a list gains
or loses an item, or its format changes, Qt reports every item of it, which renumbers
them). A block's entry is reused only when the writer arrives at it in the same state
as before (the chunk it would join, the list columns, the outermost list); otherwise it
is written again. So the result is always the whole writer's (``document_to_markdown``),
which the tests check after random edits, and a save walks the blocks without writing
most of them (about 4 ms for 20,000 words).

Keys: a block's ``fragmentIndex()`` (its node in Qt's block map, stable while the block
lives; a reused one belongs to a new block, which its insertion's change drops first),
a table's ``objectIndex()``.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QTextCursor, QTextDocument, QTextTable

from sdi_desktop.ui.notes.markdown_writer import Writer, document_to_markdown, table_lines


class _Entry(NamedTuple):
    state: tuple  # the writer's state() when it arrived at the block
    ops: list  # what the block wrote (Writer.ops)
    list_cols: list[int]  # the writer's state after it (never changed in place)
    top_list: int | None
    after: tuple  # ... as state() says it


class MarkdownCache:
    def __init__(self, document: QTextDocument) -> None:
        self.document = document
        self._blocks: dict[int, _Entry] = {}
        self._tables: dict[int, list[str]] = {}
        self.written = 0  # blocks and tables written on the last call (tests read it)
        document.contentsChange.connect(self._changed)

    def clear(self) -> None:
        self._blocks = {}
        self._tables = {}

    def _changed(self, position: int, _removed: int, added: int) -> None:
        if not self._blocks and not self._tables:
            return
        document = self.document
        end = position + added
        if position == 0 and end >= document.characterCount() - 1:
            self.clear()  # all of it (loading a session, for one)
            return
        block = document.findBlock(position)
        last = document.findBlock(min(end, document.characterCount() - 1))
        probe = QTextCursor(document)
        while block.isValid():
            self._blocks.pop(block.fragmentIndex(), None)
            if self._tables:
                probe.setPosition(block.position())
                table = probe.currentTable()
                if table is not None:
                    self._tables.pop(table.objectIndex(), None)
            if block == last:
                break
            block = block.next()

    def markdown(self) -> str:
        """The document as ``document_to_markdown`` writes it."""
        writer = Writer()
        blocks: dict[int, _Entry] = {}
        tables: dict[int, list[str]] = {}
        written = 0
        state = writer.state()
        it = self.document.rootFrame().begin()
        while not it.atEnd():
            child = it.currentFrame()
            if child is None:
                block = it.currentBlock()
                key = block.fragmentIndex()
                entry = self._blocks.get(key)
                if entry is None or entry.state != state:
                    writer.ops = []
                    writer.block(block)
                    entry = _Entry(
                        state,
                        writer.ops,
                        writer.list_cols,
                        writer.top_list,
                        writer.state(),
                    )
                    writer.ops = None
                    written += 1
                else:
                    for op, args in entry.ops:
                        op(writer, *args)
                    writer.list_cols = entry.list_cols
                    writer.top_list = entry.top_list
                blocks[key] = entry
                state = entry.after
            elif isinstance(child, QTextTable):
                key = child.objectIndex()
                lines = self._tables.get(key)
                if lines is None:
                    lines = table_lines(child)
                    written += 1
                tables[key] = lines
                writer.table(lines)
                state = writer.state()
            else:  # a frame of another kind: the notes make none, so no cache for it
                self.clear()
                return document_to_markdown(self.document)
            it += 1
        self._blocks, self._tables = blocks, tables
        self.written = written
        return writer.result()
