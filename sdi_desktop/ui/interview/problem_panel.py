"""The session's problem on screen: the prompt under the title, and hints on request.

Each hint can be revealed only in the phase it belongs to (clarifying questions and
the suggested scale in Scope, the deep-dive topics in Deep dive); revealing one
records it in ``session.hints_opened``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from sdi_desktop.domain.edit_gate import EditGate
from sdi_desktop.domain.hints import HINTS, Hint, HintNotAvailable
from sdi_desktop.domain.phases import PHASES, phase_index
from sdi_desktop.domain.session import InterviewSession

if TYPE_CHECKING:
    from sdi_desktop.domain.problems.model import Problem


class PromptLabel(QLabel):
    """The interviewer's prompt, always in view under the session title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPrompt")
        self.setAccessibleName("Problem prompt")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_session(self, session: InterviewSession) -> None:
        self.setText(session.prompt)
        self.setVisible(bool(session.prompt))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _bullets(items) -> str:
    return "".join(f"<p style='margin:0 0 4px 0'>• {_escape(i)}</p>" for i in items)


def hint_html(problem: Problem, key: str) -> str:
    """What a hint shows, as rich text."""
    if key == "clarifying_questions":
        return _bullets(problem.clarifying_questions)
    if key == "suggested_scale":
        scale = problem.suggested_scale
        rows = [f"Users: {scale.users}", f"Requests: {scale.requests}", f"Data: {scale.data}"]
        return _bullets([*rows, *scale.notes])
    if key == "deep_dive_topics":
        return "".join(
            f"<p style='margin:0 0 6px 0'><b>{_escape(d.topic)}</b><br>{_escape(d.concern)}</p>"
            for d in problem.deep_dives
        )
    raise KeyError(key)


class HintPanel(QScrollArea):
    """A button per hint, enabled only in the hint's phase; the text once revealed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gate = EditGate()  # the open session's: the window passes it
        self.setObjectName("problemHints")
        self.setAccessibleName("Hints for this problem")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.session: InterviewSession | None = None
        self._phase = -1
        self.buttons: dict[str, QPushButton] = {}
        self.texts: dict[str, QLabel] = {}
        self.locked: str | None = None  # why the hints are the interviewer's to give

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(6)
        self._body_layout = layout
        heading = QLabel("Hints for this problem")
        font = QFont(self.font())
        font.setBold(True)
        heading.setFont(font)
        note = QLabel("Try without them first. Each one you open is recorded with the session.")
        note.setWordWrap(True)
        note.setObjectName("hintNote")
        layout.addWidget(heading)
        layout.addWidget(note)
        self._first_hint_row = layout.count()
        for hint in HINTS:
            button = QPushButton()
            button.setObjectName(f"hintButton_{hint.key}")
            # Reached with Tab, not by a click: otherwise, once a clicked hint's button
            # hides, focus moves to the next one and Space (start/pause) would open it.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, k=hint.key: self.reveal(k))
            text = QLabel()
            text.setObjectName(f"hintText_{hint.key}")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.hide()
            layout.addWidget(button)
            layout.addWidget(text)
            self.buttons[hint.key] = button
            self.texts[hint.key] = text
        layout.addStretch(1)
        self.setWidget(body)

    def set_session(self, session: InterviewSession) -> None:
        if self.session is not None:
            self.session.clock.changed.disconnect(self._on_clock_changed)
            self.session.hints_changed.disconnect(self._on_hint_opened)
        self.session = session
        session.clock.changed.connect(self._on_clock_changed)
        session.hints_changed.connect(self._on_hint_opened)
        self._phase = session.clock.current
        problem = session.problem
        self.setVisible(problem is not None)
        self.refresh()

    def lock(self, reason: str | None) -> None:
        """A mock: the interviewer gives the hints (``reason`` says so); None unlocks."""
        self.locked = reason
        self.refresh()

    def _on_clock_changed(self) -> None:
        if self.session is not None and self.session.clock.current != self._phase:
            self._phase = self.session.clock.current
            self.refresh()

    def _on_hint_opened(self, _record) -> None:
        self.refresh()

    def reveal(self, key: str) -> bool:
        """Open a hint if the current phase allows it; True when it is shown."""
        if self.session is None or self.locked or not self.gate.allows_edit():
            return False
        try:
            self.session.open_hint(key)
        except HintNotAvailable:
            return False
        self.refresh()
        self._make_room()
        self.ensureWidgetVisible(self.texts[key])
        return True

    def _make_room(self) -> None:
        """A hint is read at once: the panel takes most of the side column's height
        (the guidance above stays in reach, scrolled), instead of a small box."""
        from PySide6.QtWidgets import QSplitter

        splitter = self.parentWidget()
        if not isinstance(splitter, QSplitter):
            return
        sizes = splitter.sizes()
        index = splitter.indexOf(self)
        total = sum(sizes)
        wanted = min(int(total * 0.62), self.widget().sizeHint().height() + 8)
        if index < 0 or total <= 0 or sizes[index] >= wanted:
            return
        others = [i for i in range(len(sizes)) if i != index]
        rest = total - wanted
        for i in others:
            sizes[i] = rest // len(others)
        sizes[index] = wanted
        splitter.setSizes(sizes)

    def refresh(self) -> None:
        session = self.session
        if session is None or session.problem is None:
            return
        # The current phase's hints come first, so what can be opened (or was) is on top.
        ordered = sorted(HINTS, key=lambda h: h.phase != session.current_phase_key)
        row = self._first_hint_row
        for hint in ordered:
            self._body_layout.insertWidget(row, self.buttons[hint.key])
            self._body_layout.insertWidget(row + 1, self.texts[hint.key])
            row += 2
            self._show_hint(hint, session)

    def _show_hint(self, hint: Hint, session: InterviewSession) -> None:
        in_phase = session.current_phase_key == hint.phase
        opened = session.hint_opened(hint.key)
        phase_name = PHASES[phase_index(hint.phase)].short_title
        button = self.buttons[hint.key]
        if in_phase:
            button.setText(f"Show {hint.label.lower()}")
            button.setToolTip("Reveal this hint (it is recorded with the session)")
        elif opened:
            button.setText(f"{hint.label} (opened in {phase_name})")
            button.setToolTip("Opened earlier; its text stays below")
        else:
            button.setText(f"{hint.label} (in {phase_name})")
            button.setToolTip(f"This hint can be revealed in the {phase_name} phase only")
        if self.locked and not opened:
            button.setToolTip(self.locked)
        button.setEnabled(in_phase and not opened and not self.locked)
        button.setVisible(not (in_phase and opened))
        # An opened hint stays readable after its phase (what the interviewer said does
        # not expire); its button above says where it was opened. The text is there only
        # while shown: a hidden label would still hold it (the interviewer's leak test).
        self.texts[hint.key].setText(hint_html(session.problem, hint.key) if opened else "")
        self.texts[hint.key].setVisible(opened)
