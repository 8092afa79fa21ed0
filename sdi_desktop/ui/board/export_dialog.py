"""The export dialog: format, scale, background and scope, then where to save."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)


class ExportDialog(QDialog):
    def __init__(self, has_selection: bool, dark: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export whiteboard")
        self.format_combo = QComboBox()
        for key, text in (("png", "PNG image"), ("svg", "SVG drawing"), ("pdf", "PDF page")):
            self.format_combo.addItem(text, key)
        from sdi_desktop.ui.interop.diagram_export import DIAGRAM_FORMATS

        for key, (text, suffix) in DIAGRAM_FORMATS.items():
            self.format_combo.addItem(f"{text} (.{suffix})", key)
        self.suffixes = {key: suffix for key, (_text, suffix) in DIAGRAM_FORMATS.items()}
        self.scale_combo = QComboBox()
        self.scale_combo.addItem("1× (screen size)", 1.0)
        self.scale_combo.addItem("2× (sharp on high-DPI and print)", 2.0)
        self.scale_combo.setCurrentIndex(1)
        self.background_combo = QComboBox()
        self.background_combo.addItem("White (or the board's colour)", False)
        self.background_combo.addItem("Transparent", True)
        self.scope_combo = QComboBox()
        self.scope_combo.addItem("Whole board", False)
        self.scope_combo.addItem("Selection only", True)
        self.scope_combo.setEnabled(has_selection)
        self.keep_theme = QCheckBox("Keep the dark theme's colours")
        self.keep_theme.setVisible(dark)
        form = QFormLayout()
        form.addRow("Format", self.format_combo)
        form.addRow("Scale", self.scale_combo)
        form.addRow("Background", self.background_combo)
        form.addRow("Export", self.scope_combo)
        form.addRow("", self.keep_theme)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.format_combo.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        png = self.fmt == "png"
        self.scale_combo.setEnabled(png)
        self.background_combo.setEnabled(png)
        self.keep_theme.setEnabled(self.fmt not in self.suffixes)

    @property
    def suffix(self) -> str:
        return self.suffixes.get(self.fmt, self.fmt)

    @property
    def fmt(self) -> str:
        return self.format_combo.currentData()

    def options(self) -> dict:
        if self.fmt in self.suffixes:
            return {}
        options = {"keep_theme": self.keep_theme.isVisible() and self.keep_theme.isChecked()}
        if self.fmt == "png":
            options["scale"] = self.scale_combo.currentData()
            options["transparent"] = self.background_combo.currentData()
        return options

    @property
    def selection_only(self) -> bool:
        return bool(self.scope_combo.isEnabled() and self.scope_combo.currentData())
