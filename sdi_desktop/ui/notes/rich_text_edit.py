"""The editor of one notes pane: a QTextEdit that speaks the notes' Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QTextEdit, QWidget

from sdi_desktop.domain.edit_gate import EditGate

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QKeyEvent, QMouseEvent

# Nothing here may slow the window's first paint: the editing modules, the key and
# mouse event types and even Qt's key enumeration (a big one) load on first use.

WORD_COUNT_DELAY_MS = 300


def count_words(text: str) -> int:
    return sum(1 for word in text.split() if any(ch.isalnum() for ch in word))


PREWRITE_MAX_CHARACTERS = 250_000  # about 35,000 words: some 0.15 s to write


class RichTextEdit(QTextEdit):
    """Rich text with Markdown shortcuts, clean paste, list indenting and a word count."""

    wordCountChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(False)
        self.setAcceptRichText(True)
        self.word_count = 0
        self._count_timer: QTimer | None = None
        self._placeholder = ""
        self._markdown_cache = None  # made by the first to_markdown()
        self.document().contentsChanged.connect(self._schedule_count)
        self.gate = EditGate()  # the open session's, once the notes area follows it

    def follow_gate(self, gate: EditGate) -> None:
        """Read-only whenever the open session is (review mode); every edit asks it."""
        self.gate = gate
        gate.changed.connect(lambda editable: self.setReadOnly(not editable))
        self.setReadOnly(not gate.editable)

    def may_edit(self) -> bool:
        return self.gate.allows_edit()

    # -- placeholder ----------------------------------------------------------------------
    # Qt 6.10 draws a QTextEdit's placeholder on one line, cut off at the right edge; the
    # panes' hints are a sentence or two, so this editor draws its own, wrapped.
    def setPlaceholderText(self, text: str) -> None:
        self._placeholder = text
        self.setAccessibleDescription(text)
        self.viewport().update()

    def placeholderText(self) -> str:
        return self._placeholder

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._placeholder and self.document().isEmpty():
            from PySide6.QtCore import QRectF
            from PySide6.QtGui import QPainter

            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            margin = self.document().documentMargin()
            area = QRectF(self.viewport().rect()).adjusted(margin, margin, -margin, -margin)
            flags = Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(area, int(flags), self._placeholder)
            painter.end()

    # -- stored form ----------------------------------------------------------------------
    def to_markdown(self, heading_offset: int = 0) -> str:
        """The stored form; autosave asks for it while someone types, so from the first
        call on only the blocks changed since the last are written again."""
        if heading_offset:
            from sdi_desktop.ui.notes.markdown_writer import document_to_markdown

            return document_to_markdown(self.document(), heading_offset)
        if self._markdown_cache is None:
            from sdi_desktop.ui.notes.markdown_cache import MarkdownCache

            self._markdown_cache = MarkdownCache(self.document())
        return self._markdown_cache.markdown()

    def set_markdown(self, text: str) -> None:
        """Replace the content (a fresh start: the undo history is cleared)."""
        from sdi_desktop.ui.notes.markdown_reader import load_markdown

        load_markdown(self.document(), text)
        self.document().clearUndoRedoStacks()
        self.document().setModified(False)
        self._count_now()
        characters = self.document().characterCount()
        if self.gate.editable and 1 < characters <= PREWRITE_MAX_CHARACTERS:
            # The first to_markdown() writes every block (70 ms for 20,000 words): do it
            # while the notes just loaded are looked at, not at the first save of typing
            # (review mode saves nothing: its replay steps load the panes without it).
            # A far longer note is not: the window would stay frozen after its load for
            # as long again (some 0.8 s a megabyte); its first save pays once instead.
            QTimer.singleShot(0, self, self.to_markdown)

    def insert_markdown(self, text: str) -> int:
        """Insert ``text`` at the cursor as one undo step; returns where it starts."""
        from sdi_desktop.ui.notes.markdown_reader import markdown_fragment

        if not self.may_edit():
            return self.textCursor().position()
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.block().text() and not cursor.hasSelection():
            cursor.movePosition(cursor.MoveOperation.EndOfBlock)
            cursor.insertBlock()
        start = cursor.position()
        fragment = markdown_fragment(text)
        cursor.insertFragment(fragment)
        self._keep_first_block_format(start, fragment)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return start

    def _keep_first_block_format(self, start: int, fragment) -> None:
        """An inserted fragment's first block takes the format of the block it lands in
        (a "## Problem" after a paragraph became a bold paragraph): give it its own."""
        from PySide6.QtGui import QTextCursor, QTextDocument

        scratch = QTextDocument()
        probe = QTextCursor(scratch)
        probe.insertFragment(fragment)
        probe.setPosition(0)
        first = scratch.begin()
        if first.textList() is not None or probe.currentTable() is not None:
            return  # a list item or a table cell keeps what insertFragment made of it
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        if cursor.block().textList() is not None:
            cursor.block().textList().remove(cursor.block())
        cursor.setBlockFormat(first.blockFormat())
        cursor.setBlockCharFormat(first.charFormat())

    def import_markdown_file(self, path) -> None:
        from pathlib import Path

        if not self.may_edit():
            return
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        if self.document().isEmpty():
            self.set_markdown(text)
        else:
            self.insert_markdown(text)

    # -- word count -----------------------------------------------------------------------
    def _schedule_count(self) -> None:
        # Counting 20,000 words takes milliseconds: do it once typing pauses, not per key.
        if self._count_timer is None:
            self._count_timer = QTimer(self)
            self._count_timer.setSingleShot(True)
            self._count_timer.setInterval(WORD_COUNT_DELAY_MS)
            self._count_timer.timeout.connect(self._count_now)
        self._count_timer.start()

    def _count_now(self) -> None:
        if self._count_timer is not None:
            self._count_timer.stop()
        count = count_words(self.document().toPlainText())
        if count != self.word_count:
            self.word_count = count
            self.wordCountChanged.emit(count)

    # -- keys -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.gate.editable:  # read-only: Qt's own keys (moving, selecting, copying)
            if event.text() and event.text().isprintable():
                self.gate.allows_edit()  # says why typing does nothing
            super().keyPressEvent(event)
            return
        text = event.text()
        if text.isprintable() and text not in ("", " ", "`"):
            super().keyPressEvent(event)  # a character typed: no shortcut looks at it
            return
        key, mods = event.key(), event.modifiers()
        plain = not (
            mods & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
        )
        from sdi_desktop.ui.notes import autoformat

        enter_keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if key == Qt.Key.Key_Escape and not mods and self._leave_for_the_board():
            event.accept()
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and plain:
            backwards = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            if self._tab(backwards):
                event.accept()
                return
        if key == Qt.Key.Key_Backspace and not mods and self._outdent_at_item_start():
            event.accept()
            return
        if key in enter_keys and plain:
            if autoformat.before_enter(self):
                event.accept()
                return
            if mods & Qt.KeyboardModifier.ShiftModifier:  # no soft breaks: Markdown has none
                from PySide6.QtGui import QKeyEvent

                event = QKeyEvent(event.type(), key, Qt.KeyboardModifier.NoModifier, event.text())
            super().keyPressEvent(event)
            autoformat.after_enter(self)
            return
        super().keyPressEvent(event)
        if event.text() == " ":
            autoformat.after_space(self)
        elif event.text() == "`":
            autoformat.after_backtick(self)

    def _leave_for_the_board(self) -> bool:
        """Esc hands the keyboard to the whiteboard (the window's other half)."""
        board = self.window().findChild(QWidget, "whiteboardView")
        if board is None or not board.isVisible():
            return False
        board.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def _outdent_at_item_start(self) -> bool:
        """Backspace at the start of a nested item moves it one level out."""
        cursor = self.textCursor()
        text_list = cursor.currentList()
        if cursor.hasSelection() or not cursor.atBlockStart() or text_list is None:
            return False
        if text_list.format().indent() <= 1:
            return False  # Qt's own Backspace takes a top-level item out of its list
        from sdi_desktop.ui.notes import formatting

        return formatting.change_list_depth(self, -1)

    def _tab(self, backwards: bool) -> bool:
        from sdi_desktop.ui.notes import formatting

        cursor = self.textCursor()
        if cursor.currentList() is not None:
            return formatting.change_list_depth(self, -1 if backwards else 1)
        table = cursor.currentTable()
        if table is None:
            # A tab character means nothing in the notes' Markdown (at a line's start it
            # would even make an indented code block and keep "## " from becoming a
            # heading); in a code block Tab indents by four spaces, elsewhere it is left
            # unused rather than typed.
            from sdi_desktop.ui.notes.blocks import is_code_block

            if is_code_block(cursor.block()) and not backwards:
                cursor.insertText("    ")
            return True
        cell = table.cellAt(cursor)
        index = cell.row() * table.columns() + cell.column() + (-1 if backwards else 1)
        if index < 0:
            return True
        if index >= table.rows() * table.columns():
            table.appendRows(1)
        target = table.cellAt(index // table.columns(), index % table.columns())
        self.setTextCursor(target.lastCursorPosition())
        return True

    # -- links open with Ctrl+click ---------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        href = self.anchorAt(event.position().toPoint())
        if href and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(href))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # -- clipboard and drops ----------------------------------------------------------------
    def createMimeDataFromSelection(self) -> QMimeData:
        from PySide6.QtCore import QMimeData
        from PySide6.QtGui import QTextCursor, QTextDocument

        from sdi_desktop.ui.notes.markdown_writer import document_to_markdown
        from sdi_desktop.ui.notes.paste import MARKDOWN_MIME

        fragment = self.textCursor().selection()
        mime = QMimeData()
        mime.setText(fragment.toPlainText())
        mime.setHtml(fragment.toHtml())
        scratch = QTextDocument()
        QTextCursor(scratch).insertFragment(fragment)
        mime.setData(MARKDOWN_MIME, document_to_markdown(scratch).encode("utf-8"))
        return mime

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        from sdi_desktop.ui.notes.paste import markdown_files

        return bool(markdown_files(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        from sdi_desktop.ui.notes.paste import markdown_from_mime

        if not self.may_edit():
            return
        markdown = markdown_from_mime(source)
        if markdown is None:
            self.insertPlainText(source.text())
            return
        from sdi_desktop.ui.notes.markdown_reader import markdown_fragment

        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.insertFragment(markdown_fragment(markdown))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def paste_plain_text(self) -> None:
        from PySide6.QtWidgets import QApplication

        text = QApplication.clipboard().text()
        if text and self.may_edit():
            self.insertPlainText(text)
