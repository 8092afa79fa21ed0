"""The estimation panel (``estimationPanel``): inputs, your rows, live results.

Every keystroke goes to ``EstimationState``, which either takes the text or keeps the
last good value and returns a message, shown beside the field; the results table always
shows the last good figures. ``state_dict()``/``restore()`` are the stored form (see
``domain/estimation/state.py``); ``changed`` fires after each edit, for autosave.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.estimation import INPUTS, EstimationState, EstimationStateError
from sdi_desktop.domain.estimation.markdown import results_markdown
from sdi_desktop.domain.estimation.problem_figures import state_for
from sdi_desktop.ui.estimation.fields import UserRowWidget, add_row_button, input_row
from sdi_desktop.ui.estimation.results_model import ResultsModel


class EstimationPanel(QDialog):
    changed = Signal()  # inputs or rows edited: the state to store has changed
    tableInserted = Signal(str)  # the Markdown written into the Estimates pane

    def __init__(
        self,
        parent: QWidget | None = None,
        problem: Callable[[], Any] | None = None,
        insert: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("estimationPanel")
        self.setWindowTitle("Back-of-the-envelope estimation")
        self.setAccessibleName("Estimation calculator")
        self.setModal(False)
        self._problem = problem or (lambda: None)
        self._insert = insert
        self.state = EstimationState()
        self.last_recompute_ms = 0.0
        self.fields: dict[str, Any] = {}
        self.messages: dict[str, Any] = {}
        self.row_widgets: list[UserRowWidget] = []

        self.use_problem_button = QPushButton("Use the problem's figures", self)
        self.use_problem_button.setObjectName("estimationUseProblem")
        self.use_problem_button.clicked.connect(self.use_problem_figures)
        self.insert_button = QPushButton("Insert as table", self)
        self.insert_button.setObjectName("estimationInsertTable")
        self.insert_button.setToolTip(
            "Write the inputs and results, with their formulas, "
            "into the Estimates pane (Ctrl+Return)"
        )
        self.insert_button.clicked.connect(self.insert_table)
        self.insert_button.setAutoDefault(False)
        self.use_problem_button.setAutoDefault(False)
        self.status = QLabel(self)
        self.status.setObjectName("estimationStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        for button in (self.use_problem_button, self.insert_button):
            top.addWidget(button)
        top.addWidget(self.status, 1)

        form = QWidget()
        grid = QGridLayout(form)
        grid.setColumnStretch(2, 1)
        grid.setVerticalSpacing(4)
        heading = QLabel("<b>Inputs</b> <small>(* an assumption to say out loud)</small>")
        grid.addWidget(heading, 0, 0, 1, 3)
        for i, spec in enumerate(INPUTS, start=1):
            field, message = input_row(grid, i, spec, form)
            field.textEdited.connect(lambda text, n=spec.name: self._input_edited(n, text))
            self.fields[spec.name] = field
            self.messages[spec.name] = message
        rows_heading = QLabel(
            "<b>Your rows</b> <small>(formulas over any name above or "
            "below: dau, write_rate, storage_per_day...)</small>"
        )
        rows_heading.setWordWrap(True)
        last = 2 * len(INPUTS)
        grid.addWidget(rows_heading, last + 1, 0, 1, 3)
        self._rows_layout = QVBoxLayout()
        grid.addLayout(self._rows_layout, last + 2, 0, 1, 3)
        self.add_row_button = add_row_button(form)
        self.add_row_button.setAutoDefault(False)
        self.add_row_button.clicked.connect(lambda: self.add_row())
        grid.addWidget(self.add_row_button, last + 3, 0)
        grid.setRowStretch(last + 4, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        # the inputs never scroll sideways; the results table takes what is left
        scroll.setMinimumWidth(
            form.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4
        )

        self.model = ResultsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("estimationResults")
        self.table.setAccessibleName("Estimation results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Interactive, fitted when the rows change: ResizeToContents would measure every
        # row on every keystroke.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.model.modelReset.connect(self._fit_columns)
        # room for "888,000 TB/s" from the start: values grow as figures are typed
        self._value_width = self.fontMetrics().horizontalAdvance("888,000 TB/s") + 18

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(scroll)
        split.addWidget(self.table)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        split.setSizes([500, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.insert_table)
        self.resize(1100, 640)
        self._fill_fields()
        self._refresh_results()
        self._fit_columns()

    def first_field(self):
        """Where typing starts: daily users, or monthly users when those are used."""
        if not self.fields["dau"].text() and self.fields["mau"].text():
            return self.fields["mau"]
        return self.fields["dau"]

    COMPACT_BELOW = 1000  # panel width under which the formula goes under the name

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.model.set_compact(self.width() < self.COMPACT_BELOW)

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        lines = 2 if self.model.compact else 1
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * lines + 8)
        if self.model.compact:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
            header.setStretchLastSection(False)
            self.table.setColumnWidth(1, self._value_width)
            return
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        if self.table.columnWidth(1) < self._value_width:
            self.table.setColumnWidth(1, self._value_width)

    # -- edits ----------------------------------------------------------------------
    def _input_edited(self, name: str, text: str) -> None:
        started = time.perf_counter()
        message = self.state.set_input(name, text)
        self.messages[name].show_message(message, self.fields[name])
        self._refresh_results()
        self.last_recompute_ms = (time.perf_counter() - started) * 1000
        self.changed.emit()

    def add_row(self, name: str = "", formula: str = "") -> UserRowWidget:
        index = self.state.add_row(name, formula)
        widget = self._add_row_widget(*self.state.row_texts[index])
        self._show_row_messages()
        self._refresh_results()
        widget.name_edit.setFocus() if not name else None
        self.changed.emit()
        return widget

    def _add_row_widget(self, name: str, formula: str) -> UserRowWidget:
        widget = UserRowWidget(name, formula, self)
        widget.edited.connect(self._row_edited)
        widget.removed.connect(self._row_removed)
        self._rows_layout.addWidget(widget)
        widget.show()
        self.row_widgets.append(widget)
        return widget

    def _row_edited(self, widget: UserRowWidget, name: str, formula: str) -> None:
        started = time.perf_counter()
        self.state.set_row(self.row_widgets.index(widget), name, formula)
        self._show_row_messages()
        self._refresh_results()
        self.last_recompute_ms = (time.perf_counter() - started) * 1000
        self.changed.emit()

    def _row_removed(self, widget: UserRowWidget) -> None:
        index = self.row_widgets.index(widget)
        self.state.remove_row(index)
        self.row_widgets.pop(index)
        widget.deleteLater()
        self._show_row_messages()
        self._refresh_results()
        self.changed.emit()

    def _show_row_messages(self) -> None:
        for i, widget in enumerate(self.row_widgets):
            widget.show_message(self.state.messages.get(f"row {i}", ""))

    def _refresh_results(self) -> None:
        self.model.set_rows(self.state.results())
        problem = self._problem()
        has_figures = problem is not None and getattr(problem, "estimation", None) is not None
        self.use_problem_button.setEnabled(has_figures)
        self.use_problem_button.setToolTip(
            "Fill the inputs with the scale figures of this session's problem"
            if has_figures
            else "This session's problem gives no scale figures"
        )

    # -- whole state ----------------------------------------------------------------------
    def _fill_fields(self) -> None:
        for spec in INPUTS:
            field = self.fields[spec.name]
            field.setText(self.state.texts.get(spec.name, ""))
            self.messages[spec.name].show_message(self.state.messages.get(spec.name, ""), field)
        for widget in self.row_widgets:
            widget.deleteLater()
        self.row_widgets = []
        for name, formula in self.state.row_texts:
            self._add_row_widget(name, formula)
        self._show_row_messages()

    def _replace_state(self, state: EstimationState) -> None:
        self.state = state
        self._fill_fields()
        self._refresh_results()

    def use_problem_figures(self) -> None:
        problem = self._problem()
        if problem is None or getattr(problem, "estimation", None) is None:
            self.status.setText("This session has no problem with scale figures.")
            return
        self._replace_state(state_for(problem))
        self.status.setText(f"Filled with the figures of “{problem.title}”.")
        self.changed.emit()

    def insert_table(self) -> None:
        # the inputs the results were computed from: a field in error keeps its last good one
        text = results_markdown(self.state.good_texts, self.state.results())
        if self._insert is None:
            self.status.setText("No Estimates pane to write into.")
            return
        self._insert(text)
        self.status.setText("Inserted into the Estimates pane (Ctrl+Z there takes it back).")
        self.tableInserted.emit(text)

    def state_dict(self) -> dict[str, Any]:
        """The stored form: ``EstimationState.to_dict()``."""
        return self.state.to_dict()

    def restore(self, data: dict[str, Any] | None) -> bool:
        """Show a stored state (``None``: a fresh one). A malformed one is refused with a
        message in the panel, and what is on screen stays; returns whether it loaded."""
        if data is None:
            self._replace_state(EstimationState())
            return True
        try:
            state = EstimationState.from_dict(data)
        except EstimationStateError as exc:
            self.status.setText(f"The stored estimates could not be read: {exc}")
            return False
        self._replace_state(state)
        return True

    def set_read_only(self, read_only: bool) -> None:
        """For review mode: the figures show, nothing can be edited."""
        for field in self.fields.values():
            field.setReadOnly(read_only)
        for widget in self.row_widgets:
            widget.name_edit.setReadOnly(read_only)
            widget.formula_edit.setReadOnly(read_only)
        for button in (self.use_problem_button, self.insert_button, self.add_row_button):
            button.setVisible(not read_only)
