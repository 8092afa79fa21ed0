"""The pane's actions and its formatting toolbar.

Every shortcut is scoped to its pane (WidgetWithChildrenShortcut), so it acts
only while that pane has focus and never competes with the whiteboard's keys
(Ctrl+K stays the whiteboard's quick-add; links are Ctrl+Shift+K here).
Undo and redo are the document's own (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y), which the
text edit claims before any window-wide shortcut while it has focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from sdi_desktop.ui.notes import formatting
from sdi_desktop.ui.notes.pane import NotesPane  # loaded already: it builds this toolbar
from sdi_desktop.ui.notes.rich_text_edit import RichTextEdit


class Spec(NamedTuple):
    name: str  # the key in the pane's action set, and the QAction's object name suffix
    text: str
    keys: str
    run: Callable[[NotesPane], None]  # what the action does to its pane
    tip: str = ""


def _format(command: Callable, *args) -> Callable[[NotesPane], None]:
    """A formatting command of ``formatting`` applied to the pane (if it may change)."""
    return lambda pane: pane.apply(command, *args)


F = formatting
SPECS: tuple[Spec, ...] = (
    Spec("bold", "B", "Ctrl+B", _format(F.toggle_bold), "Bold"),
    Spec("italic", "I", "Ctrl+I", _format(F.toggle_italic), "Italic"),
    Spec("underline", "U", "Ctrl+U", _format(F.toggle_underline), "Underline"),
    Spec("strike", "S", "Ctrl+Shift+X", _format(F.toggle_strike), "Strike through"),
    Spec("body", "Body text", "Ctrl+0", _format(F.set_heading, 0)),
    Spec("h1", "Heading 1", "Ctrl+1", _format(F.set_heading, 1)),
    Spec("h2", "Heading 2", "Ctrl+2", _format(F.set_heading, 2)),
    Spec("h3", "Heading 3", "Ctrl+3", _format(F.set_heading, 3)),
    Spec("bullets", "•", "Ctrl+Shift+8", _format(F.toggle_list, "bullet"), "Bullet list"),
    Spec("numbers", "1.", "Ctrl+Shift+7", _format(F.toggle_list, "number"), "Numbered list"),
    Spec("checks", "☑", "Ctrl+Shift+9", _format(F.toggle_list, "check"), "Check-list"),
    Spec("outdent", "«", "", _format(F.change_list_depth, -1), "Outdent (Shift+Tab in a list)"),
    Spec("indent", "»", "", _format(F.change_list_depth, 1), "Indent (Tab in a list)"),
    Spec("code", "<>", "Ctrl+E", _format(F.toggle_inline_code), "Inline code"),
    Spec(
        "code_block",
        "{ }",
        "Ctrl+Shift+E",
        _format(F.toggle_code_block),
        "Code block (or type ``` and Enter)",
    ),
    Spec("code_language", "Code language…", "", NotesPane.ask_code_language),
    Spec("table", "Insert table", "Ctrl+Shift+T", _format(F.insert_table)),
    Spec("add_row", "Add row below", "", _format(F.add_row)),
    Spec("add_column", "Add column right", "", _format(F.add_column)),
    Spec("remove_row", "Remove row", "", _format(F.remove_row)),
    Spec("remove_column", "Remove column", "", _format(F.remove_column)),
    Spec("link", "Link", "Ctrl+Shift+K", NotesPane.ask_link, "Link"),
    Spec("find", "Find…", "Ctrl+F", NotesPane.open_find),
    Spec("paste_plain", "Paste as plain text", "Ctrl+Shift+V", NotesPane.paste_plain_text),
    Spec("import_md", "Import Markdown file…", "", NotesPane.ask_import),
    Spec("template", "Insert template", "", NotesPane.insert_template),
    Spec("undo", "Undo (Ctrl+Z)", "", _format(RichTextEdit.undo)),
    Spec("redo", "Redo (Ctrl+Shift+Z)", "", _format(RichTextEdit.redo)),
)


def build_actions(pane: NotesPane) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(spec.text, pane)
        action.setObjectName(f"notesAction_{spec.name}")
        tip = spec.tip or spec.text.rstrip("…")
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if spec.keys:
            action.setShortcut(QKeySequence(spec.keys))
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            tip = f"{tip} ({keys})"
        action.setToolTip(tip)
        action.triggered.connect(lambda _=False, run=spec.run: run(pane))
        pane.addAction(action)
        actions[spec.name] = action
    return actions


def _menu_button(toolbar: QToolBar, text: str, tip: str, actions: list) -> QToolButton:
    button = QToolButton(toolbar)
    button.setText(text)
    button.setToolTip(tip)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setAutoRaise(True)
    menu = QMenu(button)

    def fill() -> None:  # menus fill when first opened: cheaper start-up
        if menu.isEmpty():
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)

    menu.aboutToShow.connect(fill)
    button.setMenu(menu)
    toolbar.addWidget(button)
    return button


def build_toolbar(pane: NotesPane, actions: dict[str, QAction], extra: list) -> QToolBar:
    toolbar = QToolBar(pane)
    toolbar.setObjectName("notesToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for name in ("bold", "italic", "underline", "strike"):
        toolbar.addAction(actions[name])
    font_for = {"bold": "setBold", "italic": "setItalic", "underline": "setUnderline"}
    for name, setter in (*font_for.items(), ("strike", "setStrikeOut")):
        button = toolbar.widgetForAction(actions[name])
        font = button.font()
        getattr(font, setter)(True)
        button.setFont(font)
    headings = [actions[n] for n in ("body", "h1", "h2", "h3")]
    _menu_button(toolbar, "H", "Headings (Ctrl+1 to Ctrl+3, Ctrl+0 for body text)", headings)
    for name in ("bullets", "numbers", "checks", "code", "code_block"):
        toolbar.addAction(actions[name])
    table_items = ("table", None, "add_row", "add_column", None, "remove_row", "remove_column")
    _menu_button(toolbar, "▦", "Tables", [actions[n] if n else None for n in table_items])
    toolbar.addAction(actions["link"])
    more = [actions[n] for n in ("find", "paste_plain", "import_md", "template")]
    more += [*extra, None, actions["outdent"], actions["indent"], actions["code_language"]]
    more += [None, actions["undo"], actions["redo"]]
    _menu_button(toolbar, "⋯", "More", more)
    return toolbar
