"""After an import: what came in, what was guessed and why, what was left out; every
imported component's kind can be changed here (one undo step when closed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.board.elements import Component
from sdi_desktop.domain.board.kinds import KINDS
from sdi_desktop.domain.interop.report import ImportReport


class ImportReportDialog(QDialog):
    def __init__(
        self, report: ImportReport, components: list[Component], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importReportDialog")
        self.setWindowTitle(f"Imported {report.source}")
        self.components = components
        summary = QLabel(f"<b>{report.source}</b>: {report.summary()}.")
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.RichText)
        hint = QLabel(
            "Kinds not stored in the file were guessed from shapes and label words. "
            "Change any kind below; a box is a component nothing said anything about."
        )
        hint.setWordWrap(True)
        self.table = QTableWidget(len(components), 3)
        self.table.setObjectName("importKinds")
        self.table.setHorizontalHeaderLabels(["Component", "Kind", "Why"])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.kind_boxes: list[QComboBox] = []
        for row, component in enumerate(components):
            label = " ".join(component.label.split()) or "(no label)"
            self.table.setItem(row, 0, QTableWidgetItem(label))
            box = QComboBox()
            for kind in KINDS:
                box.addItem(kind.label, kind.key)
            box.setCurrentIndex(box.findData(component.kind))
            box.setAccessibleName(f"Kind of {label}")
            self.table.setCellWidget(row, 1, box)
            self.kind_boxes.append(box)
            reason = report.guesses.get(component.id)
            if reason:
                why = f"guessed from the {reason}"
            elif component.kind == "box":
                why = "nothing to guess from"
            else:
                why = "kept from the file"
            self.table.setItem(row, 2, QTableWidgetItem(why))
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if report.warnings:
            warnings = QPlainTextEdit("\n".join(report.warnings))
            warnings.setObjectName("importWarnings")
            warnings.setReadOnly(True)
            warnings.setMaximumHeight(90)
            layout.addWidget(QLabel("Warnings:"))
            layout.addWidget(warnings)
        if components:
            layout.addWidget(hint)
            layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Done")
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(640, min(560, 200 + 34 * len(components)))

    def changed_kinds(self) -> dict[str, str]:
        """Component id -> the kind chosen, for the ones the user changed."""
        return {
            c.id: box.currentData()
            for c, box in zip(self.components, self.kind_boxes, strict=True)
            if box.currentData() != c.kind
        }
