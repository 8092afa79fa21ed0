"""Two saved sessions side by side: phase times, scores and board size in a table,
both whiteboards as images, and one notes pane of each with the differences
highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sdi_desktop.domain.clock import format_duration
from sdi_desktop.domain.facts import session_facts
from sdi_desktop.domain.panes import PANE_TITLES
from sdi_desktop.domain.rubric import COMPETENCIES, Assessment, AssessmentError
from sdi_desktop.ui.review.notes_diff import changed_lines, notes_diff_html

BOARD_SIZE = (520, 300)


def board_pixmap(elements: list[dict], width: int, height: int) -> QPixmap:
    """The board drawn as an export draws it (light colours), fitted to the size."""
    from sdi_desktop.domain.board.file_format import from_plain
    from sdi_desktop.ui.board.editor import BoardEditor
    from sdi_desktop.ui.board.export import render_image

    editor = BoardEditor()
    editor.load(from_plain(elements))
    image = render_image(editor.scene, scale=1.0)
    editor.deleteLater()
    return QPixmap.fromImage(image).scaled(
        width,
        height,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class CompareDialog(QDialog):
    def __init__(self, store, left_id: int, right_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle("Compare sessions")
        self.store = store
        self.records: list = [None, None]
        self.assessments: list[Assessment | None] = [None, None]
        self.choices = [QComboBox(), QComboBox()]
        for side, combo in enumerate(self.choices):
            combo.setObjectName(f"compare{'Left' if side == 0 else 'Right'}")
            for summary in store.sessions.list():
                day = summary.started_at.astimezone().strftime("%Y-%m-%d")
                combo.addItem(f"{summary.title} ({day})", summary.id)
        self.pane_choice = QComboBox()
        self.pane_choice.setObjectName("comparePane")
        for key, title in PANE_TITLES.items():
            self.pane_choice.addItem(title, key)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("compareTable")
        self.table.setHorizontalHeaderLabels(["", "Left", "Right"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumWidth(500)
        self.table.setWordWrap(False)
        self.boards = [QLabel(), QLabel()]
        self.notes = [QTextBrowser(), QTextBrowser()]
        self.diff_label = QLabel()
        self.diff_label.setObjectName("compareDiffSummary")
        for side in (0, 1):
            self.boards[side].setObjectName(f"compareBoard{side}")
            self.boards[side].setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.boards[side].setMinimumSize(*BOARD_SIZE)
            self.notes[side].setObjectName(f"compareNotes{side}")

        top = QHBoxLayout()
        top.addWidget(QLabel("Left"))
        top.addWidget(self.choices[0], 1)
        top.addWidget(QLabel("Right"))
        top.addWidget(self.choices[1], 1)
        grid = QGridLayout()
        for side in (0, 1):
            grid.addWidget(self.boards[side], 0, side)
            grid.addWidget(self.notes[side], 2, side)
        notes_bar = QHBoxLayout()
        notes_bar.addWidget(QLabel("Notes pane"))
        notes_bar.addWidget(self.pane_choice)
        notes_bar.addWidget(self.diff_label, 1)
        grid.addLayout(notes_bar, 1, 0, 1, 2)
        grid.setRowStretch(2, 1)
        body = QHBoxLayout()
        body.addWidget(self.table, 0)
        body.addLayout(grid, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.resize(1500, 900)

        for side, session_id in enumerate((left_id, right_id)):
            self.choices[side].setCurrentIndex(max(0, self.choices[side].findData(session_id)))
            self.choices[side].currentIndexChanged.connect(lambda _i, s=side: self._load(s))
        self.pane_choice.currentIndexChanged.connect(lambda _i: self._show_notes())
        self._load(0, refresh=False)
        self._load(1)

    # -- loading -------------------------------------------------------------------------------
    def _load(self, side: int, refresh: bool = True) -> None:
        session_id = self.choices[side].currentData()
        if session_id is None:
            return
        from sdi_desktop.storage.errors import StorageError

        try:
            record = self.store.sessions.get(session_id)
        except StorageError as exc:  # a corrupt board, or one from a newer app
            self.records[side] = None
            self.boards[side].setPixmap(QPixmap())
            self.boards[side].setWordWrap(True)
            self.boards[side].setText(str(exc))
            return
        self.records[side] = record
        stored = self.store.sessions.get_assessment(session_id)
        try:
            self.assessments[side] = Assessment.from_dict(stored) if stored else None
        except AssessmentError:
            self.assessments[side] = None
        self.boards[side].setPixmap(board_pixmap(record.board, *BOARD_SIZE))
        if refresh:
            self._fill_table()
            self._show_notes()

    def _fill_table(self) -> None:
        if None in self.records:
            return
        rows: list[tuple[str, str, str]] = []
        facts = [session_facts(r) for r in self.records]
        records = self.records
        rows.append(("Problem", *(r.problem_title or "(own prompt)" for r in records)))
        rows.append(
            ("Started", *(r.started_at.astimezone().strftime("%Y-%m-%d %H:%M") for r in records))
        )
        rows.append(
            (
                "Total time",
                *(
                    f"{format_duration(f.total_spent)} / {format_duration(f.total_budget)}"
                    for f in facts
                ),
            )
        )
        for index, phase in enumerate(facts[0].phases):
            cells = []
            for f in facts:
                p = f.phases[index]
                over = f"  (+{format_duration(p.overtime)})" if p.overtime > 0 else ""
                cells.append(f"{format_duration(p.spent)} / {format_duration(p.budget)}{over}")
            rows.append((phase.title, *cells))
        for competency in COMPETENCIES:
            cells = []
            for assessment in self.assessments:
                score = assessment.scores.get(competency.key) if assessment else None
                cells.append("–" if score is None else f"{score} / 4")
            rows.append((competency.title, *cells))
        rows.append(("Components", *(str(f.components) for f in facts)))
        rows.append(("Connections", *(str(f.connectors) for f in facts)))
        rows.append(("Hints opened", *(str(len(f.hints_opened)) for f in facts)))
        rows.append(("Empty panes", *(str(len(f.empty_panes)) for f in facts)))
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(2)

    def _show_notes(self) -> None:
        if None in self.records:
            return
        key = self.pane_choice.currentData()
        left, right = (r.notes.get(key, "") for r in self.records)
        dark = self.palette().window().color().lightness() < 128
        html_left, html_right = notes_diff_html(left, right, dark)
        self.notes[0].setHtml(html_left)
        self.notes[1].setHtml(html_right)
        removed, added = changed_lines(left, right)
        self.diff_label.setText(
            "Same text on both sides."
            if not (removed or added)
            else f"{removed} line(s) only on the left, {added} only on the right"
        )

    def table_text(self, label: str) -> tuple[str, str]:
        """The two cells of the row with this label (for tests and screen readers)."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == label:
                return self.table.item(row, 1).text(), self.table.item(row, 2).text()
        raise KeyError(label)
