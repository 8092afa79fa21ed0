"""The mock in review: the remarks as a list (also markers on the phase timeline), and
the candidate's and the interviewer's assessments side by side, differences marked."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.clock import format_duration
from sdi_desktop.domain.mock.log import MockLog, differences
from sdi_desktop.domain.phases import PHASES
from sdi_desktop.domain.rubric import COMPETENCIES

DIFFERENT = QColor(255, 196, 0, 90)


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


class MockReviewPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mockReviewPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.title = _bold("The mock")
        layout.addWidget(self.title)
        layout.addWidget(QLabel("Remarks (marked on the timeline)"))
        self.remarks = QListWidget()
        self.remarks.setObjectName("mockRemarksList")
        self.remarks.setWordWrap(True)
        layout.addWidget(self.remarks, 1)
        layout.addWidget(_bold("Assessments"))
        self.table = QTableWidget(len(COMPETENCIES), 3)
        self.table.setObjectName("assessmentsSideBySide")
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, competency in enumerate(COMPETENCIES):
            self.table.setItem(row, 0, QTableWidgetItem(competency.title))
        layout.addWidget(self.table, 2)
        self.facts = QLabel()
        self.facts.setObjectName("interviewerFactsShown")
        self.facts.setWordWrap(True)
        layout.addWidget(self.facts)
        self.differing: list[str] = []

    def show_mock(self, log: MockLog, own: dict | None, others: dict[str, dict]) -> None:
        who = f" of {log.candidate}" if log.candidate else ""
        self.title.setText(f"The mock{who}")
        self.remarks.clear()
        for entry in log.remarks:
            phase = PHASES[entry.phase].short_title
            self.remarks.addItem(f"{format_duration(entry.at)} · {phase}: {entry.text}")
        name, theirs = next(iter(others.items()), ("Interviewer", None))
        self.table.setHorizontalHeaderLabels(["Competency", "Self", name])
        own_scores = dict((own or {}).get("scores") or {})
        other_scores = dict((theirs or {}).get("scores") or {})
        other_notes = dict((theirs or {}).get("notes") or {})
        self.differing = sorted(differences(own_scores, other_scores))
        for row, competency in enumerate(COMPETENCIES):
            mine = QTableWidgetItem(str(own_scores.get(competency.key, "–")))
            text = str(other_scores.get(competency.key, "–"))
            note = other_notes.get(competency.key)
            other = QTableWidgetItem(text)
            if note:
                other.setToolTip(note)
            for item in (mine, other):
                if competency.key in self.differing:
                    item.setBackground(QBrush(DIFFERENT))
                    item.setToolTip(
                        (item.toolTip() + "\n" if item.toolTip() else "")
                        + "The two assessments differ here"
                    )
                self.table.setItem(row, 1 if item is mine else 2, item)
        facts = (theirs or {}).get("facts") or ""
        self.facts.setText(f"Facts noted: {facts}" if facts else "No interviewer feedback yet.")
