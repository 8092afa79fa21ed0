"""The pane's actions and its formatting toolbar.

Every shortcut is scoped to its pane (WidgetWithChildrenShortcut), so it acts
only while that pane has focus and never competes with the whiteboard's keys
(Ctrl+K stays the whiteboard's quick-add; links are Ctrl+Shift+K here).
Undo and redo are the document's own (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y), which the
text edit claims before any window-wide shortcut while it has focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

if TYPE_CHECKING:
    from sdi_desktop.ui.notes.pane import NotesPane


class Spec(NamedTuple):
    name: str  # attribute on the pane's action set, and the QAction's object name suffix
    text: str
    keys: str
    method: str  # a NotesPane method
    tip: str = ""


SPECS: tuple[Spec, ...] = (
    Spec("bold", "B", "Ctrl+B", "bold", "Bold"),
    Spec("italic", "I", "Ctrl+I", "italic", "Italic"),
    Spec("underline", "U", "Ctrl+U", "underline", "Underline"),
    Spec("strike", "S", "Ctrl+Shift+X", "strike", "Strike through"),
    Spec("body", "Body text", "Ctrl+0", "heading_0"),
    Spec("h1", "Heading 1", "Ctrl+1", "heading_1"),
    Spec("h2", "Heading 2", "Ctrl+2", "heading_2"),
    Spec("h3", "Heading 3", "Ctrl+3", "heading_3"),
    Spec("bullets", "•", "Ctrl+Shift+8", "bullets", "Bullet list"),
    Spec("numbers", "1.", "Ctrl+Shift+7", "numbers", "Numbered list"),
    Spec("checks", "☑", "Ctrl+Shift+9", "checks", "Check-list"),
    Spec("outdent", "«", "", "outdent", "Outdent (Shift+Tab in a list)"),
    Spec("indent", "»", "", "indent", "Indent (Tab in a list)"),
    Spec("code", "<>", "Ctrl+E", "inline_code", "Inline code"),
    Spec("code_block", "{ }", "Ctrl+Shift+E", "code_block", "Code block (or type ``` and Enter)"),
    Spec("code_language", "Code language…", "", "ask_code_language"),
    Spec("table", "Insert table", "Ctrl+Shift+T", "insert_table"),
    Spec("add_row", "Add row below", "", "add_row"),
    Spec("add_column", "Add column right", "", "add_column"),
    Spec("remove_row", "Remove row", "", "remove_row"),
    Spec("remove_column", "Remove column", "", "remove_column"),
    Spec("link", "Link", "Ctrl+Shift+K", "ask_link", "Link"),
    Spec("find", "Find…", "Ctrl+F", "open_find"),
    Spec("paste_plain", "Paste as plain text", "Ctrl+Shift+V", "paste_plain_text"),
    Spec("import_md", "Import Markdown file…", "", "ask_import"),
    Spec("template", "Insert template", "", "insert_template"),
    Spec("undo", "Undo (Ctrl+Z)", "", "undo"),
    Spec("redo", "Redo (Ctrl+Shift+Z)", "", "redo"),
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
        action.triggered.connect(getattr(pane, spec.method))
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
