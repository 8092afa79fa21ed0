"""Swap roles: who the partner is and which problem they get (not the one just done)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from sdi_desktop.domain.mock.log import MockLog


class SwapDialog(QDialog):
    def __init__(self, parent: QWidget, library, done: MockLog, done_problem: str | None):
        super().__init__(parent)
        self.setObjectName("swapRolesDialog")
        self.setWindowTitle("Swap roles")
        form = QFormLayout(self)
        self.partner = QLineEdit(done.interviewer)
        self.partner.setPlaceholderText("The new candidate's name")
        self.problems = QComboBox()
        self.library = library
        for problem in library.problems:
            if problem.id != done_problem:
                self.problems.addItem(problem.title, problem.id)
        form.addRow("New candidate", self.partner)
        form.addRow("Their problem", self.problems)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def ask_swap(parent: QWidget, library, done: MockLog, done_problem: str | None):
    """(problem, partner name) or None when cancelled; ``done_problem``: the id of the
    problem just practised (not offered again)."""
    dialog = SwapDialog(parent, library, done, done_problem)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.problems.count() == 0:
        return None
    problem = library.get(dialog.problems.currentData())
    partner = dialog.partner.text().strip() or "Partner"
    return (problem, partner) if problem is not None else None
