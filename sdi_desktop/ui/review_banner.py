"""Review mode for a finished session: read-only panes and board, the board as it
stood at the end of each phase, and "Continue editing" in one click."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from sdi_desktop.domain.phases import PHASES

if TYPE_CHECKING:
    from sdi_desktop.domain.record import SessionRecord
    from sdi_desktop.ui.main_window import MainWindow


class ReviewBanner(QObject):
    continued = Signal()

    def __init__(self, window: MainWindow, record: SessionRecord, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        self.record = record
        self.final_board = list(record.board)
        self.widget = QWidget()
        self.widget.setObjectName("reviewBanner")
        self.widget.setAutoFillBackground(True)
        label = QLabel("Reviewing a finished session: the notes and the whiteboard are read-only.")
        label.setObjectName("reviewLabel")
        self.board_choice = QComboBox()
        self.board_choice.setObjectName("reviewBoardChoice")
        self.board_choice.addItem("Whiteboard: as finished", None)
        for snapshot in sorted(record.snapshots, key=lambda s: s.phase_index):
            title = PHASES[snapshot.phase_index].short_title
            self.board_choice.addItem(f"Whiteboard: end of {title}", snapshot.phase_index)
        self.board_choice.currentIndexChanged.connect(self._show_board)
        self.continue_button = QPushButton("Continue editing")
        self.continue_button.setObjectName("reviewContinue")
        self.continue_button.clicked.connect(self.continue_editing)
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(label, 1)
        layout.addWidget(self.board_choice)
        layout.addWidget(self.continue_button)
        window.centralWidget().layout().insertWidget(1, self.widget)
        self._set_read_only(True)

    def _set_read_only(self, read_only: bool) -> None:
        window = self.window
        for pane in window.notes.panes.values():
            pane.setReadOnly(read_only)
        window.board.view.setInteractive(not read_only)
        window.board.toolbar.setEnabled(not read_only)
        window.board.palette.setEnabled(not read_only)
        for name in ("actionUndo", "actionRedo", "actionPaste", "actionQuickAdd"):
            window.board.action(name).setEnabled(not read_only)

    @property
    def read_only(self) -> bool:
        return not self.window.board.view.isInteractive()

    def _show_board(self, _index: int) -> None:
        from sdi_desktop.domain.board.elements import element_from_dict

        phase = self.board_choice.currentData()
        board = self.final_board
        for snapshot in self.record.snapshots:
            if snapshot.phase_index == phase:
                board = snapshot.board
        editor = self.window.board.editor
        editor.blockSignals(True)  # looking at history is not an edit
        try:
            editor.load([element_from_dict(e) for e in board])
        finally:
            editor.blockSignals(False)
        self.window.board.view.zoom_to_fit()

    def show_phase_board(self, phase_index: int | None) -> None:
        index = self.board_choice.findData(phase_index)
        if index >= 0:
            self.board_choice.setCurrentIndex(index)

    def continue_editing(self) -> None:
        self.leave()
        self.continued.emit()

    def leave(self) -> None:
        if self.board_choice.currentIndex() != 0:
            self.board_choice.setCurrentIndex(0)
        self._set_read_only(False)
        self.widget.hide()
        self.widget.deleteLater()
