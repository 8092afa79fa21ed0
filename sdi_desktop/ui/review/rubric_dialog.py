"""The self-assessment dialog: a score per competency, the reviewer's points, a note,
and the facts of the session beside them.

The dialog only edits; whoever opens it saves ``assessment()`` when it is accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.facts import describe, session_facts
from sdi_desktop.domain.rubric import COMPETENCIES, LEVELS, Assessment

if TYPE_CHECKING:
    from sdi_desktop.domain.record import SessionRecord


class RubricDialog(QDialog):
    def __init__(
        self,
        record: SessionRecord,
        reviewer_points: list[str] | tuple[str, ...] = (),
        assessment: Assessment | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rubricDialog")
        self.setWindowTitle(f"Self-assessment: {record.title}")
        self.record = record
        previous = assessment or Assessment()
        self.groups: dict[str, QButtonGroup] = {}
        self.point_boxes: list[QCheckBox] = []

        scores = QWidget()
        scores_layout = QVBoxLayout(scores)
        scores_layout.setContentsMargins(0, 0, 6, 0)
        intro = QLabel(
            "Score each competency from 1 to 4 against what you actually did. "
            "The facts on the right come from the recorded session."
        )
        intro.setWordWrap(True)
        scores_layout.addWidget(intro)
        for competency in COMPETENCIES:
            box = QGroupBox(competency.title)
            box.setObjectName(f"rubric_{competency.key}")
            rows = QVBoxLayout(box)
            rows.setSpacing(2)
            group = QButtonGroup(self)
            for level, text in zip(LEVELS, competency.levels, strict=True):
                button = QRadioButton(f"{level}  {text}")
                button.setObjectName(f"score_{competency.key}_{level}")
                button.setChecked(previous.scores.get(competency.key) == level)
                group.addButton(button, level)
                rows.addWidget(button)
            self.groups[competency.key] = group
            scores_layout.addWidget(box)
        scores_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(scores)

        side = QVBoxLayout()
        facts = QGroupBox("What the session recorded")
        facts_layout = QVBoxLayout(facts)
        from sdi_desktop.domain.checks.session_review import facts_text

        self.facts_label = QLabel("\n".join([*describe(session_facts(record)), facts_text(record)]))
        self.facts_label.setObjectName("rubricFacts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts_layout.addWidget(self.facts_label)
        side.addWidget(facts)
        points = QGroupBox("Points a reviewer would expect")
        points.setObjectName("rubricReviewerPoints")
        points_layout = QVBoxLayout(points)
        if not reviewer_points:
            points_layout.addWidget(QLabel("This session has no problem from the library."))
        for point in reviewer_points:
            check = QCheckBox(point)
            check.setChecked(point in previous.reviewer_points)
            check.setToolTip(point)
            self.point_boxes.append(check)
            points_layout.addWidget(check)
        side.addWidget(points)
        side.addWidget(QLabel("Note to self"))
        self.note = QPlainTextEdit(previous.note)
        self.note.setObjectName("rubricNote")
        self.note.setPlaceholderText("What to do differently next time…")
        side.addWidget(self.note, 1)

        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addLayout(side, 2)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(1100, 760)

    def score_button(self, key: str, level: int) -> QRadioButton:
        return self.groups[key].button(level)

    def assessment(self) -> Assessment:
        scores = {
            key: group.checkedId() for key, group in self.groups.items() if group.checkedId() > 0
        }
        points = [box.text() for box in self.point_boxes if box.isChecked()]
        return Assessment(scores, points, self.note.toPlainText().strip())
