"""The component palette: drag a component onto the board, or double-click to place it."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from sdi_desktop.domain.board.kinds import KINDS
from sdi_desktop.ui.board.style import icon_pixmap
from sdi_desktop.ui.board.view import COMPONENT_MIME

KIND_ROLE = Qt.ItemDataRole.UserRole
ICON_CELL = QSize(42, 42)
NAMED_CELL = QSize(68, 60)
TILES = (
    "#componentPalette::item { border-radius: 5px; }"
    "#componentPalette::item:hover { background: palette(midlight); }"
    "#componentPalette::item:selected { background: palette(mid); }"
)


class ComponentPalette(QListWidget):
    placeRequested = Signal(str)  # kind key, to be placed at the view centre

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("componentPalette")
        self.setAccessibleName("Component palette")
        # A compact grid of icons; names show as tooltips and to screen readers.
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setMovement(QListWidget.Movement.Static)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setIconSize(QSize(30, 30))
        self.setGridSize(ICON_CELL)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setDragDropMode(QListWidget.DragDropMode.DragOnly)
        self.setSpacing(2)
        # The icons have no caption: Qt's selection would be a bar under the icon (where
        # a caption would be). A rounded tile behind the icon instead, and one on hover.
        self.setStyleSheet(TILES)
        self._dark: bool | None = None
        self._icons_scheduled = False
        self.theme_dark = False
        for kind in KINDS:
            item = QListWidgetItem()
            item.setData(KIND_ROLE, kind.key)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, kind.label)
            item.setSizeHint(QSize(40, 40))
            item.setToolTip(f"{kind.label}: drag onto the board, or double-click to place")
            self.addItem(item)
        self.itemActivated.connect(lambda item: self.placeRequested.emit(item.data(KIND_ROLE)))
        self.names_shown = False
        self._fit_width()

    # -- names under the icons ------------------------------------------------------------
    def set_names_shown(self, on: bool) -> None:
        """Each kind's name under its icon (easier to scan), or the compact icon grid."""
        if on == self.names_shown:
            return
        self.names_shown = on
        cell = NAMED_CELL if on else ICON_CELL
        self.setIconSize(QSize(26, 26) if on else QSize(30, 30))
        self.setGridSize(cell)
        self.setWordWrap(on)
        font = self.font()
        if on and not getattr(self, "_small_font", False):
            font.setPointSizeF(max(6.5, font.pointSizeF() - 1.5))  # "Notification" fits
            self._small_font = True
        elif not on and getattr(self, "_small_font", False):
            font.setPointSizeF(font.pointSizeF() + 1.5)
            self._small_font = False
        self.setFont(font)
        for row in range(self.count()):
            item = self.item(row)
            item.setText(item.data(Qt.ItemDataRole.AccessibleTextRole) if on else "")
            item.setSizeHint(cell - QSize(2, 2))
        self._fit_width()

    def _fit_width(self) -> None:
        """Two columns (names) or three (icons only), with room for the scroll bar."""
        columns, cell = (2, NAMED_CELL) if self.names_shown else (3, ICON_CELL)
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        self.setFixedWidth(columns * (cell.width() + 2 * self.spacing()) + bar + 6)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._dark is None and not self._icons_scheduled:
            # Drawing 24 SVG icons takes ~15 ms: do it right after the first paint,
            # so that the window appears without waiting for them.
            self._icons_scheduled = True
            QTimer.singleShot(0, self.ensure_icons)

    @property
    def has_icons(self) -> bool:
        return self._dark is not None

    def ensure_icons(self) -> None:
        """Draw the icons for the current theme if they are not drawn yet."""
        if self._dark is None:
            self.set_dark(self.theme_dark)

    def set_dark(self, dark: bool) -> None:
        if dark == self._dark:
            return
        if self._dark is not None:  # a theme change: a style sheet keeps the old colours
            self.setStyleSheet("")
            self.setStyleSheet(TILES)
        self._dark = dark
        for row in range(self.count()):
            item = self.item(row)
            item.setIcon(QIcon(icon_pixmap(item.data(KIND_ROLE), dark)))

    def mimeTypes(self) -> list[str]:
        return [COMPONENT_MIME]

    def mimeData(self, items) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(COMPONENT_MIME, items[0].data(KIND_ROLE).encode())
            data.setText(items[0].data(Qt.ItemDataRole.AccessibleTextRole))
        return data
