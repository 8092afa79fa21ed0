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
which the tests check after random edits.

Nothing before the first position changed since the last call can have changed, so the
walk starts after the last untouched child before it, from the writer's state and chunks
as they stood there; after it, entries are reused. For 20,000 words: about 70 ms whole,
3 ms after a change half-way down, under 1 ms after typing at the end.

Keys: a block's ``fragmentIndex()`` (its node in Qt's block map, stable while the block
lives; a reused one belongs to a new block, which its insertion's change drops first),
a table's ``objectIndex()``.
"""

from __future__ import annotations

import bisect
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
        self.written = 0  # blocks and tables written on the last call (tests read it)
        self.walked = 0  # ... and visited
        self.clear()
        document.contentsChange.connect(self._changed)

    def clear(self) -> None:
        self._blocks: dict[int, _Entry] = {}  # fragmentIndex -> what the block wrote
        self._tables: dict[int, list[str]] = {}  # objectIndex -> the table's lines
        # The last call, child by child: each top-level child's key (a block's
        # fragmentIndex, -1 - a table's objectIndex) and, before each child and once more
        # at the end, the writer's state and where its chunks stood (count, last's lines).
        self._order: list[int] = []
        self._index: dict[int, int] = {}
        self._states: list[tuple] = []
        self._marks: list[tuple[int, int]] = []
        self._chunks: list = []
        self._result: str | None = None
        self._changed_from: int | None = None  # the first position changed since

    def _changed(self, position: int, _removed: int, added: int) -> None:
        if self._result is None:
            return
        document = self.document
        end = position + added
        if position == 0 and end >= document.characterCount() - 1:
            self.clear()  # all of it (loading a session, for one)
            return
        if self._changed_from is None or position < self._changed_from:
            self._changed_from = position
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
        if self._result is not None and self._changed_from is None:
            self.written = self.walked = 0
            return self._result
        document = self.document
        tables = document.rootFrame().childFrames()
        if not all(isinstance(table, QTextTable) for table in tables):
            self.clear()  # a frame of another kind: the notes make none, so no cache for it
            return document_to_markdown(document)
        starts = [table.firstPosition() for table in tables]
        writer = Writer()
        start, block = self._restart(tables, starts)
        if start:  # what comes before the first change stays as the last call wrote it
            count, lines = self._marks[start]
            chunks = self._chunks[:count]
            if count:
                chunks[-1] = (chunks[-1][0], chunks[-1][1][:lines])
            writer.chunks = chunks
            writer.list_cols = list(self._states[start][2])
            writer.top_list = self._states[start][3]
            order, states, marks = self._order[:start], self._states[:start], self._marks[:start]
            blocks, tables_lines, index = self._blocks, self._tables, self._index
        else:
            block = document.firstBlock()
            order, states, marks = [], [], []
            blocks, tables_lines, index = {}, {}, {}
        written = walked = 0
        state = writer.state()
        next_table = bisect.bisect_left(starts, block.position()) if block.isValid() else 0
        while block.isValid():
            walked += 1
            chunks = writer.chunks
            marks.append((len(chunks), len(chunks[-1][1]) if chunks else 0))
            states.append(state)
            if next_table < len(starts) and block.position() == starts[next_table]:
                table = tables[next_table]
                next_table += 1
                key = table.objectIndex()
                lines = self._tables.get(key)
                if lines is None:
                    lines = table_lines(table)
                    written += 1
                tables_lines[key] = lines
                order.append(-1 - key)
                writer.table(lines)
                state = writer.state()
                block = document.findBlock(table.lastPosition() + 1)
                continue
            key = block.fragmentIndex()
            entry = self._blocks.get(key)
            if entry is None or entry.state != state:
                writer.ops = []
                writer.block(block)
                entry = _Entry(state, writer.ops, writer.list_cols, writer.top_list, writer.state())
                writer.ops = None
                written += 1
            else:
                for op, args in entry.ops:
                    op(writer, *args)
                writer.list_cols = entry.list_cols
                writer.top_list = entry.top_list
            blocks[key] = entry
            order.append(key)
            state = entry.after
            block = block.next()
        chunks = writer.chunks
        marks.append((len(chunks), len(chunks[-1][1]) if chunks else 0))
        states.append(state)
        for i in range(start, len(order)):
            index[order[i]] = i
        result = writer.result()
        self.written, self.walked = written, walked
        if len(blocks) > 2 * len(order) + 100:  # deleted blocks' entries pile up: forget
            self.clear()  # them all (the next call writes everything again)
            return result
        self._blocks, self._tables, self._index = blocks, tables_lines, index
        self._order, self._states, self._marks = order, states, marks
        self._chunks = chunks
        self._result = result
        self._changed_from = None
        return result

    def _restart(self, tables, starts: list[int]):
        """Where to start writing: the index of the first top-level child after the last
        one untouched before the first change, and its first block (0, None: from the
        start). An untouched child has its entry still; before it, nothing changed."""
        if self._result is None:
            return 0, None
        document = self.document
        changed = min(self._changed_from, document.characterCount() - 1)
        block = document.findBlock(changed).previous()
        while block.isValid():
            position = block.position()
            t = bisect.bisect_right(starts, position) - 1
            if t >= 0 and position <= tables[t].lastPosition():  # in a top-level table
                table = tables[t]
                key = -1 - table.objectIndex()
                if table.objectIndex() in self._tables and key in self._index:
                    return self._index[key] + 1, document.findBlock(table.lastPosition() + 1)
                block = document.findBlock(starts[t]).previous()
                continue
            key = block.fragmentIndex()
            if key in self._blocks and key in self._index:
                return self._index[key] + 1, block.next()
            block = block.previous()
        return 0, None
