"""The design review in the main window: the panel in a dock, ``actionDesignReview``
(Ctrl+Shift+D), Show / Intended wired to the board and notes, the offer at the end
of the high-level design phase and the link from its checklist item.

``install(window)`` builds it once the whiteboard and notes exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QPushButton

from sdi_desktop.domain.checks.findings import Finding
from sdi_desktop.domain.phases import HIGH_LEVEL, phase_index
from sdi_desktop.ui.design_review.controller import DesignReviewController
from sdi_desktop.ui.design_review.panel import DesignReviewPanel

if TYPE_CHECKING:
    from sdi_desktop.ui.main_window import MainWindow

SHORTCUT = "Ctrl+Shift+D"
OFFER_MS = 20_000
REVIEW_ITEM = 4  # "Review the design: ..." in the high-level phase's checklist
_HIGH_LEVEL = phase_index(HIGH_LEVEL.key)


class DesignReview(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        board, notes = window.board, window.notes
        self.controller = DesignReviewController(
            board.editor,
            notes.panes,
            lambda: window.session,
            self,
            estimate=window.estimation.state_dict,
        )
        window.estimation.changed.connect(self.controller.schedule)  # its rates count
        self.panel = DesignReviewPanel()
        self.dock = QDockWidget("Design review", window)
        self.dock.setObjectName("designReviewDock")
        self.dock.setWidget(self.panel)
        self.dock.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.action = QAction("Design &Review", window)
        self.action.setObjectName("actionDesignReview")
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setToolTip(f"Review the design: checks of the board and notes ({SHORTCUT})")
        self.action.triggered.connect(self.toggle)
        window.addAction(self.action)
        window._session_menu.insertAction(window.action_finish, self.action)
        self.dock.visibilityChanged.connect(self._on_visibility)
        self.controller.findingsChanged.connect(self._refresh_panel)
        self.panel.showRequested.connect(self.show_finding)
        self.panel.intendedRequested.connect(self.controller.mark_intended)
        window.phaseChanged.connect(self._on_phase_changed)
        window.sessionChanged.connect(self.controller.reset)
        self._offer: QPushButton | None = None
        self._shown: tuple[list, list] | None = None
        self._offer_timer = QTimer(self)
        self._offer_timer.setSingleShot(True)
        self._offer_timer.setInterval(OFFER_MS)
        self._offer_timer.timeout.connect(self._drop_offer)
        window.phase_panel.item_links[(HIGH_LEVEL.key, REVIEW_ITEM)] = (
            f"Open the design review ({SHORTCUT})",
            self.open,
        )
        if window.phase_panel.phase_index == _HIGH_LEVEL:  # shown before the link existed
            window.phase_panel.show_phase(
                _HIGH_LEVEL, window.session.checklist, window.session.clock.budget()
            )

    # -- opening ---------------------------------------------------------------------------------
    def open(self) -> None:
        self._drop_offer()
        self.dock.show()
        self.dock.raise_()
        self.panel.tree.setFocus()

    def toggle(self) -> None:
        if self.dock.isVisible():
            self.dock.hide()
        else:
            self.open()

    def _on_visibility(self, visible: bool) -> None:
        self.action.setChecked(visible)
        self.controller.set_active(visible)

    def _refresh_panel(self) -> None:
        shown = (list(self.controller.open), list(self.controller.intended))
        if shown != self._shown:  # unchanged findings keep the list, its selection and scroll
            self._shown = shown
            self.panel.set_findings(*shown)

    # -- Show -----------------------------------------------------------------------------------
    def show_finding(self, finding: Finding) -> None:
        board = self.window.board
        if finding.elements:
            ids = [i for i in finding.elements if i in board.editor.document]
            scene = board.editor.scene
            scene.select_ids(ids)
            rect = scene.content_rect(ids)
            if not rect.isNull():
                board.view.ensureVisible(rect, 40, 40)
                board.view.centerOn(rect.center())
            board.view.setFocus()
        elif finding.pane is not None:
            notes = self.window.notes
            container = notes.containers.get(finding.pane)
            if container is not None:
                notes.setCurrentWidget(container)
                notes.panes[finding.pane].setFocus()

    # -- the offer at the end of the high-level design ----------------------------------
    def _on_phase_changed(self, left: int, entered: int) -> None:
        self.controller.record_snapshot(left)
        self.controller.schedule()
        if left == _HIGH_LEVEL and entered > left and not self.dock.isVisible():
            self._offer_review()

    def _offer_review(self) -> None:
        """A button in the status bar for a while: never a dialog in the way."""
        self._drop_offer()
        bar = self.window.statusBar()
        self._offer = QPushButton(f"Review the design ({SHORTCUT})")
        self._offer.setObjectName("designReviewOffer")
        self._offer.setFlat(True)
        self._offer.clicked.connect(self.open)
        bar.addPermanentWidget(self._offer)
        bar.showMessage("High-level design done: a good moment to review it.", OFFER_MS)
        self._offer_timer.start()

    def _drop_offer(self) -> None:
        self._offer_timer.stop()
        if self._offer is not None:
            self.window.statusBar().removeWidget(self._offer)
            self._offer.deleteLater()
            self._offer = None


def install(window: MainWindow) -> DesignReview:
    return DesignReview(window)
