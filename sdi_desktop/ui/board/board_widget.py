"""The whiteboard panel: a toolbar, the component palette and the view, with the
board's actions (undo/redo, quick-add, clipboard, arrange, zoom, export)."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.ui.board.editor import BoardEditor
from sdi_desktop.ui.board.palette import ComponentPalette
from sdi_desktop.ui.board.style import DARK_BOARD, LIGHT_BOARD
from sdi_desktop.ui.board.view import BoardView
from sdi_desktop.ui.clipboard import set_mime_data

BOARD_MIME = "application/x-sdi-board+json"
TOOL_LABELS = (
    ("select", "Select", "V"),
    ("connect", "Connect", "C"),
    ("pen", "Pen", "P"),
    ("eraser", "Eraser", "E"),
    ("text", "Text", "T"),
    ("zone", "Zone", "Z"),
)
DIRECTION_WORDS = {"right": "to the right", "down": "below", "left": "to the left", "up": "above"}
ALIGNMENTS = (
    ("left", "Align left"),
    ("hcenter", "Align centres horizontally"),
    ("right", "Align right"),
    ("top", "Align top"),
    ("vcenter", "Align middles vertically"),
    ("bottom", "Align bottom"),
)


class BoardWidget(QWidget):
    message = Signal(str)  # for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whiteboard")
        self.editor = BoardEditor(parent=self)
        self.view = BoardView(self.editor)
        self.palette = ComponentPalette()
        self.palette.placeRequested.connect(self.place_at_centre)
        self._quick_add = None
        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()
        self.toolbar = self._build_toolbar()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.palette)
        row.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addLayout(row, 1)
        self.view.zoomChanged.connect(self._show_zoom)
        self.view.toolChanged.connect(self._show_tool)
        self.view.directionChosen.connect(self._show_direction)
        self.view.diagramDropped.connect(self.import_diagram)
        self._board_import = None
        self._show_zoom(1.0)

    @property
    def scene(self):
        return self.editor.scene

    def set_gate(self, gate) -> None:
        """Follow the open session's gate (an ``EditGate``): read-only in review mode.

        The editor asks the gate before every edit; the tools, the palette and dragging
        follow it here so that a finished board does not even look editable."""
        self.editor.gate = gate
        gate.changed.connect(self._show_editable)
        self._show_editable(gate.editable)

    def _show_editable(self, editable: bool) -> None:
        if not editable:
            self.view.set_tool("select")
        self.view.setInteractive(editable)
        self.palette.setEnabled(editable)
        for name, _text, _key in TOOL_LABELS:
            self.actions_by_name[f"tool_{name}"].setEnabled(editable)

    # -- actions ------------------------------------------------------------------------
    def _add(
        self, name, text, shortcuts, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
    ):
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) if isinstance(s, str) else s for s in shortcuts])
            action.setShortcutContext(context)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.rstrip('…')} ({keys})")
        action.triggered.connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        stack = self.editor.undo_stack
        window = Qt.ShortcutContext.WindowShortcut
        # Not QUndoStack.createUndoAction: these go through the editor, which asks the gate.
        undo = QAction("&Undo", self)
        undo.setObjectName("actionUndo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        undo.triggered.connect(self.editor.undo)
        redo = QAction("&Redo", self)
        redo.setObjectName("actionRedo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.triggered.connect(self.editor.redo)
        for action, can, text, verb in (
            (undo, stack.canUndoChanged, stack.undoTextChanged, "&Undo"),
            (redo, stack.canRedoChanged, stack.redoTextChanged, "&Redo"),
        ):
            action.setEnabled(False)
            can.connect(action.setEnabled)
            text.connect(lambda t, a=action, v=verb: a.setText(f"{v} {t}".strip()))
        for action in (undo, redo):
            action.setShortcutContext(window)
            self.addAction(action)
            self.actions_by_name[action.objectName()] = action
        a = self._add
        a("actionQuickAdd", "&Quick Add Component…", ["Ctrl+K"], self.open_quick_add, window)
        # Ctrl+E is the notes panes' inline code: a window-wide Ctrl+E would be ambiguous.
        a("actionExport", "&Export Whiteboard…", ["Ctrl+Shift+S"], self.open_export_dialog, window)
        a("actionImportBoard", "&Import Board…", ["Ctrl+Shift+I"], self.open_import, window)
        a("actionCopyImage", "Copy as &Image", ["Ctrl+Shift+C"], self.copy_as_image)
        a("actionSelectAll", "Select &All", ["Ctrl+A"], self.select_all)
        a("actionCut", "Cu&t", ["Ctrl+X"], self.cut)
        a("actionCopy", "&Copy", ["Ctrl+C"], self.copy)
        a("actionPaste", "&Paste", ["Ctrl+V"], self.paste)
        a("actionDuplicate", "&Duplicate", ["Ctrl+D"], lambda: self.editor.duplicate(self._sel()))
        a("actionDelete", "De&lete", None, lambda: self.editor.delete(self._sel()))
        a(
            "actionBringToFront",
            "Bring to &Front",
            ["Ctrl+]"],
            lambda: self.editor.reorder(self._sel(), True),
        )
        a(
            "actionSendToBack",
            "Send to &Back",
            ["Ctrl+["],
            lambda: self.editor.reorder(self._sel(), False),
        )
        a("actionZoomIn", "Zoom &In", ["Ctrl++", "Ctrl+="], self.view.zoom_in)
        a("actionZoomOut", "Zoom &Out", ["Ctrl+-"], self.view.zoom_out)
        a("actionZoomFit", "Zoom to &Fit", ["Ctrl+0"], self.view.zoom_to_fit)
        snap = a("actionSnapToGrid", "&Snap to Grid", ["Ctrl+'"], self._toggle_snap)
        snap.setCheckable(True)
        for how, text in ALIGNMENTS:
            a(
                f"actionAlign_{how}",
                text,
                None,
                lambda _=False, h=how: self.editor.align(self._sel(), h),
            )
        a(
            "actionDistributeH",
            "Distribute horizontally",
            None,
            lambda: self.editor.distribute(self._sel(), "x"),
        )
        a(
            "actionDistributeV",
            "Distribute vertically",
            None,
            lambda: self.editor.distribute(self._sel(), "y"),
        )
        group = QActionGroup(self)
        for name, text, key in TOOL_LABELS:
            tool_action = QAction(text, self)
            tool_action.setObjectName(f"tool_{name}")
            tool_action.setCheckable(True)
            tool_action.setToolTip(f"{text} ({key}, when nothing is selected)")
            tool_action.triggered.connect(lambda _=False, n=name: self.view.set_tool(n))
            group.addAction(tool_action)
            self.actions_by_name[f"tool_{name}"] = tool_action
        self.actions_by_name["tool_select"].setChecked(True)

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]

    SHORT_TEXT: ClassVar[dict[str, str]] = {
        "actionQuickAdd": "Add…",
        "actionSnapToGrid": "Snap",
        "actionZoomOut": "−",
        "actionZoomIn": "+",
        "actionZoomFit": "Fit",
        "actionExport": "Export…",
    }

    def _build_toolbar(self) -> QToolBar:
        for name, text in self.SHORT_TEXT.items():
            self.action(name).setIconText(text)
        bar = QToolBar("Whiteboard")
        bar.setObjectName("boardToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name, _text, _key in TOOL_LABELS:
            bar.addAction(self.action(f"tool_{name}"))
        bar.addSeparator()
        bar.addAction(self.action("actionQuickAdd"))
        arrange = QToolButton()
        arrange.setText("Arrange")
        arrange.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        arrange.setMenu(self.arrange_menu())
        bar.addWidget(arrange)
        bar.addAction(self.action("actionSnapToGrid"))
        bar.addSeparator()
        bar.addAction(self.action("actionZoomOut"))
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("boardZoomLabel")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.zoom_label)
        bar.addAction(self.action("actionZoomIn"))
        bar.addAction(self.action("actionZoomFit"))
        bar.addSeparator()
        bar.addAction(self.action("actionExport"))
        return bar

    def arrange_menu(self, parent: QWidget | None = None) -> QMenu:
        menu = QMenu("&Arrange", parent or self)
        for how, _text in ALIGNMENTS:
            menu.addAction(self.action(f"actionAlign_{how}"))
        menu.addSeparator()
        menu.addAction(self.action("actionDistributeH"))
        menu.addAction(self.action("actionDistributeV"))
        menu.addSeparator()
        menu.addAction(self.action("actionBringToFront"))
        menu.addAction(self.action("actionSendToBack"))
        return menu

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    def _show_tool(self, name: str) -> None:
        self.action(f"tool_{name}").setChecked(True)

    def _toggle_snap(self, checked: bool) -> None:
        self.scene.snap_enabled = checked
        self.message.emit("Snap to grid on" if checked else "Snap to grid off")

    def _sel(self) -> list[str]:
        return self.scene.selected_ids()

    def set_dark(self, dark: bool, icons: bool = True) -> None:
        """Board colours for the theme; palette icons now, or after first paint."""
        self.scene.set_colors(DARK_BOARD if dark else LIGHT_BOARD)
        self.view.set_colors_from_scene()
        if icons or self.palette.has_icons:
            self.palette.set_dark(dark)
        else:
            self.palette.theme_dark = dark  # drawn after the first paint

    # -- placing ---------------------------------------------------------------------------
    def place_at_centre(self, kind_key: str, label: str | None = None) -> str:
        element_id = self.editor.add_component(kind_key, self.view.view_center(), label)
        self.view.setFocus()
        return element_id

    def open_quick_add(self) -> None:
        from sdi_desktop.ui.board.quick_add_popup import QuickAddPopup

        if not self.editor.gate.allows_edit():  # review mode: nothing to add to
            return
        if self._quick_add is None:
            self._quick_add = QuickAddPopup(self)
            self._quick_add.chosen.connect(self.quick_add)
        self._quick_add.open_over(self.view, can_connect=len(self._selected_components()) == 1)

    @property
    def quick_add_popup(self):
        return self._quick_add

    def _selected_components(self) -> list[str]:
        return [i for i in self._sel() if self.editor.document.get(i).TYPE == "component"]

    def quick_add(self, kind_key: str, label: str, beside: bool) -> str:
        anchors = self._selected_components()
        view = self.view
        if beside and len(anchors) == 1:
            element_id, _ = self.editor.add_component_beside(
                anchors[0], kind_key, label, view.beside_direction
            )
            view.direction_armed = True
            self.message.emit(
                f"Added {DIRECTION_WORDS[view.beside_direction]} and connected. The next one "
                "goes the same way: Shift+arrow now changes that, Tab picks another component."
            )
        else:
            element_id = self.editor.add_component(kind_key, view.view_center(), label)
        view.setFocus()
        view.bring_into_view(element_id)
        return element_id

    def _show_direction(self, direction: str) -> None:
        self.message.emit(f"The next Shift+Enter component goes {DIRECTION_WORDS[direction]}.")

    def select_all(self) -> None:
        self.scene.select_ids(self.editor.document.order)

    # -- clipboard -------------------------------------------------------------------------
    def copy(self) -> None:
        ids = self._sel()
        if not ids:
            return
        text = self.editor.copy_text(ids)
        data = QMimeData()
        data.setData(BOARD_MIME, text.encode())
        data.setText(text)
        set_mime_data(data)

    def cut(self) -> None:
        ids = self._sel()
        if ids:
            self.copy()
            self.editor.delete(ids)

    def paste(self) -> list[str]:
        data = QGuiApplication.clipboard().mimeData()
        if data is None:
            return []
        if data.hasFormat(BOARD_MIME):
            text = bytes(data.data(BOARD_MIME)).decode()
        elif data.hasText() and '"sdi-board"' in data.text():
            text = data.text()
        else:
            self.message.emit("The clipboard holds no whiteboard elements.")
            return []
        from sdi_desktop.domain.board.file_format import BoardFormatError

        try:
            return self.editor.paste_text(text)
        except BoardFormatError as exc:
            self.message.emit(f"Cannot paste: {exc}")
            return []

    def copy_as_image(self) -> None:
        from sdi_desktop.ui.board.export import render_image

        ids = self._sel() or None
        QGuiApplication.clipboard().setImage(render_image(self.scene, ids, scale=2.0))
        self.message.emit("Copied the " + ("selection" if ids else "board") + " as an image.")

    # -- import (ui/interop) ---------------------------------------------------------------
    @property
    def board_import(self):
        if self._board_import is None:
            from sdi_desktop.ui.interop.board_import import BoardImport

            self._board_import = BoardImport(self.editor, self)
            self._board_import.message.connect(self.message)
        return self._board_import

    def open_import(self) -> None:
        if self._editable():
            self.board_import.choose_file()

    def import_diagram(self, path: str, x: float | None = None, y: float | None = None) -> None:
        if self._editable():
            self.board_import.import_path(path, None if x is None else (x, y))

    def _editable(self) -> bool:
        if not self.view.isInteractive():  # review mode: the board is read-only
            self.message.emit("The board is read-only here; continue editing to import.")
        return self.view.isInteractive()

    # -- export ------------------------------------------------------------------------------
    def open_export_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from sdi_desktop.ui.board.export import ExportError
        from sdi_desktop.ui.board.export_dialog import ExportDialog

        dialog = ExportDialog(bool(self._sel()), self.scene.colors.dark, self)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        fmt, suffix = dialog.fmt, dialog.suffix
        path, _ = QFileDialog.getSaveFileName(
            self, "Export whiteboard", f"whiteboard.{suffix}", f"{fmt.upper()} (*.{suffix})"
        )
        if not path:
            return
        if not path.lower().endswith(f".{suffix}"):
            path += f".{suffix}"
        ids = self._sel() if dialog.selection_only else None
        try:
            if fmt in dialog.suffixes:
                from sdi_desktop.ui.interop.diagram_export import export_diagram

                export_diagram(path, self.editor.document, fmt, ids)
            else:
                from sdi_desktop.ui.board.export_progress import export_with_progress

                note = export_with_progress(self, path, self.scene, fmt, ids, dialog.options())
                if note is None:
                    self.message.emit("Export cancelled")
                    return
                if note:
                    QMessageBox.information(self, "Export scaled down", note)
        except (ExportError, OSError) as exc:
            QMessageBox.warning(self, "Export failed", f"Could not export to {path}:\n{exc}")
            return
        self.message.emit(f"Exported the whiteboard to {path}")
