"""Runs the design review on the live session: debounced after board and notes edits,
only while the review is on (its panel open), never during a burst of typing.

Findings come from the domain (``run_checks``); the "Intended" choices live in a
``DesignReviewState`` (``state_dict()`` / ``load_state()`` for the session store) and
change through undo commands on the board's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from sdi_desktop.domain.checks.board_view import BoardView
from sdi_desktop.domain.checks.findings import Finding
from sdi_desktop.domain.checks.inputs import CheckInput, DesignFigures
from sdi_desktop.domain.checks.registry import run_checks
from sdi_desktop.domain.checks.review_state import DesignReviewState, ReviewStateError
from sdi_desktop.domain.checks.session_review import estimate_figures, problem_info
from sdi_desktop.domain.clock import ClockState
from sdi_desktop.domain.phases import HIGH_LEVEL, PHASES, phase_index
from sdi_desktop.ui.design_review.commands import MarkIntendedCommand
from sdi_desktop.ui.design_review.markers import FindingMarkers
from sdi_desktop.ui.design_review.notes_outline import outline_markdown

if TYPE_CHECKING:
    from sdi_desktop.domain.session import InterviewSession
    from sdi_desktop.ui.board.editor import BoardEditor

DEBOUNCE_MS = 800  # after the last edit; typing restarts it, so checks wait for a pause


class DesignReviewController(QObject):
    findingsChanged = Signal()  # open / intended lists changed
    stateChanged = Signal()  # dismissals or snapshots changed: save them with the session

    def __init__(
        self,
        editor: BoardEditor,
        panes: dict[str, Any],
        session: Callable[[], InterviewSession],
        parent: QObject | None = None,
        estimate: Callable[[], Any] = lambda: None,
    ) -> None:
        """``estimate``: the estimation calculator's state (``window.estimation``'s
        ``state_dict()``), whose rates the figure rules read; call ``schedule()`` when it
        changes."""
        super().__init__(parent)
        self.editor = editor
        self.panes = panes  # pane key -> RichTextEdit
        self._session = session
        self._estimate = estimate
        self.state = DesignReviewState()
        self.figures: DesignFigures | None = None  # the last run's, from the estimate
        self.findings: list[Finding] = []
        self.open: list[Finding] = []
        self.intended: list[Finding] = []
        self.active = False  # checks run (and markers show) only while the review is on
        self.runs = 0  # how many times the checks ran (tests and benchmarks read it)
        self.markers = FindingMarkers(editor.scene)
        self._markdown: dict[str, str] = {}
        self._stale: set[str] = set(panes)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        editor.changed.connect(self.schedule)
        for key, pane in panes.items():
            pane.document().contentsChanged.connect(lambda k=key: self._pane_changed(k))

    # -- when to run ------------------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        self.active = on
        if on:
            self.run_now()
        else:
            self._timer.stop()
            self.markers.clear()

    def schedule(self) -> None:
        if self.active:
            self._timer.start()

    def _pane_changed(self, key: str) -> None:
        self._stale.add(key)
        self.schedule()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    # -- running -----------------------------------------------------------------------------
    def _notes(self) -> dict[str, str]:
        """Each pane's outline, made again only for the panes edited since the last run."""
        for key in self._stale:
            self._markdown[key] = outline_markdown(self.panes[key].document())
        self._stale.clear()
        return dict(self._markdown)

    def check_input(self) -> CheckInput:
        session = self._session()
        self.figures = estimate_figures(self._estimate())
        return CheckInput(
            BoardView.from_elements(self.editor.document),
            self._notes(),
            problem_info(session.problem),
            self.figures,
        )

    def reached_phase(self) -> str | None:
        """The phase whose rules apply: the current one, and at least the high-level
        design (the review belongs to it, and a board drawn early is worth checking);
        None once finished, when every rule applies."""
        clock = self._session().clock
        if clock.state is ClockState.FINISHED:
            return None
        return PHASES[max(clock.current, phase_index(HIGH_LEVEL.key))].key

    def run_now(self) -> None:
        self._timer.stop()
        self.findings = run_checks(self.check_input(), reached=self.reached_phase())
        self.runs += 1
        self._publish()

    def _publish(self) -> None:
        self.open, self.intended = self.state.split(self.findings)
        if self.active:
            self.markers.show(f for f in self.open if f.elements)
        self.findingsChanged.emit()

    # -- intended ------------------------------------------------------------------------------
    def mark_intended(self, finding: Finding, intended: bool = True) -> None:
        """Dismiss (or restore) one finding for its items: an undo step on the board."""
        if self.state.is_dismissed(finding) != intended:
            self.editor.undo_stack.push(MarkIntendedCommand(finding, intended, self._apply))

    def _apply(self, finding: Finding, intended: bool) -> None:
        if self.state.set_dismissed(finding, intended):
            self._publish()
            self.stateChanged.emit()

    # -- stored with the session -----------------------------------------------------------------
    def state_dict(self) -> dict[str, Any]:
        return self.state.to_dict()

    def load_state(self, data: dict[str, Any] | None) -> str | None:
        """The session's stored review (None: a fresh one). Data that cannot be read
        starts a fresh review and is returned as a message to show once."""
        error = None
        try:
            self.state = DesignReviewState() if data is None else DesignReviewState.from_dict(data)
        except ReviewStateError as exc:
            self.state, error = DesignReviewState(), str(exc)
        self._stale = set(self.panes)
        self._publish()
        self.schedule()
        return error

    def record_snapshot(self, phase_index: int) -> None:
        """The findings as the phase ended, every rule up to that phase."""
        inp = self.check_input()
        findings = run_checks(inp, reached=PHASES[phase_index].key)
        self.state.record_snapshot(phase_index, findings)
        self.stateChanged.emit()

    def reset(self) -> None:
        """Another session: no dismissals, everything to read again."""
        self.state = DesignReviewState()
        self._stale = set(self.panes)
        self.findings = []
        self._publish()
        self.schedule()
