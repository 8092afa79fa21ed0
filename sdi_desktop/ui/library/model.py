"""The table model behind the session library: one row per saved session."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from sdi_desktop.domain.clock import format_duration

COLUMNS = ("Title", "Problem", "Started", "Total", "Phase balance", "Status")
SORT_KEYS = ("title", "problem", "started", "total", None, None)
SUMMARY_ROLE = Qt.ItemDataRole.UserRole


def local_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class SessionTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []  # SessionSummary

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == SUMMARY_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.title
            if column == 1:
                return row.problem_title or "Custom prompt"
            if column == 2:
                return local_time(row.started_at)
            if column == 3:
                return format_duration(row.total_seconds)
            if column == 5:
                return "Finished" if row.status == "finished" else row.status.capitalize()
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            parts = [
                f"{format_duration(spent)} / {format_duration(budget)}"
                for spent, budget in zip(row.phase_seconds, row.budgets, strict=False)
            ]
            return "Time per phase against budget: " + ", ".join(parts)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def summary(self, row: int):
        return self.rows[row]
