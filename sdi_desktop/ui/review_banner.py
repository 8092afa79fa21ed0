"""Review mode for a finished session: read-only panes and board, a replay of the
board and notes as they stood at the end of each phase, the self-assessment, and
"Continue editing" in one click.

Replay: the slider (and the combo box beside it) steps from the end of the first
phase that has a snapshot to the session as finished; Left and Right step while
the banner has focus. Showing older notes is not an edit: the binding is kept
quiet, and the finished notes come back before the banner leaves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QToolButton,
    QWidget,
)

from sdi_desktop.domain.phases import PHASES

if TYPE_CHECKING:
    from sdi_desktop.domain.record import SessionRecord
    from sdi_desktop.ui.main_window import MainWindow
    from sdi_desktop.ui.session_binding import SessionBinding


class ReviewBanner(QObject):
    continued = Signal()
    assessRequested = Signal()

    def __init__(
        self,
        window: MainWindow,
        record: SessionRecord,
        parent: QObject,
        binding: SessionBinding | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.record = record
        self.binding = binding
        if binding is not None:
            # Cache every pane's finished Markdown now: a save while an older snapshot is
            # shown must write the finished notes, never the ones on screen.
            binding.notes_markdown()
        self.final_board = list(record.board)
        self.final_notes = dict(record.notes)
        self.snapshots = sorted(record.snapshots, key=lambda s: s.phase_index)
        self.widget = QWidget()
        self.widget.setObjectName("reviewBanner")
        self.widget.setAutoFillBackground(True)
        label = QLabel("Reviewing a finished session (read-only).")
        label.setObjectName("reviewLabel")
        self.board_choice = QComboBox()
        self.board_choice.setObjectName("reviewBoardChoice")
        self.board_choice.addItem("As finished", None)
        for snapshot in self.snapshots:
            title = PHASES[snapshot.phase_index].short_title
            self.board_choice.addItem(f"End of {title}", snapshot.phase_index)
        self.board_choice.currentIndexChanged.connect(self._show_board)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("replaySlider")
        self.slider.setRange(0, len(self.snapshots))
        self.slider.setValue(len(self.snapshots))
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setMinimumWidth(120)
        self.slider.setEnabled(bool(self.snapshots))
        self.slider.setToolTip("Replay: the board and notes at the end of each phase (Left/Right)")
        self.slider.valueChanged.connect(self._slider_moved)
        for key, step in ((Qt.Key.Key_Left, -1), (Qt.Key.Key_Right, 1)):
            shortcut = QShortcut(QKeySequence(key), self.widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.step(s))
        self.assess_button = QPushButton("Self-assessment…")
        self.assess_button.setObjectName("reviewAssess")
        self.assess_button.clicked.connect(self.assessRequested)
        self.continue_button = QPushButton("Continue editing")
        self.continue_button.setObjectName("reviewContinue")
        self.continue_button.clicked.connect(self.continue_editing)
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(label, 1)
        layout.addWidget(QLabel("Replay:"))
        layout.addWidget(self.slider)
        layout.addWidget(self.board_choice)
        reveal = window.findChild(QAction, "actionRevealReference")
        if reveal is not None and reveal.isEnabled():  # the problem has a reference answer
            self.reference_button = QToolButton()
            self.reference_button.setObjectName("reviewReference")
            self.reference_button.setDefaultAction(reveal)
            layout.addWidget(self.reference_button)
        layout.addWidget(self.assess_button)
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

    # -- replay ---------------------------------------------------------------------------------
    def step(self, delta: int) -> None:
        self.slider.setValue(self.slider.value() + delta)

    def _slider_moved(self, value: int) -> None:
        index = 0 if value >= len(self.snapshots) else value + 1
        self.board_choice.setCurrentIndex(index)

    def _show_board(self, index: int) -> None:
        from sdi_desktop.domain.board.elements import element_from_dict

        value = len(self.snapshots) if index <= 0 else index - 1
        if self.slider.value() != value:
            self.slider.blockSignals(True)
            self.slider.setValue(value)
            self.slider.blockSignals(False)
        snapshot = self.snapshots[index - 1] if index > 0 else None
        board = self.final_board if snapshot is None else snapshot.board
        if self.binding is not None:  # a save meanwhile keeps the finished board
            self.binding.board_override = None if snapshot is None else self.final_board
        notes = self.final_notes if snapshot is None or not snapshot.notes else snapshot.notes
        editor = self.window.board.editor
        editor.blockSignals(True)  # looking at history is not an edit
        try:
            editor.load([element_from_dict(e) for e in board])
        finally:
            editor.blockSignals(False)
        self._show_notes(notes)
        self.window.board.view.zoom_to_fit()

    def _show_notes(self, notes: dict[str, str]) -> None:
        if self.binding is not None:
            self.binding.quiet = True
        try:
            self.window.notes.load_markdown_dict(notes)
        finally:
            if self.binding is not None:
                self.binding.quiet = False

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
