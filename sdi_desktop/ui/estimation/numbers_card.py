"""The numbers card (``numbersCard``): latency, powers of two, time, one machine's capacity.

A search field filters every section at once (all words must match, case-insensitive);
each entry's source is its tooltip and is shown in the last column.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.estimation.numbers import LATENCY_SOURCE, SECTIONS, search


class NumbersCard(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numbersCard")
        self.setWindowTitle("Numbers to know")
        self.setAccessibleName("Reference numbers")
        self.setModal(False)
        self.search = QLineEdit(self)
        self.search.setObjectName("numbersSearch")
        self.search.setPlaceholderText("Search: ssd, redis, 2^32, seconds…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the numbers")
        self.search.textChanged.connect(self.filter)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("numbersTree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Number", "Value", "Note", "Source"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(2, 270)
        self.empty = QLabel("Nothing matches.", self)
        self.empty.setObjectName("numbersEmpty")
        self.empty.hide()
        note = QLabel(
            "Latency: orders of magnitude from Norvig's and Dean's published table "
            "(2001-2012 hardware). Capacities: rough, for one commodity server."
        )
        note.setWordWrap(True)
        note.setToolTip(LATENCY_SOURCE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(note)
        self.items: dict[int, QTreeWidgetItem] = {}
        self.sections: dict[str, QTreeWidgetItem] = {}
        for title, entries in SECTIONS:
            section = QTreeWidgetItem([title])
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            section.setFirstColumnSpanned(True)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(section)
            self.sections[title] = section
            for entry in entries:
                cite = entry.cite or entry.source
                item = QTreeWidgetItem([entry.label, entry.value, entry.note, cite])
                item.setToolTip(3, entry.source)
                item.setToolTip(2, entry.note)
                item.setToolTip(0, entry.source)
                item.setTextAlignment(
                    1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                self.tree.addTopLevelItem(item)
                self.items[id(entry)] = item
        self.resize(1000, 640)

    def filter(self, text: str) -> None:
        shown = {id(e) for e in search(text)}
        for title, entries in SECTIONS:
            visible = [id(e) in shown for e in entries]
            for entry, on in zip(entries, visible, strict=True):
                self.items[id(entry)].setHidden(not on)
            self.sections[title].setHidden(not any(visible))
        self.empty.setVisible(not shown)

    def visible_labels(self) -> list[str]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if not item.isHidden() and item.text(1):
                out.append(item.text(0))
        return out

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.search.setFocus()
        self.search.selectAll()
