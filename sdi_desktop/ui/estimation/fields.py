"""One input field with its message beside it, and the editor of the user's rows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.estimation.inputs import InputSpec

ERROR_STYLE = "QLineEdit { border: 1px solid %s; }"


def message_colour(widget: QWidget) -> str:
    dark = widget.palette().window().color().lightness() < 128
    return "#ef9a9a" if dark else "#b3261e"


class MessageLabel(QLabel):
    """The inline message beside a field: empty and hidden when the field is fine."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str, field: QLineEdit) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        colour = message_colour(self)
        self.setStyleSheet(f"color: {colour};" if text else "")
        field.setStyleSheet(ERROR_STYLE % colour if text else "")
        field.setToolTip(text or field.property("hint") or "")


def input_row(grid: QGridLayout, row: int, spec: InputSpec, parent: QWidget):
    """Add label, field and message for ``spec`` to ``grid``; returns (field, message)."""
    text = spec.label + (" *" if spec.assumption else "")
    label = QLabel(text, parent)
    if spec.assumption:
        label.setToolTip("An assumption: say it out loud in the interview")
    field = QLineEdit(parent)
    field.setObjectName(f"estimationInput_{spec.name}")
    field.setAccessibleName(spec.label)
    field.setPlaceholderText(spec.hint)
    field.setProperty("hint", spec.hint)
    field.setToolTip(spec.hint)
    field.setMinimumWidth(170)
    label.setBuddy(field)
    message = MessageLabel(f"estimationMessage_{spec.name}", parent)
    # The message goes right under its field, across the width: hidden, it takes no room.
    grid.addWidget(label, 2 * row - 1, 0)
    grid.addWidget(field, 2 * row - 1, 1)
    grid.addWidget(message, 2 * row, 1, 1, 2)
    return field, message


class UserRowWidget(QWidget):
    """``name = formula`` with a message and a remove button."""

    edited = Signal(object, str, str)  # (self, name, formula)
    removed = Signal(object)

    def __init__(self, name: str, formula: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("estimationRowName")
        self.name_edit.setAccessibleName("Row name")
        self.name_edit.setMaximumWidth(150)
        self.formula_edit = QLineEdit(formula, self)
        self.formula_edit.setObjectName("estimationRowFormula")
        self.formula_edit.setAccessibleName("Row formula")
        self.formula_edit.setPlaceholderText("a formula, like dau * 0.2 * 500 B")
        remove = QToolButton(self)
        remove.setText("✕")
        remove.setToolTip("Remove this row")
        remove.setAccessibleName("Remove row")
        remove.clicked.connect(lambda: self.removed.emit(self))
        self.message = MessageLabel("estimationRowMessage", self)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.name_edit)
        line.addWidget(QLabel("=", self))
        line.addWidget(self.formula_edit, 1)
        line.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.message)
        for edit in (self.name_edit, self.formula_edit):
            edit.textEdited.connect(self._emit)

    def _emit(self, _text: str = "") -> None:
        self.edited.emit(self, self.name_edit.text(), self.formula_edit.text())

    def show_message(self, text: str) -> None:
        field = self.name_edit if "name" in text and "formula" not in text else self.formula_edit
        self.message.show_message(text, field)


def add_row_button(parent: QWidget) -> QPushButton:
    button = QPushButton("Add a row", parent)
    button.setObjectName("estimationAddRow")
    button.setToolTip("A figure of your own: a name and a formula over the others")
    return button
