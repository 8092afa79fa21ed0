"""The "New session" dialog: a problem (or a prompt of your own), a title and a format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from sdi_desktop.domain.problems import PracticeHistory, Problem, ProblemLibrary

CUSTOM_ID = 0


class NewSessionDialog(QDialog):
    """Without a library it asks for a title and format only (the picker is optional)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        title: str = "",
        library: ProblemLibrary | None = None,
        history: PracticeHistory | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newSessionDialog")
        self.setWindowTitle("New practice session")
        self.setMinimumWidth(420)
        self.picker = None
        self._auto_title = ""

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
        # Keep the format controls at their natural width when the dialog is wide (with the
        # problem picker): a stretched radio button does not react to clicks beside its text.
        grid.setColumnStretch(len(PRESET_MINUTES) + 1, 1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Start new session")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        if library is not None:
            from sdi_desktop.ui.problems.picker import ProblemPicker

            self.picker = ProblemPicker(library, history, data_dir, parent=self)
            self.picker.problemChanged.connect(self._on_problem_changed)
            # a double-click on a problem starts the session with it
            self.picker.tree.itemDoubleClicked.connect(lambda *_: self.accept())
            problem_box = QGroupBox("Problem")
            QVBoxLayout(problem_box).addWidget(self.picker)
            layout.addWidget(problem_box, 1)
            self.setMinimumWidth(720)
            self.resize(820, 720)
        form = QFormLayout()
        form.addRow("Title", self.title_edit)
        layout.addLayout(form)
        layout.addWidget(format_box)
        layout.addWidget(buttons)

        self.format_group.idToggled.connect(self._on_format_toggled)
        self.preset_buttons[STANDARD_MINUTES].setChecked(True)

    def _on_problem_changed(self, problem: Problem | None) -> None:
        """Choosing a problem names the session after it; un-choosing undoes that."""
        if problem is not None:
            self.title_edit.setText(problem.title)
            self._auto_title = problem.title
        elif self._auto_title and self.title_edit.text() == self._auto_title:
            self.title_edit.clear()
            self._auto_title = ""

    def selected_problem(self) -> Problem | None:
        return self.picker.selected_problem() if self.picker else None

    def custom_prompt(self) -> str:
        return self.picker.custom_prompt() if self.picker else ""

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
