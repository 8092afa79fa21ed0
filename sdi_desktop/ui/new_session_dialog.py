"""The "New session" dialog: a title and an interview format."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.formats import (
    MAX_PHASE_MINUTES,
    PRESET_MINUTES,
    STANDARD_MINUTES,
    FormatError,
    InterviewFormat,
    custom,
    scaled,
)
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.session import DEFAULT_TITLE

CUSTOM_ID = 0


class NewSessionDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("newSessionDialog")
        self.setWindowTitle("New practice session")
        self.setMinimumWidth(420)

        self.title_edit = QLineEdit(title)
        self.title_edit.setObjectName("sessionTitle")
        self.title_edit.setPlaceholderText(f"{DEFAULT_TITLE} (e.g. Design a URL shortener)")

        format_box = QGroupBox("Interview format")
        grid = QGridLayout(format_box)
        self.format_group = QButtonGroup(self)
        self.preset_buttons: dict[int, QRadioButton] = {}
        for column, minutes in enumerate(PRESET_MINUTES):
            label = f"{minutes} min" + (" (standard)" if minutes == STANDARD_MINUTES else "")
            button = QRadioButton(label)
            button.setObjectName(f"format{minutes}")
            self.format_group.addButton(button, minutes)
            self.preset_buttons[minutes] = button
            grid.addWidget(button, 0, column)
        self.custom_button = QRadioButton("Custom")
        self.custom_button.setObjectName("formatCustom")
        self.format_group.addButton(self.custom_button, CUSTOM_ID)
        grid.addWidget(self.custom_button, 0, len(PRESET_MINUTES))

        budgets = QFormLayout()
        self.spins: list[QSpinBox] = []
        for phase in PHASES:
            spin = QSpinBox()
            spin.setRange(1, MAX_PHASE_MINUTES)
            spin.setSuffix(" min")
            spin.setObjectName(f"budget_{phase.key}")
            spin.valueChanged.connect(self._update_total)
            budgets.addRow(phase.short_title, spin)
            self.spins.append(spin)
        grid.addLayout(budgets, 1, 0, 1, len(PRESET_MINUTES) + 1)
        self.total_label = QLabel()
        self.total_label.setObjectName("formatTotal")
        grid.addWidget(self.total_label, 2, 0, 1, len(PRESET_MINUTES) + 1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Start new session")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("Title", self.title_edit)
        layout.addLayout(form)
        layout.addWidget(format_box)
        layout.addWidget(buttons)

        self.format_group.idToggled.connect(self._on_format_toggled)
        self.preset_buttons[STANDARD_MINUTES].setChecked(True)

    def _on_format_toggled(self, button_id: int, checked: bool) -> None:
        if not checked:
            return
        is_custom = button_id == CUSTOM_ID
        for spin in self.spins:
            spin.setEnabled(is_custom)
        if not is_custom:
            for spin, minutes in zip(self.spins, scaled(button_id).minutes, strict=True):
                spin.setValue(minutes)
        self._update_total()

    def _update_total(self) -> None:
        total = sum(s.value() for s in self.spins)
        self.total_label.setText(f"Total: {total} minutes")

    def select_preset(self, minutes: int) -> None:
        self.preset_buttons[minutes].setChecked(True)

    def set_custom(self, minutes: list[int]) -> None:
        self.custom_button.setChecked(True)
        for spin, value in zip(self.spins, minutes, strict=True):
            spin.setValue(value)

    def session_title(self) -> str:
        return self.title_edit.text().strip() or DEFAULT_TITLE

    def interview_format(self) -> InterviewFormat:
        """The chosen format; spin-box ranges keep custom values valid."""
        button_id = self.format_group.checkedId()
        if button_id == CUSTOM_ID:
            return custom([s.value() for s in self.spins])
        return scaled(button_id)


__all__ = ["FormatError", "NewSessionDialog"]
