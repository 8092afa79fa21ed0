"""Collapsible side panels: the guidance panel (with the hints) and the component
palette each have a key and a button that hide and show them; the choice is kept in
the settings. With both hidden, the whiteboard gets most of the window.

The notes area also keeps one minimum width whatever its panes hold, so that the
panels do not jump when a pane goes from empty (a wide "Start from..." button) to
filled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from sdi_desktop.ui.main_window import MainWindow

PALETTE_KEY = "panels/palette_visible"
PALETTE_NAMES_KEY = "panels/palette_names"
NOTES_MIN_WIDTH = 280


class PanelToggles:
    """Builds the View menu's panel actions and the toolbar buttons, and applies them."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        settings = window.settings
        self.guidance = self._action(
            "actionToggleGuidance",
            "&Guidance Panel",
            "Ctrl+Shift+G",
            "Show or hide the phase guidance and the hints",
            settings.guidance_visible,
            self._show_guidance,
        )
        self.palette = self._action(
            "actionTogglePalette",
            "Component &Palette",
            "Ctrl+Shift+A",
            "Show or hide the component palette beside the whiteboard",
            settings.bool_value(PALETTE_KEY, True),
            self._show_palette,
        )
        self.palette_names = self._action(
            "actionPaletteNames",
            "Palette &Names",
            None,
            "Show each component's name under its icon in the palette",
            settings.bool_value(PALETTE_NAMES_KEY, True),
            self._show_palette_names,
        )
        self._show_guidance(self.guidance.isChecked(), remember=False)
        self._show_palette(self.palette.isChecked(), remember=False)
        self._show_palette_names(self.palette_names.isChecked(), remember=False)
        self._add_to_window()

    def _action(self, name, text, keys, tip, checked, slot) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setCheckable(True)
        action.setChecked(checked)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            tip = f"{tip} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.toggled.connect(slot)
        self.window.addAction(action)
        return action

    def _add_to_window(self) -> None:
        from PySide6.QtWidgets import QMenu

        window = self.window
        menu = window.menuBar()
        view_menu = window.findChild(QMenu, "viewMenu")  # one View menu, whoever makes it
        if view_menu is None:
            view_menu = QMenu("&View", window)
            view_menu.setObjectName("viewMenu")
            help_menu = next(
                (a for a in menu.actions() if a.text().replace("&", "") == "Help"), None
            )
            menu.insertMenu(help_menu, view_menu)
        self.view_menu = view_menu
        for action in (self.guidance, self.palette, self.palette_names):
            view_menu.addAction(action)
        window.toolbar.addSeparator()
        window.toolbar.addAction(self.guidance)
        window.toolbar.addAction(self.palette)
        self.guidance.setIconText("Guidance")
        self.palette.setIconText("Palette")

    # -- applying ---------------------------------------------------------------------------
    def _show_guidance(self, on: bool, remember: bool = True) -> None:
        self.window.side_splitter.setVisible(on)
        if remember:
            self.window.settings.guidance_visible = on

    def _show_palette(self, on: bool, remember: bool = True) -> None:
        board = self.window.board
        if board is not None:
            board.palette.setVisible(on)
        if remember:
            self.window.settings.set_bool_value(PALETTE_KEY, on)

    def _show_palette_names(self, on: bool, remember: bool = True) -> None:
        board = self.window.board
        if board is not None:
            board.palette.set_names_shown(on)
        if remember:
            self.window.settings.set_bool_value(PALETTE_NAMES_KEY, on)
