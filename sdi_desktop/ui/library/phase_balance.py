"""A table cell that draws time spent per phase against budget as four small bars."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate

from sdi_desktop.ui.library.model import SUMMARY_ROLE

BUDGET = QColor(150, 160, 180, 90)
SPENT = QColor("#2f6fde")
OVER = QColor("#d2461f")


class PhaseBalanceDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option, index) -> None:
        super().paint(painter, option, index)
        summary = index.data(SUMMARY_ROLE)
        if summary is None:
            return
        budgets = list(summary.budgets)
        total = sum(budgets) or 1.0
        rect = QRectF(option.rect).adjusted(4, 6, -4, -6)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        x = rect.left()
        for spent, budget in zip(summary.phase_seconds, budgets, strict=False):
            width = rect.width() * budget / total - 2
            slot = QRectF(x, rect.top(), max(2.0, width), rect.height())
            painter.setBrush(BUDGET)
            painter.drawRoundedRect(slot, 2, 2)
            if spent > 0 and budget > 0:
                fill = QRectF(slot)
                fill.setWidth(slot.width() * min(1.0, spent / budget))
                painter.setBrush(OVER if spent > budget else SPENT)
                painter.drawRoundedRect(fill, 2, 2)
            x += width + 2
        painter.restore()
