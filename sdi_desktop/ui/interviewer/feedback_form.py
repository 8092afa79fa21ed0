"""The interviewer's rubric: observed facts first, then a score and a note per
competency, each level's anchor in view (``domain/rubric.py``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.mock.log import Feedback
from sdi_desktop.domain.rubric import COMPETENCIES, LEVELS


class FeedbackForm(QScrollArea):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interviewerRubric")
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel("<b>1. Facts first</b>: what you saw and heard, with times."))
        self.facts = QPlainTextEdit()
        self.facts.setObjectName("interviewerFacts")
        self.facts.setPlaceholderText(
            "e.g. 04:10 asked about the read/write ratio; 18:30 added a cache only when asked"
        )
        self.facts.setMaximumHeight(110)
        self.facts.textChanged.connect(self._facts_changed)
        layout.addWidget(self.facts)
        self.scores_hint = QLabel("<b>2. Then scores</b>, once the facts are written down.")
        layout.addWidget(self.scores_hint)
        self.groups: dict[str, QButtonGroup] = {}
        self.notes: dict[str, QLineEdit] = {}
        self.boxes: list[QGroupBox] = []
        for competency in COMPETENCIES:
            box = QGroupBox(competency.title)
            form = QFormLayout(box)
            row = QHBoxLayout()
            group = QButtonGroup(box)
            for level, anchor in zip(LEVELS, competency.levels, strict=True):
                button = QRadioButton(str(level))
                button.setToolTip(f"{level}: {anchor}")
                group.addButton(button, level)
                row.addWidget(button)
            row.addStretch(1)
            group.idToggled.connect(lambda _i, on: on and self.edited.emit())
            anchors = QLabel(
                "<br>".join(f"{lv}: {a}" for lv, a in zip(LEVELS, competency.levels, strict=True))
            )
            anchors.setWordWrap(True)
            anchors.setObjectName(f"anchors_{competency.key}")
            note = QLineEdit()
            note.setObjectName(f"interviewerNote_{competency.key}")
            note.setPlaceholderText("A note tied to what you saw")
            note.textEdited.connect(lambda _t: self.edited.emit())
            form.addRow("Score", row)
            form.addRow(anchors)
            form.addRow("Note", note)
            self.groups[competency.key] = group
            self.notes[competency.key] = note
            self.boxes.append(box)
            layout.addWidget(box)
        layout.addStretch(1)
        self.setWidget(body)
        self._facts_changed()

    def _facts_changed(self) -> None:
        has_facts = bool(self.facts.toPlainText().strip())
        for box in self.boxes:
            box.setEnabled(has_facts and not self.facts.isReadOnly())
        self.edited.emit()

    def set_score(self, key: str, level: int) -> None:
        self.groups[key].button(level).setChecked(True)

    def feedback(self) -> Feedback:
        scores = {k: g.checkedId() for k, g in self.groups.items() if g.checkedId() in LEVELS}
        notes = {k: e.text().strip() for k, e in self.notes.items() if e.text().strip()}
        return Feedback(self.facts.toPlainText().strip(), scores, notes)

    def load(self, feedback: Feedback) -> None:
        self.blockSignals(True)
        self.facts.setPlainText(feedback.facts)
        for key, group in self.groups.items():
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(group.id(button) == feedback.scores.get(key))
            group.setExclusive(True)
            self.notes[key].setText(feedback.notes.get(key, ""))
        self.blockSignals(False)
        self._facts_changed()
