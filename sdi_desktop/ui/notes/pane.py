"""One notes pane: toolbar, editor, find bar and a footer with the word count.

The toolbar and the pane's actions are built when the pane is first shown, so
the five panes behind the first cost nothing before the window's first paint;
the pane on screen at start-up builds them just after that paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.ui.notes.rich_text_edit import RichTextEdit
from sdi_desktop.ui.notes.templates import DEEP_DIVE_BLOCK, TEMPLATES

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QShowEvent


class NotesPane(QWidget):
    def __init__(self, key: str, follow_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.edit = RichTextEdit(self)
        self.actions_by_name: dict[str, QAction] = {}
        self.toolbar = None
        self.defer_chrome = False  # set on the pane shown first, see paintEvent
        self.find_bar = None
        self.template = TEMPLATES.get(key)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.edit, 1)

        footer = QHBoxLayout()
        footer.setContentsMargins(4, 2, 4, 2)
        self.template_button = QToolButton(self)
        self.template_button.setObjectName("notesTemplateButton")
        self.template_button.setText(self.template.label if self.template else "")
        self.template_button.setToolTip("Insert a skeleton for this pane; it is yours to edit")
        self.template_button.clicked.connect(self.insert_template)
        # Narrow panes cut the button's text rather than push the panel wider.
        self.template_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.template_button.setMinimumWidth(90)
        footer.addWidget(self.template_button)
        self.add_block_button = None
        if key == "deep_dive":
            self.add_block_button = QToolButton(self)
            self.add_block_button.setObjectName("notesAddBlockButton")
            self.add_block_button.setText("Add a trade-off block")
            self.add_block_button.setToolTip(
                "Append problem / option A / option B / trade-offs / decision"
            )
            self.add_block_button.clicked.connect(self.add_deep_dive_block)
            footer.addWidget(self.add_block_button)
        footer.addStretch(1)
        self.word_label = QLabel("0 words", self)
        self.word_label.setObjectName("notesWordCount")
        footer.addWidget(self.word_label)
        follow = QToolButton(self)
        follow.setDefaultAction(follow_action)
        follow.setAutoRaise(True)
        footer.addWidget(follow)
        self._layout.addLayout(footer)
        self.edit.wordCountChanged.connect(self._show_count)
        self.edit.document().contentsChanged.connect(self._update_offers)
        self._update_offers()

    # -- lazy chrome ----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        if self.toolbar is None and not self.defer_chrome:
            self.ensure_chrome()
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        # The pane on screen at start-up builds its chrome once the first frame is out.
        if self.defer_chrome:
            self.defer_chrome = False
            QTimer.singleShot(0, self, self.ensure_chrome)
        super().paintEvent(event)

    def ensure_chrome(self) -> None:
        if self.toolbar is not None:
            return
        from sdi_desktop.ui.notes.toolbar import build_actions, build_toolbar

        self.actions_by_name = build_actions(self)
        extra = []
        if self.add_block_button is not None:
            add_block = QAction("Add a trade-off block", self)
            add_block.triggered.connect(self.add_deep_dive_block)
            extra.append(add_block)
        self.toolbar = build_toolbar(self, self.actions_by_name, extra)
        self._layout.insertWidget(0, self.toolbar)
        self.toolbar.show()
        for name in ("bold", "italic", "underline", "strike", "code"):
            self.actions_by_name[name].setCheckable(True)
        self.edit.currentCharFormatChanged.connect(self._show_format)
        self._show_format(self.edit.currentCharFormat())

    def _show_format(self, fmt) -> None:
        """The emphasis buttons show what the text at the cursor has."""
        from sdi_desktop.ui.notes.blocks import is_code_char

        link = fmt.isAnchor()
        states = {
            "bold": fmt.fontWeight() >= 600
            and not self.edit.textCursor().blockFormat().headingLevel(),
            "italic": fmt.fontItalic(),
            "underline": fmt.fontUnderline() and not link,
            "strike": fmt.fontStrikeOut(),
            "code": is_code_char(fmt),
        }
        for name, on in states.items():
            self.actions_by_name[name].setChecked(on)

    def _show_count(self, count: int) -> None:
        self.word_label.setText(f"{count:,} word" + ("" if count == 1 else "s"))

    def _update_offers(self) -> None:
        """The skeleton offers show only where they can act (not in review mode)."""
        empty = self.edit.document().isEmpty()
        editable = self.edit.gate.editable
        self.template_button.setVisible(empty and editable and self.template is not None)
        if self.add_block_button is not None:
            self.add_block_button.setVisible(not empty and editable)

    def follow_gate(self, gate) -> None:
        self.edit.follow_gate(gate)
        gate.changed.connect(lambda _editable: self._update_offers())
        self._update_offers()

    # -- commands (the toolbar's actions call these) ------------------------------------------
    def apply(self, command, *args) -> None:
        """Run a formatting command (``ui/notes/formatting.py``) on the editor, if the
        session may change (review mode: not)."""
        if self.edit.may_edit():
            command(self.edit, *args)
        self.edit.setFocus()

    def paste_plain_text(self) -> None:
        self.edit.paste_plain_text()

    def open_find(self) -> None:
        if self.find_bar is None:
            from sdi_desktop.ui.notes.find_bar import FindBar

            self.find_bar = FindBar(self.edit, self)
            self._layout.insertWidget(self._layout.indexOf(self.edit) + 1, self.find_bar)
        self.find_bar.open_bar()

    def insert_template(self) -> None:
        if self.template is not None and self.edit.may_edit():
            self._put_cursor_after_first_line(self.edit.insert_markdown(self.template.markdown))

    def add_deep_dive_block(self) -> None:
        """Append another problem / options / trade-offs / decision block at the end."""
        if not self.edit.may_edit():
            return
        cursor = self.edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.edit.setTextCursor(cursor)
        self._put_cursor_after_first_line(self.edit.insert_markdown(DEEP_DIVE_BLOCK))

    def _put_cursor_after_first_line(self, start: int) -> None:
        """After a skeleton is inserted, Enter then starts writing under its first heading."""
        cursor = self.edit.textCursor()
        cursor.setPosition(start)
        cursor.movePosition(cursor.MoveOperation.EndOfBlock)
        self.edit.setTextCursor(cursor)
        self.edit.setFocus()

    # -- commands that ask first ------------------------------------------------------------
    def ask_link(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        if not self.edit.may_edit():
            return
        current = self.edit.currentCharFormat().anchorHref()
        url, ok = QInputDialog.getText(
            self, "Link", "Web address (empty removes the link):", text=current or "https://"
        )
        if ok:
            selected = self.edit.textCursor().hasSelection()
            from sdi_desktop.ui.notes import formatting

            self.apply(formatting.set_link, url.strip(), "" if selected else url.strip())

    def ask_code_language(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from sdi_desktop.ui.notes.blocks import code_language, is_code_block

        if not self.edit.may_edit():
            return
        block = self.edit.textCursor().block()
        language, ok = QInputDialog.getText(
            self, "Code language", "Language (for example python, sql):", text=code_language(block)
        )
        if not ok:
            return
        from sdi_desktop.ui.notes import formatting

        if is_code_block(block):
            self.apply(formatting.set_code_language, language)
        else:
            self.apply(formatting.toggle_code_block, language.strip())

    def ask_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if not self.edit.may_edit():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, "Import Markdown", "", "Markdown (*.md *.markdown);;All files (*)"
        )
        if path:
            self.edit.import_markdown_file(path)
            self.edit.setFocus()
