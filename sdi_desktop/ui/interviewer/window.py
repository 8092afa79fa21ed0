"""The interviewer's window (``interviewerWindow``): a top-level window of its own, so
it can sit on a second screen, facing the person who plays the interviewer.

Tabs: the prompt as spoken and the clarifying answers (each with a Reveal button),
the scale figures (Reveal), the hint ladder (Give next hint), follow-up cards per
phase, the reference answer (``ui/reference/``), the live rubric, and remarks
(a line tied to the phase and the clock). Everything goes through ``MockController``;
the window keeps no state of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.clock import format_duration
from sdi_desktop.domain.mock import material
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.ui.interviewer.feedback_form import FeedbackForm

if TYPE_CHECKING:
    from sdi_desktop.domain.problems.model import Problem
    from sdi_desktop.ui.interviewer.mock import MockController


def _wrapped(text: str, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
    return label


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class InterviewerWindow(QWidget):
    def __init__(self, mock: MockController, host: QWidget | None = None) -> None:
        # no parent: its own screen; a host: embedded behind the curtain (ui/interviewer/curtain.py)
        super().__init__(host, Qt.WindowType.Window if host is None else Qt.WindowType.Widget)
        self.mock = mock
        self.setObjectName("interviewerWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.resize(760, 720)
        self.reveal_buttons: dict[tuple[str, int], QPushButton] = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("interviewerClock")
        top.addWidget(self.status, 1)
        self.swap_button = QPushButton("Swap roles…")
        self.swap_button.setObjectName("swapRolesButton")
        self.swap_button.setToolTip("After the mock: the partner's session, roles exchanged")
        self.swap_button.clicked.connect(lambda: mock.swap_roles())
        top.addWidget(self.swap_button)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("interviewerTabs")
        layout.addWidget(self.tabs, 1)
        self.remark_edit = QLineEdit()
        self.remark_edit.setObjectName("remarkEdit")
        self.remark_edit.setPlaceholderText("A remark, tied to this moment (Enter adds it)")
        self.remark_edit.returnPressed.connect(self._add_remark)
        layout.addWidget(self.remark_edit)
        QShortcut(QKeySequence("Ctrl+L"), self, self.remark_edit.setFocus)
        self.feedback = FeedbackForm()
        self.feedback.edited.connect(self._feedback_edited)
        self.save_feedback = QPushButton("Save feedback")
        self.save_feedback.setObjectName("saveFeedbackButton")
        self.save_feedback.clicked.connect(lambda: mock.submit_feedback(self.feedback.feedback()))
        self._loading = False
        self.rebuild()

    # -- building -------------------------------------------------------------------
    def rebuild(self) -> None:
        """Fill the tabs for the open session's problem."""
        self._loading = True
        current = self.tabs.currentIndex()
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not getattr(self, "_fb_page", None):
                page.deleteLater()
        self.reveal_buttons.clear()
        self.hint_log = None  # built with the Hints tab (a problem with a hint ladder)
        problem = self.mock.problem()
        title = problem.title if problem else self.mock.window.session.title
        self.setWindowTitle(f"Interviewer's view — {title}")
        if problem is None:
            self.tabs.addTab(
                _wrapped(
                    "This session has no library problem, so there is nothing to hand "
                    "over. Remarks and the rubric still work."
                ),
                "Prompt",
            )
        else:
            self.tabs.addTab(_scrolled(self._prompt_page(problem)), "Prompt && answers")
            self.tabs.addTab(_scrolled(self._scale_page(problem)), "Scale")
            self.tabs.addTab(_scrolled(self._hints_page(problem)), "Hints")
            self.tabs.addTab(_scrolled(self._follow_up_page(problem)), "Follow-ups")
            self.tabs.addTab(self._reference_page(problem), "Reference")
        self.tabs.addTab(self._remarks_page(), "Remarks")
        self.tabs.addTab(self._feedback_page(), "Rubric")
        self.tabs.setCurrentIndex(max(0, current))
        self._loading = False
        self.refresh()

    def _reveal_row(self, grid: QGridLayout, row: int, kind: str, index: int, text: str):
        grid.addWidget(_wrapped(text), row, 1)
        button = QPushButton("Reveal")
        button.setObjectName(f"reveal_{kind}_{index}")
        button.setToolTip("Hand this to the candidate: it appears in their window")
        button.clicked.connect(lambda: self.mock.reveal(kind, index))
        grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
        self.reveal_buttons[(kind, index)] = button

    def _prompt_page(self, problem: Problem) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(_wrapped("Say it like this", bold=True), 0, 0, 1, 3)
        opening = _wrapped(material.opening(problem))
        opening.setObjectName("interviewerOpening")
        grid.addWidget(opening, 1, 0, 1, 3)
        grid.addWidget(_wrapped("When they ask", bold=True), 2, 0, 1, 3)
        row = 3
        for index, (question, answer) in enumerate(material.answers(problem)):
            grid.addWidget(_wrapped(question), row, 0, Qt.AlignmentFlag.AlignTop)
            self._reveal_row(grid, row, "answer", index, answer)
            row += 1
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(row, 1)
        return page

    def _scale_page(self, problem: Problem) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(
            _wrapped("Hand out a figure when the candidate asks for it", True), 0, 0, 1, 3
        )
        figures = material.scale_figures(problem)
        for index, figure in enumerate(figures):
            self._reveal_row(grid, index + 1, "scale", index, figure)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(figures) + 1, 1)
        return page

    def _hints_page(self, problem: Problem) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_wrapped("From a gentle nudge to a direct pointer; one at a time.", True))
        self.hint_labels = []
        for index, hint in enumerate(material.hint_ladder(problem)):
            label = _wrapped(f"{index + 1}. {hint}")
            self.hint_labels.append(label)
            layout.addWidget(label)
        self.hint_button = QPushButton("Give the next hint")
        self.hint_button.setObjectName("giveHintButton")
        self.hint_button.clicked.connect(self.mock.give_hint)
        layout.addWidget(self.hint_button)
        self.hint_log = QListWidget()
        self.hint_log.setObjectName("hintLog")
        self.hint_log.setWordWrap(True)
        layout.addWidget(_wrapped("Given", bold=True))
        layout.addWidget(self.hint_log, 1)
        return page

    def _follow_up_page(self, problem: Problem) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.follow_up_cards: dict[str, QWidget] = {}
        for phase in PHASES:
            cards = material.follow_ups_by_phase(problem).get(phase.key, [])
            box = QWidget()
            box.setObjectName(f"followUps_{phase.key}")
            inner = QVBoxLayout(box)
            inner.addWidget(_wrapped(phase.title, bold=True))
            for text in cards or ["No follow-up questions for this phase."]:
                card = _wrapped(f"• {text}")
                inner.addWidget(card)
            self.follow_up_cards[phase.key] = box
            layout.addWidget(box)
        layout.addStretch(1)
        return page

    def _reference_page(self, problem: Problem) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        if problem.reference is None:
            layout.addWidget(_wrapped("This problem has no reference answer."))
            layout.addStretch(1)
            return page
        button = QPushButton("Show the reference beside the candidate's work")
        button.setObjectName("interviewerShowReference")
        button.clicked.connect(lambda: self._show_reference(layout, button))
        layout.addWidget(button)
        layout.addStretch(1)
        self.reference_panel = None
        return page

    def _show_reference(self, layout: QVBoxLayout, button: QPushButton) -> None:
        from sdi_desktop.ui.reference.panel import ReferencePanel

        window = self.mock.window
        panel = ReferencePanel(
            self.mock.problem(),
            [e.to_dict() for e in window.board.editor.document],
            window.notes.to_markdown_dict(),
            window.themes.colors.dark,
        )
        panel.setWindowFlag(Qt.WindowType.Window, False)
        button.hide()
        layout.insertWidget(0, panel, 1)
        self.reference_panel = panel

    def _remarks_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_wrapped("Remarks appear on the review's timeline at their moment.", True))
        self.remark_list = QListWidget()
        self.remark_list.setObjectName("interviewerRemarks")
        self.remark_list.setWordWrap(True)
        layout.addWidget(self.remark_list, 1)
        return page

    def _feedback_page(self) -> QWidget:
        if not hasattr(self, "_fb_page"):
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.addWidget(self.feedback, 1)
            layout.addWidget(self.save_feedback, 0, Qt.AlignmentFlag.AlignRight)
            self._fb_page = page
        return self._fb_page

    # -- showing the log ----------------------------------------------------------------
    def refresh(self) -> None:
        log = self.mock.log
        clock = self.mock.window.session.clock
        phase = PHASES[clock.current]
        who = f"{log.candidate} is the candidate · " if log.candidate else ""
        self.status.setText(
            f"{who}Phase {clock.current + 1}: {phase.short_title} · "
            f"{format_duration(clock.total_elapsed())} into the session"
        )
        for (kind, index), button in self.reveal_buttons.items():
            done = log.revealed(kind, index)
            button.setText("Revealed" if done else "Reveal")
            button.setEnabled(not done and self.mock.editable_now())
        problem = self.mock.problem()
        if problem is not None and self.hint_log is not None:
            ladder = material.hint_ladder(problem)
            self.hint_log.clear()
            for entry in log.hints:
                self.hint_log.addItem(
                    f"{format_duration(entry.at)} · {PHASES[entry.phase].short_title}: {entry.text}"
                )
            left = log.next_hint() < len(ladder)
            self.hint_button.setEnabled(left and self.mock.editable_now())
            self.hint_button.setText("Give the next hint" if left else "All hints given")
            for i, label in enumerate(self.hint_labels):
                label.setEnabled(i >= log.next_hint())
        self.remark_list.clear()
        for entry in log.remarks:
            self.remark_list.addItem(
                f"{format_duration(entry.at)} · {PHASES[entry.phase].short_title}: {entry.text}"
            )
        self.remark_edit.setEnabled(self.mock.editable_now())
        self.swap_button.setEnabled(self.mock.can_swap())

    def load_feedback(self, feedback) -> None:
        self._loading = True
        self.feedback.load(feedback)
        self._loading = False

    def _feedback_edited(self) -> None:
        if not self._loading:
            self.mock.feedback_edited(self.feedback.feedback())

    def _add_remark(self) -> None:
        if self.mock.add_remark(self.remark_edit.text()):
            self.remark_edit.clear()

    def closeEvent(self, event) -> None:
        self.mock.window_closed()
        super().closeEvent(event)
