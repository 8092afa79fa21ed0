"""Review mode for a finished session: read-only panes and board, a replay of the
board and notes as they stood at the end of each phase, the self-assessment, and
"Continue editing" in one click.

Replay: the slider (and the combo box beside it) steps from the end of the first
phase that has a snapshot to the session as finished; Left and Right step while
the banner has focus. The banner is only the view of review mode: the session
controller holds the state (read-only, which phase is replayed) and does the
showing; nothing is saved while it lasts.
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
    from sdi_desktop.ui.session.controller import SessionController


class ReviewBanner(QObject):
    continueRequested = Signal()
    assessRequested = Signal()

    def __init__(
        self, window: MainWindow, record: SessionRecord, controller: SessionController
    ) -> None:
        super().__init__(controller)
        self.window = window
        self.record = record
        self._controller = controller
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

    @property
    def read_only(self) -> bool:
        return self._controller.read_only

    @property
    def shown_phase(self) -> int | None:
        """The phase whose end is on screen; None: the session as finished."""
        return self.board_choice.currentData()

    # -- replay ---------------------------------------------------------------------------------
    def step(self, delta: int) -> None:
        self.slider.setValue(self.slider.value() + delta)

    def _slider_moved(self, value: int) -> None:
        index = 0 if value >= len(self.snapshots) else value + 1
        self.board_choice.setCurrentIndex(index)

    def _show_board(self, index: int) -> None:
        value = len(self.snapshots) if index <= 0 else index - 1
        if self.slider.value() != value:
            self.slider.blockSignals(True)
            self.slider.setValue(value)
            self.slider.blockSignals(False)
        self._controller.replay(self.board_choice.itemData(index))

    def show_phase_board(self, phase_index: int | None) -> None:
        index = self.board_choice.findData(phase_index)
        if index >= 0:
            self.board_choice.setCurrentIndex(index)

    def continue_editing(self) -> None:
        self.continueRequested.emit()

    def remove(self) -> None:
        """Review mode is over (the controller says so): the banner goes."""
        self.widget.hide()
        self.widget.deleteLater()
        self.deleteLater()
