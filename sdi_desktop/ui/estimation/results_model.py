"""The results table of the estimation panel: figure, value, formula with numbers."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from sdi_desktop.domain.estimation.calculator import Row

HEADERS = ("Figure", "Value", "Formula")


class ResultsModel(QAbstractTableModel):
    """Rows of the calculator; the value's tooltip holds the exact value."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        # compact: two columns, the formula on a second line under the figure's name
        # (a panel narrow enough to leave the notes in view has no room for three)
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.beginResetModel()
            self.compact = compact
            self.endResetModel()

    def set_rows(self, rows: list[Row]) -> None:
        """Take new results; only the rows whose figure or message changed are repainted."""
        if len(rows) == len(self.rows) and all(
            a.name == b.name for a, b in zip(rows, self.rows, strict=True)
        ):
            old, self.rows = self.rows, rows
            changed = [
                i for i, (a, b) in enumerate(zip(old, rows, strict=True)) if not a.same_as(b)
            ]
            if changed:
                last = self.columnCount() - 1
                self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (2 if self.compact else 3)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0 and self.compact:
                return f"{row.label}\n    {row.line if row.value is not None else row.problem}"
            if column == 0:
                return row.label
            if column == 1:
                return row.text or "—"
            return row.line if row.value is not None else row.problem
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.value is None:
                return f"{row.formula}\n{row.problem}"
            return f"exact: {row.exact}\n{row.name} = {row.formula}\n= {row.numbers}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.name
        if role == Qt.ItemDataRole.FontRole and row.user and column == 0:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None

    def row_of(self, name: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.name == name), -1)
